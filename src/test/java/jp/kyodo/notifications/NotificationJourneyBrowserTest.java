package jp.kyodo.notifications;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.kyodo.BrowserSupport.assertAccessible;
import static jp.kyodo.BrowserSupport.logIn;
import static jp.kyodo.BrowserSupport.tabTo;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import jp.kyodo.BrowserSupport;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestPeople;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.shared.CityProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In a real browser: a resident follows a group from its page by keyboard; the group publishes a volunteer
 * opportunity; the resident's header shows one unread notice, the centre lists it and opening it reads it; the
 * resident then chooses a daily digest for volunteering. axe-core checks every page.
 */
@IntegrationTest
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class NotificationJourneyBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @Autowired TestPeople people;
    @Autowired Clock clock;
    @Autowired CityProfile city;

    @Test
    void followAGroupHearOfItsOpportunityReadItAndChooseADigest() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        SignedInUser manager = people.account("journey-manager", null);
        SignedInUser resident = people.account("journey-resident", null);
        String groupName = "小山川クリーン隊" + tag;
        long group = people.registeredGroup(groupName, manager.accountId());
        String title = "小山川の河川敷清掃" + tag;

        // The resident follows the group from its public page, by keyboard.
        Page me = browser.page();
        logIn(me, resident.email(), TestPeople.PASSWORD);
        me.navigate("/groups/" + group);
        assertAccessible(me);
        Locator follow = button(me, "「" + groupName + "」をフォローする");
        tabTo(me, follow, 60);
        me.keyboard().press("Enter");
        assertThat(me.getByRole(AriaRole.STATUS)).containsText("フォローしました");
        assertThat(button(me, "「" + groupName + "」のフォローをやめる")).isVisible();
        assertThat(me.locator("#header-notices")).hasText("お知らせ");
        assertAccessible(me);

        // The group publishes an opportunity.
        Page manage = browser.newPage(o -> { });
        logIn(manage, manager.email(), TestPeople.PASSWORD);
        manage.navigate("/my/volunteering/opportunities/new");
        LocalDate today = LocalDate.now(clock.withZone(city.zone()));
        manage.getByLabel("募集の名称").fill(title);
        manage.locator("#description").fill("河川敷のごみを拾います。");
        manage.locator("#place").fill("小山川河川敷");
        manage.locator("#area").selectOption("kodama");
        manage.getByLabel("清掃活動").check();
        manage.locator("#shift1Date").fill(today.plusDays(10).toString());
        manage.locator("#shift1Start").fill("9:00");
        manage.locator("#shift1End").fill("11:00");
        manage.locator("#shift1Capacity").fill("10");
        manage.locator("#applyBy").fill(today.plusDays(8).toString());
        button(manage, "下書きとして保存する").click();
        assertThat(manage.getByRole(AriaRole.STATUS)).containsText("下書きを保存しました");
        button(manage, "公開する").click();
        assertThat(manage.getByRole(AriaRole.STATUS)).containsText("公開しました");

        // The resident's header counts it (told after the group's transaction, so it may take a moment).
        Locator header = me.locator("#header-notices");
        for (int i = 0; i < 40 && !header.innerText().contains("未読 1 件"); i++) {
            me.waitForTimeout(250);
            me.reload();
        }
        assertThat(header).hasText("お知らせ（未読 1 件）");
        header.click();
        assertThat(me.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("お知らせ").setLevel(1))).isVisible();
        assertThat(me.locator(".notice-list")).containsText(title);
        assertThat(me.locator(".notice-list")).containsText("未読");
        assertAccessible(me);
        me.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
        assertThat(me.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title).setLevel(1))).isVisible();
        assertThat(me.locator("#header-notices")).hasText("お知らせ");
        assertAccessible(me);
        me.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("詳しく見る")).click();
        assertThat(me.locator("h1")).containsText(title);

        // The resident prefers one mail a day for volunteering news.
        me.navigate("/account");
        me.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("お知らせメールの受け取り方").setExact(true)).click();
        assertAccessible(me);
        Locator digest = me.locator("#kind_VOLUNTEERING_DIGEST");
        tabTo(me, me.locator("#kind_REGISTRY_IMMEDIATE"), 60);
        digest.check();
        button(me, "保存する").click();
        assertThat(me.getByRole(AriaRole.STATUS)).containsText("保存しました");
        assertThat(me.locator("#kind_VOLUNTEERING_DIGEST")).isChecked();
        assertThat(me.locator("#kind_COLLABORATION_IMMEDIATE")).isChecked();

        // What one follows, in one place.
        me.navigate("/account/follows");
        assertThat(me.locator("main")).containsText(groupName);
        assertAccessible(me);
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
