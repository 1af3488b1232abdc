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

    /** The department creates a course (a mistake first), records attendance after it, and reads the survey the resident answered. */
    @Test
    void staffCreatesRecordsAttendanceAndReadsTheSurvey() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long dept = TrainingTestData.department(jdbc, tag);
        String hash = encoder.encode(PASSWORD);
        SignedInUser staff = TrainingTestData.account(jdbc, users, "tcs-staff", dept, "STAFF", hash);
        SignedInUser resident = TrainingTestData.account(jdbc, users, "tcs-resident", null, null, hash);
        String title = "市民活動はじめて講座" + tag;

        Page city = signIn(staff);
        city.navigate("/staff/training/courses");
        assertAccessible(city);
        city.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("講座を作成する")).click();
        assertAccessible(city);
        city.getByLabel("講座名").fill(title);
        city.locator("#description").fill("市民活動を始めたい方のための入門講座です。");
        city.locator("#lecturer").fill("協働 太郎");
        city.locator("#place").fill("本庄市民活動センター 研修室");
        city.locator("#capacity").fill("10");
        city.locator("#closesOn").fill(courses.today().plusDays(5).toString());
        city.locator("#session1Date").fill(courses.today().plusDays(7).toString());
        city.locator("#session1Starts").fill("10:00");
        city.locator("#session1Ends").fill("9:00");
        city.locator("#session2Date").fill(courses.today().plusDays(14).toString());
        city.locator("#session2Starts").fill("10:00");
        city.locator("#session2Ends").fill("12:00");
        button(city, "下書きとして保存する").click();
        assertThat(city.locator("#session1Ends-error")).containsText("終了時刻は開始時刻より後にしてください");
        assertThat(city.locator("#place")).hasValue("本庄市民活動センター 研修室");
        assertAccessible(city);
        city.locator("#session1Ends").fill("12:00");
        button(city, "下書きとして保存する").click();
        assertThat(city.getByRole(AriaRole.STATUS)).containsText("下書きを保存しました");
        button(city, "公開する").click();
        assertThat(city.getByRole(AriaRole.STATUS)).containsText("公開しました");
        long id = Long.parseLong(city.url().replaceAll(".*/", ""));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        try {
            courses.register(id, resident, null);
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }

        // After both sessions the department records attendance, without JavaScript.
        jdbc.sql("update training_session set held_on = held_on - 30 where course_id = :id").param("id", id).update();
        city.reload();
        assertAccessible(city);
        city.getByLabel(resident.displayName()).first().check();
        button(city, "第1回の出席を記録する").click();
        assertThat(city.getByRole(AriaRole.STATUS)).containsText("出席を記録しました");
        city.getByLabel(resident.displayName()).nth(1).check();
        button(city, "第2回の出席を記録する").click();
        assertThat(city.locator("main")).containsText("2/2回");

        // The resident answers the survey and sees the certificate.
        Page page = signIn(resident);
        page.navigate("/my/courses");
        assertThat(page.locator("main")).containsText("修了証(PDF)");
        assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("「" + title + "」の受講後アンケートに答える")).click();
        assertAccessible(page);
        button(page, "回答する").click();
        assertThat(page.locator(".field__error").first()).containsText("選んでください");
        assertAccessible(page);
        page.getByLabel("5 とても満足").check();
        page.getByLabel("4 役立つ").check();
        page.getByLabel("ご意見・ご感想").fill("同じ地区の仲間ができました。");
        button(page, "回答する").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("アンケートに回答しました");

        city.reload();
        assertThat(city.locator("main")).containsText("受講後アンケートの結果(1件)");
        assertThat(city.locator("main")).containsText("同じ地区の仲間ができました。");
        assertAccessible(city);
    }

    private Page signIn(SignedInUser who) {
        Page page = browser.newPage(o -> { });
        page.navigate("/login");
        page.locator("#username").fill(who.email());
        page.locator("#password").fill(PASSWORD);
        button(page, "ログインする").click();
        assertThat(page).hasURL(Pattern.compile("/account$"));
        return page;
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
