package jp.kyodo.volunteering;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.kyodo.BrowserSupport.assertAccessible;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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
 * In a real browser: a business posts an offer of printing, sees a group's need for flyers suggested with the reasons,
 * and writes to the group; the group, told by a mail without the business's address, replies (without JavaScript).
 * axe-core checks every page.
 */
@IntegrationTest
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class ContributionJourneyBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired GreenMail greenMail;

    @Test
    void aBusinessOffersSeesASuggestedNeedAndTheGroupReplies() {
        String t = ContributionIntegrationTest.tag();
        String bizEmail = "cj-biz-" + t + "@example.jp", civicEmail = "cj-civic-" + t + "@example.jp";
        long biz = ContributionIntegrationTest.account(jdbc, encoder, bizEmail, "事業 一郎");
        long civic = ContributionIntegrationTest.account(jdbc, encoder, civicEmail, "市民 花子");
        String business = "株式会社はにわ印刷" + t;
        String group = "子育てサロン" + t;
        ContributionIntegrationTest.group(jdbc, "BUSINESS", business, biz, "honjo", "kosodate");
        long groupId = ContributionIntegrationTest.group(jdbc, "CIVIC", group, civic, "honjo", "kosodate");
        String needTitle = "親子サロンのチラシを印刷したい" + t;
        jdbc.sql("""
                        insert into vol_need (group_id, kind, title, description, field_codes, area_code, status, created_by, created_at, updated_at)
                        values (:g, 'PRINTING', :t, '親子サロンのお知らせのチラシを300枚印刷したいです。', 'kosodate', 'honjo', 'PUBLISHED', :by, now(), now())""")
                .param("g", groupId).param("t", needTitle).param("by", civic).update();
        String offerTitle = "チラシのデザインと印刷をお手伝いします" + t;

        Page page = login(browser.page(), bizEmail);
        page.navigate("/my/contribution");
        assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("申し出を登録する")).click();
        assertAccessible(page);
        page.getByLabel("技術・専門知識").check();
        page.getByLabel("タイトル").fill(offerTitle);
        button(page, "下書きとして保存する").click();
        // A mistake is named next to its field; what was typed stays.
        assertThat(page.locator("#description-error")).containsText("入力してください");
        assertThat(page.getByLabel("タイトル")).hasValue(offerTitle);
        assertAccessible(page);
        page.locator("#description").fill("団体のチラシやポスターのデザインと印刷をお手伝いします。");
        page.getByLabel("子育て支援").check();
        page.getByLabel("本庄地区").check();
        page.getByLabel("市内全域").uncheck();
        button(page, "下書きとして保存する").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("申し出を保存しました");
        button(page, "公開する").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("申し出を公開しました");
        Locator suggestions = page.locator("section[aria-labelledby=suggestions-title]");
        assertThat(suggestions).containsText(needTitle);
        assertThat(suggestions).containsText("種類が合う: 技術・専門知識 ↔ 印刷");
        assertThat(suggestions).containsText("地区: 本庄地区");
        assertAccessible(page);

        // The public pages show the offer and the suggestion, with no one's address.
        Page visitor = browser.pageWithoutJavaScript();
        visitor.navigate("/contribution?offerKind=SKILL&area=honjo");
        assertAccessible(visitor);
        visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(offerTitle)).click();
        assertThat(visitor.locator("main")).containsText(needTitle);
        assertThat(visitor.locator("main")).containsText("不適切な内容を報告する");
        assertThat(visitor.locator("main")).not().containsText(bizEmail);
        assertAccessible(visitor);
        visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(needTitle)).click();
        assertThat(visitor.locator("main")).containsText(offerTitle);
        assertAccessible(visitor);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(group + "にメッセージを送る")).click();
        assertThat(page.locator("main")).containsText(group);
        assertAccessible(page);
        page.getByLabel("メッセージ").fill("チラシ300枚、喜んで印刷します。打ち合わせはいつがよろしいですか。");
        button(page, "送信する").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("メッセージを送りました");
        assertThat(page).hasURL(Pattern.compile("/my/contribution/conversations/\\d+$"));
        assertAccessible(page);

        // The group gets a mail with only the business's name and a link, and replies without JavaScript.
        String mail = TestMailServer.awaitMail(greenMail, civicEmail, "からメッセージが届きました");
        org.assertj.core.api.Assertions.assertThat(mail).contains(business).doesNotContain(bizEmail);
        Page other = login(browser.pageWithoutJavaScript(), civicEmail);
        other.navigate(TestMailServer.firstLink(mail));
        assertThat(other.locator("main")).containsText("チラシ300枚、喜んで印刷します");
        assertAccessible(other);
        other.getByLabel("メッセージ").fill("ありがとうございます。来週水曜日のサロンの後はいかがでしょうか。");
        button(other, "送信する").click();
        assertThat(other.getByRole(AriaRole.STATUS)).containsText("メッセージを送りました");
        assertAccessible(other);

        page.reload();
        assertThat(page.locator("main")).containsText("来週水曜日のサロンの後はいかがでしょうか");
        assertAccessible(page);
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
