package jp.kyodo.collaboration;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import jp.kyodo.accounts.AccountSummary;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.accounts.DepartmentView;
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
 * Demo history for the annual report: a call of each of the two fiscal years before this one, their proposals
 * (adopted or not) and the adopted projects, carried out under a signed agreement and reported with their actual
 * costs. Invented projects only.
 */
@Component
@Order(31)
class CollaborationHistoryDemo extends DemoContent {

    private static final Logger log = LoggerFactory.getLogger(CollaborationHistoryDemo.class);

    private record Past(int yearsAgo, String title, String form, String status, long cityShare, double spent) {
    }

    private static final List<Past> PAST = List.of(
            new Past(2, "親子で学ぶ防災キャンプ", "SUBSIDY", "ADOPTED", 180_000, 0.94),
            new Past(2, "外国人住民のための生活ガイドづくり", "COHOSTING", "ADOPTED", 120_000, 1.02),
            new Past(2, "商店街の空き店舗で子どもの居場所", "SUBSIDY", "CONDITIONALLY_ADOPTED", 250_000, 0.88),
            new Past(2, "竹林の整備と竹細工教室", "SUBSIDY", "NOT_ADOPTED", 150_000, 0),
            new Past(2, "地域の昔話を絵本にする会", "COOPERATION", "NOT_ADOPTED", 90_000, 0),
            new Past(1, "高齢者の買い物支援バス", "COMMISSION", "ADOPTED", 300_000, 0.97),
            new Past(1, "多文化交流フェスタ", "COHOSTING", "ADOPTED", 200_000, 1.05),
            new Past(1, "通学路の見守り隊の担い手育成", "SUBSIDY", "ADOPTED", 100_000, 0.91),
            new Past(1, "小山川の水辺の生きもの調査", "COOPERATION", "ADOPTED", 80_000, 0.99),
            new Past(1, "空き家を使った地域サロン", "SUBSIDY", "NOT_ADOPTED", 280_000, 0),
            new Past(1, "子ども食堂の食材バンク", "SUBSIDY", "NOT_ADOPTED", 160_000, 0));

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Groups groups;
    private final Clock clock;
    private final CityProfile city;

    CollaborationHistoryDemo(TransactionTemplate tx, JdbcClient jdbc, Environment environment, Accounts accounts, Groups groups,
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
        boolean demo = jdbc.sql("select exists (select 1 from collab_call)").query(Boolean.class).single();
        boolean loaded = jdbc.sql("select exists (select 1 from collab_call where title = :t)")
                .param("t", title(new FiscalYear(currentYear().startYear() - 2))).query(Boolean.class).single();
        AccountSummary admin = accounts.findByEmail("admin@example.jp").orElse(null);
        Long secretariat = accounts.secretariat().map(DepartmentView::id).orElse(null);
        List<Long> listed = groups.listed().stream().map(PublicGroup::id).toList();
        if (!demo || loaded || admin == null || secretariat == null || listed.isEmpty()) {
            return;
        }
        log.info("Loaded {} demo proposals of past fiscal years", load(admin.id(), admin.name(), secretariat, listed));
    }

    /**
     * Two years ago the yearly call for resident proposals; last year, which the module's own demo already gives a
     * yearly call, the departments' themes.
     */
    private static String title(FiscalYear year) {
        return year.japaneseLabel() + " 市民提案型協働事業";
    }

    private FiscalYear currentYear() {
        return FiscalYear.of(LocalDate.now(clock.withZone(city.zone())));
    }

