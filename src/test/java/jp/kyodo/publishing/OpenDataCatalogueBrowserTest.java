package jp.kyodo.publishing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.kyodo.BrowserSupport.assertAccessible;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import jp.kyodo.BrowserSupport;
import jp.kyodo.IntegrationTest;
import jp.kyodo.shared.OpenDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In a real browser without JavaScript: from the footer a visitor reaches the open data catalogue, sees every dataset
 * with its licence, opens the API page built from the OpenAPI document and follows an example link. axe-core checks
 * every page.
 */
@IntegrationTest
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class OpenDataCatalogueBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @Autowired List<OpenDataset> datasets;

    @Test
    void visitorFindsTheDatasetsAndTheApiWithoutJavaScript() {
        Page page = browser.pageWithoutJavaScript();
        page.navigate("/");
        page.getByRole(AriaRole.CONTENTINFO).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("オープンデータ")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("オープンデータ").setLevel(1))).isVisible();
        assertAccessible(page);
        for (OpenDataset d : datasets) {
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(d.title()).setExact(true))).isVisible();
            assertThat(page.locator("a[href='" + d.csvPath() + "']")).hasCount(1);
            assertThat(page.locator("a[href='" + d.jsonPath() + "']")).hasCount(1);
        }
        assertThat(page.locator("#licence")).hasText("クリエイティブ・コモンズ 表示 4.0 国際 (CC BY 4.0)");
        assertThat(page.locator("#licence")).hasAttribute("href", "https://creativecommons.org/licenses/by/4.0/deed.ja");
        // The column list opens by keyboard or click without JavaScript (details/summary).
        page.locator("#dataset-events summary").click();
        assertThat(page.locator("#dataset-events li", new Page.LocatorOptions().setHasText("全国地方公共団体コード"))).isVisible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("APIの説明(エンドポイントとパラメータ)")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("オープンデータAPI").setLevel(1))).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("GET /api/v1/events"))).isVisible();
        assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("/api/v1/events のパラメータ"))).containsText("from");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("OpenAPI定義(JSON)"))).hasAttribute("href", "/v3/api-docs");
        assertAccessible(page);

        com.microsoft.playwright.APIResponse example = page.request().get(browser.baseUrl() + "/api/v1/workshops?size=5");
        org.assertj.core.api.Assertions.assertThat(example.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(example.text()).contains("\"items\"").contains("\"total\"");
        assertThat(page.locator("a[href='/api/v1/workshops?size=5']")).hasCount(1);
    }
}
