package jp.kyodo.volunteering;

import java.math.BigDecimal;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
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
 * Demo content for an empty database: 15 volunteer opportunities across fields (events, patrols, cleaning, child care
 * support…) by the listed demo groups, with applications in every state; the demo resident has applied to several,
 * and past activities with confirmed hours give them a record and certificates. The search index picks them up at
 * start-up, when it rebuilds the types it lacks.
 */
@Component
@Order(70)
class OpportunityDemoData extends jp.kyodo.shared.DemoContent {

    private static final Logger log = LoggerFactory.getLogger(OpportunityDemoData.class);

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Groups groups;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CityProfile city;

    OpportunityDemoData(JdbcClient jdbc, Accounts accounts, Groups groups, TransactionTemplate tx, Clock clock, CityProfile city, org.springframework.core.env.Environment environment) {
        super(tx, jdbc, environment);
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.groups = groups;
        this.tx = tx;
        this.clock = clock;
        this.city = city;
    }

    @Override
    protected List<String> demoTables() {
        return List.of("vol_opportunity");
    }

    @Override
    protected void loadDemo() {
        Optional<AccountSummary> resident = accounts.findByEmail("shimin@example.jp");
        Optional<AccountSummary> staff = accounts.findByEmail("staff@example.jp");
        List<PublicGroup> listed = groups.listed();
        if (resident.isEmpty() || staff.isEmpty() || listed.size() < 3) {
            return;
        }
        long residentGroup = listed.stream().filter(g -> groups.manages(g.id(), resident.get().id())).map(PublicGroup::id).findFirst()
                .orElse(listed.getFirst().id());
        List<Long> others = listed.stream().map(PublicGroup::id).filter(id -> id != residentGroup).toList();
        load(resident.get().id(), resident.get().name(), residentGroup, others, staff.get().id());
    }

