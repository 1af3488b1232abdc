package jp.kyodo.support;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.groups.Groups;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.FiscalYear;
import jp.kyodo.shared.Inputs;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 委託・事業協力・協定: staff record commissioned work and cooperation agreements with groups or businesses, linked to the
 * group's registry record, so that every form of collaboration is counted by fiscal year, field and partner type.
 */
@Service
class Records {

    enum Kind { COMMISSION, COOPERATION }

    /** Who the partner is, for the statistics (a registered group's own type when linked). */
    enum PartnerType { CIVIC, COMMUNITY, BUSINESS, OTHER_ORG }

    private final JdbcClient jdbc;
    private final Groups groups;
    private final AuditLog audit;
    private final Clock clock;

    Records(JdbcClient jdbc, Groups groups, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.groups = groups;
        this.audit = audit;
        this.clock = clock;
    }

    record Record(long id, Kind kind, Long groupId, String partnerName, PartnerType partnerType, String title, String purpose,
                  LocalDate startsOn, LocalDate endsOn, Long amount, int fiscalYear, long departmentId) {
    }

    @Transactional
    long create(Actor staff, long departmentId, String rawKind, String rawGroupId, String rawPartner, String rawPartnerType, String rawTitle,
                String rawPurpose, String rawStarts, String rawEnds, String rawAmount) {
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        Kind kind = checks.check(() -> parse(Kind.class, "kind", rawKind));
        Long groupId = checks.check(() -> {
            if (rawGroupId == null || rawGroupId.isBlank()) {
                return null;
            }
            try {
                long id = Long.parseLong(rawGroupId.strip());
                groups.profile(id).orElseThrow(NumberFormatException::new);
                return id;
            } catch (NumberFormatException e) {
                throw new InvalidInputException("groupId", "validation.record.group");
            }
        });
        var profile = groupId == null ? null : groups.profile(groupId).orElse(null);
        String partner = profile != null ? profile.name() : checks.check(() -> Inputs.required("partnerName", rawPartner, 200));
        PartnerType type = profile != null ? PartnerType.valueOf(profile.type().name()) : checks.check(() -> parse(PartnerType.class, "partnerType", rawPartnerType));
        String title = checks.check(() -> Inputs.required("title", rawTitle, 200));
        String purpose = checks.check(() -> Inputs.required("recordPurpose", rawPurpose, 4000));
        LocalDate starts = checks.check(() -> Inputs.requiredDate("startsOn", rawStarts));
        LocalDate ends = checks.check(() -> Inputs.requiredDate("endsOn", rawEnds));
        Long amount = checks.check(() -> Inputs.yen("amount", rawAmount));
        if (starts != null && ends != null && ends.isBefore(starts)) {
            checks.check(() -> {
                throw new InvalidInputException("endsOn", "validation.proposal.periodOrder");
            });
        }
        checks.throwIfAny();
        long id = jdbc.sql("""
                        insert into support_record (kind, group_id, partner_name, partner_type, title, purpose, starts_on, ends_on, amount,
                            fiscal_year, department_id, created_by, created_at)
                        values (:k, :g, :p, :t, :title, :purpose, :s, :e, :a, :fy, :d, :by, :now) returning id""")
                .param("k", kind.name()).param("g", groupId).param("p", partner).param("t", type.name()).param("title", title)
                .param("purpose", purpose).param("s", starts).param("e", ends).param("a", amount).param("fy", FiscalYear.of(starts).startYear())
                .param("d", departmentId).param("by", staff.accountId()).param("now", Timestamp.from(clock.instant())).query(Long.class).single();
        audit.record(staff, "record.create", "support_record", id, kind + " " + title);
        return id;
    }

    @Transactional(readOnly = true)
    List<Record> all() {
        return jdbc.sql("select * from support_record order by starts_on desc")
                .query((rs, i) -> new Record(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), (Long) rs.getObject("group_id"),
                        rs.getString("partner_name"), PartnerType.valueOf(rs.getString("partner_type")), rs.getString("title"),
                        rs.getString("purpose"), rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
                        (Long) rs.getObject("amount"), rs.getInt("fiscal_year"), rs.getLong("department_id"))).list();
    }

    /** One line of the statistics: a fiscal year, a form of collaboration, a partner type, and how many. */
    record Count(int fiscalYear, String form, String partnerType, long count) {
    }

    /**
     * Every form handled here counted by fiscal year, form and partner type: approved endorsements and co-hostings,
     * granted subsidies, commissioned work and cooperation agreements.
     */
    @Transactional(readOnly = true)
    List<Count> statistics() {
        List<Count> out = new ArrayList<>();
        out.addAll(jdbc.sql("""
                        select extract(year from starts_on - interval '3 months')::int fy, kind, 'ORGANISER' pt, count(*) from support_event
                        where status in ('APPROVED', 'REPORTED', 'CLOSED') group by 1, 2 order by 1 desc, 2""")
                .query((rs, i) -> new Count(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list());
        out.addAll(jdbc.sql("""
                        select p.fiscal_year, 'SUBSIDY', case when g.group_id is null then 'OTHER' else 'GROUP' end, count(*)
                        from support_grant g join support_programme p on p.id = g.programme_id
                        where g.status in ('GRANTED', 'CHANGE_REQUESTED', 'REPORTED', 'FINALISED', 'PAID') group by 1, 2, 3 order by 1 desc""")
                .query((rs, i) -> new Count(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list());
        out.addAll(jdbc.sql("select fiscal_year, kind, partner_type, count(*) from support_record group by 1, 2, 3 order by 1 desc, 2, 3")
                .query((rs, i) -> new Count(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list());
        return out;
    }

    /** Commissioned work and cooperation agreements by the fields of the registered groups they were made with. */
    @Transactional(readOnly = true)
    Map<String, Long> byField() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Record r : all()) {
            if (r.groupId() != null) {
                groups.profile(r.groupId()).ifPresent(g -> g.fieldCodes().forEach(f -> out.merge(f, 1L, Long::sum)));
            }
        }
        return out;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String raw) {
        try {
            return Enum.valueOf(type, raw == null ? "" : raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "validation.required");
        }
    }
}
