package jp.kyodo.volunteering;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A group's opportunities for its managers: posting, publishing and closing, the applications with the decisions and
 * messages, and confirming attendance and hours after each shift.
 */
@Controller
@RequestMapping("/my/volunteering/opportunities")
class MyOpportunityController {

    private final Opportunities opportunities;
    private final Groups groups;

    MyOpportunityController(Opportunities opportunities, Groups groups) {
        this.opportunities = opportunities;
        this.groups = groups;
    }

    @GetMapping
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("opportunities", opportunities.managedList(user.accountId()));
        model.addAttribute("postingGroups", opportunities.postingGroups(user.accountId()));
        return "volunteering/my-opportunities";
    }

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal SignedInUser user, Model model) {
        return showForm(user, model, Map.of(), List.of(), null);
    }

    private String showForm(SignedInUser user, Model model, Map<String, String> typed, List<String> typedFields, InvalidInputException errors) {
        model.addAttribute("postingGroups", opportunities.postingGroups(user.accountId()));
        model.addAttribute("fields", groups.fields().stream().filter(c -> c.active()).toList());
        model.addAttribute("areas", groups.areas().stream().filter(c -> c.active()).toList());
        model.addAttribute("shiftRows", java.util.stream.IntStream.rangeClosed(1, Opportunities.SHIFT_ROWS).boxed().toList());
        model.addAttribute("typed", typed);
        model.addAttribute("typedFields", typedFields);
        model.addAttribute("errors", errors);
        return "volunteering/my-opportunity-form";
    }

    @PostMapping("/new")
    String create(@AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> params,
                  @RequestParam(name = "fields", required = false) List<String> fields, Model model, RedirectAttributes redirect) {
        try {
            long id = opportunities.create(user, params, fields);
            redirect.addFlashAttribute("notice", "notice.vol.saved");
            return "redirect:/my/volunteering/opportunities/" + id;
        } catch (InvalidInputException e) {
            return showForm(user, model, params, fields == null ? List.of() : fields, e);
        }
    }

    @GetMapping("/{id}")
    String opportunity(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
        return show(user, id, model, Map.of(), null, null);
    }

    private String show(SignedInUser user, long id, Model model, Map<String, String> typed, InvalidInputException errors, Long errorShift) {
        Opportunities.Opportunity o = opportunities.managed(id, user.accountId());
        model.addAttribute("o", o);
        Map<Long, List<Opportunities.Application>> byShift = new java.util.LinkedHashMap<>();
        o.shifts().forEach(s -> byShift.put(s.id(), new java.util.ArrayList<>()));
        opportunities.applications(id).forEach(a -> byShift.get(a.shiftId()).add(a));
        model.addAttribute("byShift", byShift);
        model.addAttribute("ended", o.shifts().stream().filter(opportunities::ended).map(Opportunities.Shift::id).toList());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("errorShift", errorShift);
        return "volunteering/my-opportunity";
    }

    @PostMapping("/{id}/publish")
    String publish(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam(defaultValue = "-1") long version, Model model,
                   RedirectAttributes redirect) {
        try {
            opportunities.publish(id, user, version);
        } catch (InvalidInputException e) {
            return show(user, id, model, Map.of(), e, null);
        }
        redirect.addFlashAttribute("notice", "notice.vol.published");
        return "redirect:/my/volunteering/opportunities/" + id;
    }

    @PostMapping("/{id}/close")
    String close(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam(defaultValue = "-1") long version, Model model,
                 RedirectAttributes redirect) {
        try {
            opportunities.close(id, user, version);
        } catch (InvalidInputException e) {
            return show(user, id, model, Map.of(), e, null);
        }
        redirect.addFlashAttribute("notice", "notice.vol.closed");
        return "redirect:/my/volunteering/opportunities/" + id;
    }

    @PostMapping("/{id}/shifts/{shiftId}/hours")
    String hours(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long shiftId,
                 @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        try {
            opportunities.confirmHours(id, shiftId, user, params);
        } catch (InvalidInputException e) {
            return show(user, id, model, params, e, shiftId);
        }
        redirect.addFlashAttribute("notice", "notice.vol.hoursConfirmed");
        return "redirect:/my/volunteering/opportunities/" + id;
    }

    @GetMapping("/{id}/applications/{applicationId}")
    String application(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long applicationId, Model model) {
        return showApplication(user, id, applicationId, model, Map.of(), null);
    }

    private String showApplication(SignedInUser user, long id, long applicationId, Model model, Map<String, String> typed,
                                   InvalidInputException errors) {
        model.addAttribute("e", opportunities.managedApplication(id, applicationId, user.accountId()));
        model.addAttribute("thread", opportunities.thread(applicationId));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "volunteering/my-opportunity-application";
    }

    @PostMapping("/{id}/applications/{applicationId}/decide")
    String decide(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long applicationId,
                  @RequestParam(defaultValue = "") String decision, Model model, RedirectAttributes redirect) {
        Opportunities.Decision d;
        try {
            d = Opportunities.Decision.valueOf(decision);
        } catch (IllegalArgumentException e) {
            throw Opportunities.notFound();
        }
        try {
            opportunities.decide(id, applicationId, user, d);
        } catch (InvalidInputException e) {
            return showApplication(user, id, applicationId, model, Map.of(), e);
        }
        redirect.addFlashAttribute("notice", "notice.vol.decided." + d.name());
        return "redirect:/my/volunteering/opportunities/" + id + "/applications/" + applicationId;
    }

    @PostMapping("/{id}/applications/{applicationId}/messages")
    String message(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long applicationId,
                   @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        try {
            opportunities.messageFromGroup(id, applicationId, user, params.get("body"));
        } catch (InvalidInputException e) {
            return showApplication(user, id, applicationId, model, params, e);
        }
        redirect.addFlashAttribute("notice", "notice.vol.messageSent");
        return "redirect:/my/volunteering/opportunities/" + id + "/applications/" + applicationId + "#thread";
    }
}
