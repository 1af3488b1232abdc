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
 * In a real browser: a department publishes a draft for comment, a person without an account comments and confirms
 * by e-mail, the period ends, the department answers and publishes the result, which shows the city's view and no
 * personal data. axe-core checks every page.
 */
@IntegrationTest
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class PublicCommentJourneyBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    @Autowired jp.kyodo.TestPeople people;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired PublicComments comments;
    @Autowired GreenMail greenMail;

    @Test
    void fromPublicationToResult() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long dept = people.department("都市計画課", false);
        String staff = people.email(people.account("pcj-staff", dept, "STAFF").accountId());
        LocalDate today = comments.today();
        String title = "駅北口まちづくり計画(案)" + tag;

        Page city = browser.page();
        BrowserSupport.logIn(city, staff, "test-password-1");
        city.navigate("/staff/participation/comments");
        assertAccessible(city);
        city.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("案を公表する準備をする")).click();
        assertAccessible(city);
        city.locator("#title").fill(title);
        city.locator("#purpose").fill("駅北口の将来像を示す計画です。");
        city.locator("#opensOn").fill(today.toString());
        city.locator("#closesOn").fill(today.plusDays(29).toString());
        city.locator("#heading0").fill("第1章 駐車場と駐輪場");
        city.locator("#body0").fill("北口に駐車場を設けます。");
        button(city, "保存する").click();
        assertThat(city.getByRole(AriaRole.STATUS)).containsText("保存しました");
        button(city, "公開する").click();
        assertThat(city.getByRole(AriaRole.STATUS)).containsText("公開しました");

        // A visitor without an account comments and confirms through the mail.
        Page visitor = browser.newPage(o -> { });
        visitor.navigate("/participation/comments");
        assertAccessible(visitor);
        visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
        assertThat(visitor.locator("main")).containsText("締切まであと30日");
        assertAccessible(visitor);
        visitor.locator("#sectionId").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("第1章 駐車場と駐輪場"));
        visitor.locator("#body").fill("駐輪場も増やしてください。");
        visitor.locator("#name").fill("北口 次郎");
        visitor.locator("#address").fill("本庄市駅前町3-" + tag);
        String email = "pcj-visitor-" + tag + "@example.jp";
        visitor.locator("#email").fill(email);
        visitor.getByLabel("市内に住んでいる").check();
        visitor.getByLabel("上の内容に相違ありません").check();
        button(visitor, "意見を提出する").click();
        assertThat(visitor.getByRole(AriaRole.STATUS)).containsText("確認のメールを送りました");
        visitor.navigate(TestMailServer.firstLink(TestMailServer.awaitMail(greenMail, email, "意見の提出の確認")));
        assertAccessible(visitor);
        button(visitor, "意見を提出する").click();
        assertThat(visitor.getByRole(AriaRole.STATUS)).containsText("受け付けました");

        // The period ends; the department groups, answers and publishes the result.
        jdbc.sql("update pc_procedure set opens_on = current_date - 31, closes_on = current_date - 1 where title = :t").param("t", title).update();
        city.reload();
        assertAccessible(city);
        city.locator("input[name^='group[']").first().fill("駐輪場");
        button(city, "まとめ方を保存する").click();
        city.locator("textarea[name=summary]").fill("駐輪場を増やしてほしい。");
        city.locator("textarea[name=cityView]").fill("駐輪場を200台分整備します。");
        city.locator("input[name=changed]").check();
        city.locator("textarea[name=changeNote]").fill("第1章に駐輪場の整備を加えました。");
        button(city, "考え方を保存する").click();
        button(city, "結果を公表する").click();
        assertThat(city.getByRole(AriaRole.STATUS)).containsText("結果を公表しました");

        visitor.navigate("/participation/comments");
        visitor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
        Locator main = visitor.locator("main");
        assertThat(main).containsText("結果を公表");
        assertThat(main).containsText("駐輪場を200台分整備します。");
        assertThat(main).containsText("1人から1件");
        assertThat(main).not().containsText("北口 次郎");
        assertThat(main).not().containsText("駅前町3-" + tag);
        assertThat(main).not().containsText(email);
        assertAccessible(visitor);
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
