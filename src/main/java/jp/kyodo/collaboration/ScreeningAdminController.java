package jp.kyodo.collaboration;

import java.util.ArrayList;
import java.util.List;
import jp.kyodo.accounts.Accounts;
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

/** The secretariat sets up screening rounds, follows them, reads the ranking and records the decisions. */
@Controller
@RequestMapping("/admin/screenings")
class ScreeningAdminController {

    private final Screenings screenings;
    private final Decisions decisions;
    private final CallManagement calls;
    private final Accounts accounts;

    ScreeningAdminController(Screenings screenings, Decisions decisions, CallManagement calls, Accounts accounts) {
        this.screenings = screenings;
        this.decisions = decisions;
        this.calls = calls;
        this.accounts = accounts;
    }

    @GetMapping
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        return showList(user, model, null, null);
    }

    private String showList(SignedInUser user, Model model, InvalidInputException errors, Typed typed) {
        model.addAttribute("rounds", screenings.rounds());
        model.addAttribute("calls", calls.manageable(CityCollaborationController.editor(user)).stream()
                .filter(c -> c.status() != CallStatus.DRAFT).toList());
        model.addAttribute("stages", Screenings.Stage.values());
        model.addAttribute("aggregations", Aggregation.values());
        model.addAttribute("presets", RubricPreset.values());
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed == null ? new Typed(null, "DOCUMENTS", "MEAN", "60", "MOTOSU") : typed);
        return "collaboration/admin-screenings";
    }

    /** What was typed into the new-round form. */
    record Typed(Long callId, String stage, String aggregation, String threshold, String preset) {
    }

    @PostMapping
    String create(@AuthenticationPrincipal SignedInUser user, @RequestParam long callId, @RequestParam(required = false) String stage,
                  @RequestParam(required = false) String aggregation, @RequestParam(required = false) String thresholdPercent,
                  @RequestParam(required = false) String preset, Model model, RedirectAttributes redirect) {
        try {
            long id = screenings.create(user, callId, stage, aggregation, thresholdPercent, preset);
            redirect.addFlashAttribute("notice", "notice.screening.created");
            return "redirect:/admin/screenings/" + id;
        } catch (InvalidInputException e) {
            return showList(user, model, e, new Typed(callId, stage, aggregation, thresholdPercent, preset));
        }
    }

    @GetMapping("/{id}")
    String round(@PathVariable long id, Model model) {
        return show(id, model, null);
    }

    private String show(long id, Model model, InvalidInputException errors) {
        Screenings.Round round = screenings.round(id);
        model.addAttribute("round", round);
        model.addAttribute("committee", accounts.withRole(Role.COMMITTEE));
        model.addAttribute("memberIds", round.members().stream().map(jp.kyodo.accounts.AccountSummary::id).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("aggregations", Aggregation.values());
        model.addAttribute("progress", screenings.progress(round));
        model.addAttribute("ranking", round.status() == Screenings.Status.SETUP ? List.of() : screenings.ranking(round));
        model.addAttribute("errors", errors);
        return "collaboration/admin-screening";
    }

    @PostMapping("/{id}/configure")
    String configure(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam long version,
                     @RequestParam(required = false) String aggregation, @RequestParam(required = false) String thresholdPercent,
                     @RequestParam(name = "name", required = false) List<String> names,
                     @RequestParam(name = "maxPoints", required = false) List<String> maxPoints,
                     @RequestParam(name = "weight", required = false) List<String> weights, Model model, RedirectAttributes redirect) {
        try {
            screenings.configure(user, id, version, aggregation, thresholdPercent, nn(names), nn(maxPoints), nn(weights));
        } catch (InvalidInputException e) {
            return show(id, model, e);
        }
        redirect.addFlashAttribute("notice", "notice.screening.saved");
        return "redirect:/admin/screenings/" + id;
    }

    @PostMapping("/{id}/members")
    String members(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam long version,
                   @RequestParam(name = "member", required = false) List<Long> members, Model model, RedirectAttributes redirect) {
        try {
            screenings.setMembers(user, id, version, members == null ? List.of() : members);
        } catch (InvalidInputException e) {
            return show(id, model, e);
        }
        redirect.addFlashAttribute("notice", "notice.screening.saved");
        return "redirect:/admin/screenings/" + id;
    }

    @PostMapping("/{id}/start")
    String start(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam long version, Model model,
                 RedirectAttributes redirect) {
        try {
            screenings.start(user, id, version);
        } catch (InvalidInputException e) {
            return show(id, model, e);
        }
        redirect.addFlashAttribute("notice", "notice.screening.started");
        return "redirect:/admin/screenings/" + id;
    }

    @PostMapping("/{id}/close")
    String close(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam long version, Model model,
                 RedirectAttributes redirect) {
        try {
            screenings.close(user, id, version);
        } catch (InvalidInputException e) {
            return show(id, model, e);
        }
        redirect.addFlashAttribute("notice", "notice.screening.closed");
        return "redirect:/admin/screenings/" + id;
    }

    @jp.kyodo.shared.AsksPasswordAgain
    @PostMapping("/{id}/proposals/{proposalId}/decision")
    String decide(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long proposalId,
                  @RequestParam long version, @RequestParam(required = false) String decision,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String conditions, Model model,
                  RedirectAttributes redirect) {
        try {
            decisions.decide(id, proposalId, user, version, decision, reason, conditions);
        } catch (InvalidInputException e) {
            model.addAttribute("decisionFor", proposalId);
            model.addAttribute("typedDecision", new TypedDecision(decision, reason, conditions));
            return show(id, model, e);
        }
        redirect.addFlashAttribute("notice", "notice.decision.saved");
        return "redirect:/admin/screenings/" + id + "#ranking";
    }

    /** What was typed into a decision form. */
    record TypedDecision(String decision, String reason, String conditions) {
    }

    private static List<String> nn(List<String> values) {
        return values == null ? new ArrayList<>() : values;
    }
}
