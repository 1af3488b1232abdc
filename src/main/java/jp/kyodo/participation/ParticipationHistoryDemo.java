package jp.kyodo.participation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
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
 * Demo history for the annual report: the drafts put to public comment in the two fiscal years before this one, with
 * the comments received and the results published. Invented commenters only.
 */
@Component
@Order(54)
class ParticipationHistoryDemo extends DemoContent {

    private static final Logger log = LoggerFactory.getLogger(ParticipationHistoryDemo.class);

    private record Past(int yearsAgo, int month, String title, int comments) {
    }

    private static final List<Past> PAST = List.of(
            new Past(2, 6, "本庄市環境基本計画(第3次)(案)", 14),
            new Past(2, 10, "本庄市子ども・子育て支援事業計画(案)", 9),
            new Past(2, 1, "本庄市地域防災計画の見直し(案)", 5),
            new Past(1, 5, "本庄市市民協働推進指針の改定(案)", 18),
            new Past(1, 8, "本庄市高齢者福祉計画(案)", 11),
            new Past(1, 11, "本庄市公共施設等総合管理計画(案)", 7),
            new Past(1, 2, "本庄市文化芸術振興計画(案)", 21));

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Clock clock;
    private final CityProfile city;

    ParticipationHistoryDemo(TransactionTemplate tx, JdbcClient jdbc, Environment environment, Accounts accounts, Clock clock,
                             CityProfile city) {
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
        boolean loaded = jdbc.sql("select exists (select 1 from pc_procedure where title = :t)").param("t", PAST.getFirst().title())
                .query(Boolean.class).single();
        boolean demo = jdbc.sql("select exists (select 1 from pc_procedure)").query(Boolean.class).single();
        AccountSummary staff = accounts.findByEmail("staff@example.jp").orElse(null);
        Long secretariat = accounts.secretariat().map(DepartmentView::id).orElse(null);
        if (loaded || !demo || staff == null || secretariat == null) {
            return;
        }
        log.info("Loaded {} demo public comments of past fiscal years", load(staff.id(), secretariat));
    }

    /** Inserts the past procedures with their comments and results; returns how many procedures. */
    int load(long staffId, long department) {
        FiscalYear thisYear = FiscalYear.of(LocalDate.now(clock.withZone(city.zone())));
        for (Past p : PAST) {
            FiscalYear year = new FiscalYear(thisYear.startYear() - p.yearsAgo());
            LocalDate opens = p.month() >= 4 ? LocalDate.of(year.startYear(), p.month(), 10) : LocalDate.of(year.startYear() + 1, p.month(), 10);
            LocalDate closes = opens.plusDays(30);
            Timestamp created = Timestamp.valueOf(opens.minusDays(14).atTime(9, 0));
            Timestamp published = Timestamp.valueOf(closes.plusDays(45).atTime(9, 0));
            long id = jdbc.sql("""
                            insert into pc_procedure (department_id, title, purpose, opens_on, closes_on, status, result_note, result_published_at,
                                created_by, created_at, updated_at)
                            values (:d, :t, :purpose, :o, :c, 'RESULT_PUBLISHED', :note, :pub, :by, :created, :pub) returning id""")
                    .param("d", department).param("t", p.title())
                    .param("purpose", p.title().replace("(案)", "") + "の案について、市民の皆さんのご意見を募集しました。")
                    .param("o", opens).param("c", closes)
                    .param("note", "お寄せいただいたご意見を踏まえ、計画を策定しました。ご協力ありがとうございました。")
                    .param("pub", published).param("by", staffId).param("created", created)
                    .query(Long.class).single();
            long section = jdbc.sql("insert into pc_section (procedure_id, seq, heading, body) values (:p, 1, '計画の概要', :b) returning id")
                    .param("p", id).param("b", p.title() + "の目的、期間と主な取組を示します。").query(Long.class).single();
            for (int i = 0; i < p.comments(); i++) {
                Timestamp at = Timestamp.valueOf(opens.plusDays(1 + i % 28).atTime(20, 0));
                jdbc.sql("""
                                insert into pc_comment (procedure_id, section_id, name, address, email, eligibility, body, status, created_at, confirmed_at)
                                values (:p, :s, :n, :a, :e, 'LIVE', :b, 'RECEIVED', :at, :at)""")
                        .param("p", id).param("s", section).param("n", "意見提出者" + (i + 1))
                        .param("a", "埼玉県本庄市千代田" + (1 + i % 4) + "-" + (1 + i % 9) + "-" + (10 + i))
                        .param("e", "iken" + id + "-" + (i + 1) + "@example.jp")
                        .param("b", "計画の内容について意見を述べます(デモ用の意見" + (i + 1) + ")。").param("at", at).update();
            }
        }
        return PAST.size();
    }
}
