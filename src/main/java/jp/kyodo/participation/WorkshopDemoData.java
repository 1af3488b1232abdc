package jp.kyodo.participation;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import jp.kyodo.accounts.AccountSummary;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.accounts.DepartmentView;
import jp.kyodo.shared.CityProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo workshops for an empty database: an upcoming one on the station area with places left, a full one with a
 * waiting list, and a past one with its record and the city's response published. Invented people only.
 */
@Component
@Order(52)
class WorkshopDemoData extends jp.kyodo.shared.DemoContent {

    private static final Logger log = LoggerFactory.getLogger(WorkshopDemoData.class);

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CityProfile city;

    WorkshopDemoData(JdbcClient jdbc, Accounts accounts, TransactionTemplate tx, Clock clock, CityProfile city, org.springframework.core.env.Environment environment) {
        super(tx, jdbc, environment);
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.tx = tx;
        this.clock = clock;
        this.city = city;
    }

    @Override
    protected java.util.List<String> demoTables() {
        return java.util.List.of("ws_workshop");
    }

    @Override
    protected void loadDemo() {
        Optional<AccountSummary> staff = accounts.findByEmail("staff@example.jp");
        Long department = staff.map(AccountSummary::departmentId)
                .orElseGet(() -> accounts.secretariat().map(DepartmentView::id).orElse(null));
        if (staff.isEmpty() || department == null) {
            return;
        }
        load(staff.get().id(), department);
        log.info("Loaded demo workshops");
    }

    /** Creates the three demo workshops (the caller checks that there are none yet). */
    void load(long staffId, long department) {
        LocalDate today = LocalDate.now(clock.withZone(city.zone()));
        Instant now = clock.instant();

        long open = workshop(staffId, department, "駅周辺まちづくりワークショップ(第2回)北口広場の使い方を考えよう",
                "「本庄駅周辺まちづくり計画」の策定に向けて、北口広場の使い方(イベント、休憩、送迎)を地図を囲んで話し合います。"
                        + "いただいた意見は計画の素案に反映します。",
                today.plusDays(21), LocalTime.of(13, 30), LocalTime.of(16, 0), "本庄市民活動センター 2階 会議室A・B", 30,
                "市内在住・在勤・在学の方(中学生以上)", today.minusDays(3), today.plusDays(14),
                "筆記用具をお持ちください。託児(1歳以上、先着5人)を希望する方は、申込締切の1週間前までに担当課へご相談ください。", now.minus(5, ChronoUnit.DAYS));
        registration(open, "青木 美咲", "aoki.misaki@example.jp", "090-0000-2201", "CONFIRMED", null, now.minus(3, ChronoUnit.DAYS));
        registration(open, "石井 大輔", "ishii.daisuke@example.jp", null, "CONFIRMED", null, now.minus(2, ChronoUnit.DAYS));
        registration(open, "上田 さくら", "ueda.sakura@example.jp", null, "CONFIRMED", null, now.minus(2, ChronoUnit.DAYS));
        registration(open, "遠藤 拓海", "endo.takumi@example.jp", "0495-00-3304", "CONFIRMED", null, now.minus(1, ChronoUnit.DAYS));

        long full = workshop(staffId, department, "子育てしやすいまちを語ろう(少人数ワークショップ)",
                "「子ども・子育て支援計画」の見直しに向けて、子育て中の方の声を少人数でじっくり伺います。",
                today.plusDays(10), LocalTime.of(10, 0), LocalTime.of(11, 30), "本庄市子育て支援センター 多目的室", 4,
                "市内在住で、未就学のお子さんを育てている方", null, today.plusDays(7), "お子さん連れで参加できます。", now.minus(10, ChronoUnit.DAYS));
        registration(full, "小川 由美", "ogawa.yumi@example.jp", null, "CONFIRMED", null, now.minus(9, ChronoUnit.DAYS));
        registration(full, "加藤 真理子", "kato.mariko@example.jp", "080-0000-3305", "CONFIRMED", null, now.minus(8, ChronoUnit.DAYS));
        registration(full, "木村 翔", "kimura.sho@example.jp", null, "CONFIRMED", null, now.minus(8, ChronoUnit.DAYS));
        registration(full, "工藤 彩", "kudo.aya@example.jp", null, "CONFIRMED", null, now.minus(7, ChronoUnit.DAYS));
        registration(full, "佐々木 健太", "sasaki.kenta@example.jp", null, "WAITING", null, now.minus(6, ChronoUnit.DAYS));
        registration(full, "清水 陽子", "shimizu.yoko@example.jp", null, "WAITING", null, now.minus(5, ChronoUnit.DAYS));

        long past = workshop(staffId, department, "駅周辺まちづくりワークショップ(第1回)駅前のいまを知ろう",
                "「本庄駅周辺まちづくり計画」の策定に向けて、駅周辺の良いところと困っていることを出し合いました。",
                today.minusDays(30), LocalTime.of(13, 30), LocalTime.of(16, 0), "本庄市民活動センター 2階 会議室A・B", 30,
                "市内在住・在勤・在学の方(中学生以上)", null, today.minusDays(35), null, now.minus(60, ChronoUnit.DAYS));
        String[][] people = {{"田中 浩二", "tanaka.koji"}, {"中村 恵", "nakamura.megumi"}, {"西田 悠人", "nishida.yuto"},
            {"野口 千尋", "noguchi.chihiro"}, {"橋本 和也", "hashimoto.kazuya"}, {"藤井 七海", "fujii.nanami"}};
        for (int i = 0; i < people.length; i++) {
            registration(past, people[i][0], people[i][1] + "@example.jp", null, "CONFIRMED", i != 4, now.minus(45 - i, ChronoUnit.DAYS));
        }
        jdbc.sql("""
                        update ws_workshop set record_text = :r, city_response = :c, outputs_published_at = :at where id = :id""")
                .param("r", """
                        参加者5人(高校生1人を含む)と市職員が、3つのグループに分かれて駅周辺の地図を囲み、良いところと困っていることを付箋に書き出しました。
                        ・良いところ:駅前の商店街に昔ながらの店が残っている、図書館が近い
                        ・困っていること:北口の駐輪場がいつも満車、夜の駅前が暗い、雨の日の送迎で車が混み合う
                        ・やってみたいこと:北口広場でのマルシェ、高校生が使える自習・休憩の場所""")
                .param("c", """
                        ・北口駐輪場の不足は、計画の素案に「駐輪場の増設(約200台)」として盛り込みます。
                        ・夜間の明るさは、令和9年度に街路灯をLEDに替える際に、照度の見直しを行います。
                        ・北口広場の使い方は、第2回ワークショップで詳しく話し合います。""")
                .param("at", Timestamp.from(now.minus(20, ChronoUnit.DAYS))).param("id", past).update();
    }

