package jp.kyodo.groups;

import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The secretariat's review queue: approve, return for correction, or refuse. */
@Controller
@RequestMapping("/staff/groups")
class GroupReviewController {

    private final GroupRegistry registry;
    private final GroupChanges changes;
    private final GroupConsents consents;

    GroupReviewController(GroupRegistry registry, GroupChanges changes, GroupConsents consents) {
        this.registry = registry;
        this.changes = changes;
        this.consents = consents;
    }

    /** The registry holds applicants' personal data and documents: only the secretariat (and administrators) keep it. */
    @ModelAttribute
    void requireSecretariat(@AuthenticationPrincipal SignedInUser user) {
        if (!registry.keepsRegistry(user)) {
            throw GroupRegistry.notFound();
        }
    }

    @GetMapping
    String list(@RequestParam(required = false) GroupStatus status,
                @RequestParam(name = "renewal", required = false, defaultValue = "false") boolean renewalPending, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("renewalPending", renewalPending);
        model.addAttribute("statuses", GroupStatus.values());
        model.addAttribute("groups", renewalPending
                ? registry.forStaff(GroupStatus.REGISTERED).stream().filter(g -> g.renewalRequestedAt() != null).toList()
                : registry.forStaff(status));
        return "groups/staff-list";
    }

    @GetMapping("/statistics")
    String statistics(Model model) {
        model.addAttribute("stats", registry.statistics());
        model.addAttribute("groupTypes", GroupType.values());
        return "groups/staff-statistics";
    }

    @jp.kyodo.shared.AsksPasswordAgain
    @PostMapping("/{id}/renewal")
    String acceptRenewal(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal SignedInUser staff,
                         Model model, RedirectAttributes redirect) {
        try {
            registry.acceptRenewal(id, staff, version);
        } catch (InvalidInputException e) {
            return show(id, model, e.problems().getFirst().messageKey(), null);
        }
        redirect.addFlashAttribute("notice", "notice.group.renewed");
        return "redirect:/staff/groups/" + id;
    }

    @jp.kyodo.shared.AsksPasswordAgain
    @PostMapping("/{id}/renewal/refuse")
    String refuseRenewal(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String message,
                         @AuthenticationPrincipal SignedInUser staff, Model model, RedirectAttributes redirect) {
        try {
            registry.refuseRenewal(id, staff, version, message);
        } catch (InvalidInputException e) {
            return show(id, model, e.problems().getFirst().messageKey(), new Decision("renewal", message));
        }
        redirect.addFlashAttribute("notice", "notice.group.renewalRefused");
        return "redirect:/staff/groups/" + id;
    }

    /** Consent given or withdrawn on paper or by telephone, recorded by the secretariat. */
    @PostMapping("/{id}/consent")
    String recordConsent(@PathVariable long id, @RequestParam long version, @RequestParam String role,
                         @RequestParam(defaultValue = "false") boolean address, @RequestParam(defaultValue = "false") boolean phone,
                         @RequestParam(defaultValue = "false") boolean email, @AuthenticationPrincipal SignedInUser staff,
                         Model model, RedirectAttributes redirect) {
        try {
            consents.record(id, staff, version, role, address, phone, email);
        } catch (InvalidInputException e) {
            return show(id, model, e.problems().getFirst().messageKey(), null);
        }
        redirect.addFlashAttribute("notice", "notice.group.consentRecorded");
        return "redirect:/staff/groups/" + id;
    }

    @jp.kyodo.shared.AsksPasswordAgain
    @PostMapping("/{id}/changes/{changeId}/accept")
    String acceptChange(@PathVariable long id, @PathVariable long changeId, @AuthenticationPrincipal SignedInUser staff,
                        Model model, RedirectAttributes redirect) {
        try {
            changes.accept(id, changeId, staff);
        } catch (InvalidInputException e) {
            return show(id, model, e.problems().getFirst().messageKey(), null);
        }
        redirect.addFlashAttribute("notice", "notice.group.changeAccepted");
        return "redirect:/staff/groups/" + id;
    }

