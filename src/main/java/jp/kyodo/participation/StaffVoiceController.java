package jp.kyodo.participation;

import java.util.HashMap;
import java.util.Map;
import jp.kyodo.accounts.Role;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Suggestions for staff: the secretariat's queue and routing, a department's answers, publication. */
@Controller
@RequestMapping("/staff/participation/voice")
class StaffVoiceController {

    private final Voices voices;

    StaffVoiceController(Voices voices) {
        this.voices = voices;
    }

    @GetMapping
    String queue(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String filter, Model model) {
        Voices.Filter f;
        try {
            f = filter == null ? Voices.Filter.OPEN : Voices.Filter.valueOf(filter);
        } catch (IllegalArgumentException e) {
            f = Voices.Filter.OPEN;
        }
        Voices.Desk desk = desk(user);
        model.addAttribute("desk", desk);
        model.addAttribute("filter", f.name());
        model.addAttribute("suggestions", voices.queue(desk, f));
        return "participation/staff-voices";
    }

    @GetMapping("/{id}")
    String suggestion(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
        return show(user, id, model, Map.of(), null);
    }

    private String show(SignedInUser user, long id, Model model, Map<String, String> typed, InvalidInputException errors) {
        Voices.Desk desk = desk(user);
        Voices.Suggestion s = voices.forDesk(id, desk);
        model.addAttribute("desk", desk);
        model.addAttribute("s", s);
        model.addAttribute("routes", voices.routes(id));
        model.addAttribute("departments", desk.office() ? voices.departments() : java.util.List.of());
        // The publication form starts from what is published, else from the sender's words, to be edited.
        Map<String, String> values = new HashMap<>();
        values.put("departmentId", s.departmentId() == null ? "" : String.valueOf(s.departmentId()));
        values.put("publishedTitle", s.publishedTitle() != null ? s.publishedTitle() : s.subject());
        values.put("publishedQuestion", s.publishedQuestion() != null ? s.publishedQuestion() : s.body());
        values.put("publishedAnswer", s.publishedAnswer() != null ? s.publishedAnswer() : s.answer());
        values.putAll(typed);
        model.addAttribute("typed", values);
        model.addAttribute("errors", errors);
        return "participation/staff-voice";
    }

    @PostMapping("/{id}/{action}")
    String act(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable String action, @RequestParam Map<String, String> params,
               Model model, RedirectAttributes redirect) {
        Voices.Desk desk = desk(user);
        long version;
        try {
            version = Long.parseLong(params.getOrDefault("version", "-1"));
        } catch (NumberFormatException e) {
            throw PublicComments.notFound();
        }
        try {
            switch (action) {
                case "route" -> voices.route(id, user, desk, version, params.get("departmentId"), params.get("routeNote"));
                case "answer" -> voices.answer(id, user, desk, version, params.get("answer"));
                case "close" -> voices.close(id, user, desk, version, params.get("closeReason"));
                case "publish" -> voices.publish(id, user, desk, version, params.get("publishedTitle"), params.get("publishedQuestion"),
                        params.get("publishedAnswer"));
                case "unpublish" -> voices.unpublish(id, user, desk, version);
                default -> throw PublicComments.notFound();
            }
        } catch (InvalidInputException e) {
            return show(user, id, model, params, e);
        }
        redirect.addFlashAttribute("notice", "notice.voice." + action);
        return "redirect:/staff/participation/voice/" + id;
    }

    private Voices.Desk desk(SignedInUser user) {
        return voices.desk(user.departmentId(), user.has(Role.ADMIN));
    }
}