    private long workshop(long staffId, long department, String title, String theme, LocalDate heldOn, LocalTime starts, LocalTime ends,
                          String place, int capacity, String target, LocalDate opens, LocalDate closes, String notes, Instant created) {
        return jdbc.sql("""
                        insert into ws_workshop (department_id, title, theme, held_on, starts_at, ends_at, place, capacity, target,
                            registration_opens_on, registration_closes_on, notes, status, created_by, created_at, updated_at, version)
                        values (:d, :title, :theme, :held, :starts, :ends, :place, :cap, :target, :opens, :closes, :notes, 'PUBLISHED', :by,
                            :at, :at, 1) returning id""")
                .param("d", department).param("title", title).param("theme", theme).param("held", heldOn).param("starts", Time.valueOf(starts))
                .param("ends", Time.valueOf(ends)).param("place", place).param("cap", capacity).param("target", target).param("opens", opens)
                .param("closes", closes).param("notes", notes).param("by", staffId).param("at", Timestamp.from(created)).query(Long.class).single();
    }

    private void registration(long workshop, String name, String email, String phone, String status, Boolean attended, Instant at) {
        // Demo registrants have no cancel link (no mail was sent); a random hash keeps the column's uniqueness.
        jdbc.sql("""
                        insert into ws_registration (workshop_id, name, email, phone, status, attended, token_hash, created_at)
                        values (:w, :n, :e, :p, :s, :a, :t, :at)""")
                .param("w", workshop).param("n", name).param("e", email).param("p", phone).param("s", status).param("a", attended)
                .param("t", PublicComments.sha256(UUID.randomUUID().toString())).param("at", Timestamp.from(at)).update();
    }
}
