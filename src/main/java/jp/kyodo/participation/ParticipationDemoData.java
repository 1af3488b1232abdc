package jp.kyodo.participation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import jp.kyodo.accounts.AccountSummary;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.accounts.DepartmentView;
import jp.kyodo.shared.CityProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo public comments and councils for an empty database: a draft plan for the station area open for comment, a
 * closed procedure with its published result, two councils with members and minutes, and an open call for public
 * members. Invented content and people only.
 */
@Component
@Order(51)
class ParticipationDemoData extends jp.kyodo.shared.DemoContent {

    private static final Logger log = LoggerFactory.getLogger(ParticipationDemoData.class);

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CityProfile city;

    ParticipationDemoData(JdbcClient jdbc, Accounts accounts, TransactionTemplate tx, Clock clock, CityProfile city, org.springframework.core.env.Environment environment) {
        super(tx, jdbc, environment);
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.tx = tx;
        this.clock = clock;
        this.city = city;
    }

    @Override
    protected java.util.List<String> demoTables() {
        return java.util.List.of("pc_procedure", "council");
    }

    @Override
    protected void loadDemo() {
        Optional<AccountSummary> staff = accounts.findByEmail("staff@example.jp");
        Optional<DepartmentView> secretariat = accounts.secretariat();
        if (staff.isEmpty() || secretariat.isEmpty()) {
            return;
        }
        load(staff.get().id(), secretariat.get().id(), accounts.findByEmail("shimin@example.jp").map(AccountSummary::id).orElse(null));
        log.info("Loaded demo public comments and councils");
    }

