package jp.kyodo.training;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
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
 * Demo courses for an empty database: the leaders' course (地域リーダー養成講座), full with a waiting list; a past
 * beginners' course with attendance and survey answers (the demo resident completed it); and the staff training
 * course (職員向け協働研修). Invented people only.
 */
@Component
@Order(60)
class TrainingDemoData extends jp.kyodo.shared.DemoContent {

    private static final Logger log = LoggerFactory.getLogger(TrainingDemoData.class);

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CityProfile city;

    TrainingDemoData(JdbcClient jdbc, Accounts accounts, TransactionTemplate tx, Clock clock, CityProfile city, org.springframework.core.env.Environment environment) {
        super(tx, jdbc, environment);
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.tx = tx;
        this.clock = clock;
        this.city = city;
    }

    @Override
    protected java.util.List<String> demoTables() {
        return java.util.List.of("training_course");
    }

    @Override
    protected void loadDemo() {
        Optional<AccountSummary> staff = accounts.findByEmail("staff@example.jp");
        Long department = staff.map(AccountSummary::departmentId)
                .orElseGet(() -> accounts.secretariat().map(DepartmentView::id).orElse(null));
        if (staff.isEmpty() || department == null) {
            return;
        }
        load(staff.get().id(), department, accounts.findByEmail("shimin@example.jp").orElse(null));
        log.info("Loaded demo courses");
    }

