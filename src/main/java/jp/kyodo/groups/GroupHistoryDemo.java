package jp.kyodo.groups;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import jp.kyodo.accounts.AccountSummary;
import jp.kyodo.accounts.Accounts;
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
 * Demo history for the annual report: groups registered two fiscal years ago and last year, some renewed and still
 * registered, some not renewed and since expired, so that the registry's figures show a trend. Invented groups only.
 */
@Component
@Order(21)
class GroupHistoryDemo extends DemoContent {

    private static final Logger log = LoggerFactory.getLogger(GroupHistoryDemo.class);

    private record Past(int yearsAgo, GroupType type, String name, String kana, String purpose, boolean renewed) {
    }

    private static final List<Past> PAST = List.of(
            new Past(2, GroupType.CIVIC, "本庄あおぞら読書会", "ホンジョウアオゾラドクショカイ", "本を通じて世代を超えた交流の場をつくります。", true),
            new Past(2, GroupType.CIVIC, "まちの写真記録隊", "マチノシャシンキロクタイ", "まちの移り変わりを写真で記録し、市民と共有します。", false),
            new Past(2, GroupType.COMMUNITY, "東台三丁目自治会", "ヒガシダイサンチョウメジチカイ", "住民の親睦と安全で住みよい地域づくりを進めます。", true),
            new Past(2, GroupType.COMMUNITY, "北泉子ども会", "キタイズミコドモカイ", "子どもたちの健やかな成長と地域の交流を図ります。", false),
            new Past(2, GroupType.BUSINESS, "本庄まちづくり商店会", "ホンジョウマチヅクリショウテンカイ", "商店街のにぎわいと地域の活性化に取り組みます。", true),
            new Past(2, GroupType.CIVIC, "手話サークルてのひら", "シュワサークルテノヒラ", "手話を学び、聞こえない人と聞こえる人が交流する場をつくります。", false),
            new Past(1, GroupType.CIVIC, "こども食堂みんなのいえ", "コドモショクドウミンナノイエ", "子どもが一人でも安心して食事ができる場を開きます。", true),
            new Past(1, GroupType.OTHER_ORG, "社会福祉法人はにわ福祉会", "シャカイフクシホウジンハニワフクシカイ", "地域の福祉課題に住民とともに取り組みます。", true),
            new Past(1, GroupType.CIVIC, "児玉ウォーキングクラブ", "コダマウォーキングクラブ", "歩く習慣を広げ、健康なまちをつくります。", true));

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final GroupRegistry registry;
    private final Clock clock;
    private final CityProfile city;

    GroupHistoryDemo(TransactionTemplate tx, JdbcClient jdbc, Environment environment, Accounts accounts, GroupRegistry registry,
                     Clock clock, CityProfile city) {
        super(tx, jdbc, environment);
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.registry = registry;
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
        boolean loaded = jdbc.sql("select exists (select 1 from civic_group where name = :n)").param("n", PAST.getFirst().name())
                .query(Boolean.class).single();
        boolean demoRegistry = jdbc.sql("select exists (select 1 from civic_group)").query(Boolean.class).single();
        AccountSummary staff = accounts.findByEmail("staff@example.jp").orElse(null);
        if (loaded || !demoRegistry || staff == null) {
            return;
        }
        log.info("Loaded {} demo groups of past fiscal years", load(staff.id()));
    }

    /** Inserts the past groups, registered in the fiscal years before this one; returns how many. */
    int load(long staffId) {
        FiscalYear thisYear = FiscalYear.of(LocalDate.now(clock.withZone(city.zone())));
        List<String> fields = jdbc.sql("select code from activity_field where active order by sort_order").query(String.class).list();
        List<String> areas = jdbc.sql("select code from activity_area where active order by sort_order").query(String.class).list();
        for (int i = 0; i < PAST.size(); i++) {
            Past p = PAST.get(i);
            FiscalYear registeredIn = new FiscalYear(thisYear.startYear() - p.yearsAgo());
            LocalDate registeredOn = registeredIn.start().plusDays(40 + i * 29L);
            LocalDate validUntil = registry.validUntil(registeredOn);
            // A renewed group's registration runs on from where it ended; one not renewed has expired.
            boolean expired = !p.renewed() && validUntil.isBefore(thisYear.end());
            if (p.renewed() && !validUntil.isAfter(thisYear.end())) {
                validUntil = thisYear.end().plusYears(1);
            }
            Timestamp at = Timestamp.valueOf(registeredOn.atTime(10, 0));
            long id = jdbc.sql("""
                            insert into civic_group (type, name, name_kana, founded_on, members_count, area_code, purpose, activities,
                                rep_name, status, registration_number, registered_on, valid_until, submitted_at,
                                declares_active_in_city, declares_no_political, declares_no_religious, declares_no_antisocial,
                                created_by, created_at, updated_at)
                            values (:type, :name, :kana, :founded, :members, :area, :purpose, :activities, :rep, :status, :number,
                                :registered, :valid, :at, true, true, true, true, :by, :at, :at) returning id""")
                    .param("type", p.type().name()).param("name", p.name()).param("kana", p.kana())
                    .param("founded", registeredOn.minusYears(3 + i)).param("members", 8 + i * 5)
                    .param("area", areas.isEmpty() ? null : areas.get(i % areas.size())).param("purpose", p.purpose())
                    .param("activities", "月に1回から2回、市内で活動しています。").param("rep", "代表 " + (i + 1))
                    .param("status", expired ? GroupStatus.EXPIRED.name() : GroupStatus.REGISTERED.name())
                    .param("number", registry.issueNumber(registeredIn)).param("registered", registeredOn).param("valid", validUntil)
                    .param("at", at).param("by", staffId)
                    .query(Long.class).single();
            if (!fields.isEmpty()) {
                jdbc.sql("insert into civic_group_field (group_id, field_code) values (:g, :f)")
                        .param("g", id).param("f", fields.get(i % fields.size())).update();
            }
            jdbc.sql("insert into civic_group_history (group_id, occurred_at, actor_id, actor_name, event, message) values (:g, :at, :by, 'demo', 'approved', null)")
                    .param("g", id).param("at", at).param("by", staffId).update();
        }
        return PAST.size();
    }
}
