package jp.kyodo.volunteering;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jp.kyodo.documents.PdfDocuments;
import jp.kyodo.groups.Groups;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.FiscalYear;
import jp.kyodo.shared.JapaneseDates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident's volunteer record: the activities whose attendance and hours a group confirmed, with a total per fiscal
 * year, and the certificate (ボランティア活動証明) for one activity or a whole year as a PDF.
 */
@Service
class VolunteerRecords {

    private final JdbcClient jdbc;
    private final Groups groups;
    private final PdfDocuments pdf;
    private final Clock clock;
    private final CityProfile city;

    VolunteerRecords(JdbcClient jdbc, Groups groups, PdfDocuments pdf, Clock clock, CityProfile city) {
        this.jdbc = jdbc;
        this.groups = groups;
        this.pdf = pdf;
        this.clock = clock;
        this.city = city;
    }

    /** One confirmed activity. */
    record Activity(long applicationId, Long accountId, String name, long opportunityId, String title, String groupName, LocalDate heldOn,
                    String times, BigDecimal hours) {

        /** E.g. "令和8年7月4日", as certificates write dates. */
        public String date() {
            return JapaneseDates.format(heldOn);
        }

        public FiscalYear fiscalYear() {
            return FiscalYear.of(heldOn);
        }
    }

    /** A fiscal year's activities and their total hours. */
    record Year(FiscalYear fiscalYear, List<Activity> activities, BigDecimal total) {
    }

    /** What a certificate says: whose activities, which ones, the total, and when it was issued. */
    record Certificate(String name, String period, List<Activity> activities, BigDecimal total, String issued) {
    }

    /** The account's confirmed activities by fiscal year, newest year first. */
    @Transactional(readOnly = true)
    List<Year> record(long accountId) {
        Map<FiscalYear, List<Activity>> byYear = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (Activity a : activities("a.account_id = :acc", Map.of("acc", accountId))) {
            byYear.computeIfAbsent(a.fiscalYear(), k -> new ArrayList<>()).add(a);
        }
        return byYear.entrySet().stream().map(e -> new Year(e.getKey(), e.getValue(), total(e.getValue()))).toList();
    }

    /** The certificate for one activity: only its resident's (or, with {@code staff}, anyone's); else "not found". */
    @Transactional(readOnly = true)
    Certificate forActivity(long applicationId, long accountId, boolean staff) {
        Activity a = activities("a.id = :id", Map.of("id", applicationId)).stream().findFirst().orElseThrow(Opportunities::notFound);
        if (!staff && (a.accountId() == null || a.accountId() != accountId)) {
            throw Opportunities.notFound();
        }
        return new Certificate(a.name(), a.date(), List.of(a), a.hours(), issued());
    }

    /** The certificate for all of the resident's activities in a fiscal year; "not found" when there are none. */
    @Transactional(readOnly = true)
    Certificate forYear(long accountId, int startYear) {
        FiscalYear fy = new FiscalYear(startYear);
        List<Activity> list = activities("a.account_id = :acc and s.held_on between :from and :to",
                Map.of("acc", accountId, "from", fy.start(), "to", fy.end()));
        if (list.isEmpty()) {
            throw Opportunities.notFound();
        }
        return new Certificate(list.getFirst().name(), fy.japaneseLabel(), list, total(list), issued());
    }

    byte[] pdf(Certificate certificate) {
        return pdf.render("volunteering/pdf/certificate", Map.of("certificate", certificate), Locale.JAPANESE);
    }

    private String issued() {
        return JapaneseDates.format(LocalDate.now(clock.withZone(city.zone())));
    }

    private static BigDecimal total(List<Activity> list) {
        return list.stream().map(Activity::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private List<Activity> activities(String where, Map<String, Object> params) {
        var spec = jdbc.sql("""
                select a.id, a.account_id, a.applicant_name, o.id as opportunity_id, o.title, o.group_id, s.held_on, s.starts_at, s.ends_at, a.hours
                from vol_application a join vol_shift s on s.id = a.shift_id join vol_opportunity o on o.id = a.opportunity_id
                where a.attended and a.confirmed_at is not null and a.hours is not null and a.status = 'ACCEPTED' and\s""" + where
                + " order by s.held_on, s.starts_at, a.id");
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        Map<Long, String> names = new java.util.HashMap<>();
        return spec.query((rs, i) -> new Activity(rs.getLong("id"), (Long) rs.getObject("account_id"), rs.getString("applicant_name"),
                rs.getLong("opportunity_id"), rs.getString("title"),
                names.computeIfAbsent(rs.getLong("group_id"), g -> groups.profile(g).map(Groups.GroupProfile::name).orElse("")),
                rs.getDate("held_on").toLocalDate(), rs.getTime("starts_at").toLocalTime() + "〜" + rs.getTime("ends_at").toLocalTime(),
                rs.getBigDecimal("hours"))).list();
    }
}
