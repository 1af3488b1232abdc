package jp.kyodo.volunteering;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.kyodo.BrowserSupport.assertAccessible;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.regex.Pattern;
import jp.kyodo.BrowserSupport;
import jp.kyodo.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * In a real browser: a group posts and publishes an opportunity; a resident finds it by a kana search and applies;
 * the group accepts, and after the activity confirms the hours; the resident downloads the certificate. axe-core checks
 * every page.
 */
@IntegrationTest
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class OpportunityJourneyBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired Opportunities opportunities;

    @Test
    void groupPostsResidentAppliesAndDownloadsTheCertificate() throws Exception {
        String tag = OpportunityIntegrationTest.tag();
        String managerEmail = OpportunityIntegrationTest.account(jdbc, encoder, "volj-m");
        long managerId = jdbc.sql("select id from account where email = :e").param("e", managerEmail).query(Long.class).single();
        OpportunityIntegrationTest.registeredGroup(jdbc, "本庄子育て応援団" + tag, managerId);
        String residentEmail = OpportunityIntegrationTest.account(jdbc, encoder, "volj-r");
        jdbc.sql("update account set name = '児玉 花子' where email = :e").param("e", residentEmail).update();
        LocalDate today = opportunities.today();
        String title = "子育てひろば見守りボランティア" + tag;

        // The group posts an opportunity.
        Page group = login(browser.page(), managerEmail);
        group.navigate("/my/volunteering/opportunities");
        assertAccessible(group);
        group.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("ボランティアを募集する")).click();
        assertAccessible(group);
        group.getByLabel("募集の名称").fill(title);
        group.locator("#description").fill("子育てひろばで、乳幼児の遊びを見守ります。");
        group.locator("#place").fill("本庄市民活動センター 多目的室");
        group.locator("#area").selectOption("honjo");
        group.getByLabel("初心者歓迎").check();
        group.locator("#shift1Date").fill(today.plusDays(7).toString());
        group.locator("#shift1Start").fill("9:30");
        group.locator("#shift1End").fill("12:30");
        group.locator("#shift1Capacity").fill("3");
        group.locator("#applyBy").fill(today.plusDays(5).toString());
        button(group, "下書きとして保存する").click();
        // A mistake is shown next to its field, with what was typed kept.
        assertThat(group.locator("#fields-error")).containsText("分野を1つ以上選んでください");
        assertThat(group.locator("#place")).hasValue("本庄市民活動センター 多目的室");
        assertAccessible(group);
        group.getByLabel("子育て支援").check();
        button(group, "下書きとして保存する").click();
        assertThat(group.getByRole(AriaRole.STATUS)).containsText("下書きを保存しました");
        button(group, "公開する").click();
        assertThat(group.getByRole(AriaRole.STATUS)).containsText("公開しました");
        assertAccessible(group);
        String managePath = group.url().substring(group.url().indexOf("/my/"));

        // A resident finds it by a search in hiragana and applies.
        Page resident = login(browser.newPage(o -> { }), residentEmail);
        resident.navigate("/volunteering");
        assertAccessible(resident);
        Locator link = resident.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title));
        for (int i = 0; i < 50 && link.count() == 0; i++) {
            // The index is fed just after the commit; search again until it has it.
            resident.locator("#q").fill("こそだて");
            button(resident, "検索する").click();
            if (link.count() == 0) {
                resident.waitForTimeout(200);
            }
        }
        assertAccessible(resident);
        link.click();
        assertThat(resident.locator("main")).containsText("残り");
        assertAccessible(resident);
        resident.getByLabel("団体へのメッセージ").fill("子どもと遊ぶのが好きです。よろしくお願いします。");
        button(resident, "応募する").click();
        assertThat(resident.getByRole(AriaRole.STATUS)).containsText("応募しました");
        assertThat(resident.locator("main")).containsText("応募中");
        assertAccessible(resident);

        // The group accepts.
        group.navigate(managePath);
        group.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("児玉 花子")).click();
        assertThat(group.locator("main")).not().containsText(residentEmail);
        assertAccessible(group);
        button(group, "受け入れる").click();
        assertThat(group.getByRole(AriaRole.STATUS)).containsText("受け入れました");
        assertAccessible(group);

        // After the activity, the group confirms attendance and hours (the shift's length is proposed).
        jdbc.sql("update vol_shift set held_on = :d where opportunity_id = (select id from vol_opportunity where title = :t)")
                .param("d", today.minusDays(1)).param("t", title).update();
        group.navigate(managePath);
        assertThat(group.getByLabel("児玉 花子さんの活動時間(時間)")).hasValue("3.0");
        group.getByLabel("児玉 花子さんの活動時間(時間)").fill("2.5");
        button(group, "出席と活動時間を確定する").click();
        assertThat(group.getByRole(AriaRole.STATUS)).containsText("出席と活動時間を確定しました");
        assertAccessible(group);

        // The resident sees the record and downloads the certificate.
        resident.navigate("/my/volunteering");
        assertThat(resident.locator("main")).containsText("2.5時間");
        assertAccessible(resident);
        Download download = resident.waitForDownload(() -> resident.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName(Pattern.compile(title + ".*ボランティア活動証明"))).click());
        byte[] pdf = Files.readAllBytes(download.path());
        org.assertj.core.api.Assertions.assertThat(new String(pdf, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
    }

    private static Page login(Page page, String email) {
        page.navigate("/login");
        page.locator("#username").fill(email);
        page.locator("#password").fill("test-password-1");
        button(page, "ログインする").click();
        assertThat(page).hasURL(Pattern.compile("/account$"));
        return page;
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
