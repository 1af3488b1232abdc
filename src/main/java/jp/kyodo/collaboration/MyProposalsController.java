package jp.kyodo.collaboration;

import java.io.IOException;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.groups.Groups;
import jp.kyodo.shared.CollaborationForm;
import jp.kyodo.shared.Downloads;
import jp.kyodo.shared.FormErrors;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A group's people write, consult about, submit and withdraw their proposals. */
@Controller
@RequestMapping("/my/proposals")
class MyProposalsController {

    private final ProposalWork work;
    private final Consultations consultations;
    private final CallManagement callManagement;
    private final Groups groups;
    private final CollaborationSettings settings;

    MyProposalsController(ProposalWork work, Consultations consultations, CallManagement callManagement, Groups groups,
                          CollaborationSettings settings) {
        this.work = work;
        this.consultations = consultations;
        this.callManagement = callManagement;
        this.groups = groups;
        this.settings = settings;
    }

    @ModelAttribute("collaborationForms")
    CollaborationForm[] collaborationForms() {
        return CollaborationForm.values();
    }

    @GetMapping
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("proposals", work.mine(user.accountId()));
        model.addAttribute("calls", callManagement.published().stream().filter(CallView::accepting).toList());
        return "collaboration/my-list";
    }

    @GetMapping("/new")
    String newForm(@AuthenticationPrincipal SignedInUser user, @RequestParam long call, Model model) {
        return showNew(user, call, null, null, model);
    }

    @PostMapping("/new")
    String start(@AuthenticationPrincipal SignedInUser user, @RequestParam long call, @RequestParam(required = false) String groupId,
                 @RequestParam(required = false) String title, Model model) {
        try {
            long id = work.start(user, call, groupId, title);
            return "redirect:/my/proposals/" + id + "/step/1";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e);
            return showNew(user, call, groupId, title, model);
        }
    }

    private String showNew(SignedInUser user, long callId, String groupId, String title, Model model) {
        model.addAttribute("call", callManagement.publicView(callId));
        model.addAttribute("groups", groups.managedBy(user.accountId()));
        model.addAttribute("groupId", groupId);
        model.addAttribute("title", title);
        return "collaboration/new";
    }

    @GetMapping("/{id}")
    String status(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
        ProposalView proposal = work.forGroup(id, user.accountId());
        model.addAttribute("proposal", proposal);
        model.addAttribute("consultation", consultations.forGroup(id, user.accountId()).orElse(null));
        model.addAttribute("consultationRequired", settings.consultationRequired());
        model.addAttribute("maxAttachments", settings.maxAttachments());
        model.addAttribute("maxSize", settings.maxAttachmentSize().toMegabytes());
        return "collaboration/my-proposal";
    }

    @GetMapping("/{id}/step/{step}")
    String step(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable int step, Model model) {
        ProposalView proposal = work.forGroup(id, user.accountId());
        if (!proposal.status().editable()) {
            return "redirect:/my/proposals/" + id;
        }
        return showStep(model, proposal, work.form(id, user.accountId()), clamp(step));
    }

    @PostMapping("/{id}/step/{step}")
    String save(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable int step,
                @ModelAttribute("form") ProposalForm form, BindingResult result, @RequestParam(required = false) String addRows,
                Model model, RedirectAttributes redirect) {
        int current = clamp(step);
        try {
            switch (current) {
                case 1 -> work.saveOutline(id, user, form);
                case 2 -> work.saveRoles(id, user, form);
                case 3 -> work.saveBudget(id, user, form);
                default -> work.saveTargets(id, user, form);
            }
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            ProposalView proposal = work.forGroup(id, user.accountId());
            if (e.concerns("version")) {
                form.setVersion(proposal.version());
            }
            return showStep(model, proposal, form, current);
        }
        redirect.addFlashAttribute("notice", "notice.proposal.draftSaved");
        if (addRows != null) {
            // "Add rows" saves the table and shows it again with fresh blank rows under it.
            return "redirect:/my/proposals/" + id + "/step/" + current;
        }
        return current >= 4 ? "redirect:/my/proposals/" + id : "redirect:/my/proposals/" + id + "/step/" + (current + 1);
    }

    private String showStep(Model model, ProposalView proposal, ProposalForm form, int step) {
        model.addAttribute("proposal", proposal);
        model.addAttribute("form", form);
        model.addAttribute("step", step);
        return "collaboration/step-" + step;
    }

    private static int clamp(int step) {
        return Math.max(1, Math.min(4, step));
    }

    @PostMapping("/{id}/attachments")
    String attach(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam(required = false) MultipartFile file,
                  RedirectAttributes redirect) throws IOException {
        try {
            work.attach(id, user, file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
            redirect.addFlashAttribute("notice", "notice.proposal.attached");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("fileError", e.problems().getFirst().messageKey());
            redirect.addFlashAttribute("fileErrorArgs", e.problems().getFirst().arguments());
        }
        return "redirect:/my/proposals/" + id + "#attachments";
    }

    @PostMapping("/{id}/attachments/{fileId}/delete")
    String detach(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long fileId, RedirectAttributes redirect) {
        try {
            work.detach(id, user, fileId);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.problems().getFirst().messageKey());
        }
        return "redirect:/my/proposals/" + id + "#attachments";
    }

    @GetMapping("/{id}/attachments/{fileId}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long fileId) {
        work.forGroup(id, user.accountId());
        Attachments.Stored f = work.attachment(id, fileId).orElseThrow(CallManagement::notFound);
        return Downloads.attachment(f.filename(), f.contentType(), f.content());
    }

    /** Opens the consultation (the first message) or adds a message to it. */
    @PostMapping("/{id}/consultation")
    String consult(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam(required = false) String body,
                   @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) throws IOException {
        try {
            byte[] content = file == null || file.isEmpty() ? null : file.getBytes();
            String name = file == null ? null : file.getOriginalFilename();
            if (consultations.forGroup(id, user.accountId()).isEmpty()) {
                consultations.open(id, user, body, name, content);
            } else {
                consultations.post(id, user, Consultations.Side.GROUP, null, body, name, content);
            }
        } catch (InvalidInputException e) {
            model.addAttribute("messageError", e.problems().getFirst().messageKey());
            model.addAttribute("messageErrorArgs", e.problems().getFirst().arguments());
            model.addAttribute("typedMessage", body);
            return status(user, id, model);
        }
        redirect.addFlashAttribute("notice", "notice.consultation.sent");
        return "redirect:/my/proposals/" + id + "#consultation";
    }

    @GetMapping("/{id}/consultation/{messageId}/files/{fileId}")
    ResponseEntity<byte[]> consultationFile(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long messageId,
                                            @PathVariable long fileId) {
        work.forGroup(id, user.accountId());
        Attachments.Stored f = consultations.file(id, messageId, fileId).orElseThrow(CallManagement::notFound);
        return Downloads.attachment(f.filename(), f.contentType(), f.content());
    }

    @PostMapping("/{id}/submit")
    String submit(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam long version, Model model,
                  RedirectAttributes redirect) {
        try {
            work.submit(id, user, version);
        } catch (InvalidInputException e) {
            model.addAttribute("submitErrors", e.problems());
            return status(user, id, model);
        }
        redirect.addFlashAttribute("notice", "notice.proposal.submitted");
        return "redirect:/my/proposals/" + id;
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam long version,
                    RedirectAttributes redirect) {
        try {
            work.withdraw(id, user, version);
            redirect.addFlashAttribute("notice", "notice.proposal.withdrawn");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.problems().getFirst().messageKey());
        }
        return "redirect:/my/proposals/" + id;
    }
}
