package jp.kyodo.centre;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.kyodo.BrowserSupport.assertAccessible;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import java.time.LocalDate;
import java.util.regex.Pattern;
import jp.kyodo.BrowserSupport;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestMailServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * In a real browser: a registered group's manager finds a free hour in a room's week, books it as the group, sees the
 * fee at the activity rate before confirming, and confirms; another person (without JavaScript) then sees the hours
 * taken and the booking form refuses them. axe-core checks every page.
 */
@IntegrationTest
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class CentreBookingJourneyBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;
    @Autowired CentreSettings settings;
    @Autowired Bookings bookings;
    @Autowired GreenMail greenMail;

    @Test
    void aGroupBooksARoomAndTheSlotIsTakenForOthers() {
        CentreTestData data = new CentreTestData(jdbc, users, settings, encoder.encode("test-password-1"));
        long managerId = data.accountId("ctj-manager", "団体 代表", null);
        String groupName = "本庄ハーモニー合唱団" + CentreTestData.tag();
        data.group(groupName, managerId, "REGISTERED");
        String manager = email(managerId);
        String other = email(data.accountId("ctj-other", "ほかの 人", null));
        long room = data.room("meeting-a");
        LocalDate day = data.openDay(bookings.today().plusDays(4));

        Page page = browser.page();
        login(page, manager);
        page.navigate("/centre");
        assertThat(page.locator("main")).containsText("会議室A");
        assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("会議室A").setExact(true)).click();
        assertThat(page.locator("h1")).containsText("会議室Aの空き状況");
        page.navigate("/centre/rooms/" + room + "?week=" + day);
        assertAccessible(page);
        Locator cell = page.locator("td[data-date='" + day + "'][data-hour='14']");
        assertThat(cell).containsText("空き");
        cell.getByRole(AriaRole.LINK).click();

        // The form arrives prefilled with the room, the day and the hour.
        assertThat(page.locator("h1")).containsText("施設の予約");
        assertThat(page.locator("#room")).hasValue(String.valueOf(room));
        assertThat(page.locator("#date")).hasValue(day.toString());
        assertThat(page.locator("#start")).hasValue("14");
        assertAccessible(page);
        page.locator("#end").selectOption("16");
        page.getByLabel("予約者").selectOption(new SelectOption().setLabel(groupName));
        page.getByLabel("利用目的").fill("合唱の練習");
        page.getByLabel("利用人数").fill("40");
        button(page, "使用料を確認する").click();
        // Too many people for the room: said next to the field, with the rest kept.
        assertThat(page.locator("#people-error")).containsText("この施設の定員は30人です");
        assertThat(page.locator("#purpose")).hasValue("合唱の練習");
        assertAccessible(page);
        page.getByLabel("利用人数").fill("20");
        button(page, "使用料を確認する").click();

        // The fee before confirming: the activity rate, 300 yen × 2 hours.
        assertThat(page.locator("h1")).containsText("予約内容の確認");
        assertThat(page.locator("#fee")).containsText("600円");
        assertThat(page.locator("main")).containsText("団体活動料金");
        assertThat(page.locator("main")).containsText(groupName);
        assertAccessible(page);
        button(page, "予約を確定する").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("予約しました");
        assertThat(page.locator("main")).containsText("14:00〜16:00");
        assertAccessible(page);
        org.assertj.core.api.Assertions.assertThat(TestMailServer.awaitMail(greenMail, manager, "施設の予約を受け付けました")).contains("600円");
        page.navigate("/my/centre/bookings");
        assertThat(page.locator("main")).containsText("会議室A");
        assertAccessible(page);

        // Another person, without JavaScript, sees the hours taken and cannot book them.
        Page another = browser.pageWithoutJavaScript();
        login(another, other);
        another.navigate("/centre/rooms/" + room + "?week=" + day);
        Locator taken = another.locator("td[data-date='" + day + "'][data-hour='14']");
        assertThat(taken).containsText("予約済み");
        assertThat(taken.getByRole(AriaRole.LINK)).hasCount(0);
        assertThat(another.locator("td[data-date='" + day + "'][data-hour='15']")).containsText("予約済み");
        assertThat(another.locator("td[data-date='" + day + "'][data-hour='16']")).containsText("空き");
        assertAccessible(another);
        another.navigate("/my/centre/book?room=" + room + "&date=" + day + "&start=14");
        another.getByLabel("利用目的").fill("勉強会");
        another.getByLabel("利用人数").fill("5");
        button(another, "使用料を確認する").click();
        assertThat(another.locator("#start-error")).containsText("その時間はすでに予約されています");
        assertThat(another.locator("#purpose")).hasValue("勉強会");
        assertAccessible(another);

        // The centre's staff see it on the day and record the payment.
        long staffId = data.accountId("ctj-staff", "窓口 職員", "STAFF");
        Page staff = browser.newPage(o -> { });
        login(staff, email(staffId));
        staff.navigate("/staff/centre?date=" + day);
        assertAccessible(staff);
        staff.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(groupName)).first().click();
        assertThat(staff.locator("main")).containsText("600円");
        assertAccessible(staff);
        staff.getByLabel("受け取った金額").fill("600");
        staff.getByLabel("支払方法").selectOption("CASH");
        button(staff, "支払いを記録する").click();
        assertThat(staff.getByRole(AriaRole.STATUS)).containsText("支払いを記録しました");
        assertThat(staff.locator("main")).containsText("支払済み");
        assertAccessible(staff);
        staff.navigate("/staff/centre/week?week=" + day);
        assertThat(staff.locator("main")).containsText(groupName);
        assertAccessible(staff);
        staff.navigate("/staff/centre/blocks");
        assertAccessible(staff);
    }

    private String email(long accountId) {
        return jdbc.sql("select email from account where id = :id").param("id", accountId).query(String.class).single();
    }

    private static void login(Page page, String email) {
        page.navigate("/login");
        page.locator("#username").fill(email);
        page.locator("#password").fill("test-password-1");
        button(page, "ログインする").click();
        assertThat(page).hasURL(Pattern.compile("/account$"));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
