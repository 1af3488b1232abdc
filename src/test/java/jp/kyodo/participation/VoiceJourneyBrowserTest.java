package jp.kyodo.participation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.kyodo.BrowserSupport.assertAccessible;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.kyodo.BrowserSupport;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestMailServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * In a real browser: a visitor without an account (and without JavaScript) sends a suggestion and confirms it through
 * the mail, the secretariat routes it, the department answers, the secretariat publishes it, and the public page
 * shows the question and answer without the sender's details. axe-core checks every page.
 */
@IntegrationTest
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class VoiceJourneyBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired GreenMail greenMail;

    @Test
    void fromSuggestionToPublishedAnswer() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long secretariat = department("市民活動推進課", true);
        String deptName = "生涯学習課" + tag;
        long centre = department(deptName, false);
        String office = staff("vj-office-" + tag, secretariat);
        String department = staff("vj-dept-" + tag, centre);

        // A visitor without an account, and without JavaScript.
        Page visitor = browser.pageWithoutJavaScript();
        visitor.navigate("/participation/voice");
        assertAccessible(visitor);
        visitor.getByLabel("市民活動センター").check();
        String subject = "日曜日の開館について" + tag;
        visitor.locator("#subject").fill(subject);
        visitor.locator("#body").fill("日曜日も市民活動センターを開けてほしいです。");
        button(visitor, "送信する").click();
        assertThat(visitor.locator(".error-summary a[href='#name']")).containsText("入力してください");
        assertThat(visitor.locator(".error-summary a[href='#email']")).containsText("入力してください");
        assertThat(visitor.locator("#name-error")).containsText("入力してください");
        assertThat(visitor.locator("#subject")).hasValue(subject);
        assertAccessible(visitor);
        String name = "声野 花" + tag;
        String email = "vj-visitor-" + tag + "@example.jp";
        visitor.locator("#name").fill(name);
        visitor.locator("#email").fill(email);
        visitor.locator("#phone").fill("0495-88-4321");
        visitor.locator("#address").fill("本庄市見本町5-" + tag);
        visitor.getByLabel("公表に同意する").check();
        button(visitor, "送信する").click();
        assertThat(visitor.getByRole(AriaRole.STATUS)).containsText("確認のメールを送りました");
        assertAccessible(visitor);
        visitor.navigate(TestMailServer.firstLink(TestMailServer.awaitMail(greenMail, email, "送信の確認")));
        assertAccessible(visitor);
        button(visitor, "送信を確定する").click();
        assertThat(visitor.getByRole(AriaRole.STATUS)).containsText("受付番号は");
        assertAccessible(visitor);

        // The secretariat routes it to the department.
        Page city = login(office);
        city.navigate("/staff/participation/voice");
        assertAccessible(city);
        city.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(subject)).click();
        assertThat(city.locator("main")).containsText(name);
        assertAccessible(city);
        city.locator("#departmentId").selectOption(new SelectOption().setLabel(deptName));
        city.locator("#routeNote").fill("センターの開館日についてです。");
        button(city, "回付する").click();
        assertThat(city.getByRole(AriaRole.STATUS)).containsText("回付しました");

        // The department answers.
        Page dept = login(department);
        dept.navigate("/staff/participation/voice");
        assertAccessible(dept);
        dept.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(subject)).click();
        assertAccessible(dept);
        dept.locator("#answer").fill("来年度から第2・第4日曜日に開館します。");
        button(dept, "回答する").click();
        assertThat(dept.getByRole(AriaRole.STATUS)).containsText("回答を登録しました");
        org.assertj.core.api.Assertions.assertThat(TestMailServer.awaitMail(greenMail, email, "ご意見・ご要望への回答")).contains("第2・第4日曜日");

        // The secretariat edits the question and publishes it.
        city.reload();
        assertAccessible(city);
        assertThat(city.locator("#publishedQuestion")).hasValue("日曜日も市民活動センターを開けてほしいです。");
        city.locator("#publishedQuestion").fill("日曜日にも市民活動センターを開館してほしい。");
        button(city, "公表する").click();
        assertThat(city.getByRole(AriaRole.STATUS)).containsText("公表しました");
        assertAccessible(city);

        visitor.navigate("/participation/voice/answers");
        Locator main = visitor.locator("main");
        assertThat(main.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName(subject))).isVisible();
        assertThat(main).containsText("日曜日にも市民活動センターを開館してほしい。");
        assertThat(main).containsText("来年度から第2・第4日曜日に開館します。");
        assertThat(main).containsText(deptName);
        assertThat(main).not().containsText(name);
        assertThat(main).not().containsText(email);
        assertThat(main).not().containsText("0495-88-4321");
        assertThat(main).not().containsText("見本町5-" + tag);
        assertAccessible(visitor);
    }

    private Page login(String email) {
        Page page = browser.newPage(o -> { });
        BrowserSupport.logIn(page, email, "test-password-1");
        return page;
    }

    private long department(String name, boolean secretariat) {
        return jdbc.sql("insert into department (code, name, secretariat, active, created_at) values (:c, :n, :s, true, now()) returning id")
                .param("c", "vj-" + UUID.randomUUID().toString().substring(0, 8)).param("n", name).param("s", secretariat).query(Long.class).single();
    }

    private String staff(String prefix, long department) {
        String email = prefix + "@example.jp";
        long id = jdbc.sql("""
                        insert into account (email, password_hash, name, status, department_id, created_at, updated_at, email_verified_at)
                        values (:e, :h, :n, 'ACTIVE', :d, now(), now(), now()) returning id""")
                .param("e", email).param("h", encoder.encode("test-password-1")).param("n", "職員 " + prefix).param("d", department)
                .query(Long.class).single();
        jdbc.sql("insert into account_role (account_id, role) values (:id, 'RESIDENT'), (:id, 'STAFF')").param("id", id).update();
        return email;
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
