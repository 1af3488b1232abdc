package jp.kyodo.accounts;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.kyodo.BrowserSupport.assertAccessible;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import jp.kyodo.BrowserSupport;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestMailServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A resident's first visit in a real browser: sign up, confirm the address from the e-mail, log in, fill in the
 * profile (with a mistake on the way), log out. Every page is checked with axe-core, and the login and logout also
 * work with JavaScript switched off.
 */
@IntegrationTest
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SignUpJourneyBrowserTest {

    @RegisterExtension
    static final BrowserSupport browser = new BrowserSupport();

    private static final String PASSWORD = "sakura-namiki-2026";

    @Autowired
    GreenMail greenMail;

    @Test
    void aNewResidentSignsUpConfirmsTheAddressFillsInTheProfileAndLogsOut() {
        String email = uniqueEmail("hanako");
        Page page = browser.page();

        // The home page invites newcomers to register.
        page.navigate("/");
        assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("アカウントを作成する")).click();

        // Sign-up form.
        assertThat(page).hasURL(Pattern.compile("/signup$"));
        assertThat(heading(page, "新規登録")).isVisible();
        assertAccessible(page);
        page.locator("#name").fill("本庄 花子");
        page.locator("#email").fill(email);
        page.locator("#password").fill(PASSWORD);
        page.locator("#passwordConfirmation").fill(PASSWORD);
        button(page, "確認メールを送信する").click();

        assertThat(page).hasURL(Pattern.compile("/signup/sent$"));
        assertThat(heading(page, "確認メールを送信しました")).isVisible();
        assertAccessible(page);

        // The confirmation mail arrives; its link completes the sign-up.
        String mail = TestMailServer.awaitMail(greenMail, email, "メールアドレスの確認");
        org.assertj.core.api.Assertions.assertThat(mail).contains("本庄 花子 様");
        page.navigate(TestMailServer.firstLink(mail));
        assertThat(page.getByText("メールアドレスを確認しました。登録が完了しました。ログインしてご利用ください。")).isVisible();
        assertAccessible(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("ログインする").setExact(true)).click();

        // Log in.
        assertThat(page).hasURL(Pattern.compile("/login$"));
        assertAccessible(page);
        page.locator("#username").fill(email);
        page.locator("#password").fill(PASSWORD);
        button(page, "ログインする").click();

        assertThat(page).hasURL(Pattern.compile("/account$"));
        assertThat(heading(page, "マイページ")).isVisible();
        assertThat(page.getByText("本庄 花子 さん")).isVisible();
        assertThat(summary(page, "フリガナ")).hasText("未登録");
        assertThat(summary(page, "メールアドレス")).hasText(email);
        assertAccessible(page);

        // Fill in the profile, first with a postal code that is too short.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("登録内容を変更する")).click();
        assertThat(page).hasURL(Pattern.compile("/account/profile$"));
        assertThat(heading(page, "登録内容の変更")).isVisible();
        assertThat(page.locator("#name")).hasValue("本庄 花子");
        assertAccessible(page);
        page.locator("#nameKana").fill("ほんじょう　はなこ");
        page.locator("#postalCode").fill("12-34");
        page.locator("#address").fill("埼玉県本庄市本庄３－５－３");
        page.locator("#phone").fill("０４９５（２５）１１１１");
        button(page, "保存する").click();

        String postalCodeMessage = "郵便番号は7桁の数字で入力してください(例:367-8501)。";
        assertThat(heading(page, "登録内容の変更")).isVisible();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("入力内容を確認してください");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText(postalCodeMessage);
        assertThat(page.locator("#postalCode-error")).isVisible();
        assertThat(page.locator("#postalCode-error")).containsText(postalCodeMessage);
        assertThat(fieldOf(page, "#postalCode")).containsText(postalCodeMessage);
        assertThat(page.locator("#postalCode")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#postalCode")).hasAttribute("aria-describedby", Pattern.compile("\\bpostalCode-error\\b"));
        // What was typed is still there, including the wrong postal code, so it only needs correcting.
        assertThat(page.locator("#name")).hasValue("本庄 花子");
        assertThat(page.locator("#nameKana")).hasValue("ほんじょう　はなこ");
        assertThat(page.locator("#postalCode")).hasValue("12-34");
        assertThat(page.locator("#address")).hasValue("埼玉県本庄市本庄３－５－３");
        assertThat(page.locator("#phone")).hasValue("０４９５（２５）１１１１");
        assertThat(page.locator("#nameKana-error")).hasCount(0);
        assertThat(page.locator("#phone-error")).hasCount(0);
        assertAccessible(page);

        // The error summary's link takes the keyboard focus to the field.
        page.getByRole(AriaRole.ALERT).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(postalCodeMessage)).click();
        assertThat(page.locator("#postalCode")).isFocused();

        // Corrected with full-width digits, as a Japanese IME types them.
        page.locator("#postalCode").fill("３６７－８５０１");
        button(page, "保存する").click();

        assertThat(page).hasURL(Pattern.compile("/account$"));
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("登録内容を保存しました。");
        assertThat(summary(page, "氏名")).hasText("本庄 花子");
        assertThat(summary(page, "フリガナ")).hasText("ホンジョウ　ハナコ");
        assertThat(summary(page, "郵便番号")).hasText("〒367-8501");
        assertThat(summary(page, "住所")).hasText("埼玉県本庄市本庄3-5-3");
        assertThat(summary(page, "電話番号")).hasText("0495-25-1111");
        assertAccessible(page);

        // Log out from the header.
        button(page, "ログアウト").click();
        assertThat(page).hasURL(Pattern.compile("/\\?loggedOut$"));
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("ログアウトしました。");
        assertThat(button(page, "ログアウト")).hasCount(0);
        assertThat(page.getByRole(AriaRole.BANNER)
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("ログイン").setExact(true))).isVisible();
        assertAccessible(page);

        // マイページ is closed again.
        page.navigate("/account");
        assertThat(page).hasURL(Pattern.compile("/login$"));
    }

    @Test
    void logInAndOutWorkByKeyboardWithJavaScriptSwitchedOff() {
        String email = uniqueEmail("taro");
        signUpAndConfirm("本庄 太郎", email);
        Page page = browser.pageWithoutJavaScript();

        page.navigate("/login");
        assertAccessible(page);
        // The first stop of the keyboard is the skip link to the content.
        BrowserSupport.tabTo(page, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("本文へ移動")), 1);
        // Following it skips the menus, however many there are: the form is then a few presses away.
        page.keyboard().press("Enter");
        BrowserSupport.tabTo(page, page.locator("#username"), 5);
        page.keyboard().type(email);
        BrowserSupport.tabTo(page, page.locator("#password"), 1);
        page.keyboard().type(PASSWORD);
        page.keyboard().press("Enter");

        assertThat(page).hasURL(Pattern.compile("/account$"));
        assertThat(heading(page, "マイページ")).isVisible();
        assertThat(summary(page, "氏名")).hasText("本庄 太郎");
        assertAccessible(page);

        Locator logout = button(page, "ログアウト");
        BrowserSupport.tabTo(page, logout, 10);
        page.keyboard().press("Enter");

        assertThat(page).hasURL(Pattern.compile("/\\?loggedOut$"));
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("ログアウトしました。");
        assertThat(button(page, "ログアウト")).hasCount(0);
        assertAccessible(page);
    }

    @Test
    void aWrongPasswordIsExplainedInJapaneseAndTheTypedAddressIsKept() {
        String email = uniqueEmail("jiro");
        signUpAndConfirm("本庄 次郎", email);
        Page page = browser.page();

        page.navigate("/login");
        page.locator("#username").fill(email);
        page.locator("#password").fill("not-my-password-1");
        button(page, "ログインする").click();

        assertThat(page).hasURL(Pattern.compile("/login\\?error$"));
        assertThat(page.locator("#login-error")).isVisible();
        assertThat(page.locator("#login-error")).containsText("メールアドレスまたはパスワードが正しくありません。");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("メールアドレスまたはパスワードが正しくありません。");
        assertThat(page.locator("#login-error").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("パスワードを忘れた方"))).isVisible();
        assertThat(page.locator("#username")).hasValue(email);
        assertThat(page.locator("#password")).hasValue("");
        assertThat(page.locator("#username")).hasAttribute("aria-invalid", "true");
        assertAccessible(page);

        // With the right password the same person gets in.
        page.locator("#password").fill(PASSWORD);
        button(page, "ログインする").click();
        assertThat(page).hasURL(Pattern.compile("/account$"));
        assertThat(page.locator("#login-error")).hasCount(0);
    }

    @Test
    void mistakesInTheSignUpFormAreShownNextToTheFieldsAndTheTypedValuesAreKept() {
        Page page = browser.page();

        page.navigate("/signup");
        page.locator("#name").fill("");
        page.locator("#email").fill("abc");
        page.locator("#password").fill("short");
        page.locator("#passwordConfirmation").fill("short");
        button(page, "確認メールを送信する").click();

        assertThat(heading(page, "新規登録")).isVisible();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("入力内容を確認してください");
        assertThat(page.locator("#name-error")).containsText("入力してください。");
        assertThat(fieldOf(page, "#name")).containsText("入力してください。");
        assertThat(page.locator("#name")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#email")).hasValue("abc");
        assertThat(page.locator("#password")).hasValue("");
        assertAccessible(page);

        // Name given: the e-mail address is the next thing to correct.
        page.locator("#name").fill("本庄 三郎");
        page.locator("#password").fill("short");
        page.locator("#passwordConfirmation").fill("short");
        button(page, "確認メールを送信する").click();

        String emailMessage = "メールアドレスの形式が正しくありません(例:taro@example.jp)。";
        assertThat(page.locator("#email-error")).containsText(emailMessage);
        assertThat(fieldOf(page, "#email")).containsText(emailMessage);
        assertThat(page.locator("#email")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#name-error")).hasCount(0);
        assertThat(page.locator("#name")).hasValue("本庄 三郎");
        assertThat(page.locator("#email")).hasValue("abc");
        assertAccessible(page);

        // A valid address: now the password is too short. Passwords are never sent back to the browser.
        String email = uniqueEmail("saburo");
        page.locator("#email").fill(email);
        page.locator("#password").fill("short");
        page.locator("#passwordConfirmation").fill("short");
        button(page, "確認メールを送信する").click();

        String passwordMessage = "パスワードは10文字以上で入力してください。";
        assertThat(page.locator("#password-error")).containsText(passwordMessage);
        assertThat(fieldOf(page, "#password")).containsText(passwordMessage);
        assertThat(page.locator("#password")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#email-error")).hasCount(0);
        assertThat(page.locator("#name")).hasValue("本庄 三郎");
        assertThat(page.locator("#email")).hasValue(email);
        assertThat(page.locator("#password")).hasValue("");
        assertThat(page.locator("#passwordConfirmation")).hasValue("");
        assertAccessible(page);
    }

    /** Signs a person up and follows the confirmation link, in a browser of their own. */
    private void signUpAndConfirm(String name, String email) {
        Page page = browser.newPage(options -> { });
        page.navigate("/signup");
        page.locator("#name").fill(name);
        page.locator("#email").fill(email);
        page.locator("#password").fill(PASSWORD);
        page.locator("#passwordConfirmation").fill(PASSWORD);
        button(page, "確認メールを送信する").click();
        assertThat(page).hasURL(Pattern.compile("/signup/sent$"));
        page.navigate(TestMailServer.firstLink(TestMailServer.awaitMail(greenMail, email, "メールアドレスの確認")));
        assertThat(page.getByText("登録が完了しました")).isVisible();
        page.context().close();
    }

    private static String uniqueEmail(String who) {
        return who + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
    }

    private static Locator heading(Page page, String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true).setLevel(1));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** The value shown for an item of マイページ's 登録内容 list. */
    private static Locator summary(Page page, String item) {
        return page.locator("xpath=//dt[normalize-space(.)='" + item + "']/following-sibling::dd[1]");
    }

    /** The whole form field (label, hint, error, input) around an input. */
    private static Locator fieldOf(Page page, String input) {
        return page.locator(".field").filter(new Locator.FilterOptions().setHas(page.locator(input)));
    }
}
