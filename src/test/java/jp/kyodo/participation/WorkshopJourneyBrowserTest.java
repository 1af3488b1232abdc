package jp.kyodo.participation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.kyodo.BrowserSupport.assertAccessible;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
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
 * In a real browser: a department creates and publishes a workshop with one place; a visitor without an account
 * (and without JavaScript) registers and gets the place, a second visitor goes on the waiting list; the department
 * sees both. axe-core checks every page.
 */
@IntegrationTest
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class WorkshopJourneyBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @Autowired jp.kyodo.TestPeople people;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Workshops workshops;
    @Autowired GreenMail greenMail;

    @Test
    void staffPublishesAndVisitorsRegister() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long dept = people.department("都市計画課", false);
        String staff = people.email(people.account("wsj-staff", dept, "STAFF").accountId());
        LocalDate today = workshops.today();
        String title = "駅周辺まちづくりワークショップ" + tag;

        Page city = browser.page();
        BrowserSupport.logIn(city, staff, "test-password-1");
        city.navigate("/staff/participation/workshops");
        assertAccessible(city);
        city.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("ワークショップを作成する")).click();
        assertAccessible(city);
        city.getByLabel("ワークショップの名称").fill(title);
        city.locator("#theme").fill("駅周辺まちづくり計画の素案づくりに生かします。");
        city.locator("#heldOn").fill(today.plusDays(14).toString());
        city.locator("#startsAt").fill("13:30");
        city.locator("#endsAt").fill("12:00");
        city.locator("#place").fill("本庄市民活動センター 会議室A");
        city.locator("#capacity").fill("1");
        city.locator("#target").fill("市内在住・在勤・在学の方");
        city.locator("#closesOn").fill(today.plusDays(10).toString());
        button(city, "下書きとして保存する").click();
        // A mistake is shown next to its field, with what was typed kept.
        assertThat(city.locator("#endsAt-error")).containsText("終了時刻は開始時刻より後にしてください");
        assertThat(city.locator("#place")).hasValue("本庄市民活動センター 会議室A");
        assertAccessible(city);
        city.locator("#endsAt").fill("15:30");
        button(city, "下書きとして保存する").click();
        assertThat(city.getByRole(AriaRole.STATUS)).containsText("下書きを保存しました");
        button(city, "公開する").click();
        assertThat(city.getByRole(AriaRole.STATUS)).containsText("公開しました");
        assertAccessible(city);

        // A visitor without an account, and without JavaScript, takes the only place.
        Page visitor = browser.pageWithoutJavaScript();
        visitor.navigate("/participation/workshops");
        assertAccessible(visitor);
        visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
        Locator main = visitor.locator("main");
        assertThat(main).containsText("受付中");
        assertThat(main).containsText("残り1人");
        assertAccessible(visitor);
        visitor.getByLabel("氏名").fill("駅前 花子");
        String email = "wsj-visitor-" + tag + "@example.jp";
        visitor.getByLabel("メールアドレス").fill(email);
        button(visitor, "申し込む").click();
        assertThat(visitor.getByRole(AriaRole.STATUS)).containsText("参加を受け付けました");
        assertThat(main).containsText("キャンセル待ち受付中");
        assertThat(main).not().containsText("駅前 花子");
        assertAccessible(visitor);
        org.assertj.core.api.Assertions.assertThat(TestMailServer.awaitMail(greenMail, email, "参加を受け付けました")).contains(title);

        // The next one goes on the waiting list and is told their position.
        Page second = browser.newPage(o -> { });
        second.navigate("/participation/workshops");
        second.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
        second.getByLabel("氏名").fill("北口 太郎");
        second.getByLabel("メールアドレス").fill("wsj-second-" + tag + "@example.jp");
        button(second, "キャンセル待ちに申し込む").click();
        assertThat(second.getByRole(AriaRole.STATUS)).containsText("キャンセル待ちとして受け付けました");
        assertThat(second.locator("main")).containsText("キャンセル待ちの1番目");
        assertAccessible(second);

        // The department sees both, the place and the waiting list.
        city.reload();
        assertThat(city.locator("main")).containsText("駅前 花子");
        assertThat(city.locator("main")).containsText("北口 太郎");
        assertThat(city.locator("main")).containsText("キャンセル待ち(1人");
        assertAccessible(city);
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