    /** Loads the demo opportunities: the resident's group posts three, the other groups the rest. */
    void load(long residentId, String residentName, long residentGroup, List<Long> others, long otherCreator) {
        LocalDate today = LocalDate.now(clock.withZone(city.zone()));
        LocalTime nine = LocalTime.of(9, 0);
        String me = residentName;

        // The resident's own group: applicants to decide on, a series, a draft.
        long o1 = opportunity(residentGroup, residentId, "親子で楽しむ読み聞かせボランティア",
                "図書館のおはなし会で、絵本の読み聞かせや紙芝居をしてくださる方を募集します。読み方のこつは当日お伝えします。", "本庄市立図書館 おはなしのへや",
                "honjo", List.of("kosodate", "bunka"), true, true, false, "絵本が好きな方", "会場はエレベーターがあります。", "上履き", today.plusDays(10), "PUBLISHED");
        long s1 = shift(o1, today.plusDays(12), LocalTime.of(10, 30), LocalTime.of(12, 0), 3);
        shift(o1, today.plusDays(26), LocalTime.of(10, 30), LocalTime.of(12, 0), 3);
        application(s1, o1, null, "山田 花子", "子どもが小さい頃から読み聞かせをしていました。", "APPLIED", null);
        application(s1, o1, null, "鈴木 一郎", "定年後の活動を探しています。", "ACCEPTED", null);
        application(s1, o1, null, "高橋 美穂", null, "WAITLISTED", null);
        application(s1, o1, null, "伊藤 翔", "大学の授業の合間に参加したいです。", "DECLINED", null);
        long o2 = opportunity(residentGroup, residentId, "子育てサロンの見守りスタッフ",
                "乳幼児と保護者が集う子育てサロンで、遊びの見守りや受付をお手伝いいただきます。3回連続で参加できる方を歓迎します。", "本庄市民活動センター 多目的室",
                "honjo", List.of("kosodate"), true, false, true, "保育や子育ての経験があれば歓迎", "授乳室があります。", "エプロン、名札", today.plusDays(18), "PUBLISHED");
        for (int w = 0; w < 3; w++) {
            shift(o2, today.plusDays(20 + 7 * w), nine, LocalTime.of(12, 0), 2);
        }
        long o3 = opportunity(residentGroup, residentId, "公園の花壇づくり", "駅前公園の花壇に季節の花を植えます。", "駅前公園", "honjo", List.of("kankyo"),
                true, true, false, null, null, "軍手、帽子", today.plusDays(30), "DRAFT");
        shift(o3, today.plusDays(35), nine, LocalTime.of(11, 0), 10);

        // Other groups.
        long o4 = opportunity(group(others, 0), otherCreator, "本庄まつり 会場運営ボランティア",
                "本庄まつりの会場で、案内、ごみの分別、休憩所の運営をお手伝いいただきます。", "本庄駅北口 中央通り一帯", "honjo", List.of("matsuri"), true, false, true,
                null, "車いすで参加できる持ち場もあります。ご相談ください。", "動きやすい服装、飲み物", today.plusDays(28), "PUBLISHED");
        long s4 = shift(o4, today.plusDays(30), nine, LocalTime.of(13, 0), 20);
        shift(o4, today.plusDays(30), LocalTime.of(13, 0), LocalTime.of(17, 0), 10);
        long a4 = application(s4, o4, residentId, me, "午前中なら参加できます。", "APPLIED", null);
        message(a4, false, residentId, me, "当日の集合場所を教えてください。");

        long o5 = opportunity(group(others, 1), otherCreator, "通学路の見守りパトロール",
                "小学生の登校時間に、通学路の交差点で見守りをします。1回だけの参加もできます。", "本庄東小学校 周辺の通学路", "honjo", List.of("bohan"), true, false, false,
                null, null, "帽子、腕章(貸し出します)", today.plusDays(6), "PUBLISHED");
        long s5 = 0;
        for (int d = 0; d < 5; d++) {
            long id = shift(o5, today.plusDays(7 + d), LocalTime.of(7, 30), LocalTime.of(8, 30), 4);
            s5 = d == 0 ? id : s5;
        }
        long a5 = application(s5, o5, residentId, me, "出勤前に参加できます。", "ACCEPTED", null);
        message(a5, true, null, groupName(group(others, 1)), "ご応募ありがとうございます。当日は7時25分に正門前へお越しください。腕章をお渡しします。");
        message(a5, false, residentId, me, "承知しました。よろしくお願いします。");

        long o6 = opportunity(group(others, 1), otherCreator, "夜間防犯パトロール", "地域の方と一緒に、夜の住宅街を見回ります。", "児玉地区 公民館集合", "kodama",
                List.of("bohan", "bosai"), false, false, false, "懐中電灯の扱いに慣れている方", null, "懐中電灯、反射材", today.plusDays(12), "PUBLISHED");
        shift(o6, today.plusDays(14), LocalTime.of(19, 0), LocalTime.of(20, 30), 8);

        long o7 = opportunity(group(others, 2), otherCreator, "河川敷クリーン作戦", "元小山川の河川敷で、ごみ拾いと草刈りをします。親子での参加も大歓迎です。", "元小山川 河川敷",
                "nitte", List.of("seiso", "kankyo"), true, true, true, null, "河川敷は段差があります。", "軍手、長靴、飲み物", today.plusDays(8), "PUBLISHED");
        long s7 = shift(o7, today.plusDays(9), nine, LocalTime.of(11, 30), 30);
        application(s7, o7, null, "渡辺 真理", "家族4人で参加します。", "ACCEPTED", null);

        long o8 = opportunity(group(others, 2), otherCreator, "駅前清掃ボランティア", "毎月、本庄駅前のごみ拾いをしています。", "本庄駅南口", "honjo", List.of("seiso"),
                true, false, true, null, "駅前は平坦です。", "軍手", today.plusDays(24), "PUBLISHED");
        long s8past = shift(o8, today.minusDays(20), LocalTime.of(8, 0), LocalTime.of(10, 0), 15);
        shift(o8, today.plusDays(25), LocalTime.of(8, 0), LocalTime.of(10, 0), 15);
        application(s8past, o8, residentId, me, null, "ACCEPTED", new BigDecimal("2.0"));
        application(s8past, o8, null, "鈴木 一郎", null, "ACCEPTED", new BigDecimal("2.0"));

        long o9 = opportunity(group(others, 3), otherCreator, "放課後子ども教室の学習支援", "小学生の宿題を見たり、一緒に遊んだりします。", "藤田小学校", "fujita",
                List.of("kosodate"), false, false, true, "教員免許は不要です", null, "上履き", today.plusDays(9), "PUBLISHED");
        long s9 = shift(o9, today.plusDays(10), LocalTime.of(14, 30), LocalTime.of(16, 30), 3);
        application(s9, o9, residentId, me, "算数が得意です。", "DECLINED", null);

        long o10 = opportunity(group(others, 3), otherCreator, "高齢者サロンのお茶出し", "地域の高齢者サロンで、お茶出しと話し相手をお願いします。", "旭公民館", "asahi",
                List.of("koreisha"), true, false, false, null, "会場はバリアフリーです。", null, today.plusDays(4), "PUBLISHED");
        long s10 = shift(o10, today.plusDays(5), LocalTime.of(13, 30), LocalTime.of(15, 30), 2);
        application(s10, o10, null, "高橋 美穂", null, "ACCEPTED", null);
        application(s10, o10, null, "山田 花子", null, "ACCEPTED", null);
        application(s10, o10, residentId, me, "お話しするのが好きです。", "WAITLISTED", null);

        long o11 = opportunity(group(others, 4), otherCreator, "防災訓練の運営補助", "地域の防災訓練で、受付と炊き出しをお手伝いいただきました。", "北泉小学校 体育館",
                "hokusen", List.of("bosai"), true, true, false, null, null, "動きやすい服装", today.minusDays(50), "CLOSED");
        long s11 = shift(o11, today.minusDays(45), nine, LocalTime.of(12, 30), 10);
        application(s11, o11, residentId, me, null, "ACCEPTED", new BigDecimal("3.5"));
        application(s11, o11, null, "伊藤 翔", null, "ACCEPTED", null);

        long o12 = opportunity(group(others, 4), otherCreator, "国際交流デーの通訳ボランティア", "外国人住民と市民の交流イベントで、英語や中国語の通訳をお願いします。",
                "本庄市民活動センター", "all", List.of("kokusai", "matsuri"), false, false, true, "英語・中国語・ベトナム語など", null, null, today.plusDays(38), "PUBLISHED");
        long s12 = shift(o12, today.plusDays(40), LocalTime.of(10, 0), LocalTime.of(15, 0), 6);
        application(s12, o12, residentId, me, null, "CANCELLED", null);

        long o13 = opportunity(group(others, 0), otherCreator, "子ども食堂の調理補助", "月2回の子ども食堂で、調理と配膳をお手伝いいただきます。", "仁手地区 集会所", "nitte",
                List.of("kosodate", "koreisha"), true, true, false, "調理の経験がある方歓迎", null, "エプロン、三角巾", today.plusDays(15), "PUBLISHED");
        long s13 = shift(o13, today.plusDays(16), LocalTime.of(15, 0), LocalTime.of(19, 0), 5);
        application(s13, o13, null, "渡辺 真理", "調理師の資格があります。", "APPLIED", null);

        long o14 = opportunity(group(others, 5), otherCreator, "市民スポーツ大会の運営スタッフ", "市民スポーツ大会で、計時や記録、会場設営をお手伝いいただきます。",
                "本庄総合公園 体育館", "all", List.of("sports"), true, false, true, null, null, "運動靴", today.plusDays(45), "PUBLISHED");
        shift(o14, today.plusDays(50), LocalTime.of(8, 30), LocalTime.of(16, 0), 12);
        shift(o14, today.plusDays(51), LocalTime.of(8, 30), LocalTime.of(16, 0), 12);

        long o15 = opportunity(group(others, 5), otherCreator, "文化祭の会場案内", "市民文化祭の会場で、来場者の案内をしていただきました。", "本庄市民文化会館", "honjo",
                List.of("bunka", "geijutsu"), true, false, false, null, null, null, today.minusDays(405), "CLOSED");
        long s15 = shift(o15, today.minusDays(400), LocalTime.of(9, 30), LocalTime.of(13, 30), 8);
        application(s15, o15, residentId, me, null, "ACCEPTED", new BigDecimal("4.0"));
        log.info("Loaded 15 demo volunteer opportunities");
    }

