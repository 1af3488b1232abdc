package jp.kyodo.centre;

import java.util.List;
import java.util.Map;
import jp.kyodo.accounts.Role;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The secretariat's advisors: profiles, the queue of requests, assignment, declining and the consultation record. */
@Controller
@RequestMapping("/staff/centre/advisors")
class StaffAdvisorController {

    private final Advisors advisors;

    StaffAdvisorController(Advisors advisors) {
        this.advisors = advisors;
    }

    private void requireSecretariat(SignedInUser user) {
        if (!advisors.secretariat(user.departmentId(), user.has(Role.ADMIN))) {
            throw Advisors.notFound();
        }
    }

    @GetMapping
    String list(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "open") String show, Model model) {
        requireSecretariat(user);
        model.addAttribute("requests", advisors.queue(!"all".equals(show)));
        model.addAttribute("showAll", "all".equals(show));
        model.addAttribute("advisors", advisors.advisors(false));
        return "centre/staff-advisors";
    }

    @GetMapping({"/new", "/{id}/edit"})
    String form(@AuthenticationPrincipal SignedInUser user, @PathVariable(required = false) Long id, Model model) {
        requireSecretariat(user);
        Map<String, String> typed = Map.of();
        if (id != null) {
            Advisors.Advisor a = advisors.advisor(id).orElseThrow(Advisors::notFound);
            typed = new java.util.HashMap<>(Map.of("name", a.name(), "profile", a.profile(), "version", String.valueOf(a.version())));
            typed.put("affiliation", a.affiliation() == null ? "" : a.affiliation());
            if (a.active()) {
                typed.put("active", "true");
            }
            for (Advisors.Topic t : a.expertise()) {
                typed.put("topic-" + t, "true");
            }
        }
        return showForm(model, id, typed, null);
    }

    private String showForm(Model model, Long id, Map<String, String> typed, InvalidInputException errors) {
        model.addAttribute("advisorId", id);
        model.addAttribute("topics", Advisors.Topic.values());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "centre/staff-advisor-form";
    }

    @PostMapping({"/new", "/{id}/edit"})
    String save(@AuthenticationPrincipal SignedInUser user, @PathVariable(required = false) Long id, @RequestParam MultiValueMap<String, String> form,
                Model model, RedirectAttributes redirect) {
        requireSecretariat(user);
        List<String> topics = form.getOrDefault("expertise", List.of());
        Map<String, String> p = new java.util.HashMap<>(form.toSingleValueMap());
        topics.forEach(t -> p.put("topic-" + t, "true"));
        try {
            advisors.saveAdvisor(user, id, parseLong(p.get("version"), 0), p.get("name"), p.get("affiliation"), topics, p.get("profile"),
                    id == null || p.containsKey("active"));
        } catch (InvalidInputException e) {
            return showForm(model, id, p, e);
        }
        redirect.addFlashAttribute("notice", "notice.advisor.saved");
        return "redirect:/staff/centre/advisors";
    }

    @GetMapping("/requests/{id}")
    String request(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
        requireSecretariat(user);
        return showRequest(id, model, Map.of(), null);
    }

    private String showRequest(long id, Model model, Map<String, String> typed, InvalidInputException errors) {
        Advisors.Request r = advisors.request(id).orElseThrow(Advisors::notFound);
        model.addAttribute("r", r);
        model.addAttribute("suggestions", advisors.suggestions(r));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "centre/staff-advisor-request";
    }

    @PostMapping("/requests/{id}/{action}")
    String act(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable String action, @RequestParam Map<String, String> p,
               Model model, RedirectAttributes redirect) {
        requireSecretariat(user);
        long version = parseLong(p.get("version"), -1);
        try {
            switch (action) {
                case "assign" -> advisors.assign(id, user, version, p.get("advisorId"), p.get("scheduledOn"), p.get("scheduledTime"), p.get("place"));
                case "decline" -> advisors.decline(id, user, version, p.get("reason"));
                case "record" -> advisors.record(id, user, version, p.get("advice"), p.get("followUp"));
                default -> throw Advisors.notFound();
            }
        } catch (InvalidInputException e) {
            return showRequest(id, model, p, e);
        }
        redirect.addFlashAttribute("notice", "notice.advisor." + action);
        return "redirect:/staff/centre/advisors/requests/" + id;
    }

    private static long parseLong(String raw, long fallback) {
        try {
            return raw == null || raw.isBlank() ? fallback : Long.parseLong(raw);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
