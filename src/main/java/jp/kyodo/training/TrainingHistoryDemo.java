package jp.kyodo.training;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import jp.kyodo.accounts.AccountSummary;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.accounts.DepartmentView;
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
 * Demo history for the annual report: courses held in the two fiscal years before this one, with their registrations
 * and attendance. Invented participants only, without accounts.
 */
@Component
@Order(63)
class TrainingHistoryDemo extends DemoContent {

    private static final Logger log = LoggerFactory.getLogger(TrainingHistoryDemo.class);

    private record Past(int yearsAgo, int month, String title, int sessions, int registered) {
    }

    private static final List<Past> PAST = List.of(
            new Past(2, 6, "市民活動はじめて講座", 3, 14),
            new Past(2, 10, "団体の会計と助成金申請の基礎", 2, 18),
            new Past(2, 1, "地域の防災リーダー講座", 4, 12),
            new Past(1, 5, "市民活動はじめて講座", 3, 20),
            new Past(1, 7, "SNSで伝える団体の広報講座", 2, 24),
            new Past(1, 11, "協働事業の提案書の書き方", 2, 16),
            new Past(1, 2, "地域の防災リーダー講座", 4, 15));

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Clock clock;
    private final CityProfile city;

    TrainingHistoryDemo(TransactionTemplate tx, JdbcClient jdbc, Environment environment, Accounts accounts, Clock clock, CityProfile city) {
        super(tx, jdbc, environment);
        this.jdbc = jdbc;
        this.accounts = accounts;
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
        boolean loaded = jdbc.sql("select exists (select 1 from training_course where title like '%' || :t)")
                .param("t", "(" + new FiscalYear(currentYear().startYear() - 2).japaneseLabel() + ")").query(Boolean.class).single();
        boolean demo = jdbc.sql("select exists (select 1 from training_course)").query(Boolean.class).single();
        AccountSummary staff = accounts.findByEmail("staff@example.jp").orElse(null);
        Long department = staff == null ? null
                : staff.departmentId() != null ? staff.departmentId() : accounts.secretariat().map(DepartmentView::id).orElse(null);
        if (loaded || !demo || staff == null || department == null) {
            return;
        }
        log.info("Loaded {} demo courses of past fiscal years", load(staff.id(), department));
    }

    private FiscalYear currentYear() {
        return FiscalYear.of(LocalDate.now(clock.withZone(city.zone())));
    }

    /** Inserts the past courses with sessions, registrations and attendance; returns how many courses. */
    int load(long staffId, long department) {
        FiscalYear thisYear = currentYear();
        for (int c = 0; c < PAST.size(); c++) {
            Past p = PAST.get(c);
            FiscalYear year = new FiscalYear(thisYear.startYear() - p.yearsAgo());
            LocalDate first = p.month() >= 4 ? LocalDate.of(year.startYear(), p.month(), 12) : LocalDate.of(year.startYear() + 1, p.month(), 12);
            Timestamp created = Timestamp.valueOf(first.minusDays(45).atTime(9, 0));
            long course = jdbc.sql("""
                            insert into training_course (department_id, title, description, lecturer, place, target, capacity, fee,
                                application_opens_on, application_closes_on, status, created_by, created_at, updated_at)
                            values (:d, :t, :desc, '市民活動推進課 職員ほか', '本庄市民活動交流センター', 'RESIDENTS', :cap, 0,
                                :opens, :closes, 'PUBLISHED', :by, :at, :at) returning id""")
                    .param("d", department).param("t", p.title() + "(" + year.japaneseLabel() + ")")
                    .param("desc", p.title() + "です。全" + p.sessions() + "回の講座で、実例を交えて学びます。")
                    .param("cap", p.registered() + 4).param("opens", first.minusDays(40)).param("closes", first.minusDays(7))
                    .param("by", staffId).param("at", created).query(Long.class).single();
            List<Long> sessions = new ArrayList<>();
            for (int s = 0; s < p.sessions(); s++) {
                sessions.add(jdbc.sql("""
                                insert into training_session (course_id, number, held_on, starts_at, ends_at, topic)
                                values (:c, :n, :d, :from, :to, :topic) returning id""")
                        .param("c", course).param("n", s + 1).param("d", first.plusWeeks(s))
                        .param("from", Time.valueOf(LocalTime.of(14, 0))).param("to", Time.valueOf(LocalTime.of(16, 0)))
                        .param("topic", "第" + (s + 1) + "回").query(Long.class).single());
            }
            for (int r = 0; r < p.registered(); r++) {
                long registration = jdbc.sql("""
                                insert into training_registration (course_id, name, email, status, created_at)
                                values (:c, :n, :e, 'CONFIRMED', :at) returning id""")
                        .param("c", course).param("n", "受講者" + (r + 1)).param("e", "jukou" + course + "-" + (r + 1) + "@example.jp")
                        .param("at", created).query(Long.class).single();
                for (int s = 0; s < sessions.size(); s++) {
                    // Most attend every session; a few miss one.
                    if ((r + s + c) % 6 != 5) {
                        jdbc.sql("insert into training_attendance (session_id, registration_id) values (:s, :r)")
                                .param("s", sessions.get(s)).param("r", registration).update();
                    }
                }
            }
        }
        return PAST.size();
    }
}
