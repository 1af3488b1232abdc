package jp.kyodo.publishing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.kyodo.BrowserSupport.assertAccessible;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.UUID;
import jp.kyodo.BrowserSupport;
import jp.kyodo.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A resident opens the annual report from the menu, switches to FY2021 (令和3年度, which no other test uses), sees the
 * charts drawn and their tables, and downloads the CSV and the PDF; without JavaScript the tables are all there.
 */
@IntegrationTest
class AnnualReportJourneyBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @Autowired JdbcClient jdbc;

    private String room;

    @BeforeEach
    void aRoomUsedInFiscal2021() {
        room = "年報ブラウザ室" + UUID.randomUUID().toString().substring(0, 6);
        long id = jdbc.sql("""
                        insert into centre_room (code, name, capacity, activity_rate, standard_rate, sort_order, active)
                        values (:c, :n, 10, 100, 200, 960, false) returning id""")
                .param("c", "rb-" + UUID.randomUUID()).param("n", room).query(Long.class).single();
        OffsetDateTime starts = OffsetDateTime.parse("2021-07-10T09:00+09:00");
        jdbc.sql("""
                        insert into centre_booking (room_id, starts_at, ends_at, account_id, booker_name, purpose, people, rate, fee, status,
                            payment_due_on, created_at)
                        values (:r, :s, :e, -1, '年報テスト', '会議', 5, 100, 400, 'PAID', :due, now())""")
                .param("r", id).param("s", starts).param("e", starts.plusHours(4)).param("due", starts.toLocalDate()).update();
    }

    @Test
    void chartsTablesAndDownloads() throws Exception {
        Page page = browser.page();
        page.navigate("/");
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("メインメニュー"))
                .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("年度報告").setExact(true)).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile("/report$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("年度報告");
        assertThat(page.locator(".report-chart canvas").first()).isVisible();
        assertAccessible(page);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("令和3年度(2021年度)")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile("/report/2021$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("令和3年度(2021年度) 年度報告");
        // Every chart is drawn by ECharts and keeps its table.
        assertThat(page.locator("#chart-centreByRoom canvas")).isVisible();
        assertThat(page.locator("#chart-groupsTrend canvas")).isVisible();
        assertThat(page.locator("#chart-centreByRoom")).hasAttribute("aria-hidden", "true");
        assertThat(page.locator("#section-centre table").first()).containsText(room);
        assertThat(page.locator("#section-centre table").first().getByRole(AriaRole.ROW,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName(room))).containsText("4");
        assertThat(page.getByRole(AriaRole.FIGURE)).hasCount(15);
        assertAccessible(page);

        Download csv = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("数値をダウンロード(CSV)")).click());
        byte[] bytes = Files.readAllBytes(csv.path());
        org.assertj.core.api.Assertions.assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        org.assertj.core.api.Assertions.assertThat(new String(bytes, StandardCharsets.UTF_8))
                .contains("\"市民活動センターの利用\",\"利用時間\",\"" + room + "\",\"2021\",\"4\"");

        Download pdf = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("報告書をダウンロード(PDF)")).click());
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf.path()))) {
            org.assertj.core.api.Assertions.assertThat(new PDFTextStripper().getText(document))
                    .contains("令和3年度(2021年度) 年度報告", "市民活動センターの利用", room);
        }
    }

    @Test
    void withoutJavaScriptTheTablesAreThere() {
        Page page = browser.pageWithoutJavaScript();
        page.navigate("/report/2021");
        assertThat(page.locator("#chart-centreByRoom")).isHidden();
        assertThat(page.locator("table")).hasCount(15);
        assertThat(page.locator("#section-centre table").first()).containsText(room);
        assertAccessible(page);
    }
}
