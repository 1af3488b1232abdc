package jp.kyodo.collaboration;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.kyodo.BrowserSupport.assertAccessible;
import static jp.kyodo.collaboration.JourneySteps.button;
import static jp.kyodo.collaboration.JourneySteps.login;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;
import jp.kyodo.BrowserSupport;
import jp.kyodo.IntegrationTest;
import jp.kyodo.accounts.SignedInUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In a real browser: a department publishes a theme, a group consults and then submits a proposal with budget
 * lines, three committee members score it (one declares a conflict of interest), the secretariat adopts it, and
 * the public results page shows it. Every page visited passes axe-core.
 */
@IntegrationTest
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class CollaborationJourneyBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @Autowired CollaborationTestData data;

    @Test
    void publishConsultProposeScoreAdoptAndPublish() {
        String tag = CollaborationTestData.tag();
        SignedInUser staff = data.account("journey-staff", data.department("子育て支援課", false), "STAFF");
        SignedInUser admin = data.account("journey-admin", data.department("市民活動推進課", true), "STAFF", "ADMIN");
        SignedInUser manager = data.account("journey-group", null);
        String groupName = "放課後あそび隊" + tag;
        data.registeredGroup(groupName, manager.accountId(), "放課後の子どもの遊び場と居場所をつくる", "kosodate");
        SignedInUser[] members = {data.account("journey-m1", null, "COMMITTEE"), data.account("journey-m2", null, "COMMITTEE"),
                data.account("journey-m3", null, "COMMITTEE")};
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        String theme = "放課後の居場所づくり" + tag;

        // The department drafts and publishes a theme.
        Page city = browser.page();
        login(city, staff);
        city.navigate("/staff/collaboration");
        assertAccessible(city);
        city.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("行政提案型のテーマを作成する")).click();
        assertAccessible(city);
        city.locator("#title").fill(theme);
        city.locator("#fiscalYear").fill("2027");
        city.locator("#background").fill("放課後に一人で過ごす子どもが増えている。");
        city.locator("#expectedOutcome").fill("子どもが安心して過ごせる居場所が増える。");
        city.locator("#budgetCap").fill("５０万");
        city.getByLabel("委託", new Page.GetByLabelOptions().setExact(true)).check();
        city.getByLabel("子育て支援", new Page.GetByLabelOptions().setExact(true)).check();
        city.locator("#applicationOpens").fill(today.minusDays(1).toString());
        city.locator("#applicationCloses").fill(today.plusDays(30).toString());
        button(city, "保存する").click();
        // "５０万" is not an amount: the message is by the field and the rest is kept.
        assertThat(city.locator("#budgetCap-error")).containsText("金額は数字で入力してください");
        assertThat(city.locator("#title")).hasValue(theme);
        assertAccessible(city);
        city.locator("#budgetCap").fill("５００，０００円");
        button(city, "保存する").click();
        assertThat(city.getByRole(AriaRole.STATUS)).containsText("保存しました");
        button(city, "公開する").click();
        assertThat(city.getByRole(AriaRole.STATUS)).containsText("公開しました");
        assertThat(city.locator("#partners")).containsText(groupName);
        assertAccessible(city);

        // The group finds the theme and writes a proposal.
        Page group = browser.newPage(o -> { });
        login(group, manager);
        group.navigate("/collaboration");
        assertAccessible(group);
        group.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(theme)).click();
        assertAccessible(group);
        group.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("提案を始める")).click();
        assertAccessible(group);
        group.locator("#title").fill("校庭あそび場プロジェクト");
        button(group, "提案書の作成を始める").click();
        assertThat(group.locator("h2").first()).hasText("事業の概要");
        assertAccessible(group);
        group.locator("#purpose").fill("放課後に子どもが安心して遊べる場をつくる。");
        group.locator("#content").fill("毎週水曜日に小学校の校庭で遊び場を開く。");
        group.locator("#periodFrom").fill("令和9年4月1日");
        group.locator("#periodTo").fill("令和10年3月31日");
        group.getByLabel("委託", new Page.GetByLabelOptions().setExact(true)).check();
        button(group, "保存して次へ").click();
        assertThat(group.locator("h2").first()).hasText("役割分担");
        assertAccessible(group);
        group.getByLabel("取り組むこと 1行目").fill("遊び場の運営");
        group.getByLabel("団体の役割 1行目").fill("見守りと遊びの指導");
        group.getByLabel("市の役割 1行目").fill("学校との調整と広報");
        button(group, "保存して次へ").click();
        assertThat(group.locator("h2").first()).hasText("収支予算");
        assertAccessible(group);
        group.getByLabel("費目 1行目").fill("参加費");
        group.getByLabel("金額(円) 1行目").fill("１０，０００円");
        group.getByLabel("費目 2行目").fill("遊具・消耗品");
        group.getByLabel("金額(円) 2行目").fill("三万円");
        group.getByLabel("費目 3行目").fill("保険料");
        group.getByLabel("金額(円) 3行目").fill("10000");
        group.getByLabel("負担 3行目").selectOption("GROUP");
        button(group, "保存して次へ").click();
        // A word for an amount is named on its row; every other row keeps what was typed.
        assertThat(group.locator("[id='budget[1].amount-error']")).containsText("金額は数字で入力してください");
        assertThat(group.getByLabel("金額(円) 1行目")).hasValue("１０，０００円");
        assertAccessible(group);
        group.getByLabel("金額(円) 2行目").fill("30,000");
        button(group, "保存して次へ").click();
        assertThat(group.locator("h2").first()).hasText("目標と先駆性");
        assertAccessible(group);
        group.getByLabel("内容 1行目").fill("参加した子どもの満足度");
        group.getByLabel("目標値 1行目").fill("80%以上");
        button(group, "保存して確認へ進む").click();
        assertThat(group.getByText("一致しています")).isVisible();
        assertAccessible(group);

        // Prior consultation, then the department's answer.
        group.locator("#body").fill("校庭の使用について、学校との調整をお願いできますか。");
        button(group, "事前相談を申し込む").click();
        assertThat(group.getByRole(AriaRole.STATUS)).containsText("送信しました");
        city.navigate("/staff/collaboration");
        assertThat(city.getByText("回答待ち")).isVisible();
        city.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("校庭あそび場プロジェクト")).click();
        assertAccessible(city);
        city.locator("#body").fill("教育委員会と調整し、水曜日の使用を確保しました。");
        button(city, "回答する").click();
        assertThat(city.getByRole(AriaRole.STATUS)).containsText("送信しました");

        group.reload();
        assertThat(group.getByText("教育委員会と調整し")).isVisible();
        button(group, "この内容で提出する").click();
        assertThat(group.getByRole(AriaRole.STATUS)).containsText("提案を提出しました");
        assertThat(group.getByText("提出済み").first()).isVisible();
        assertAccessible(group);

        // Applications are over: the department closes the call.
        city.navigate("/staff/collaboration");
        city.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(theme)).click();
        button(city, "募集を終了する").click();
        assertThat(city.getByRole(AriaRole.STATUS)).containsText("募集を終了しました");

        // The secretariat sets up the screening with three members and starts it.
        Page secretariat = browser.newPage(o -> { });
        login(secretariat, admin);
        secretariat.navigate("/admin/screenings");
        assertAccessible(secretariat);
        secretariat.locator("#callId").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(theme));
        button(secretariat, "設定する").click();
        assertThat(secretariat.getByRole(AriaRole.STATUS)).containsText("審査会を設定しました");
        for (SignedInUser m : members) {
            secretariat.getByLabel(m.displayName(), new Page.GetByLabelOptions().setExact(true)).check();
        }
        secretariat.locator("#members").locator("xpath=..").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("保存する")).click();
        assertAccessible(secretariat);
        button(secretariat, "審査を始める").click();
        assertThat(secretariat.getByRole(AriaRole.STATUS)).containsText("審査を始めました");

        // Member 1 declares a conflict of interest; members 2 and 3 score every criterion.
        for (int i = 0; i < members.length; i++) {
            Page member = browser.newPage(o -> { });
            login(member, members[i]);
            member.navigate("/committee/screenings");
            assertAccessible(member);
            member.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(theme)).click();
            member.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("校庭あそび場プロジェクト")).click();
            assertAccessible(member);
            if (i == 0) {
                member.locator("#reason").fill("提案団体の役員を務めているため");
                button(member, "利害関係を申告して採点しない").click();
                assertThat(member.getByRole(AriaRole.STATUS)).containsText("利害関係を申告しました");
            } else {
                Locator points = member.getByLabel("点数");
                for (int c = 0; c < points.count(); c++) {
                    points.nth(c).fill(i == 1 ? "8" : "6");
                }
                button(member, "採点を提出する").click();
                assertThat(member.getByRole(AriaRole.STATUS)).containsText("採点を提出しました");
                assertAccessible(member);
            }
            member.context().close();
        }

        // The secretariat closes the scoring, reads the ranking (mean of 48 and 36 = 42 of 60) and adopts the proposal.
        secretariat.reload();
        button(secretariat, "採点を締め切る").click();
        assertThat(secretariat.getByRole(AriaRole.STATUS)).containsText("採点を締め切りました");
        assertThat(secretariat.locator("#ranking")).containsText("42点 / 60点(70%)");
        assertThat(secretariat.locator("#ranking")).containsText("利害関係による除外 1 人");
        assertAccessible(secretariat);
        secretariat.getByLabel("採択", new Page.GetByLabelOptions().setExact(true)).check();
        secretariat.locator("#ranking textarea[name=reason]").fill("地域の要望が強く、実施体制も整っている。");
        button(secretariat, "決定を記録する").click();
        assertThat(secretariat.getByRole(AriaRole.STATUS)).containsText("決定を記録し");

        // The public results page shows the adopted project with its score.
        Page visitor = browser.newPage(o -> { });
        visitor.navigate("/collaboration/results");
        assertThat(visitor.locator("main")).containsText("校庭あそび場プロジェクト");
        assertThat(visitor.locator("main")).containsText(groupName);
        assertThat(visitor.locator("main")).containsText("42点 / 60点");
        assertAccessible(visitor);
        group.reload();
        assertThat(group.getByText("地域の要望が強く")).isVisible();
    }

}
