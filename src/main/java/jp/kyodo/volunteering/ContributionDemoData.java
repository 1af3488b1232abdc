package jp.kyodo.volunteering;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Demo content for an empty database: six offers by the demo registry's businesses (a ロードサポート programme, ふるさと納税
 * 返礼品 cooperation, a meeting room, design and printing, staff volunteering, sponsorship), six needs of civic groups that
 * they fit, one conversation under way and one that ended in a recorded cooperation.
 */
@Component
@Order(71)
class ContributionDemoData extends jp.kyodo.shared.DemoContent {

    private static final Logger log = LoggerFactory.getLogger(ContributionDemoData.class);

    static final String CONSTRUCTION = "株式会社はにわ建設";
    static final String BANK = "本庄信用金庫 地域貢献チーム";
    static final String SWEETS = "有限会社こだま製菓";
    static final String IT = "ほんじょうIT合同会社";
    static final String SPORTS_CLUB = "はにぽんスポーツクラブ株式会社";
    static final String SALON = "子育てサロンひまわり";
    static final String INTERNATIONAL = "はにわ国際交流協会";
    static final String GREEN = "こだま緑の会";
    static final String SOCCER = "本庄ジュニアサッカー育成会";
    static final String FESTIVAL = "北泉まつり実行委員会";
    static final String SENIORS = "シニアの笑顔応援隊";
    static final List<String> GROUPS = List.of(CONSTRUCTION, BANK, SWEETS, IT, SPORTS_CLUB, SALON, INTERNATIONAL, GREEN, SOCCER, FESTIVAL, SENIORS);

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Groups groups;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CityProfile city;

    ContributionDemoData(JdbcClient jdbc, Accounts accounts, Groups groups, TransactionTemplate tx, Clock clock, CityProfile city, org.springframework.core.env.Environment environment) {
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
        return List.of("vol_offer");
    }

    @Override
    protected void loadDemo() {
        Optional<AccountSummary> staff = accounts.findByEmail("staff@example.jp");
        Optional<AccountSummary> resident = accounts.findByEmail("shimin@example.jp");
        Map<String, Long> ids = new HashMap<>();
        for (PublicGroup g : groups.listed()) {
            if (GROUPS.contains(g.name())) {
                ids.putIfAbsent(g.name(), g.id());
            }
        }
        if (staff.isEmpty() || resident.isEmpty() || !ids.keySet().containsAll(GROUPS)) {
            log.info("Demo contribution data skipped: the demo registry's groups or accounts are missing");
            return;
        }
        load(ids, staff.get().id(), resident.get().id());
    }

