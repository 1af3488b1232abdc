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
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo suggestions for an empty database: some just received (one overdue), routed, answered, closed without an
 * answer, and two published questions and answers (the centre's opening hours, finding a partner group).
 */
@Component
@Order(53)
class VoiceDemoData extends jp.kyodo.shared.DemoContent {

    private static final Logger log = LoggerFactory.getLogger(VoiceDemoData.class);

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CityProfile city;

    VoiceDemoData(JdbcClient jdbc, Accounts accounts, TransactionTemplate tx, Clock clock, CityProfile city, org.springframework.core.env.Environment environment) {
        super(tx, jdbc, environment);
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.tx = tx;
        this.clock = clock;
        this.city = city;
    }

    @Override
    protected java.util.List<String> demoTables() {
        return java.util.List.of("voice_suggestion");
    }

    @Override
    protected void loadDemo() {
        Optional<DepartmentView> secretariat = accounts.secretariat();
        Optional<AccountSummary> staff = accounts.findByEmail("staff@example.jp");
        if (secretariat.isEmpty() || staff.isEmpty()) {
            return;
        }
        load(secretariat.get().id(), staff.get().id());
    }

    void load(long secretariat, long staff) {
        LocalDate today = LocalDate.now(clock.withZone(city.zone()));
        long shogai = department("08-shogai").orElse(secretariat);
        long kikaku = department("01-kikaku").orElse(secretariat);

        long hours = insert(today.minusDays(40), "CENTRE", "市民活動センターの夜間の開館について",
                "仕事帰りに会議室を使いたいのですが、平日は17時で閉まってしまいます。週に何日か、夜9時まで開館していただけないでしょうか。",
                "山川 さくら", "yamakawa@example.jp", "0495-00-1234", "本庄市中央1-2-3", true, true);
        answer(hours, shogai, staff, today.minusDays(30),
                "ご要望を受け、4月から火曜日と木曜日は21時まで開館することにしました。夜間の会議室の予約は、通常どおり窓口またはこのサイトから受け付けています。");
        publish(hours, today.minusDays(28), "市民活動センターの夜間開館について",
                "平日の夜にも会議室を使えるよう、市民活動センターの開館時間を延ばしてほしい。",
                "4月から火曜日と木曜日は21時まで開館しています。夜間の会議室の予約も、通常どおり窓口またはこのサイトから受け付けています。");

        long partner = insert(today.minusDays(25), "COLLABORATION", "一緒に活動できる団体の探し方",
                "子ども食堂を始めたいと考えています。食材の提供や会場の協力をしてくれる団体や事業者を、どうやって探せばよいでしょうか。",
                "森田 健", "morita@example.jp", null, null, true, true);
        answer(partner, secretariat, staff, today.minusDays(18),
                "このサイトの「団体をさがす」で、活動分野(子ども・子育て、食など)から登録団体を探せます。市民活動推進課のコーディネーターが、団体や事業者との橋渡しもします。お気軽にご相談ください。");
        publish(partner, today.minusDays(17), "協働の相手となる団体の探し方",
                "新しく活動を始めるにあたり、協力してくれる団体や事業者を探す方法を知りたい。",
                "このサイトの「団体をさがす」で、活動分野から登録団体を探せます。市民活動推進課のコーディネーターが団体や事業者との橋渡しもしますので、ご相談ください。");

        insert(today.minusDays(2), "SUPPORT", "補助金の申請書類を簡単にしてほしい",
                "市民活動支援補助金の申請書類が多く、小さな団体には負担です。様式を減らすか、記入例を増やしていただけると助かります。",
                "川口 裕子", "kawaguchi@example.jp", null, "本庄市見福2-4-6", true, true);
        insert(today.minusDays(20), "OTHER", "協働の事例発表会の開催時期",
                "毎年の協働事例発表会が平日の昼間なので参加できません。土日の開催も検討してください。",
                "石田 翔", "ishida@example.jp", null, null, true, false);

        long routed = insert(today.minusDays(6), "COLLABORATION", "協働提案の相談窓口について",
                "協働提案制度に応募したいのですが、どの課に相談すればよいか分かりません。相談の流れを教えてください。",
                "小林 美穂", "kobayashi@example.jp", "090-0000-5678", null, true, true);
        route(routed, kikaku, staff, today.minusDays(5), "協働提案制度の所管として回答をお願いします。");

        long closed = insert(today.minusDays(10), "CENTRE", "センターの駐輪場について",
                "市民活動センターの駐輪場が雨の日に使いにくいです。屋根があるとうれしいです。回答は不要です。",
                "中島 一郎", "nakajima@example.jp", null, null, false, false);
        route(closed, shogai, staff, today.minusDays(9), null);
        jdbc.sql("update voice_suggestion set status = 'CLOSED', close_reason = :r where id = :id")
                .param("r", "回答不要のため、施設の修繕計画の参考として担当課で共有しました。").param("id", closed).update();
        log.info("Loaded demo suggestions (市民の声)");
    }

    private long insert(LocalDate received, String category, String subject, String body, String name, String email, String phone, String address,
                        boolean wantsAnswer, boolean consents) {
        Instant at = received.atTime(10, 0).atZone(city.zone()).toInstant();
        long id = jdbc.sql("""
                        insert into voice_suggestion (category, subject, body, name, email, phone, address, wants_answer, consents, status,
                            due_on, created_at, received_at, updated_at)
                        values (:c, :s, :b, :n, :e, :p, :a, :w, :k, 'RECEIVED', :due, :at, :at, :at) returning id""")
                .param("c", category).param("s", subject).param("b", body).param("n", name).param("e", email).param("p", phone).param("a", address)
                .param("w", wantsAnswer).param("k", consents).param("due", received.plusDays(14)).param("at", Timestamp.from(at))
                .query(Long.class).single();
        jdbc.sql("update voice_suggestion set receipt_no = :r where id = :id").param("r", "%d-%05d".formatted(received.getYear(), id))
                .param("id", id).update();
        return id;
    }

    private void route(long id, long department, long staff, LocalDate on, String note) {
        Instant at = on.atTime(11, 0).atZone(city.zone()).toInstant();
        jdbc.sql("update voice_suggestion set status = 'ROUTED', department_id = :d where id = :id").param("d", department).param("id", id).update();
        jdbc.sql("insert into voice_route (suggestion_id, department_id, note, routed_by, routed_at) values (:s, :d, :n, :by, :at)")
                .param("s", id).param("d", department).param("n", note).param("by", staff).param("at", Timestamp.from(at)).update();
    }

    private void answer(long id, long department, long staff, LocalDate on, String answer) {
        route(id, department, staff, on.minusDays(3), null);
        jdbc.sql("""
                        update voice_suggestion set status = 'ANSWERED', answer = :a, answered_by = :by, answered_at = :at, answer_department = :d
                        where id = :id""")
                .param("a", answer).param("by", staff).param("at", Timestamp.from(on.atTime(15, 0).atZone(city.zone()).toInstant()))
                .param("d", department).param("id", id).update();
    }

    private void publish(long id, LocalDate on, String title, String question, String answer) {
        jdbc.sql("""
                        update voice_suggestion set published_title = :t, published_question = :q, published_answer = :a, published_at = :at
                        where id = :id""")
                .param("t", title).param("q", question).param("a", answer)
                .param("at", Timestamp.from(on.atStartOfDay(city.zone()).toInstant().plus(9, ChronoUnit.HOURS))).param("id", id).update();
    }

    private Optional<Long> department(String code) {
        return accounts.activeDepartments().stream().filter(d -> d.code().equals(code)).map(DepartmentView::id).findFirst();
    }
}
