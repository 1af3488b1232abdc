package jp.kyodo.collaboration;

import java.util.HashMap;
import java.util.Map;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.shared.Downloads;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Committee members (審査委員) read the proposals of their rounds and score them, or declare a conflict of interest. */
@Controller
@RequestMapping("/committee/screenings")
class CommitteeController {

    private final Screenings screenings;
    private final ProposalWork work;
    private final ProposalRepository proposals;

    CommitteeController(Screenings screenings, ProposalWork work, ProposalRepository proposals) {
        this.screenings = screenings;
        this.work = work;
        this.proposals = proposals;
    }

    @GetMapping
    String rounds(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("rounds", screenings.assigned(user.accountId()));
        return "collaboration/committee-rounds";
    }

    @GetMapping("/{id}")
    String round(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
        Screenings.Round round = screenings.forMember(id, user.accountId());
        model.addAttribute("round", round);
        Map<Long, ProposalView> views = new HashMap<>();
        Map<Long, Screenings.SheetStatus> mine = new HashMap<>();
        for (Long p : round.proposalIds()) {
            views.put(p, work.view(proposals.findById(p).orElseThrow()));
            mine.put(p, screenings.sheet(id, p, user.accountId()).status());
        }
        model.addAttribute("proposals", views);
        model.addAttribute("mine", mine);
        return "collaboration/committee-round";
    }

    @GetMapping("/{id}/proposals/{proposalId}")
    String sheet(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long proposalId, Model model) {
        return show(user, id, proposalId, model, null, null);
    }

    private String show(SignedInUser user, long id, long proposalId, Model model, InvalidInputException errors, Typed typed) {
        Screenings.Round round = screenings.forMember(id, user.accountId());
        Screenings.Sheet sheet = screenings.sheet(id, proposalId, user.accountId());
        model.addAttribute("round", round);
        model.addAttribute("sheet", sheet);
        model.addAttribute("proposal", work.view(proposals.findById(proposalId).orElseThrow()));
        model.addAttribute("others", screenings.othersAfterOwn(id, proposalId, user.accountId()));
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed != null ? typed : Typed.of(sheet));
        return "collaboration/committee-sheet";
    }

    /** What the member typed, shown again after an error. */
    record Typed(Map<Long, String> points, Map<Long, String> comments, String comment, long version, String reason) {
        static Typed of(Screenings.Sheet s) {
            Map<Long, String> points = new HashMap<>();
            s.points().forEach((k, v) -> points.put(k, String.valueOf(v)));
            return new Typed(points, new HashMap<>(s.comments()), s.comment(), s.version(), null);
        }
    }

    @PostMapping("/{id}/proposals/{proposalId}/score")
    String score(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long proposalId,
                 @RequestParam Map<String, String> params, @RequestParam long version, @RequestParam(required = false) String submit,
                 Model model, RedirectAttributes redirect) {
        Map<Long, String> points = new HashMap<>();
        Map<Long, String> comments = new HashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("points[") && k.endsWith("]")) {
                points.put(Long.parseLong(k.substring(7, k.length() - 1)), v);
            } else if (k.startsWith("comments[") && k.endsWith("]")) {
                comments.put(Long.parseLong(k.substring(9, k.length() - 1)), v);
            }
        });
        boolean submitting = submit != null;
        try {
            screenings.score(id, proposalId, user, version, points, comments, params.get("comment"), submitting);
        } catch (InvalidInputException e) {
            // After a save from another tab, the page carries the sheet's current version so that saving again works.
            long current = e.concerns("version") ? screenings.sheet(id, proposalId, user.accountId()).version() : version;
            return show(user, id, proposalId, model, e, new Typed(points, comments, params.get("comment"), current, null));
        } catch (NumberFormatException e) {
            throw CallManagement.notFound();
        }
        redirect.addFlashAttribute("notice", submitting ? "notice.screening.submitted" : "notice.screening.draftSaved");
        return "redirect:/committee/screenings/" + id + "/proposals/" + proposalId;
    }

    @PostMapping("/{id}/proposals/{proposalId}/conflict")
    String conflict(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long proposalId,
                    @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        try {
            screenings.declareConflict(id, proposalId, user, reason);
        } catch (InvalidInputException e) {
            Screenings.Sheet sheet = screenings.sheet(id, proposalId, user.accountId());
            Typed typed = Typed.of(sheet);
            return show(user, id, proposalId, model, e, new Typed(typed.points(), typed.comments(), typed.comment(), typed.version(), reason));
        }
        redirect.addFlashAttribute("notice", "notice.screening.conflict");
        return "redirect:/committee/screenings/" + id;
    }

    @GetMapping("/{id}/proposals/{proposalId}/attachments/{fileId}")
    ResponseEntity<byte[]> attachment(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long proposalId,
                                      @PathVariable long fileId) {
        screenings.sheet(id, proposalId, user.accountId());
        Attachments.Stored f = work.attachment(proposalId, fileId).orElseThrow(CallManagement::notFound);
        return Downloads.attachment(f.filename(), f.contentType(), f.content());
    }
}
