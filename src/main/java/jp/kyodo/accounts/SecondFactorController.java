package jp.kyodo.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jp.kyodo.shared.CityProfile;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The code page at login, and setting up an authenticator app (at login when required, or from the account page). */
@Controller
class SecondFactorController {

    /** Session attribute: the secret being set up, until a code from the app confirms it. */
    static final String NEW_SECRET = SecondFactorController.class.getName() + ".secret";

    private final SecondFactor secondFactor;
    private final CityProfile city;

    SecondFactorController(SecondFactor secondFactor, CityProfile city) {
        this.secondFactor = secondFactor;
        this.city = city;
    }

    @GetMapping("/login/second-factor")
    String codePage(HttpSession session, Model model) {
        if (session.getAttribute(SecondFactor.PENDING) == null) {
            return "redirect:/account";
        }
        return "accounts/second-factor";
    }

    @PostMapping("/login/second-factor")
    String verify(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String code, HttpServletRequest request,
                  HttpServletResponse response, Authentication authentication, HttpSession session, Model model,
                  RedirectAttributes redirect) {
        if (session.getAttribute(SecondFactor.PENDING) == null) {
            return "redirect:/account";
        }
        if (!secondFactor.enabled(user.accountId())) {
            return "redirect:/login/second-factor/setup";
        }
        if (secondFactor.verify(user, code)) {
            session.removeAttribute(SecondFactor.PENDING);
            session.removeAttribute(SecondFactor.FAILURES);
            request.changeSessionId();
            return "redirect:" + home(user);
        }
        int failures = session.getAttribute(SecondFactor.FAILURES) instanceof Integer n ? n + 1 : 1;
        if (failures >= SecondFactor.MAX_FAILURES) {
            new SecurityContextLogoutHandler().logout(request, response, authentication);
            redirect.addFlashAttribute("notice", "notice.secondFactor.tooMany");
            return "redirect:/login";
        }
        session.setAttribute(SecondFactor.FAILURES, failures);
        model.addAttribute("codeError", code.isBlank() ? "validation.secondFactor.required" : "validation.secondFactor.wrong");
        return "accounts/second-factor";
    }

    /** Setting up during login (required and not yet set up). */
    @GetMapping("/login/second-factor/setup")
    String setupAtLogin(@AuthenticationPrincipal SignedInUser user, HttpSession session, Model model) {
        if (session.getAttribute(SecondFactor.PENDING) == null) {
            return "redirect:/account/second-factor";
        }
        return setup(user, session, model, "/login/second-factor/setup");
    }

    @PostMapping("/login/second-factor/setup")
    String confirmAtLogin(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String code,
                          HttpServletRequest request, HttpSession session, Model model) {
        if (session.getAttribute(SecondFactor.PENDING) == null) {
            return "redirect:/account/second-factor";
        }
        if (!confirm(user, code, session, model)) {
            return setup(user, session, model, "/login/second-factor/setup");
        }
        session.removeAttribute(SecondFactor.PENDING);
        request.changeSessionId();
        return "redirect:" + home(user);
    }

    /** Setting up (or replacing) one's app from the account page. */
    @GetMapping("/account/second-factor")
    String setupFromAccount(@AuthenticationPrincipal SignedInUser user, HttpSession session, Model model) {
        return setup(user, session, model, "/account/second-factor");
    }

    @PostMapping("/account/second-factor")
    String confirmFromAccount(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String code,
                              HttpSession session, Model model, RedirectAttributes redirect) {
        if (!confirm(user, code, session, model)) {
            return setup(user, session, model, "/account/second-factor");
        }
        redirect.addFlashAttribute("notice", "notice.secondFactor.enabled");
        return "redirect:/account";
    }

    private String setup(SignedInUser user, HttpSession session, Model model, String action) {
        String secret = session.getAttribute(NEW_SECRET) instanceof String s ? s : Totp.newSecret();
        session.setAttribute(NEW_SECRET, secret);
        model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
        model.addAttribute("uri", Totp.uri(city.programmeName() == null ? "Kyodo" : city.programmeName(), user.getUsername(), secret));
        model.addAttribute("action", action);
        model.addAttribute("enabled", secondFactor.enabled(user.accountId()));
        return "accounts/second-factor-setup";
    }

    private boolean confirm(SignedInUser user, String code, HttpSession session, Model model) {
        String secret = session.getAttribute(NEW_SECRET) instanceof String s ? s : null;
        if (secret != null && secondFactor.enable(user, secret, code)) {
            session.removeAttribute(NEW_SECRET);
            return true;
        }
        model.addAttribute("codeError", code.isBlank() ? "validation.secondFactor.required" : "validation.secondFactor.wrong");
        return false;
    }

    private static String home(SignedInUser user) {
        return user.roles().contains(Role.STAFF) || user.roles().contains(Role.ADMIN) ? "/staff" : "/account";
    }
}
