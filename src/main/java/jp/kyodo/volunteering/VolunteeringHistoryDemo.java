package jp.kyodo.volunteering;

import java.math.BigDecimal;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import jp.kyodo.accounts.AccountSummary;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.groups.Groups;
import jp.kyodo.groups.PublicGroup;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.DemoContent;
import jp.kyodo.shared.FiscalYear;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo history for the annual report: closed volunteer opportunities of the two fiscal years before this one, whose
 * groups confirmed who attended and for how long. Invented volunteers only, without accounts.
 */
@Component
@Order(72)
class VolunteeringHistoryDemo extends DemoContent {

    private static final Logger log = LoggerFactory.getLogger(VolunteeringHistoryDemo.class);

    private record Past(int yearsAgo, int month, String title, String place, int shifts, int volunteers, String hours) {
    }

    private static final List<Past> PAST = List.of(
            new Past(2, 5, "小山川クリーン作戦の手伝い", "小山川河川敷", 2, 12, "2.0"),
            new Past(2, 8, "夏休み子ども体験教室のサポート", "本庄市民活動交流センター", 3, 6, "3.0"),
            new Past(2, 11, "本庄まつりの会場案内", "本庄駅北口 中央通り一帯", 2, 15, "4.0"),
            new Past(1, 5, "小山川クリーン作戦の手伝い", "小山川河川敷", 2, 16, "2.0"),
            new Past(1, 7, "高齢者サロンの茶話会の手伝い", "藤田公民館", 4, 5, "2.5"),
            new Past(1, 11, "本庄まつりの会場案内", "本庄駅北口 中央通り一帯", 2, 20, "4.0"),
            new Past(1, 1, "防災訓練の避難所運営補助", "本庄東小学校 体育館", 1, 18, "3.5"));

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Groups groups;
    private final Clock clock;
    private final CityProfile city;

    VolunteeringHistoryDemo(TransactionTemplate tx, JdbcClient jdbc, Environment environment, Accounts accounts, Groups groups,
                            Clock clock, CityProfile city) {
        super(tx, jdbc, environment);
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.groups = groups;
        this.clock = clock;
        this.city = city;
    }

    /** None: the module's own demo has filled the tables already; {@link #loadDemo} checks for the history itself. */
    @Override
    protected List<String> demoTables() {
        return List.of();
    }

    @Override
    protected void loadDemo() {
        boolean demo = jdbc.sql("select exists (select 1 from vol_opportunity)").query(Boolean.class).single();
        boolean loaded = jdbc.sql("select exists (select 1 from vol_opportunity where title = :t and apply_by < :d)")
                .param("t", PAST.getFirst().title()).param("d", currentYear().previous().start()).query(Boolean.class).single();
        AccountSummary staff = accounts.findByEmail("staff@example.jp").orElse(null);
        List<Long> listed = groups.listed().stream().map(PublicGroup::id).toList();
        if (!demo || loaded || staff == null || listed.isEmpty()) {
            return;
        }
        log.info("Loaded {} demo volunteer opportunities of past fiscal years", load(listed, staff.id()));
    }

    private FiscalYear currentYear() {
        return FiscalYear.of(LocalDate.now(clock.withZone(city.zone())));
    }

    /** Inserts the past opportunities with shifts and confirmed attendance; returns how many opportunities. */
    int load(List<Long> groupIds, long creator) {
        FiscalYear thisYear = currentYear();
        for (int o = 0; o < PAST.size(); o++) {
            Past p = PAST.get(o);
            FiscalYear year = new FiscalYear(thisYear.startYear() - p.yearsAgo());
            LocalDate first = p.month() >= 4 ? LocalDate.of(year.startYear(), p.month(), 15) : LocalDate.of(year.startYear() + 1, p.month(), 15);
            Timestamp created = Timestamp.valueOf(first.minusDays(30).atTime(9, 0));
            long opportunity = jdbc.sql("""
                            insert into vol_opportunity (group_id, title, description, place, for_beginners, apply_by, status, created_by,
                                created_at, updated_at)
                            values (:g, :t, :d, :place, true, :by, 'CLOSED', :creator, :at, :at) returning id""")
                    .param("g", groupIds.get(o % groupIds.size())).param("t", p.title())
                    .param("d", p.title() + "をお願いしました。初めての方も歓迎しました。").param("place", p.place())
                    .param("by", first.minusDays(5)).param("creator", creator).param("at", created).query(Long.class).single();
            for (int s = 0; s < p.shifts(); s++) {
                LocalDate day = first.plusWeeks(s);
                long shift = jdbc.sql("""
                                insert into vol_shift (opportunity_id, held_on, starts_at, ends_at, capacity)
                                values (:o, :d, :from, :to, :cap) returning id""")
                        .param("o", opportunity).param("d", day).param("from", Time.valueOf(LocalTime.of(9, 0)))
                        .param("to", Time.valueOf(LocalTime.of(9, 0).plusMinutes(Math.round(Double.parseDouble(p.hours()) * 60))))
                        .param("cap", p.volunteers() + 2).query(Long.class).single();
                Timestamp confirmed = Timestamp.valueOf(day.plusDays(2).atTime(18, 0));
                for (int v = 0; v < p.volunteers(); v++) {
                    // One in eight could not come after all.
                    boolean attended = (v + s + o) % 8 != 7;
                    jdbc.sql("""
                                    insert into vol_application (shift_id, opportunity_id, applicant_name, message, status, decided_at, attended,
                                        hours, confirmed_at, created_at, updated_at)
                                    values (:s, :o, :n, null, 'ACCEPTED', :at, :attended, :h, :confirmed, :at, :confirmed)""")
                            .param("s", shift).param("o", opportunity).param("n", "ボランティア" + (v + 1))
                            .param("at", created).param("attended", attended)
                            .param("h", attended ? new BigDecimal(p.hours()) : null).param("confirmed", confirmed).update();
                }
            }
        }
        return PAST.size();
    }
}
