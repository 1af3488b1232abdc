package jp.kyodo.training;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.kyodo.BrowserSupport.assertAccessible;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.kyodo.BrowserSupport;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestMailServer;
import jp.kyodo.accounts.SignedInUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * In a real browser: a resident finds a full course, signs in from its page and joins the waiting list (without
 * JavaScript); the person holding the place cancels from "わたしの講座"; the resident now has the place and is told by
 * e-mail. axe-core checks every page.
 */
@IntegrationTest
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class CourseJourneyBrowserTest {

    private static final String PASSWORD = "test-password-1";

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;
    @Autowired Courses courses;
    @Autowired GreenMail greenMail;

    @Test
    void residentJoinsTheWaitingListAndMovesUpWhenSomeoneCancels() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long dept = TrainingTestData.department(jdbc, tag);
        String hash = encoder.encode(PASSWORD);
        SignedInUser staff = TrainingTestData.account(jdbc, users, "tcj-staff", dept, "STAFF", hash);
        SignedInUser holder = TrainingTestData.account(jdbc, users, "tcj-holder", null, null, hash);
        SignedInUser resident = TrainingTestData.account(jdbc, users, "tcj-resident", null, null, hash);
        String title = "地域リーダー養成講座" + tag;
        long id = TrainingTestData.publishedCourse(courses, staff, dept, title, "RESIDENTS", 1, 5);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        try {
            courses.register(id, holder, null);
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }

        // The resident finds the full course and is asked to sign in first.
        Page page = browser.pageWithoutJavaScript();
        page.navigate("/training/courses");
        assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
        Locator main = page.locator("main");
        assertThat(main).containsText("キャンセル待ち受付中");
        assertThat(main).containsText("全5回のうち4回以上");
        assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("ログインして申し込む")).click();
        assertThat(page).hasURL(Pattern.compile("/login"));
        page.locator("#username").fill(resident.email());
        page.locator("#password").fill(PASSWORD);
        button(page, "ログインする").click();
        // Back on the course's page, now with the form.
        assertThat(page).hasURL(Pattern.compile("/training/courses/" + id));
        assertAccessible(page);
        button(page, "キャンセル待ちに申し込む").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("キャンセル待ちとして受け付けました");
        assertThat(page.locator("#my-status")).containsText("キャンセル待ち 1番目");
        assertAccessible(page);
        org.assertj.core.api.Assertions.assertThat(TestMailServer.awaitMail(greenMail, resident.email(), "キャンセル待ちを受け付けました"))
                .contains("1番目");
        page.navigate("/my/courses");
        assertThat(page.locator("main")).containsText("キャンセル待ち 1番目");
        assertAccessible(page);

        // The person holding the place cancels from "わたしの講座".
        Page other = browser.newPage(o -> { });
        other.navigate("/login");
        other.locator("#username").fill(holder.email());
        other.locator("#password").fill(PASSWORD);
        button(other, "ログインする").click();
        assertThat(other).hasURL(Pattern.compile("/account$"));
        other.navigate("/my/courses");
        assertThat(other.locator("main")).containsText("受講決定");
        assertAccessible(other);
        button(other, "「" + title + "」の申し込みを取り消す").click();
        assertThat(other.getByRole(AriaRole.STATUS)).containsText("申し込みを取り消しました");
        assertThat(other.locator("main")).containsText("取消済み");
        assertAccessible(other);

        // The resident now has the place, and is told by e-mail.
        page.reload();
        Locator mine = page.locator("#registration-" + courses.mine(id, resident.accountId()).orElseThrow().id());
        assertThat(mine).containsText("受講決定");
        assertThat(mine).containsText("キャンセル待ちから繰り上がりました");
        assertAccessible(page);
        org.assertj.core.api.Assertions.assertThat(TestMailServer.awaitMail(greenMail, resident.email(), "受講できるようになりました"))
                .contains(title);

        // The department sees the new participant, marked as moved up.
        Page city = browser.newPage(o -> { });
        city.navigate("/login");
        city.locator("#username").fill(staff.email());
        city.locator("#password").fill(PASSWORD);
        button(city, "ログインする").click();
        city.navigate("/staff/training/courses/" + id);
        assertThat(city.locator("main")).containsText(resident.email());
        assertThat(city.locator("main")).containsText("(繰り上げ)");
        assertAccessible(city);
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
