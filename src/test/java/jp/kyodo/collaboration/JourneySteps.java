package jp.kyodo.collaboration;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import jp.kyodo.accounts.SignedInUser;

/** Steps the collaboration journeys share: signing in (test accounts' password) and finding a button by its name. */
final class JourneySteps {

    private JourneySteps() {
    }

    static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    static void login(Page page, SignedInUser who) {
        page.navigate("/login");
        page.locator("#username").fill(who.getUsername());
        page.locator("#password").fill("test-password-1");
        button(page, "ログインする").click();
        assertThat(page).hasURL(Pattern.compile("/account$"));
    }
}