    /** Creates the demo procedures and councils (the caller checks that there are none yet). */
    void load(long staffId, long secretariat, Long residentId) {
        LocalDate today = LocalDate.now(clock.withZone(city.zone()));
        Instant now = clock.instant();
        long kikaku = department("01-kikaku").orElse(secretariat);
        long kankyo = department("04-kankyo").orElse(secretariat);

        // An open public comment on the station area plan, with two comments received.
        long station = procedure(kikaku, staffId, "本庄駅周辺まちづくり計画(案)",
                "本庄駅の北口・南口周辺について、今後10年のまちづくりの方針を定める計画の案です。駅前広場、駐車場・駐輪場、空き店舗の活用、"
                        + "歩いて楽しい通りづくりについて、市民の皆さんのご意見を募集します。",
                "市役所2階 企画課、市民活動センター(はにぽんプラザ)、各公民館の窓口", today.minusDays(10), today.plusDays(20), "PUBLISHED", null, null);
        long s1 = section(station, 1, "第1章 計画の目的と期間", "本計画は、本庄駅周辺の将来像と、その実現に向けた取組を示すものです。計画期間は令和9年度から令和18年度までの10年間とします。");
        long s2 = section(station, 2, "第2章 駅前広場と交通", "北口駅前広場を再整備し、送迎用の乗降場とバス・タクシー乗り場を分けます。"
                + "駐輪場は北口に約300台分を確保し、南口の駐車場は時間貸しに転換します。");
        section(station, 3, "第3章 にぎわいと空き店舗", "駅前通りの空き店舗を、チャレンジショップや市民活動の拠点として活用する仕組みをつくります。"
                + "市民活動団体や事業者と協働して、月1回の「駅前マルシェ」を開催します。");
        comment(station, s2, "北口 一郎", "本庄市駅前町1-1", "kitaguchi.ichiro@example.jp", "LIVE", null,
                "駐輪場は北口だけでなく南口にも必要です。通学の高校生が南口側に多く停めています。", null, now.minus(4, ChronoUnit.DAYS));
        comment(station, null, "駅前 花子", "本庄市本町2-3", "ekimae.hanako@example.jp", "BUSINESS", null,
                "計画全体として、高齢者が歩いて移動しやすい通りづくりの視点をもっと入れてほしいです。ベンチや日よけの設置を望みます。", null,
                now.minus(2, ChronoUnit.DAYS));

        // A closed procedure with its published result.
        long plan = procedure(secretariat, staffId, "第3次本庄市市民協働推進計画(案)",
                "市民、市民活動団体、地域コミュニティ、事業者と市が対等な立場で地域の課題に取り組むための、第3次の推進計画の案です。",
                "市役所2階 市民活動推進課、市民活動センター", today.minusDays(120), today.minusDays(90), "RESULT_PUBLISHED",
                "4人から5件のご意見をいただきました。ご意見を踏まえ、第2章に中間支援の強化を加えました。ご協力ありがとうございました。",
                now.minus(40, ChronoUnit.DAYS));
        long p1 = section(plan, 1, "第1章 計画の基本的な考え方", "協働の7つの原則(対等、自主性の尊重、自立化、相互理解、目的の共有、公開、時限性)に基づいて取り組みます。");
        long p2 = section(plan, 2, "第2章 施策の展開", "市民活動の担い手の育成、協働事業の推進、情報の共有の3つを柱とします。");
        comment(plan, p2, "協働 一郎", "本庄市千代田1-1", "kyodo.ichiro@example.jp", "LIVE", null, "団体同士をつなぐ中間支援の役割を、市民活動センターにもっと持たせてほしい。",
                "中間支援", now.minus(110, ChronoUnit.DAYS));
        comment(plan, p2, "支援 次郎", "本庄市早稲田の杜2-2", "shien.jiro@example.jp", "LIVE", null, "センターのコーディネーターを増やしてください。", "中間支援",
                now.minus(105, ChronoUnit.DAYS));
        comment(plan, p1, "原則 三子", "本庄市東台3-3", "gensoku.miko@example.jp", "WORK", null, "時限性の原則の説明がわかりにくいです。具体例があるとよいと思います。",
                "原則の説明", now.minus(100, ChronoUnit.DAYS));
        comment(plan, null, "全体 四郎", "本庄市児玉町4-4", "zentai.shiro@example.jp", "LIVE", null, "児玉地域の団体にも情報が届くよう、支所での周知をお願いします。",
                "周知", now.minus(98, ChronoUnit.DAYS));
        comment(plan, null, "全体 四郎", "本庄市児玉町4-4", "zentai.shiro@example.jp", "LIVE", null, "計画の概要版をやさしい日本語でも作ってください。", "周知",
                now.minus(97, ChronoUnit.DAYS));
        view(plan, "中間支援", "市民活動センターの中間支援(団体同士をつなぐ役割)を強化してほしい。",
                "ご意見を踏まえ、センターのコーディネーターによる団体間のマッチングを施策に加えます。", true,
                "第2章「協働事業の推進」に「市民活動センターによる中間支援の強化」を加えました。");
        view(plan, "原則の説明", "時限性の原則の説明をわかりやすくしてほしい。",
                "資料編に、協働事業の期間を区切って見直した事例を掲載します。", false, "本文は変えず、資料編で補います。");
        view(plan, "周知", "児玉地域への周知と、やさしい日本語の概要版を求める。",
                "計画の策定後、児玉総合支所と各公民館で周知し、やさしい日本語の概要版を作成します。", false, "周知の方法に関するご意見のため、本文は修正しません。");

        // Two councils with their members and minutes.
        long kyodo = council(secretariat, "本庄市市民協働推進審議会", "市民協働の推進に関する基本的な事項と、協働推進計画の策定・評価について調査審議します。",
                "本庄市市民協働推進条例第12条", 10, 2);
        LocalDate termStart = LocalDate.of(today.getYear() - (today.getMonthValue() >= 7 ? 1 : 2), 7, 1);
        LocalDate termEnd = termStart.plusYears(2).minusDays(1);
        member(kyodo, "高橋 直樹", "CHAIR", "EXPERT", "○○大学 地域創生学部 教授", termStart, termEnd);
        member(kyodo, "森田 恵", "VICE_CHAIR", "ORGANISATION", "本庄市自治会連合会", termStart, termEnd);
        member(kyodo, "岡本 修", "MEMBER", "ORGANISATION", "本庄市社会福祉協議会", termStart, termEnd);
        member(kyodo, "藤井 友子", "MEMBER", "ORGANISATION", "本庄商工会議所", termStart, termEnd);
        member(kyodo, "池田 翔", "MEMBER", "EXPERT", "NPO法人 地域づくりサポート", termStart, termEnd);
        member(kyodo, "西村 晴美", "MEMBER", "PUBLIC", null, termStart, termEnd);
        member(kyodo, "長谷川 健", "MEMBER", "PUBLIC", null, termStart, termEnd);
        meeting(kyodo, today.minusDays(75), "第1回 市民協働推進審議会", "市役所 4階 大会議室",
                "議題:第3次市民協働推進計画(案)について。事務局から案とパブリックコメントの結果を説明し、中間支援の強化について意見を交わした。");
        meeting(kyodo, today.minusDays(20), "第2回 市民協働推進審議会", "市民活動センター 多目的ホール",
                "議題:協働事業の評価について。令和7年度の協働事業5件の評価結果を確認した。公募委員から、評価の公開方法について提案があった。");
        long env = council(kankyo, "本庄市環境審議会", "環境基本計画の策定と進行管理、その他環境の保全に関する基本的事項について調査審議します。",
                "本庄市環境基本条例第25条", 12, 2);
        member(env, "小川 誠一", "CHAIR", "EXPERT", "△△大学 環境科学科 准教授", termStart, termEnd);
        member(env, "松本 里美", "VICE_CHAIR", "ORGANISATION", "本庄市環境保全推進協議会", termStart, termEnd);
        member(env, "中島 勇", "MEMBER", "ORGANISATION", "児玉郡市農業協同組合", termStart, termEnd);
        member(env, "村上 彩", "MEMBER", "PUBLIC", null, termStart, termEnd);
        meeting(env, today.minusDays(45), "第1回 環境審議会", "市役所 4階 第2会議室",
                "議題:環境基本計画の進行管理について。ごみの減量と生物多様性の指標の達成状況を確認した。");

        // An open call for the next term's public members of the collaboration council: essay, then a public lottery.
        LocalDate callOpens = today.minusDays(7);
        LocalDate nextTerm = termEnd.plusDays(1).isAfter(callOpens.plusDays(27)) ? termEnd.plusDays(1) : callOpens.plusDays(60);
        jdbc.sql("""
                        insert into council_call (council_id, places, opens_on, closes_on, term_start, term_end, min_age, residence, essay_theme,
                            essay_limit, method, pass_mark, notes, status, created_at, updated_at)
                        values (:c, 2, :o, :cl, :ts, :te, 20, true, :theme, 800, 'BOTH', 60, :notes, 'PUBLISHED', :now, :now)""")
                .param("c", kyodo).param("o", callOpens).param("cl", callOpens.plusDays(27)).param("ts", nextTerm)
                .param("te", nextTerm.plusYears(2).minusDays(1)).param("theme", "市民と市が協働して取り組みたい本庄の課題")
                .param("notes", "会議は年3回程度、平日の午後に開きます。出席1回につき規定の報酬をお支払いします。応募書類は返却しません。")
                .param("now", Timestamp.from(now)).update();
    }

