package jp.kyodo.centre;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.groups.Groups;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Advisors for everyone (who they are, what they know), and a group's requests for a consultation. */
@Controller
class AdvisorController {

    private final Advisors advisors;
    private final Groups groups;

    AdvisorController(Advisors advisors, Groups groups) {
        this.advisors = advisors;
        this.groups = groups;
    }

    @GetMapping("/centre/advisors")
    String list(Model model) {
        model.addAttribute("advisors", advisors.advisors(true));
        model.addAttribute("topics", Advisors.Topic.values());
        return "centre/advisors";
    }

    @GetMapping("/my/centre/advisors")
    String mine(@AuthenticationPrincipal SignedInUser user, Model model) {
        return show(user, model, Map.of(), null);
    }

    private String show(SignedInUser user, Model model, Map<String, String> typed, InvalidInputException errors) {
        model.addAttribute("groups", groups.managedBy(user.accountId()));
        model.addAttribute("requests", advisors.forManager(user.accountId()));
        model.addAttribute("topics", Advisors.Topic.values());
        model.addAttribute("rows", Advisors.PREFERRED_ROWS);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "centre/my-advisors";
    }

    @PostMapping("/my/centre/advisors")
    String request(@AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
        List<String> dates = new ArrayList<>();
        List<String> times = new ArrayList<>();
        for (int i = 0; i < Advisors.PREFERRED_ROWS; i++) {
            dates.add(p.get("date" + i));
            times.add(p.get("time" + i));
        }
        try {
            advisors.request(user, p.get("groupId"), p.get("topic"), p.get("details"), dates, times);
        } catch (InvalidInputException e) {
            return show(user, model, p, e);
        }
        redirect.addFlashAttribute("notice", "notice.advisor.requested");
        return "redirect:/my/centre/advisors";
    }

    @PostMapping("/my/centre/advisors/{id}/cancel")
    String cancel(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model, RedirectAttributes redirect) {
        try {
            advisors.cancel(id, user);
        } catch (InvalidInputException e) {
            return show(user, model, Map.of(), e);
        }
        redirect.addFlashAttribute("notice", "notice.advisor.cancelled");
        return "redirect:/my/centre/advisors";
    }
}
