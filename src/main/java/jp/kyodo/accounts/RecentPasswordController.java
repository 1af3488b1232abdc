package jp.kyodo.accounts;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The page that asks for the password again (see {@link RecentPassword}). */
@Controller
class RecentPasswordController {

    private final RecentPassword recent;

    RecentPasswordController(RecentPassword recent) {
        this.recent = recent;
    }

    /** The question, shown in place of an action (see {@link RecentPassword}); nothing to show without one. */
    @GetMapping(RecentPassword.PROMPT)
    String prompt(jakarta.servlet.http.HttpSession session, Model model) {
        if (!(session.getAttribute(RecentPassword.PROMPT_ATTRIBUTE) instanceof RecentPassword.Prompt prompt)) {
            return "redirect:/account";
        }
        model.addAttribute("prompt", prompt);
        return "accounts/reauthenticate";
    }

    /** The password for an action opened by a link: on to it when right. */
    @PostMapping(RecentPassword.PROMPT + "/continue")
    String confirm(@AuthenticationPrincipal SignedInUser user, @RequestParam(RecentPassword.PASSWORD_PARAMETER) String password,
                   @RequestParam("continue") String target, HttpServletRequest request, Model model) {
        // Only an address of this portal, never another site's.
        if (!target.startsWith("/") || target.startsWith("//") || target.contains("\\")) {
            throw new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST);
        }
        if (recent.confirm(request, user, password)) {
            return "redirect:" + target;
        }
        model.addAttribute("prompt", new RecentPassword.Prompt(target, java.util.List.of(), true, true));
        return "accounts/reauthenticate";
    }
}