    private Optional<Long> department(String code) {
        return accounts.activeDepartments().stream().filter(d -> d.code().equals(code)).map(DepartmentView::id).findFirst();
    }

    private long procedure(long department, long staffId, String title, String purpose, String paper, LocalDate opens, LocalDate closes, String status,
                           String resultNote, Instant resultAt) {
        Instant created = clock.instant().minus(ChronoUnit.DAYS.between(opens, LocalDate.now(clock.withZone(city.zone()))) + 7, ChronoUnit.DAYS);
        return jdbc.sql("""
                        insert into pc_procedure (department_id, title, purpose, paper_copies, opens_on, closes_on, status, result_note, result_published_at,
                            created_by, created_at, updated_at)
                        values (:d, :t, :p, :paper, :o, :c, :s, :rn, :ra, :by, :created, :created) returning id""")
                .param("d", department).param("t", title).param("p", purpose).param("paper", paper).param("o", opens).param("c", closes)
                .param("s", status).param("rn", resultNote).param("ra", resultAt == null ? null : Timestamp.from(resultAt)).param("by", staffId)
                .param("created", Timestamp.from(created)).query(Long.class).single();
    }

    private long section(long procedure, int seq, String heading, String body) {
        return jdbc.sql("insert into pc_section (procedure_id, seq, heading, body) values (:p, :s, :h, :b) returning id")
                .param("p", procedure).param("s", seq).param("h", heading).param("b", body).query(Long.class).single();
    }

    private void comment(long procedure, Long section, String name, String address, String email, String eligibility, Long accountId, String body,
                         String group, Instant at) {
        jdbc.sql("""
                        insert into pc_comment (procedure_id, section_id, name, address, email, eligibility, body, account_id, status, group_key,
                            created_at, confirmed_at)
                        values (:p, :s, :n, :a, :e, :el, :b, :acc, 'RECEIVED', :g, :at, :at)""")
                .param("p", procedure).param("s", section).param("n", name).param("a", address).param("e", email).param("el", eligibility)
                .param("b", body).param("acc", accountId).param("g", group).param("at", Timestamp.from(at)).update();
    }

    private void view(long procedure, String group, String summary, String cityView, boolean changed, String note) {
        jdbc.sql("insert into pc_view (procedure_id, group_key, summary, city_view, changed, change_note) values (:p, :g, :s, :v, :c, :n)")
                .param("p", procedure).param("g", group).param("s", summary).param("v", cityView).param("c", changed).param("n", note).update();
    }

    private long council(long department, String name, String purpose, String basis, int seats, int termYears) {
        return jdbc.sql("""
                        insert into council (department_id, name, purpose, basis, seats, term_years, created_at, updated_at)
                        values (:d, :n, :p, :b, :s, :t, :now, :now) returning id""")
                .param("d", department).param("n", name).param("p", purpose).param("b", basis).param("s", seats).param("t", termYears)
                .param("now", Timestamp.from(clock.instant())).query(Long.class).single();
    }

    private void member(long council, String name, String role, String category, String affiliation, LocalDate start, LocalDate end) {
        jdbc.sql("""
                        insert into council_member (council_id, name, role, category, affiliation, term_start, term_end, created_at)
                        values (:c, :n, :r, :cat, :aff, :s, :e, :now)""")
                .param("c", council).param("n", name).param("r", role).param("cat", category).param("aff", affiliation).param("s", start)
                .param("e", end).param("now", Timestamp.from(clock.instant())).update();
    }

    private void meeting(long council, LocalDate held, String title, String place, String minutes) {
        jdbc.sql("insert into council_meeting (council_id, held_on, title, place, minutes, created_at) values (:c, :h, :t, :p, :m, :now)")
                .param("c", council).param("h", held).param("t", title).param("p", place).param("m", minutes)
                .param("now", Timestamp.from(clock.instant())).update();
    }
}
