package jp.kyodo.publishing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.kyodo.BrowserSupport.assertAccessible;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import jp.kyodo.BrowserSupport;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestPeople;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.collaboration.FinishedProjectFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In a real browser: staff publish a news item and a case study drafted from a finished project; a visitor finds both
 * on the list pages (the case study through its filters) and the news in the Atom feed. axe-core checks every page.
 */
@IntegrationTest
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class NewsAndCaseStudyJourneyBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @Autowired TestPeople people;
    @Autowired FinishedProjectFixture fixture;

    @Test
    void staffPublishNewsAndACaseStudyAndAVisitorFindsThem() {
        SignedInUser staff = people.account("pubj-staff", people.department("市民活動推進課", true), "STAFF");
        String tag = NewsIntegrationTest.word();
        fixture.publishedProject(staff, tag);
        String newsTitle = "協働フォーラムを開きます " + tag;

        // Staff write a news item: a mistake is shown next to its field, with the text kept.
        Page office = login(browser.page(), staff.getUsername());
        office.navigate("/staff");
        assertAccessible(office);
        office.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("お知らせの管理")).click();
        assertAccessible(office);
        office.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("お知らせを書く")).click();
        office.locator("#body").fill("市民活動団体の活動発表があります。\n\n詳しくは https://example.jp/forum をご覧ください。");
        office.locator("#category").selectOption("EVENT");
        button(office, "公開する(日時を指定すれば予約)").click();
        assertThat(office.locator("#title-error")).containsText("入力してください");
        assertThat(office.locator("#body")).hasValue("市民活動団体の活動発表があります。\n\n詳しくは https://example.jp/forum をご覧ください。");
        assertAccessible(office);
        office.locator("#title").fill(newsTitle);
        button(office, "公開する(日時を指定すれば予約)").click();
        assertThat(office.getByRole(AriaRole.STATUS)).containsText("お知らせを公開しました");
        assertAccessible(office);

        // Staff draft a case study from the project, complete it and publish it.
        office.navigate("/staff");
        office.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("協働事例の管理")).click();
        assertAccessible(office);
        office.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("協働事業から下書きを作る")).click();
        assertAccessible(office);
        button(office, "「アートフェスタ" + tag + "」から下書きを作る").click();
        assertThat(office.getByRole(AriaRole.STATUS)).containsText("下書きを作りました");
        assertThat(office.locator("#title")).hasValue("アートフェスタ" + tag);
        assertThat(office.locator("#partnerGroups")).hasValue("アートの会" + tag);
        assertAccessible(office);
        office.getByLabel("芸術").check();
        office.locator("#lessons").fill("早めの広報で来場者が増えた。");
        button(office, "保存する").click();
        assertThat(office.getByRole(AriaRole.STATUS)).containsText("事例を保存しました");
        button(office, "公開する").click();
        assertThat(office.getByRole(AriaRole.STATUS)).containsText("事例を公開しました");
        assertAccessible(office);

        // A visitor finds the news on the list and in the feed, and follows its link.
        Page visitor = browser.newPage(o -> { });
        visitor.navigate("/");
        visitor.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("メインメニュー"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("お知らせ").setExact(true)).click();
        assertAccessible(visitor);
        visitor.locator("#category").selectOption("EVENT");
        button(visitor, "絞り込む").click();
        visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(newsTitle)).click();
        assertThat(visitor.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(newsTitle);
        assertThat(visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("https://example.jp/forum"))).isVisible();
        assertAccessible(visitor);
        APIResponse feed = visitor.request().get(browser.baseUrl() + "/news/feed.xml");
        org.assertj.core.api.Assertions.assertThat(feed.headers().get("content-type")).startsWith("application/atom+xml");
        org.assertj.core.api.Assertions.assertThat(feed.text()).contains("<title>" + newsTitle + "</title>");

        // The case study through the filters: form, field and fiscal year.
        visitor.navigate("/");
        visitor.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("メインメニュー"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("協働事例")).click();
        assertAccessible(visitor);
        visitor.locator("#form").selectOption("COHOSTING");
        visitor.locator("#field").selectOption("geijutsu");
        visitor.locator("#year").selectOption("2027");
        button(visitor, "絞り込む").click();
        assertThat(visitor).hasURL(Pattern.compile("form=COHOSTING.*field=geijutsu.*year=2027"));
        visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("アートフェスタ" + tag)).click();
        assertThat(visitor.locator("main")).containsText("早めの広報で来場者が増えた。");
        assertThat(visitor.locator("main")).containsText("アートの会" + tag);
        assertAccessible(visitor);
    }

    private static Page login(Page page, String email) {
        page.navigate("/login");
        page.locator("#username").fill(email);
        page.locator("#password").fill(TestPeople.PASSWORD);
        button(page, "ログインする").click();
        assertThat(page).hasURL(Pattern.compile("/account$"));
        return page;
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