    private static long group(List<Long> others, int i) {
        return others.get(i % others.size());
    }

    private String groupName(long groupId) {
        return groups.profile(groupId).map(Groups.GroupProfile::name).orElse("");
    }

    private long opportunity(long groupId, long createdBy, String title, String description, String place, String area, List<String> fields,
                             boolean beginners, boolean families, boolean students, String skills, String accessibility, String toBring,
                             LocalDate applyBy, String status) {
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into vol_opportunity (group_id, title, description, place, area_code, for_beginners, for_families, for_students,
                            skills, accessibility, to_bring, apply_by, status, created_by, created_at, updated_at)
                        values (:g, :t, :d, :p, :a, :b, :f, :s, :sk, :ac, :tb, :by, :st, :c, :now, :now) returning id""")
                .param("g", groupId).param("t", title).param("d", description).param("p", place).param("a", area).param("b", beginners)
                .param("f", families).param("s", students).param("sk", skills).param("ac", accessibility).param("tb", toBring).param("by", applyBy)
                .param("st", status).param("c", createdBy).param("now", Timestamp.from(now)).query(Long.class).single();
        for (String f : fields) {
            jdbc.sql("insert into vol_opportunity_field (opportunity_id, field_code) values (:o, :f)").param("o", id).param("f", f).update();
        }
        return id;
    }

    private long shift(long opportunityId, LocalDate on, LocalTime starts, LocalTime ends, int capacity) {
        return jdbc.sql("insert into vol_shift (opportunity_id, held_on, starts_at, ends_at, capacity) values (:o, :d, :s, :e, :c) returning id")
                .param("o", opportunityId).param("d", on).param("s", Time.valueOf(starts)).param("e", Time.valueOf(ends)).param("c", capacity)
                .query(Long.class).single();
    }

    private long application(long shiftId, long opportunityId, Long accountId, String name, String message, String status, BigDecimal hours) {
        Instant created = clock.instant().minus(Duration.ofDays(3));
        Timestamp confirmed = hours == null ? null : Timestamp.from(clock.instant());
        return jdbc.sql("""
                        insert into vol_application (shift_id, opportunity_id, account_id, applicant_name, message, status, decided_at, attended,
                            hours, confirmed_at, created_at, updated_at)
                        values (:s, :o, :a, :n, :m, :st, :dec, :att, :h, :conf, :created, :created) returning id""")
                .param("s", shiftId).param("o", opportunityId).param("a", accountId).param("n", name).param("m", message).param("st", status)
                .param("dec", status.equals("APPLIED") || status.equals("CANCELLED") ? null : Timestamp.from(created.plus(Duration.ofDays(1))))
                .param("att", hours == null ? null : Boolean.TRUE).param("h", hours).param("conf", confirmed).param("created", Timestamp.from(created))
                .query(Long.class).single();
    }

    private void message(long applicationId, boolean fromGroup, Long sender, String senderName, String body) {
        jdbc.sql("""
                        insert into vol_app_message (application_id, from_group, sender_account_id, sender_name, body, created_at)
                        values (:a, :g, :s, :n, :b, :now)""")
                .param("a", applicationId).param("g", fromGroup).param("s", sender).param("n", senderName).param("b", body)
                .param("now", Timestamp.from(clock.instant().minus(Duration.ofDays(1)))).update();
    }
}