    /**
     * Loads the demo posts for the named groups; {@code staffId} writes for every group but the salon, whose representative
     * is {@code residentId} (as in the demo registry).
     */
    void load(Map<String, Long> ids, long staffId, long residentId) {
        LocalDate today = LocalDate.now(clock.withZone(city.zone()));
        Instant now = clock.instant();
        offer(ids.get(CONSTRUCTION), OfferKind.ROAD_SUPPORT, "ロードサポート:市道の清掃に一緒に取り組みませんか",
                "当社はロードサポート制度で本庄地区の市道約1kmの清掃を引き受けています。毎月第1土曜日の朝、社員が道路と歩道の清掃、"
                        + "ごみ拾いを行います。地域の団体の皆さんと一緒に清掃活動をしたいと考えています。ごみ袋と軍手、トングは当社が用意します。",
                "seiso,kankyo", "honjo", "雨天中止。未成年の方は保護者と一緒に参加してください。", null, staffId, now.minus(Duration.ofDays(40)));
        offer(ids.get(SWEETS), OfferKind.HOMETOWN_TAX, "ふるさと納税返礼品の売上で地域の行事を応援します",
                "当社のお菓子はふるさと納税の返礼品に選ばれています。返礼品の売上の一部を、子どもが参加する地域のまつりや行事に寄付し、"
                        + "行事で配るお菓子も提供します。返礼品のパンフレットで団体の活動を紹介することもできます。",
                "matsuri,kosodate", "kodama,hokusen", "年2件まで。寄付は1件5万円まで。", today.plusMonths(10), staffId, now.minus(Duration.ofDays(35)));
        long room = offer(ids.get(BANK), OfferKind.VENUE, "本店2階の会議室を市民活動に無料でお貸しします",
                "本店2階の会議室(30人まで、プロジェクター・ホワイトボードあり)を、平日の夜と土曜日に市民活動団体の会議や教室、講座に"
                        + "無料でお貸しします。駅から徒歩5分です。",
                "kosodate,bunka,kokusai", "all", "営利目的・政治活動・宗教活動には使えません。1か月前までにご相談ください。", null, staffId,
                now.minus(Duration.ofDays(30)));
        offer(ids.get(BANK), OfferKind.SPONSORSHIP, "地域のまつり・文化行事に協賛します",
                "地域のまつりや文化行事に協賛金を出し、ポスターやのぼりの作成も応援します。協賛金は1件10万円までです。",
                "matsuri,bunka", "all", "協賛の表示(ポスター・プログラムへの掲載)をお願いします。", today.plusMonths(6), staffId,
                now.minus(Duration.ofDays(25)));
        long design = offer(ids.get(IT), OfferKind.SKILL, "チラシ・ポスターのデザインと印刷をお手伝いします",
                "市民活動団体のチラシやポスター、会報のデザインと印刷を手伝います。スマートフォン教室の講師や、ホームページづくりの相談にも"
                        + "応じます。印刷は年間500枚まで無料です。",
                "kosodate,koreisha,keikaku", "honjo", null, null, staffId, now.minus(Duration.ofDays(20)));
        offer(ids.get(SPORTS_CLUB), OfferKind.STAFF_VOLUNTEERING, "スポーツ大会の運営に社員ボランティアを派遣します",
                "市内のスポーツ大会や運動会の運営スタッフとして、スポーツ指導の資格を持つ社員をボランティアで派遣します。"
                        + "会場の設営や審判、応急手当も手伝えます。",
                "sports,seiso", "asahi,honjo", "1回あたり5人まで。", null, staffId, now.minus(Duration.ofDays(15)));

        long flyers = need(ids.get(SALON), NeedKind.PRINTING, "親子サロンのチラシを印刷したい",
                "毎週水曜日の親子サロンを多くの子育て家庭に知ってもらうため、チラシを作って保育所や児童館に配りたいと考えています。"
                        + "チラシのデザインと印刷(300枚)を手伝っていただける方を探しています。",
                "kosodate", "honjo", today.plusMonths(2), residentId, now.minus(Duration.ofDays(12)));
        long classroom = need(ids.get(INTERNATIONAL), NeedKind.VENUE, "日本語教室の会場を探しています",
                "毎週土曜日の日本語教室の参加者が増え、今の会場では手狭になりました。駅の近くで20人ほどが入れる会議室を、"
                        + "教室の会場として貸していただけないでしょうか。",
                "kokusai,bunka", "honjo", null, staffId, now.minus(Duration.ofDays(28)));
        need(ids.get(GREEN), NeedKind.VOLUNTEERS, "小山川の清掃活動に人手がほしい",
                "毎月第2日曜日に小山川の河川敷で清掃活動とごみ拾いをしています。参加者が高齢になり、草刈りやごみの運び出しを手伝って"
                        + "くださる方を探しています。",
                "seiso,kankyo", "kodama", null, staffId, now.minus(Duration.ofDays(10)));
        need(ids.get(SOCCER), NeedKind.VOLUNTEERS, "少年サッカー大会の運営スタッフを募集しています",
                "秋の市内少年サッカー大会の運営を手伝ってくださる方を探しています。会場の設営、審判の補助、応急手当の係が足りません。",
                "sports,kosodate", "asahi", today.plusMonths(3), staffId, now.minus(Duration.ofDays(8)));
        need(ids.get(FESTIVAL), NeedKind.FUNDS, "北泉まつりの協賛を募っています",
                "地域の夏のまつりを続けるため、協賛金を出していただける事業者を探しています。協賛いただいた方はポスターとプログラムで紹介します。",
                "matsuri,bunka", "hokusen", today.plusMonths(4), staffId, now.minus(Duration.ofDays(6)));
        need(ids.get(SENIORS), NeedKind.EXPERTISE, "高齢者向けスマートフォン教室の講師を探しています",
                "ひとり暮らしの高齢者から、スマートフォンの使い方を教えてほしいという声が多く寄せられています。月1回、教室の講師を"
                        + "お願いできる方を探しています。",
                "koreisha", "fujita", null, staffId, now.minus(Duration.ofDays(4)));

        // A conversation under way: the IT company answers the salon's need for flyers.
        long talk = conversation(design, flyers, ids.get(IT), ids.get(SALON), "チラシ・ポスターのデザインと印刷をお手伝いします ↔ 親子サロンのチラシを印刷したい",
                staffId, now.minus(Duration.ofDays(5)));
        message(talk, ids.get(IT), staffId, "親子サロンのチラシの件、ぜひお手伝いさせてください。A4片面300枚でよろしいでしょうか。"
                + "写真やイラストがあれば使います。", now.minus(Duration.ofDays(5)));
        message(talk, ids.get(SALON), residentId, "ありがとうございます。A4片面300枚でお願いします。サロンの写真を何枚か用意します。", now.minus(Duration.ofDays(4)));
        message(talk, ids.get(IT), staffId, "承知しました。来週水曜日のサロンの後に、打ち合わせに伺ってもよろしいでしょうか。", now.minus(Duration.ofDays(3)));

        // A cooperation agreed: the bank's meeting room becomes the Japanese class's venue.
        long agreed = conversation(room, classroom, ids.get(INTERNATIONAL), ids.get(BANK), "本店2階の会議室を市民活動に無料でお貸しします ↔ 日本語教室の会場を探しています",
                staffId, now.minus(Duration.ofDays(21)));
        message(agreed, ids.get(INTERNATIONAL), staffId, "土曜日の日本語教室の会場として、会議室をお借りできないでしょうか。13時から15時、20人ほどです。",
                now.minus(Duration.ofDays(21)));
        message(agreed, ids.get(BANK), staffId, "毎週土曜日13時から15時でお貸しできます。来月から始めましょう。", now.minus(Duration.ofDays(19)));
        jdbc.sql("""
                        insert into vol_cooperation (conversation_id, offer_id, need_id, group_id, partner_group_id, title, summary, agreed_on,
                            recorded_by, created_at)
                        values (:c, :o, :n, :g, :p, :t, :s, :on, :by, :at)""")
                .param("c", agreed).param("o", room).param("n", classroom).param("g", ids.get(BANK)).param("p", ids.get(INTERNATIONAL))
                .param("t", "本店2階の会議室を市民活動に無料でお貸しします ↔ 日本語教室の会場を探しています")
                .param("s", "毎週土曜日13時〜15時、本店2階会議室を日本語教室の会場として無料で貸し出す。").param("on", today.minusDays(18))
                .param("by", staffId).param("at", Timestamp.from(now.minus(Duration.ofDays(18)))).update();
        log.info("Loaded demo business offers, group needs, a conversation and an agreed cooperation");
    }

