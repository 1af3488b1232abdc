package jp.kyodo.publishing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import jp.kyodo.accounts.AccountSummary;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.accounts.DepartmentView;
import jp.kyodo.shared.CityProfile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo news for an empty database: eight items over the last months across the categories, one still a draft and
 * one scheduled for next week (not visible until then). The search index picks up the public ones at start-up.
 */
@Component
@Order(80)
class NewsDemo extends jp.kyodo.shared.DemoContent {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Clock clock;
    private final ZoneId zone;

    NewsDemo(JdbcClient jdbc, Accounts accounts, TransactionTemplate tx, Clock clock, CityProfile city, Environment environment) {
        super(tx, jdbc, environment);
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
        this.zone = city.zone();
    }

    @Override
    protected List<String> demoTables() {
        return List.of("pub_news");
    }

    @Override
    protected void loadDemo() {
        Optional<AccountSummary> staff = accounts.findByEmail("staff@example.jp");
        if (staff.isEmpty()) {
            return;
        }
        load(staff.get().id());
    }

    /** Loads the items; returns the id of the one scheduled for next week. */
    long load(long staffId) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        String secretariat = accounts.secretariat().map(DepartmentView::name).orElse(null);
        String kosodate = accounts.activeDepartments().stream().filter(d -> d.name().contains("子育て")).map(DepartmentView::name).findFirst()
                .orElse(secretariat);
        item(staffId, "令和8年度 市民提案型協働事業の募集を始めました", """
                市民活動団体・地域コミュニティ団体・事業者の皆さんから、市と協働で取り組む事業の提案を募集します。

                提案の前に、担当課との事前相談が必要です。募集要項と提案書の様式は、協働事業のページにあります。
                https://www.city.honjo.lg.jp/

                説明会は市民活動交流センター(はにぽんプラザ)で開きます。""", NewsCategory.RECRUITMENT, secretariat, today.minusDays(40));
        item(staffId, "協働事例集を公開しました", """
                これまでの協働事業から8つの事例を、協働の形態・分野・成果・評価とともに「協働事例」のページで紹介しています。

                団体の皆さんが次の事業を考えるときの参考にしてください。""", NewsCategory.REPORT, secretariat, today.minusDays(3));
        item(staffId, "地域リーダー養成講座の受講者を募集します", """
                地域で活動する団体のリーダーを目指す方のための連続講座です。会議の進め方、会計の基本、広報の工夫を学びます。

                定員になり次第締め切ります。講座・研修のページから申し込めます。""", NewsCategory.RECRUITMENT, secretariat, today.minusDays(20));
        item(staffId, "子育て応援フェスタ2026を開きます", """
                子育て中の家族が楽しめる催しです。絵本の読み聞かせ、手作りおもちゃ、子育て相談のコーナーがあります。

                市内の子育て支援団体と子育て支援課の共催です。""", NewsCategory.EVENT, kosodate, today.minusDays(12));
        item(staffId, "はにぽんプラザ 年末年始の休館について", """
                市民活動交流センター(はにぽんプラザ)は、12月29日から1月3日まで休館します。

                休館中は部屋の予約の受付もお休みします。""", NewsCategory.NOTICE, secretariat, today.minusDays(7));
        item(staffId, "市民協働推進審議会の会議録を掲載しました", """
                第2回市民協働推進審議会の会議録を、市政への参加のページに掲載しました。""", NewsCategory.REPORT, secretariat, today.minusDays(60));
        item(staffId, "防災訓練への参加団体の募集(下書き)", """
                自主防災組織・自治会の皆さんに、来年度の総合防災訓練への参加を呼びかけます。""", NewsCategory.RECRUITMENT, secretariat, null);
        return item(staffId, "協働のまちづくりフォーラムを開きます", """
                市民活動団体の活動発表と、協働事業の成果報告を行います。どなたでも参加できます。

                詳しい日程は、このお知らせでお知らせします。""", NewsCategory.EVENT, secretariat, today.plusDays(7));
    }

    private long item(long staffId, String title, String body, NewsCategory category, String department, LocalDate publishOn) {
        Instant now = clock.instant();
        Instant publishAt = publishOn == null ? null : publishOn.atTime(LocalTime.of(9, 0)).atZone(zone).toInstant();
        Instant created = publishAt == null || publishAt.isAfter(now) ? now.minus(Duration.ofDays(1)) : publishAt.minus(Duration.ofHours(2));
        return jdbc.sql("""
                        insert into pub_news (title, body, category, department_name, status, publish_at, created_by, created_at, updated_at)
                        values (:t, :b, :c, :d, :s, :p, :by, :created, :created) returning id""")
                .param("t", title).param("b", body.strip()).param("c", category.name()).param("d", department)
                .param("s", publishAt == null ? "DRAFT" : "PUBLISHED").param("p", publishAt == null ? null : Timestamp.from(publishAt))
                .param("by", staffId).param("created", Timestamp.from(created)).query(Long.class).single();
    }
}
