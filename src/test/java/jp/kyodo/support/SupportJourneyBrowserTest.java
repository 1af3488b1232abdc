package jp.kyodo.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.kyodo.BrowserSupport.assertAccessible;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.kyodo.BrowserSupport;
import jp.kyodo.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * In a real browser: an endorsement from application to the approval notice and the report after the event, and a
 * subsidy from application to its final amount. axe-core checks every page.
 */
@IntegrationTest
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class SupportJourneyBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Events events;

    @Test
    void endorsementAndSubsidy() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long dept = jdbc.sql("insert into department (code, name, secretariat, active, created_at) values (:c, '生涯学習課', false, true, now()) returning id")
                .param("c", "sj-" + tag).query(Long.class).single();
        String organiser = account("sj-organiser-" + tag, null, null);
        String staff = account("sj-staff-" + tag, dept, "ADMIN");
        LocalDate date = events.today().plusDays(40);
        String eventName = "ふるさと音楽祭" + tag;

        // The organiser applies for endorsement.
        Page applicant = browser.page();
        login(applicant, organiser);
        applicant.navigate("/my/applications");
        assertAccessible(applicant);
        applicant.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("後援・共催を申請する")).click();
        assertAccessible(applicant);
        applicant.locator("#organiserName").fill("ふるさと音楽の会");
        applicant.locator("#organiserAddress").fill("本庄市中央1-2-3");
        applicant.locator("#organiserRepresentative").fill("音楽 花子");
        applicant.locator("#organiserPhone").fill("０４９５－２２－３３３３");
        applicant.locator("#eventName").fill(eventName);
        applicant.locator("#purpose").fill("音楽で世代をこえた交流をつくる");
        applicant.locator("#startsOn").fill(date.toString());
        applicant.locator("#endsOn").fill(date.toString());
        applicant.locator("#venue").fill("市民文化会館");
        applicant.locator("#outline").fill("合唱と吹奏楽の演奏会");
        applicant.locator("#departmentId").selectOption(String.valueOf(dept));
        button(applicant, "申請する").click();
        assertThat(applicant.getByRole(AriaRole.STATUS)).containsText("申請を受け付けました");
        assertAccessible(applicant);

        // The department checks every criterion, approves, and the notice downloads.
        Page city = browser.newPage(o -> { });
        login(city, staff);
        city.navigate("/staff/support");
        assertAccessible(city);
        city.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(eventName)).click();
        Locator boxes = city.locator("input[name=criteria]");
        for (int i = 0; i < boxes.count(); i++) {
            boxes.nth(i).check();
        }
        button(city, "承認する").click();
        assertThat(city.getByRole(AriaRole.STATUS)).containsText("承認し");
        assertAccessible(city);
        applicant.reload();
        Download notice = applicant.waitForDownload(() ->
                applicant.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("承認通知書をダウンロードする(PDF)")).click());
        try (var pdf = Loader.loadPDF(Files.readAllBytes(notice.path()))) {
            org.assertj.core.api.Assertions.assertThat(new PDFTextStripper().getText(pdf)).contains("後援承認通知書").contains(eventName);
        }

        // The event takes place (its date moved to the past here); the organiser reports and the department checks it.
        jdbc.sql("update support_event set starts_on = current_date - 3, ends_on = current_date - 3 where event_name = :n").param("n", eventName).update();
        applicant.reload();
        applicant.locator("#reportText").fill("予定どおり開催し、約300人が来場しました。");
        applicant.locator("#reportParticipants").fill("300");
        button(applicant, "実施報告を提出する").click();
        assertThat(applicant.getByRole(AriaRole.STATUS)).containsText("実施報告を提出しました");
        city.reload();
        button(city, "実施報告を確認した").click();
        assertThat(city.locator("main")).containsText("完了");

        // A subsidy: the programme, the application, the decision, the report, the final amount.
        city.navigate("/staff/support");
        city.locator("#fiscalYear").fill("2026");
        city.locator("#name").fill("文化振興補助金" + tag);
        city.locator("#purpose").first().fill("市民の文化活動を支える");
        city.locator("#maxAmount").fill("200,000");
        city.locator("#ratePercent").fill("50");
        city.locator("#budget").fill("1,000,000");
        city.locator("#opensOn").fill(events.today().minusDays(1).toString());
        city.locator("#closesOn").fill(events.today().plusDays(30).toString());
        city.locator("#departmentId").selectOption(String.valueOf(dept));
        button(city, "補助金を設ける").click();
        assertThat(city.getByRole(AriaRole.STATUS)).containsText("補助金を設けました");
        applicant.navigate("/my/applications");
        applicant.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("「文化振興補助金" + tag + "」に申請する")).click();
        assertAccessible(applicant);
        applicant.locator("#projectName").fill("音楽祭の開催");
        applicant.locator("#purpose").fill("音楽祭を開く");
        applicant.locator("#totalCost").fill("300,000");
        applicant.locator("#requestedAmount").fill("200,000");
        button(applicant, "交付を申請する").click();
        // 50 % of 300,000 is 150,000: the request is named as over the limit, with what was typed kept.
        assertThat(applicant.locator("#requestedAmount-error")).containsText("150,000円");
        assertThat(applicant.locator("#projectName")).hasValue("音楽祭の開催");
        applicant.locator("#requestedAmount").fill("150000");
        button(applicant, "交付を申請する").click();
        assertThat(applicant.getByRole(AriaRole.STATUS)).containsText("交付申請を受け付けました");
        String grantUrl = applicant.url();
        String grantId = grantUrl.substring(grantUrl.lastIndexOf('/') + 1);
        city.navigate("/staff/support/grants/" + grantId);
        assertAccessible(city);
        city.locator("#amount").fill("150000");
        button(city, "交付を決定する").click();
        assertThat(city.getByRole(AriaRole.STATUS)).containsText("交付を決定しました");
        applicant.reload();
        applicant.locator("#actualCost").fill("260,000");
        applicant.locator("#reportText").fill("音楽祭を開催しました。");
        button(applicant, "実績を報告する").click();
        assertThat(applicant.getByRole(AriaRole.STATUS)).containsText("実績を報告しました");
        city.reload();
        button(city, "額を確定する").click();
        // 50 % of the actual 260,000 is 130,000, below the 150,000 granted.
        assertThat(city.locator("main")).containsText("130,000円");
        applicant.reload();
        assertThat(applicant.locator("main")).containsText("130,000円");
        assertAccessible(applicant);
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static void login(Page page, String email) {
        page.navigate("/login");
        page.locator("#username").fill(email);
        page.locator("#password").fill("test-password-1");
        button(page, "ログインする").click();
        assertThat(page).hasURL(Pattern.compile("/account$"));
    }

    private String account(String prefix, Long dept, String role) {
        String email = prefix + "@example.jp";
        long id = jdbc.sql("""
                        insert into account (email, password_hash, name, status, department_id, created_at, updated_at, email_verified_at)
                        values (:e, :h, :n, 'ACTIVE', :d, now(), now(), now()) returning id""")
                .param("e", email).param("h", encoder.encode("test-password-1")).param("n", prefix).param("d", dept).query(Long.class).single();
        jdbc.sql("insert into account_role (account_id, role) values (:id, 'RESIDENT')").param("id", id).update();
        if (role != null) {
            jdbc.sql("insert into account_role (account_id, role) values (:id, 'STAFF')").param("id", id).update();
            jdbc.sql("insert into account_role (account_id, role) values (:id, :r)").param("id", id).param("r", role).update();
        }
        return email;
    }
}
