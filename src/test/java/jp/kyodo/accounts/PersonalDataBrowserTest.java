package jp.kyodo.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.kyodo.BrowserSupport.assertAccessible;
import static jp.kyodo.BrowserSupport.logIn;
import static jp.kyodo.BrowserSupport.tabTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import jp.kyodo.BrowserSupport;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestPeople;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * In a real browser: a person active in every module opens their personal data from マイページ by keyboard, reads it
 * (axe-core checks the page) and downloads the JSON file; the deletion page says what is kept.
 */
@IntegrationTest
@Import(PersonActiveEverywhere.class)
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class PersonalDataBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @Autowired PersonActiveEverywhere fixture;

    @Test
    void readAndDownloadOnesOwnData() throws Exception {
        PersonActiveEverywhere.Person p = fixture.create();
        Page page = browser.page();
        logIn(page, p.email(), TestPeople.PASSWORD);
        Locator link = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("わたしの個人データを見る・ダウンロードする"));
        tabTo(page, link, 80);
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("わたしの個人データ").setLevel(1))).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("パブリックコメントの意見"))).isVisible();
        assertThat(page.locator("main")).containsText(p.address());
        assertThat(page.locator("main")).containsText("ベンチを増やして");
        assertAccessible(page);

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("JSON形式でダウンロードする")).click());
        assertThat(download.suggestedFilename()).startsWith("personal-data-").endsWith(".json");
        assertThat(Files.readString(download.path())).contains(p.email(), p.phone(), "賛成です");

        page.navigate("/account/delete");
        assertThat(page.locator("main")).containsText("「削除済み」に置き換えて残ります");
        assertAccessible(page);
    }
}
