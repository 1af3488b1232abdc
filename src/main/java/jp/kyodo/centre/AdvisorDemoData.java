package jp.kyodo.centre;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import jp.kyodo.accounts.AccountSummary;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.groups.Groups;
import jp.kyodo.groups.PublicGroup;
import jp.kyodo.shared.CityProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo advisors for an empty database: a tax accountant and an NPO support adviser, each with past consultations on
 * record, one consultation fixed for next week and one request waiting to be arranged. Invented people only.
 */
@Component
@Order(62)
class AdvisorDemoData extends jp.kyodo.shared.DemoContent {

    private static final Logger log = LoggerFactory.getLogger(AdvisorDemoData.class);

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Groups groups;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CityProfile city;

    AdvisorDemoData(JdbcClient jdbc, Accounts accounts, Groups groups, TransactionTemplate tx, Clock clock, CityProfile city, org.springframework.core.env.Environment environment) {
        super(tx, jdbc, environment);
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.groups = groups;
        this.tx = tx;
        this.clock = clock;
        this.city = city;
    }

    @Override
    protected java.util.List<String> demoTables() {
        return java.util.List.of("centre_advisor");
    }

    @Override
    protected void loadDemo() {
        Optional<AccountSummary> resident = accounts.findByEmail("shimin@example.jp");
        List<PublicGroup> listed = groups.listed();
        if (resident.isEmpty() || listed.size() < 3) {
            return;
        }
        List<Groups.GroupProfile> own = groups.managedBy(resident.get().id());
        load(resident.get().id(), own.isEmpty() ? null : own.getFirst(), listed);
        log.info("Loaded demo advisors");
    }

    /** Creates the demo advisors and consultations (the caller checks that there are none yet). */
    void load(long residentId, Groups.GroupProfile ownGroup, List<PublicGroup> listed) {
        LocalDate today = LocalDate.now(clock.withZone(city.zone()));
        long tax = advisor("岡田 涼子", "税理士(岡田税理士事務所)", "ACCOUNTING,INCORPORATION",
                "NPO法人や任意団体の会計・税務を20年以上支援しています。会計報告書の作り方、会費と寄付の扱い、法人化の手続きをわかりやすくお伝えします。");
        long npo = advisor("杉本 大地", "NPO支援センター 相談員", "FUNDING,ORGANISATION,PLANNING,PUBLICITY",
                "県内のNPO支援センターで団体の立ち上げや助成金申請を支援してきました。会の運営、担い手の確保、協働事業の企画、SNSを使った広報の相談を受けます。");
        PublicGroup first = listed.get(0);
        PublicGroup second = listed.get(1);
        done(first.id(), first.name(), residentId, "ACCOUNTING", "会計報告書の様式を見直したい。会費と事業収入の分け方がわからない。",
                tax, today.minusDays(60), "公民館の会議室",
                "収支計算書を会費・事業収入・補助金の3区分に分ける様式を提案した。領収書の綴り方と、年度末の残高確認の手順を説明した。",
                "次回の総会資料を新しい様式で作成し、1か月後にメールで確認する。");
        done(second.id(), second.name(), residentId, "FUNDING", "活動費を補うための助成金を探したい。",
                npo, today.minusDays(30), "市民活動センター 相談室",
                "団体の活動に合う民間助成金を3件紹介し、申請書の「事業の必要性」の書き方を一緒に検討した。",
                "市の協働事業提案制度も含め、来年度の申請計画を団体で話し合う。");
        if (ownGroup != null) {
            request(ownGroup.id(), ownGroup.name(), residentId, "PUBLICITY", "会員を増やしたいので、SNSでの発信の仕方を相談したい。",
                    "ASSIGNED", npo, today.plusDays(7), "市民活動センター 相談室");
            request(ownGroup.id(), ownGroup.name(), residentId, "ACCOUNTING", "会計担当が替わるので、引き継ぎの方法を相談したい。",
                    "REQUESTED", null, null, null);
        }
    }

    private long advisor(String name, String affiliation, String expertise, String profile) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                        insert into centre_advisor (name, affiliation, expertise, profile, active, created_at, updated_at)
                        values (:n, :a, :e, :p, true, :now, :now) returning id""")
                .param("n", name).param("a", affiliation).param("e", expertise).param("p", profile).param("now", now).query(Long.class).single();
    }

    private void done(long groupId, String groupName, long by, String topic, String details, long advisor, LocalDate day, String place, String advice,
                      String followUp) {
        Instant at = day.atTime(LocalTime.of(14, 0)).atZone(city.zone()).toInstant();
        jdbc.sql("""
                        insert into centre_advisor_request (group_id, group_name, requested_by, topic, details, preferred_dates, status, advisor_id,
                            scheduled_at, place, advice, follow_up, recorded_at, created_at, updated_at)
                        values (:g, :gn, :by, :t, :d, :p, 'DONE', :a, :at, :pl, :adv, :f, :rec, :created, :rec)""")
                .param("g", groupId).param("gn", groupName).param("by", by).param("t", topic).param("d", details)
                .param("p", jp.kyodo.shared.JapaneseDates.format(day) + " 午後").param("a", advisor).param("at", Timestamp.from(at))
                .param("pl", place).param("adv", advice).param("f", followUp).param("rec", Timestamp.from(at.plusSeconds(86_400)))
                .param("created", Timestamp.from(at.minusSeconds(14 * 86_400))).update();
    }

    private void request(long groupId, String groupName, long by, String topic, String details, String status, Long advisor, LocalDate day,
                         String place) {
        Instant at = day == null ? null : day.atTime(LocalTime.of(19, 0)).atZone(city.zone()).toInstant();
        LocalDate today = LocalDate.now(clock.withZone(city.zone()));
        jdbc.sql("""
                        insert into centre_advisor_request (group_id, group_name, requested_by, topic, details, preferred_dates, status, advisor_id,
                            scheduled_at, place, created_at, updated_at)
                        values (:g, :gn, :by, :t, :d, :p, :s, :a, :at, :pl, :now, :now)""")
                .param("g", groupId).param("gn", groupName).param("by", by).param("t", topic).param("d", details)
                .param("p", jp.kyodo.shared.JapaneseDates.format(today.plusDays(10)) + " 夜間\n" + jp.kyodo.shared.JapaneseDates.format(today.plusDays(12)) + " 午後")
                .param("s", status).param("a", advisor).param("at", at == null ? null : Timestamp.from(at)).param("pl", place)
                .param("now", Timestamp.from(clock.instant())).update();
    }
}