    /** Inserts the past calls, proposals, projects, agreements and reports; returns how many proposals. */
    int load(long staffId, String staffName, long department, List<Long> groupIds) {
        FiscalYear thisYear = currentYear();
        for (int yearsAgo = 2; yearsAgo >= 1; yearsAgo--) {
            FiscalYear year = new FiscalYear(thisYear.startYear() - yearsAgo);
            // The call for a fiscal year is open in the autumn before it begins.
            LocalDate opens = year.start().minusMonths(7);
            Timestamp created = Timestamp.valueOf(opens.minusDays(20).atTime(9, 0));
            long call = jdbc.sql("""
                            insert into collab_call (origin, fiscal_year, title, department_id, background, rules, budget_cap,
                                application_opens, application_closes, consultation_deadline, first_screening_on, second_screening_on, result_on,
                                status, created_by, created_at, updated_at)
                            values (:origin, :fy, :title, :d, null, :rules, 300000, :opens, :closes, :consult, :first, :second, :result,
                                'CLOSED', :by, :at, :at) returning id""")
                    .param("origin", yearsAgo == 2 ? "GROUP" : "CITY").param("fy", year.startYear())
                    .param("title", yearsAgo == 2 ? title(year) : year.japaneseLabel() + " 地域課題テーマ型協働事業").param("d", department)
                    .param("rules", "市民活動団体等が、地域の課題を解決するために市と協働して行う事業を募集しました。")
                    .param("opens", opens).param("closes", opens.plusDays(45)).param("consult", opens.plusDays(30))
                    .param("first", opens.plusDays(60)).param("second", opens.plusDays(75)).param("result", opens.plusDays(90))
                    .param("by", staffId).param("at", created).query(Long.class).single();
            for (String form : List.of("SUBSIDY", "COHOSTING", "COOPERATION", "COMMISSION")) {
                jdbc.sql("insert into collab_call_form (call_id, form) values (:c, :f)").param("c", call).param("f", form).update();
            }
            int i = 0;
            for (Past p : PAST) {
                if (p.yearsAgo() != yearsAgo) {
                    continue;
                }
                i++;
                proposal(call, year, opens, p, groupIds.get((i * 3 + yearsAgo) % groupIds.size()), staffId, staffName);
            }
        }
        return PAST.size();
    }

