package jp.kyodo.search;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.kyodo.BrowserSupport.assertAccessible;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import jp.kyodo.BrowserSupport;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestPeople;
import jp.kyodo.accounts.SignedInUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a real browser: from the top page a resident types a word in kana into the header's search box, sees the results
 * grouped by kind with the matches marked, and reaches a group, a case study and a workshop; an administrator rebuilds the index and
 * watches its progress. axe-core checks every page.
 */
@IntegrationTest
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class SiteSearchJourneyBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @Autowired JdbcClient jdbc;
    @Autowired SearchIndex index;
    @Autowired TestPeople people;

    @Test
    void aKanaQueryInTheHeaderFindsAGroupACaseStudyAndAWorkshop() {
        String tag = SiteSearchIntegrationTest.word();
        SignedInUser staff = people.account("sj-staff", null, "STAFF");
        String group = "子育てサロンすくすく " + tag;
        jdbc.sql("""
                        insert into civic_group (type, name, status, registration_number, registered_on, valid_until, rep_name, contact_name,
                            contact_email, members_count, area_code, purpose, activities, created_by, created_at, updated_at, draft_step, version)
                        values ('CIVIC', :name, 'REGISTERED', :number, current_date, current_date + 700, '代表 太郎', '連絡 花子',
                            :email, 12, 'honjo', '子育て中の親子が集まる場をつくります。', '毎週水曜日のサロン', :by, now(), now(), 5, 0)""")
                .param("name", group).param("number", "S-" + tag).param("email", "sj-" + tag + "@example.jp").param("by", staff.accountId())
                .update();
        long dept = jdbc.sql("insert into department (code, name, secretariat, active, created_at) values (:c, '子育て支援課', false, true, now()) returning id")
                .param("c", "sj-" + tag).query(Long.class).single();
        String workshop = "子育て応援ワークショップ " + tag;
        jdbc.sql("""
                        insert into ws_workshop (department_id, title, theme, held_on, starts_at, ends_at, place, capacity, target,
                            registration_closes_on, status, created_by, created_at, updated_at)
                        values (:d, :t, '子育ての困りごとを話し合います', current_date + 20, '10:00', '12:00', '本庄市民活動センター', 20, 'どなたでも',
                            current_date + 19, 'PUBLISHED', :by, now(), now())""")
                .param("d", dept).param("t", workshop).param("by", staff.accountId()).update();
        String caseStudy = "子育て広場の協働運営 " + tag;
        jdbc.sql("""
                        insert into pub_case_study (title, summary, form, fiscal_year, partner_groups, department_name, budget,
                            activities, outcomes, status, published_at, created_by, created_at, updated_at)
                        values (:t, '子育て中の親子の居場所を団体と市が一緒に運営しました。', 'COMMISSION', 2025, 'NPO法人すくすく', '子育て支援課',
                            480000, '週2回の広場の運営', '延べ1,200組の親子が利用', 'PUBLISHED', now(), :by, now(), now())""")
                .param("t", caseStudy).param("by", staff.accountId()).update();
        // Written straight to the database, so indexed the way an administrator's rebuild does it.
        index.rebuild("group");
        index.rebuild("workshop");
        index.rebuild("case-study");

        Page page = browser.page();
        page.navigate("/");
        assertAccessible(page);
        page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("サイト内検索")).fill("こそだて " + tag);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("検索").setExact(true)).click();

        assertThat(page).hasURL(Pattern.compile("/search\\?q="));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("市民活動団体(1件)"))).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("ワークショップ(1件)"))).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("協働事例(1件)"))).isVisible();
        assertThat(page.locator("mark").first()).hasText("子育て");
        assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(group)).click();
        assertThat(page).hasURL(Pattern.compile("/groups/\\d+$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(group);
        assertAccessible(page);

        page.goBack();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(caseStudy)).click();
        assertThat(page).hasURL(Pattern.compile("/case-studies/\\d+$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(caseStudy);
        assertAccessible(page);

        page.goBack();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(workshop)).click();
        assertThat(page).hasURL(Pattern.compile("/participation/workshops/\\d+$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(workshop);
        assertAccessible(page);

        // One kind alone, with its filters; a misspelt word gets "もしかして".
        page.goBack();
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("種類で絞り込む"))
                .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("ワークショップ(1件)")).click();
        assertThat(page.getByLabel("状況")).isVisible();
        assertAccessible(page);
        page.getByLabel("キーワード", new Page.GetByLabelOptions().setExact(true)).fill("こそだで " + tag);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("検索する")).click();
        assertThat(page.getByText("もしかして")).isVisible();
        assertAccessible(page);
    }

    @Test
    void anAdministratorRebuildsTheIndexAndSeesItsProgress() {
        SignedInUser admin = people.account("sj-admin", null, "ADMIN");
        Page page = browser.page();
        BrowserSupport.logIn(page, people.email(admin.accountId()), TestPeople.PASSWORD);
        page.navigate("/admin");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("サイト内検索の索引")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("サイト内検索の索引");
        assertAccessible(page);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("すべての種類を再構築する")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("索引の再構築を始めました");
        // htmx polls the progress until the rebuild is over.
        assertThat(page.locator("#rebuild-progress")).containsText("再構築が完了しました");
        assertThat(page.locator("progress#rebuild-bar")).isVisible();
        assertAccessible(page);
    }

    @Test
    void searchWorksWithoutJavaScript() {
        String tag = SiteSearchIntegrationTest.word();
        for (int i = 1; i <= 12; i++) {
            index.put(new SearchDocument("news", "nojs-" + tag + "-" + i, "防災訓練のお知らせ " + i, "市内全域で防災訓練を行います。" + tag,
                    "/", java.util.Map.of(), java.time.Instant.parse("2026-04-01T00:00:00Z").plusSeconds(i)));
        }
        Page page = browser.pageWithoutJavaScript();
        page.navigate("/");
        page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("サイト内検索")).fill("ぼうさい " + tag);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("検索").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("お知らせ(12件)"))).isVisible();
        assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("お知らせをすべて見る(12件)")).click();
        assertThat(page.getByText("1 / 2 ページ(全12件)")).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("次のページ")).click();
        assertThat(page.getByText("2 / 2 ページ(全12件)")).isVisible();
        assertThat(page.getByLabel("キーワード", new Page.GetByLabelOptions().setExact(true))).hasValue("ぼうさい " + tag);
        assertAccessible(page);
    }
}