    private long offer(long groupId, OfferKind kind, String title, String description, String fields, String areas, String conditions,
                       LocalDate validUntil, long by, Instant at) {
        return jdbc.sql("""
                        insert into vol_offer (group_id, kind, title, description, field_codes, area_codes, conditions, valid_until, status,
                            created_by, created_at, updated_at, published_at)
                        values (:g, :k, :t, :d, :f, :a, :c, :v, 'PUBLISHED', :by, :at, :at, :at) returning id""")
                .param("g", groupId).param("k", kind.name()).param("t", title).param("d", description).param("f", fields).param("a", areas)
                .param("c", conditions).param("v", validUntil).param("by", by).param("at", Timestamp.from(at)).query(Long.class).single();
    }

    private long need(long groupId, NeedKind kind, String title, String description, String fields, String area, LocalDate neededBy, long by,
                      Instant at) {
        return jdbc.sql("""
                        insert into vol_need (group_id, kind, title, description, field_codes, area_code, needed_by, status, created_by,
                            created_at, updated_at)
                        values (:g, :k, :t, :d, :f, :a, :n, 'PUBLISHED', :by, :at, :at) returning id""")
                .param("g", groupId).param("k", kind.name()).param("t", title).param("d", description).param("f", fields).param("a", area)
                .param("n", neededBy).param("by", by).param("at", Timestamp.from(at)).query(Long.class).single();
    }

    private long conversation(long offerId, long needId, long starter, long other, String subject, long by, Instant at) {
        return jdbc.sql("""
                        insert into vol_conversation (offer_id, need_id, starter_group_id, other_group_id, subject, started_by, created_at,
                            last_message_at)
                        values (:o, :n, :s, :other, :subject, :by, :at, :at) returning id""")
                .param("o", offerId).param("n", needId).param("s", starter).param("other", other).param("subject", subject).param("by", by)
                .param("at", Timestamp.from(at)).query(Long.class).single();
    }

    private void message(long conversationId, long groupId, long authorId, String body, Instant at) {
        jdbc.sql("insert into vol_conv_message (conversation_id, group_id, author_id, body, created_at) values (:c, :g, :a, :b, :at)")
                .param("c", conversationId).param("g", groupId).param("a", authorId).param("b", body).param("at", Timestamp.from(at)).update();
        jdbc.sql("update vol_conversation set last_message_at = greatest(last_message_at, :at) where id = :c")
                .param("at", Timestamp.from(at)).param("c", conversationId).update();
    }
}
