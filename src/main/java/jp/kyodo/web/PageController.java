package jp.kyodo.web;

import java.util.ArrayList;
import java.util.List;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.accounts.Role;
import jp.kyodo.accounts.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The top page, the pages that explain the programme, and the administrators' start page. */
@Controller
class PageController {

    /** The areas of the staff menu, in order; the first ones every department works in. */
    private static final List<String> DEPARTMENT_AREAS = List.of("collaboration", "support", "participation/comments",
            "participation/councils", "participation/workshops", "participation/voice", "training/courses", "news", "case-studies");

    /** The areas only the secretariat (and administrators) keep: the registry, the centre, moderation. */
    private static final List<String> SECRETARIAT_AREAS = List.of("groups", "centre", "centre/advisors", "volunteering/moderation");

    private final Accounts accounts;

    PageController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/")
    String home() {
        return "web/home";
    }

    @GetMapping("/accessibility")
    String accessibility() {
        return "web/accessibility";
    }

    @GetMapping("/privacy")
    String privacy() {
        return "web/privacy";
    }

    /** The staff menu: every area the staff member's department works in, one link each. */
    @GetMapping("/staff")
    String staff(@AuthenticationPrincipal SignedInUser user, Model model) {
        boolean secretariat = user.has(Role.ADMIN) || user.departmentId() != null
                && accounts.department(user.departmentId()).map(d -> d.secretariat()).orElse(false);
        List<String> items = new ArrayList<>();
        if (secretariat) {
            items.addAll(SECRETARIAT_AREAS.subList(0, 1));
        }
        items.addAll(DEPARTMENT_AREAS.subList(0, 7));
        if (secretariat) {
            items.addAll(SECRETARIAT_AREAS.subList(1, 4));
        }
        items.addAll(DEPARTMENT_AREAS.subList(7, 9));
        model.addAttribute("items", items);
        return "web/staff";
    }

    @GetMapping("/admin")
    String admin() {
        return "web/admin";
    }
}
