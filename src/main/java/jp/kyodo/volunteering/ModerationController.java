package jp.kyodo.volunteering;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import jp.kyodo.accounts.Role;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Reporting a public post (anyone), and the secretariat's moderation queue. */
@Controller
class ModerationController {

    private final Moderation moderation;

    ModerationController(Moderation moderation) {
        this.moderation = moderation;
    }

    @GetMapping("/volunteering/report/{type}/{id}")
    String reportForm(@PathVariable String type, @PathVariable long id, Model model) {
        return showReport(type, id, model, Map.of(), null);
    }

    private String showReport(String type, long id, Model model, Map<String, String> typed, InvalidInputException errors) {
        model.addAttribute("post", moderation.reportable(type, id));
        model.addAttribute("type", type);
        model.addAttribute("reasons", Moderation.Reason.values());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "volunteering/report";
    }

    @PostMapping("/volunteering/report/{type}/{id}")
    String report(@PathVariable String type, @PathVariable long id, @AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> p,
                  HttpServletRequest request, Model model, RedirectAttributes redirect) {
        try {
            moderation.report(type, id, Optional.<Actor>ofNullable(user), request.getRemoteAddr(), p.get("reason"), p.get("details"));
        } catch (InvalidInputException e) {
            return showReport(type, id, model, p, e);
        }
        redirect.addFlashAttribute("notice", "notice.moderation.reported");
        return "redirect:" + moderation.reportable(type, id).path();
    }

    @GetMapping("/staff/volunteering/moderation")
    String queue(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "open") String show, Model model) {
        return showQueue(user, "all".equals(show), model, Map.of(), null);
    }

    private String showQueue(SignedInUser user, boolean all, Model model, Map<String, String> typed, InvalidInputException errors) {
        if (!moderation.moderator(user.departmentId(), user.has(Role.ADMIN))) {
            throw Moderation.notFound();
        }
        model.addAttribute("entries", moderation.queue(all));
        model.addAttribute("showAll", all);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "volunteering/staff-moderation";
    }

    @PostMapping("/staff/volunteering/moderation/{type}/{id}/{action}")
    String decide(@AuthenticationPrincipal SignedInUser user, @PathVariable String type, @PathVariable long id, @PathVariable String action,
                  @RequestParam Map<String, String> p, Model model, RedirectAttributes redirect) {
        if (!moderation.moderator(user.departmentId(), user.has(Role.ADMIN))) {
            throw Moderation.notFound();
        }
        try {
            switch (action) {
                case "hide" -> moderation.hide(type, id, user, p.get("hideReason-" + type + "-" + id));
                case "dismiss" -> moderation.dismiss(type, id, user, p.get("dismissNote-" + type + "-" + id));
                case "unhide" -> moderation.unhide(type, id, user);
                default -> throw Moderation.notFound();
            }
        } catch (InvalidInputException e) {
            return showQueue(user, "all".equals(p.get("show")), model, p, e);
        }
        redirect.addFlashAttribute("notice", "notice.moderation." + action);
        return "redirect:/staff/volunteering/moderation" + ("all".equals(p.get("show")) ? "?show=all" : "");
    }
}
