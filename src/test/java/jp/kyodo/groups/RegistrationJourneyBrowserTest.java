package jp.kyodo.groups;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.kyodo.BrowserSupport.assertAccessible;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import jp.kyodo.BrowserSupport;
import jp.kyodo.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The registration journey in a real browser: a resident applies for a new group with its documents, the
 * secretariat returns it for correction, the group corrects and resubmits, the secretariat approves, the
 * certificate PDF downloads with the group's name in Japanese, and the group is found in the directory by a
 * kana search. Every page is checked with axe-core.
 */
@IntegrationTest
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class RegistrationJourneyBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private static final String PASSWORD = "registry-journey-1";

    @Autowired JdbcClient jdbc;
    @Autowired com.icegreen.greenmail.util.GreenMail greenMail;
    @Autowired PasswordEncoder encoder;
    @TempDir Path files;

    @Test
    void applyReturnCorrectApproveDownloadAndFind() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 4);
        String groupName = "本庄わくわく子育て広場" + tag;
        String residentEmail = account("resident-" + tag, "RESIDENT", null);
        String staffEmail = account("staff-" + tag, "STAFF", secretariat());
        Path pdf = Files.write(files.resolve("kiyaku.pdf"), RegistryFlowIntegrationTest.PDF);
        Path fake = Files.write(files.resolve("meibo.pdf"), "これはPDFではありません".getBytes());

        Page resident = browser.page();
        login(resident, residentEmail);
        resident.navigate("/my/groups");
        assertAccessible(resident);
        resident.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("団体の登録を申請する")).first().click();
        assertAccessible(resident);
        resident.getByLabel("市民活動団体", new Page.GetByLabelOptions().setExact(true)).check();
        resident.locator("#name").fill(groupName);
        resident.locator("#nameKana").fill("ほんじょうわくわくこそだてひろば");
        button(resident, "申請を始める").click();

        // Step 1: basic information (a wrong member count first; what was typed stays).
        assertThat(resident.locator("h2").first()).hasText("基本情報");
        assertAccessible(resident);
        resident.locator("#foundedOn").fill("平成30年4月1日");
        resident.locator("#membersCount").fill("３");
        resident.locator("#areaCode").selectOption("honjo");
        saveAndContinue(resident);
        // Fewer than five members is only refused at submission; the step saves.
        assertThat(resident.locator("h2").first()).hasText("活動内容");

        // Step 2: activities.
        assertAccessible(resident);
        resident.getByLabel("子育て支援", new Page.GetByLabelOptions().setExact(true)).check();
        resident.locator("#purpose").fill("子育て中の親子が気軽に集まり、地域で支え合える関係をつくります。");
        resident.locator("#activities").fill("毎週木曜日に親子広場を開き、季節の行事や子育て相談を行っています。");
        resident.getByLabel("ボランティアを募集しています").check();
        saveAndContinue(resident);

        // Step 3: people, with consent to publish the representative's phone only.
        assertThat(resident.locator("h2").first()).hasText("代表者・連絡担当者");
        assertAccessible(resident);
        resident.locator("[id='rep.name']").fill("若葉 陽子");
        resident.locator("[id='rep.phone']").fill("０９０－１２３４－５６７８");
        resident.locator("[id='rep.email']").fill("yoko-" + tag + "@example.jp");
        resident.locator("[id='rep.publishPhone']").check();
        resident.locator("[id='contact.name']").fill("若葉 太一");
        resident.locator("[id='contact.email']").fill("taichi-" + tag + "@example.jp");
        saveAndContinue(resident);

        // Step 4: documents; a file that is not really a PDF is refused by its content.
        assertThat(resident.locator("h2").first()).hasText("提出書類");
        assertAccessible(resident);
        resident.locator("#kind").selectOption("OFFICERS");
        resident.locator("#file").setInputFiles(fake);
        button(resident, "アップロードする").click();
        assertThat(resident.locator("#file-error")).containsText("PDF、PNG、JPEGのファイルを選んでください");
        assertAccessible(resident);
        for (String kind : new String[] {"BYLAWS", "OFFICERS", "PLAN_BUDGET", "ACCOUNTS"}) {
            resident.locator("#kind").selectOption(kind);
            resident.locator("#file").setInputFiles(pdf);
            button(resident, "アップロードする").click();
            assertThat(resident.getByRole(AriaRole.STATUS)).containsText("書類をアップロードしました");
        }
        button(resident, "保存して次へ").click();

        // Step 5: confirm and submit: three members are too few, and the declarations are needed.
        assertThat(resident.locator("h2").first()).hasText("確認と申請");
        assertAccessible(resident);
        button(resident, "この内容で申請する").click();
        assertThat(resident.getByRole(AriaRole.ALERT)).containsText("5人以上の会員が必要です");
        assertThat(resident.getByRole(AriaRole.ALERT)).containsText("この誓約への同意が必要です");
        assertAccessible(resident);
        resident.locator(".steps").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("基本情報"))).click();
        // The draft kept step 1, normalized: katakana reading, the date, half-width digits.
        assertThat(resident.locator("#nameKana")).hasValue("ホンジョウワクワクコソダテヒロバ");
        assertThat(resident.locator("#foundedOn")).hasValue("2018-04-01");
        assertThat(resident.locator("#membersCount")).hasValue("3");
        resident.locator("#membersCount").fill("8");
        saveAndContinue(resident);
        resident.navigate(resident.url().replaceAll("/apply/\\d$", "/apply/5"));
        declareAndSubmit(resident);
        assertThat(resident.getByRole(AriaRole.STATUS)).containsText("登録を申請しました");
        assertThat(resident.getByText("審査中")).isVisible();

        // The secretariat returns it for correction.
        Page staff = browser.newPage(options -> { });
        login(staff, staffEmail);
        staff.navigate("/staff/groups?status=SUBMITTED");
        assertAccessible(staff);
        staff.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(groupName)).click();
        assertThat(staff.getByText("yoko-" + tag + "@example.jp")).isVisible();
        assertAccessible(staff);
        button(staff, "修正を依頼する").click();
        assertThat(staff.locator("#return-message-error")).containsText("入力してください");
        staff.locator("#return-message").fill("役員名簿に役職を記載してください。");
        button(staff, "修正を依頼する").click();
        assertThat(staff.getByRole(AriaRole.STATUS)).containsText("修正を依頼しました");

        // The group corrects and resubmits.
        resident.navigate("/my/groups");
        resident.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(groupName)).click();
        assertThat(resident.locator(".notice").getByText("役員名簿に役職を記載してください。")).isVisible();
        assertAccessible(resident);
        resident.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("申請を続ける")).click();
        resident.navigate(resident.url().replaceAll("/apply/\\d$", "/apply/4"));
        resident.locator("#kind").selectOption("OFFICERS");
        resident.locator("#file").setInputFiles(pdf);
        button(resident, "アップロードする").click();
        resident.navigate(resident.url().replaceAll("/apply/\\d$", "/apply/5"));
        declareAndSubmit(resident);
        assertThat(resident.getByRole(AriaRole.STATUS)).containsText("登録を申請しました");

        // The secretariat approves.
        staff.reload();
        button(staff, "承認して登録番号を発行する").click();
        assertThat(staff.getByRole(AriaRole.STATUS)).containsText("承認し、登録番号を発行しました");
        assertAccessible(staff);

        // The group downloads its certificate: a PDF with its name in Japanese.
        resident.reload();
        assertThat(resident.getByText("登録済み")).isVisible();
        Download download = resident.waitForDownload(() ->
                resident.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("登録証(PDF)をダウンロードする")).click());
        try (PDDocument certificate = Loader.loadPDF(Files.readAllBytes(download.path()))) {
            String text = new PDFTextStripper().getText(certificate);
            org.assertj.core.api.Assertions.assertThat(text).contains(groupName).contains("市民活動団体登録証").contains("若葉 陽子");
        }

        // The representative is not the applicant: she gets a mail and agrees, herself, to publishing her phone.
        String consentMail = jp.kyodo.TestMailServer.awaitMail(greenMail, "yoko-" + tag + "@example.jp", "連絡先の公開についての確認");
        Page yoko = browser.newPage(options -> { });
        yoko.navigate(jp.kyodo.TestMailServer.firstLink(consentMail));
        assertThat(yoko.locator("h1")).hasText("連絡先の公開についての確認");
        assertAccessible(yoko);
        yoko.getByLabel(Pattern.compile("電話番号")).check();
        button(yoko, "この内容で回答する").click();
        assertThat(yoko.getByRole(AriaRole.STATUS)).containsText("回答を記録しました");

        // Anyone finds it in the directory by a kana search, with the consented phone and nothing private.
        Page visitor = browser.newPage(options -> { });
        for (int i = 0; i < 50; i++) {
            visitor.navigate("/groups?q=" + java.net.URLEncoder.encode("わくわくこそだて", java.nio.charset.StandardCharsets.UTF_8));
            if (visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(groupName)).count() > 0) {
                break;
            }
            Thread.sleep(200);
        }
        assertAccessible(visitor);
        visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(groupName)).click();
        assertThat(visitor.locator("h1")).hasText(groupName);
        assertThat(visitor.getByText("090-1234-5678")).isVisible();
        assertThat(visitor.locator("main")).not().containsText("yoko-" + tag);
        assertThat(visitor.locator("main")).not().containsText("taichi-" + tag);
        assertAccessible(visitor);
    }

    private static void declareAndSubmit(Page page) {
        page.getByLabel("市内で継続して活動しています").check();
        page.getByLabel("政治活動を主な目的としていません").check();
        page.getByLabel("宗教活動を主な目的としていません").check();
        page.getByLabel("暴力団または暴力団員の統制下にありません").check();
        button(page, "この内容で申請する").click();
    }

    private static void saveAndContinue(Page page) {
        button(page, "保存して次へ").click();
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static void login(Page page, String email) {
        page.navigate("/login");
        page.locator("#username").fill(email);
        page.locator("#password").fill(PASSWORD);
        button(page, "ログインする").click();
        assertThat(page).hasURL(Pattern.compile("/account$"));
    }

    private Long secretariat() {
        return jdbc.sql("""
                insert into department (code, name, secretariat, active, created_at) values (:code, '市民活動推進課', true, true, now())
                returning id""").param("code", "j-" + UUID.randomUUID().toString().substring(0, 8)).query(Long.class).single();
    }

    private String account(String prefix, String role, Long departmentId) {
        String email = prefix + "@example.jp";
        long id = jdbc.sql("""
                        insert into account (email, password_hash, name, status, department_id, created_at, updated_at, email_verified_at)
                        values (:email, :hash, :name, 'ACTIVE', :dept, now(), now(), now()) returning id""")
                .param("email", email).param("hash", encoder.encode(PASSWORD)).param("name", "利用者 " + prefix)
                .param("dept", departmentId).query(Long.class).single();
        jdbc.sql("insert into account_role (account_id, role) values (:id, 'RESIDENT')").param("id", id).update();
        if (!"RESIDENT".equals(role)) {
            jdbc.sql("insert into account_role (account_id, role) values (:id, :role)").param("id", id).param("role", role).update();
        }
        return email;
    }
}
