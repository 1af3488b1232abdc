package jp.kyodo.collaboration;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.kyodo.BrowserSupport.assertAccessible;
import static jp.kyodo.collaboration.JourneySteps.button;
import static jp.kyodo.collaboration.JourneySteps.login;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.util.regex.Pattern;
import jp.kyodo.BrowserSupport;
import jp.kyodo.IntegrationTest;
import jp.kyodo.accounts.SignedInUser;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In a real browser: the adopted project's agreement is drafted, confirmed by both sides and downloaded as a PDF with
 * the role division in Japanese; the group files its interim and completion reports; both sides and the committee
 * evaluate; the secretariat publishes and the public page shows the evaluation. axe-core checks every page.
 */
@IntegrationTest
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class ProjectJourneyBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @Autowired CollaborationTestData data;

    @Test
    void agreeReportEvaluatePublish() throws Exception {
        String tag = CollaborationTestData.tag();
        long dept = data.department("文化振興課", false);
        SignedInUser staff = data.account("pj-staff", dept, "STAFF");
        SignedInUser admin = data.account("pj-admin", data.department("市民活動推進課", true), "STAFF", "ADMIN");
        SignedInUser rep = data.account("pj-rep", null);
        SignedInUser member = data.account("pj-member", null, "COMMITTEE");
        long group = data.registeredGroup("蔵の会" + tag, rep.accountId(), "歴史ある蔵を活かす", "bunka");
        long id = data.adoptedProject(dept, group, rep, staff, tag);
        String title = "アートフェスタ" + tag;

        // The department reads the draft drawn from the proposal, completes the role division and confirms it.
        Page city = browser.page();
        login(city, staff);
        city.navigate("/staff/collaboration/projects");
        assertAccessible(city);
        city.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
        assertAccessible(city);
        Locator roles = city.locator("#roles");
        roles.fill(roles.inputValue() + "\n・記録と発信\n  蔵の会:写真の記録\n  本庄市:市報での紹介");
        button(city, "案を保存する").click();
        assertThat(city.getByRole(AriaRole.STATUS)).containsText("協定書の案を保存しました");
        button(city, "この内容で確認する").click();
        assertThat(city.getByRole(AriaRole.STATUS)).containsText("確認しました");

        // The group's representative comments, confirms, and downloads the agreement.
        Page groupPage = browser.newPage(o -> { });
        login(groupPage, rep);
        groupPage.navigate("/my/projects");
        assertAccessible(groupPage);
        groupPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
        assertAccessible(groupPage);
        groupPage.locator("#comment-body").fill("写真の記録は当会で担当します。");
        button(groupPage, "意見を送る").click();
        button(groupPage, "この内容で確認する").click();
        assertThat(groupPage.getByRole(AriaRole.STATUS)).containsText("確認しました");
        assertThat(groupPage.getByText("実施中")).isVisible();
        Download download = groupPage.waitForDownload(() ->
                groupPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("協定書をダウンロードする(PDF)")).click());
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(download.path()))) {
            String text = new PDFTextStripper().getText(pdf);
            org.assertj.core.api.Assertions.assertThat(text).contains("協働事業協定書").contains("役割分担").contains("市報での紹介");
        }
        assertAccessible(groupPage);

        // Reports: interim, then completion with the actual amounts.
        fillReport(groupPage, "INTERIM", "準備会を開いた", "40", "満足度82%", null);
        city.reload();
        city.locator("#report-INTERIM").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("受理する")).click();
        assertThat(city.getByRole(AriaRole.STATUS)).containsText("報告を受理しました");
        groupPage.reload();
        fillReport(groupPage, "COMPLETION", "芸術祭を開いた", "350", "満足度91%", new String[] {"20,000", "200,000", "30,000"});
        city.reload();
        city.locator("#report-COMPLETION").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("受理する")).click();
        assertThat(city.getByRole(AriaRole.STATUS)).containsText("報告を受理しました");
        assertAccessible(city);

        // Evaluations: the group, the department, then the committee.
        groupPage.reload();
        evaluate(groupPage, "5", "市の協力で多くの人に届いた");
        evaluate(city, "4", "団体の発信力が高かった");
        Page committee = browser.newPage(o -> { });
        login(committee, member);
        committee.navigate("/committee/projects");
        assertAccessible(committee);
        committee.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
        assertThat(committee.locator("main")).containsText("団体の発信力が高かった");
        evaluate(committee, "4", "協働の好例");

        // The secretariat publishes: the public page shows the story and the evaluation (0.2×5 + 0.2×4 + 0.6×4 = 4.2).
        Page secretariat = browser.newPage(o -> { });
        login(secretariat, admin);
        secretariat.navigate("/staff/collaboration/projects/" + id);
        assertThat(secretariat.locator("#evaluation")).containsText("4.20");
        button(secretariat, "評価を公開する").click();
        assertThat(secretariat.getByRole(AriaRole.STATUS)).containsText("評価を公開しました");
        Page visitor = browser.newPage(o -> { });
        visitor.navigate("/collaboration/projects");
        assertAccessible(visitor);
        visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
        assertThat(visitor.locator("main")).containsText("市報での紹介");
        assertThat(visitor.locator("main")).containsText("4.20");
        assertThat(visitor.locator("main")).containsText("協働の好例");
        assertAccessible(visitor);
    }

    private static void fillReport(Page page, String kind, String activities, String participants, String outcome, String[] actuals) {
        Locator card = page.locator("#report-" + kind);
        page.locator("[id='" + kind + "-activities']").fill(activities);
        page.locator("[id='" + kind + "-participants']").fill(participants);
        page.locator("[id='" + kind + "-outcomes[0]']").fill(outcome);
        if (actuals != null) {
            for (int i = 0; i < actuals.length; i++) {
                page.locator("[id='" + kind + "-actuals[" + i + "]']").fill(actuals[i]);
            }
        }
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("報告を提出する")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("報告を提出しました");
        assertAccessible(page);
    }

    private static void evaluate(Page page, String score, String comment) {
        page.reload();
        Locator selects = page.locator("#evaluation select");
        for (int i = 0; i < selects.count(); i++) {
            selects.nth(i).selectOption(score);
        }
        page.locator("#evaluation #comment").fill(comment);
        button(page, "評価を提出する").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("評価を提出しました");
        assertAccessible(page);
    }

}