    /** Creates the three demo courses (the caller checks that there are none yet); the resident, if any, completed the past one. */
    void load(long staffId, long department, AccountSummary resident) {
        LocalDate today = LocalDate.now(clock.withZone(city.zone()));
        Instant now = clock.instant();
        LocalDate firstSaturday = today.plusDays(14).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));

        long leaders = course(staffId, department, "地域リーダー養成講座(令和8年度)",
                "自治会や市民活動団体で中心となって活動したい方のための連続講座です。地域の課題の見つけ方、話し合いの進め方、"
                        + "仲間の集め方、市との協働の仕組みを、演習を交えて学びます。全5回を通して受講できる方が対象です。",
                "本庄市市民活動推進課 協働コーディネーター 森本 由紀子(ほか外部講師)", "本庄市民活動センター 2階 研修室", "RESIDENTS", 10, 0,
                today.minusDays(14), firstSaturday.minusDays(7), null, now.minus(20, ChronoUnit.DAYS));
        String[] topics = {"地域の課題を見つける", "話し合いを進める(ファシリテーション入門)", "仲間を集める・広報する", "市との協働の仕組み",
            "活動計画を発表する"};
        for (int i = 0; i < topics.length; i++) {
            session(leaders, i + 1, firstSaturday.plusWeeks(i), LocalTime.of(13, 30), LocalTime.of(16, 0), topics[i]);
        }
        String[][] people = {{"青山 直樹", "aoyama.naoki"}, {"井上 早苗", "inoue.sanae"}, {"宇野 健", "uno.ken"}, {"江口 真由美", "eguchi.mayumi"},
            {"大西 隆", "onishi.takashi"}, {"岡本 里美", "okamoto.satomi"}, {"金子 亮", "kaneko.ryo"}, {"川村 典子", "kawamura.noriko"},
            {"菊地 翔太", "kikuchi.shota"}, {"久保 明美", "kubo.akemi"}, {"小林 誠", "kobayashi.makoto"}, {"斉藤 美香", "saito.mika"},
            {"坂本 陽一", "sakamoto.yoichi"}};
        for (int i = 0; i < people.length; i++) {
            registration(leaders, null, people[i][0], people[i][1] + "@example.jp", i < 10 ? "CONFIRMED" : "WAITING",
                    now.minus(14 - i, ChronoUnit.DAYS).minus(i, ChronoUnit.HOURS));
        }

        long past = course(staffId, department, "市民活動はじめて講座(令和8年度前期)",
                "これから市民活動を始めたい方のための入門講座です。市内の団体の活動紹介、団体の立ち上げ方、活動資金の集め方を学びました。",
                "本庄市市民活動推進課 職員", "本庄市民活動センター 2階 研修室", "RESIDENTS", 12, 0, today.minusDays(80), today.minusDays(61), null,
                now.minus(90, ChronoUnit.DAYS));
        List<Long> sessions = new ArrayList<>();
        String[] pastTopics = {"市民活動ってなに?", "先輩団体の話を聞く", "団体の立ち上げ方", "活動資金の集め方"};
        for (int i = 0; i < pastTopics.length; i++) {
            sessions.add(session(past, i + 1, today.minusDays(60 - 7L * i), LocalTime.of(10, 0), LocalTime.of(12, 0), pastTopics[i]));
        }
        String[][] pastPeople = {{"佐藤 恵子", "sato.keiko"}, {"鈴木 一郎", "suzuki.ichiro"}, {"高橋 由美", "takahashi.yumi"},
            {"田村 浩", "tamura.hiroshi"}, {"中島 さやか", "nakajima.sayaka"}, {"長谷川 誠二", "hasegawa.seiji"}, {"松本 文子", "matsumoto.fumiko"}};
        int[] attendedSessions = {4, 4, 3, 4, 2, 4, 3};
        int[][] answers = {{5, 5}, {4, 5}, {4, 4}, {5, 4}, {3, 3}, {5, 5}, {0, 0}};
        String[] comments = {"先輩団体の話がとても参考になりました。", null, "資金の集め方をもう少し詳しく知りたかったです。", "同じ地区の仲間ができました。",
            null, "次は地域リーダー養成講座に申し込みます。", null};
        for (int i = 0; i < pastPeople.length; i++) {
            long r = registration(past, null, pastPeople[i][0], pastPeople[i][1] + "@example.jp", "CONFIRMED", now.minus(75 - i, ChronoUnit.DAYS));
            for (int s = 0; s < attendedSessions[i]; s++) {
                attended(sessions.get(s), r);
            }
            if (answers[i][0] > 0) {
                jdbc.sql("""
                                insert into training_feedback (registration_id, satisfaction, usefulness, comment, answered_at)
                                values (:r, :s, :u, :c, :at)""")
                        .param("r", r).param("s", answers[i][0]).param("u", answers[i][1]).param("c", comments[i])
                        .param("at", Timestamp.from(now.minus(35, ChronoUnit.DAYS))).update();
            }
        }
        if (resident != null) {
            long r = registration(past, resident.id(), resident.name(), resident.email(), "CONFIRMED", now.minus(70, ChronoUnit.DAYS));
            sessions.forEach(s -> attended(s, r));
        }

        long staffCourse = course(staffId, department, "職員向け協働研修(令和8年度)",
                "市職員が市民活動団体との協働の進め方を学ぶ研修です。協働事業提案制度の運用、団体との対等な関係づくり、"
                        + "協働事業の評価の方法を、事例とグループワークで学びます。",
                "本庄市市民活動推進課 課長", "本庄市役所 4階 大会議室", "STAFF", 30, 0, today.minusDays(7), today.plusDays(20), null,
                now.minus(10, ChronoUnit.DAYS));
        session(staffCourse, 1, today.plusDays(24), LocalTime.of(14, 0), LocalTime.of(16, 0), "協働の基本と本庄市の制度");
        session(staffCourse, 2, today.plusDays(31), LocalTime.of(14, 0), LocalTime.of(16, 30), "事例研究とグループワーク");
        String[][] staffPeople = {{"石川 修", "ishikawa.osamu"}, {"前田 恵美", "maeda.emi"}, {"村上 拓也", "murakami.takuya"}};
        for (int i = 0; i < staffPeople.length; i++) {
            registration(staffCourse, null, staffPeople[i][0], staffPeople[i][1] + "@example.jp", "CONFIRMED", now.minus(5 - i, ChronoUnit.DAYS));
        }
    }

    private long course(long staffId, long department, String title, String description, String lecturer, String place, String target,
                        int capacity, int fee, LocalDate opens, LocalDate closes, LocalDate cancelDeadline, Instant created) {
        return jdbc.sql("""
                        insert into training_course (department_id, title, description, lecturer, place, target, capacity, fee,
                            application_opens_on, application_closes_on, cancel_deadline, status, created_by, created_at, updated_at, version)
                        values (:d, :title, :desc, :lecturer, :place, :target, :cap, :fee, :opens, :closes, :cancel, 'PUBLISHED', :by, :at, :at, 1)
                        returning id""")
                .param("d", department).param("title", title).param("desc", description).param("lecturer", lecturer).param("place", place)
                .param("target", target).param("cap", capacity).param("fee", fee).param("opens", opens).param("closes", closes)
                .param("cancel", cancelDeadline).param("by", staffId).param("at", Timestamp.from(created)).query(Long.class).single();
    }

    private long session(long course, int number, LocalDate day, LocalTime starts, LocalTime ends, String topic) {
        return jdbc.sql("""
                        insert into training_session (course_id, number, held_on, starts_at, ends_at, topic)
                        values (:c, :n, :d, :s, :e, :t) returning id""")
                .param("c", course).param("n", number).param("d", day).param("s", Time.valueOf(starts)).param("e", Time.valueOf(ends))
                .param("t", topic).query(Long.class).single();
    }

    private long registration(long course, Long accountId, String name, String email, String status, Instant at) {
        return jdbc.sql("""
                        insert into training_registration (course_id, account_id, name, email, status, created_at)
                        values (:c, :a, :n, :e, :s, :at) returning id""")
                .param("c", course).param("a", accountId).param("n", name).param("e", email).param("s", status).param("at", Timestamp.from(at))
                .query(Long.class).single();
    }

    private void attended(long session, long registration) {
        jdbc.sql("insert into training_attendance (session_id, registration_id) values (:s, :r)").param("s", session).param("r", registration).update();
    }
}