    @jp.kyodo.shared.AsksPasswordAgain
    @PostMapping("/{id}/changes/{changeId}/reject")
    String rejectChange(@PathVariable long id, @PathVariable long changeId, @RequestParam(required = false) String message,
                        @AuthenticationPrincipal SignedInUser staff, Model model, RedirectAttributes redirect) {
        try {
            changes.reject(id, changeId, staff, message);
        } catch (InvalidInputException e) {
            return show(id, model, e.problems().getFirst().messageKey(), new Decision("change-" + changeId, message));
        }
        redirect.addFlashAttribute("notice", "notice.group.changeRejected");
        return "redirect:/staff/groups/" + id;
    }

    @jp.kyodo.shared.AsksPasswordAgain
    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String message,
                  @AuthenticationPrincipal SignedInUser staff, Model model, RedirectAttributes redirect) {
        try {
            registry.cancel(id, staff, version, message);
        } catch (InvalidInputException e) {
            return show(id, model, e.problems().getFirst().messageKey(), new Decision("cancel", message));
        }
        redirect.addFlashAttribute("notice", "notice.group.cancelled");
        return "redirect:/staff/groups/" + id;
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        return show(id, model, null, null);
    }

    @jp.kyodo.shared.AsksPasswordAgain
    @PostMapping("/{id}/approve")
    String approve(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal SignedInUser staff,
                   Model model, RedirectAttributes redirect) {
        try {
            String number = registry.approve(id, staff, version);
            redirect.addFlashAttribute("notice", "notice.group.approved");
            redirect.addFlashAttribute("registrationNumber", number);
        } catch (InvalidInputException e) {
            return show(id, model, e.problems().getFirst().messageKey(), null);
        }
        return "redirect:/staff/groups/" + id;
    }

    @PostMapping("/{id}/return")
    String returnForCorrection(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String message,
                               @AuthenticationPrincipal SignedInUser staff, Model model, RedirectAttributes redirect) {
        try {
            registry.returnForCorrection(id, staff, version, message);
        } catch (InvalidInputException e) {
            return show(id, model, e.problems().getFirst().messageKey(), new Decision("return", message));
        }
        redirect.addFlashAttribute("notice", "notice.group.returned");
        return "redirect:/staff/groups/" + id;
    }

    @jp.kyodo.shared.AsksPasswordAgain
    @PostMapping("/{id}/refuse")
    String refuse(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String message,
                  @AuthenticationPrincipal SignedInUser staff, Model model, RedirectAttributes redirect) {
        try {
            registry.refuse(id, staff, version, message);
        } catch (InvalidInputException e) {
            return show(id, model, e.problems().getFirst().messageKey(), new Decision("refuse", message));
        }
        redirect.addFlashAttribute("notice", "notice.group.refused");
        return "redirect:/staff/groups/" + id;
    }

    @GetMapping("/{id}/certificate.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable long id, java.util.Locale locale) {
        GroupView group = registry.forStaff(id);
        return GroupApplicationController.pdf(registry.certificate(group, locale), group);
    }

    @GetMapping("/{id}/documents/{documentId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long documentId) {
        return GroupApplicationController.file(registry.document(id, documentId).orElseThrow(GroupRegistry::notFound));
    }

    private String show(long id, Model model, String error, Decision typed) {
        model.addAttribute("group", registry.forStaff(id));
        model.addAttribute("history", registry.history(id));
        model.addAttribute("documents", registry.documents(id));
        model.addAttribute("changes", changes.pending(id));
        model.addAttribute("decisionError", error);
        model.addAttribute("typed", typed == null ? new Decision(null, null) : typed);
        return "groups/staff-detail";
    }

    /** What the staff member typed in a decision form, shown again after an error. */
    record Decision(String kind, String message) {
    }
}