    private void proposal(long call, FiscalYear year, LocalDate opens, Past p, long groupId, long staffId, String staffName) {
        Timestamp submitted = Timestamp.valueOf(opens.plusDays(40).atTime(15, 0));
        Timestamp decided = Timestamp.valueOf(opens.plusDays(90).atTime(10, 0));
        boolean adopted = !p.status().equals("NOT_ADOPTED");
        long proposal = jdbc.sql("""
                        insert into collab_proposal (call_id, group_id, status, title, purpose, content, target, capacity, period_from, period_to,
                            place, form, requested_amount, decision_reason, conditions, submitted_at, decided_at, created_by, created_at, updated_at)
                        values (:c, :g, :s, :t, :purpose, :content, '市内在住の方', '各回20人', :from, :to, '市内各所', :form, :amount,
                            :reason, :conditions, :submitted, :decided, :by, :submitted, :decided) returning id""")
                .param("c", call).param("g", groupId).param("s", p.status()).param("t", p.title())
                .param("purpose", p.title() + "を通じて、地域の課題に市と団体が一緒に取り組みます。")
                .param("content", p.title() + "を年間を通じて実施します。").param("from", year.start()).param("to", year.end())
                .param("form", p.form()).param("amount", p.cityShare())
                .param("reason", adopted ? "地域の課題に合い、実現の見込みが高いと評価されました。" : "他の提案と比べて、実施体制の具体性が不足していました。")
                .param("conditions", p.status().equals("CONDITIONALLY_ADOPTED") ? "会場の安全管理の計画を協定までに示すこと。" : null)
                .param("submitted", submitted).param("decided", decided).param("by", staffId).query(Long.class).single();
        long fees = 20_000;
        long[] amounts = {fees, p.cityShare() * 2 / 3, p.cityShare() - p.cityShare() * 2 / 3, fees};
        String[][] lines = {{"INCOME", "参加費", "GROUP"}, {"EXPENSE", "講師謝礼", "CITY"}, {"EXPENSE", "消耗品費", "CITY"},
                {"EXPENSE", "会場使用料", "GROUP"}};
        for (int i = 0; i < lines.length; i++) {
            jdbc.sql("insert into collab_proposal_budget (proposal_id, seq, kind, item, amount, bearer) values (:p, :s, :k, :i, :a, :b)")
                    .param("p", proposal).param("s", i).param("k", lines[i][0]).param("i", lines[i][1]).param("a", amounts[i])
                    .param("b", lines[i][2]).update();
        }
        jdbc.sql("insert into collab_proposal_target (proposal_id, seq, kind, description, target_value) values (:p, 0, 'OUTCOME', '参加者の満足度', '80%以上')")
                .param("p", proposal).update();
        if (!adopted) {
            return;
        }
        Timestamp started = Timestamp.valueOf(year.start().atTime(9, 0));
        Timestamp finished = Timestamp.valueOf(year.end().plusDays(20).atTime(9, 0));
        long project = jdbc.sql("""
                        insert into collab_project (proposal_id, status, started_at, created_at, updated_at)
                        values (:p, 'COMPLETED', :started, :decided, :finished) returning id""")
                .param("p", proposal).param("started", started).param("decided", decided).param("finished", finished)
                .query(Long.class).single();
        jdbc.sql("""
                        insert into collab_agreement (project_id, number, status, purpose, period_from, period_to, roles, cost_sharing,
                            information_sharing, personal_data, outputs, change_termination, city_confirmed_by, city_confirmed_name,
                            city_confirmed_at, group_confirmed_by, group_confirmed_name, group_confirmed_at, created_by, created_at, updated_at)
                        values (:p, 1, 'SIGNED', :purpose, :from, :to, '団体は企画と運営を、市は会場の確保と広報を担う。',
                            '市は協定に定める額を負担し、その他の経費は団体が負担する。', '毎月の定例会で進み具合を共有する。',
                            '参加者の個人情報は事業の目的にのみ使い、終了後に消去する。', '成果物の著作権は団体と市が共有する。',
                            '協定の変更は双方の合意による。', :by, :name, :started, null, '代表者', :started, :by, :decided, :started)""")
                .param("p", project).param("purpose", p.title() + "を協働で実施する。").param("from", year.start()).param("to", year.end())
                .param("by", staffId).param("name", staffName).param("started", started).param("decided", decided).update();
        report(project, "INTERIM", year.start().plusMonths(6), null, p);
        long completion = report(project, "COMPLETION", year.end().plusDays(30), amounts, p);
        jdbc.sql("update collab_report set participants = :n where id = :id").param("n", 150 + (int) (p.cityShare() / 1000)).param("id", completion).update();
    }

    private long report(long project, String kind, LocalDate due, long[] planned, Past p) {
        Timestamp at = Timestamp.valueOf(due.minusDays(5).atTime(17, 0));
        long id = jdbc.sql("""
                        insert into collab_report (project_id, kind, status, due_on, activities, participants, submitted_at, decided_at, updated_at)
                        values (:p, :k, 'ACCEPTED', :due, :a, 60, :at, :at, :at) returning id""")
                .param("p", project).param("k", kind).param("due", due)
                .param("a", kind.equals("INTERIM") ? "計画どおり前半の活動を進めました。" : "計画した活動をすべて行い、目標を達成しました。")
                .param("at", at).query(Long.class).single();
        jdbc.sql("insert into collab_report_outcome (report_id, target_seq, achieved) values (:r, 0, :v)")
                .param("r", id).param("v", kind.equals("INTERIM") ? "82%" : "88%").update();
        for (int i = 0; planned != null && i < planned.length; i++) {
            long actual = Math.round(planned[i] * p.spent() / 100.0) * 100;
            jdbc.sql("insert into collab_report_actual (report_id, budget_seq, amount) values (:r, :s, :a)")
                    .param("r", id).param("s", i).param("a", actual).update();
        }
        return id;
    }
}
