package jp.kyodo.collaboration;

import java.io.IOException;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.accounts.Role;
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

/**
 * The city's side: a department prepares and publishes its themes, finds partners and answers consultations;
 * the secretariat also runs the yearly call and routes consultations.
 */
@Controller
@RequestMapping("/staff/collaboration")
class CityCollaborationController {

    private final CallManagement calls;
    private final PartnerFinding partners;
    private final ProposalWork work;
    private final Consultations consultations;
    private final Groups groups;
    private final Accounts accounts;
    private final CallRepository callRepository;

    CityCollaborationController(CallManagement calls, PartnerFinding partners, ProposalWork work, Consultations consultations,
                                Groups groups, Accounts accounts, CallRepository callRepository) {
        this.calls = calls;
        this.partners = partners;
        this.work = work;
        this.consultations = consultations;
        this.groups = groups;
        this.accounts = accounts;
        this.callRepository = callRepository;
    }

    static CallManagement.Editor editor(SignedInUser user) {
        return new CallManagement.Editor(user, user.departmentId(), user.has(Role.ADMIN));
    }

    @ModelAttribute("collaborationForms")
    CollaborationForm[] collaborationForms() {
        return CollaborationForm.values();
    }

    @GetMapping
    String home(@AuthenticationPrincipal SignedInUser user, Model model) {
        CallManagement.Editor editor = editor(user);
        model.addAttribute("calls", calls.manageable(editor));
        model.addAttribute("consultations", consultations.forCity(editor));
        model.addAttribute("administrator", editor.administrator());
        return "collaboration/staff-home";
    }

    @GetMapping("/calls/new")
    String newCall(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "CITY") CallOrigin origin, Model model) {
        CallForm form = new CallForm();
        form.setFiscalYear(String.valueOf(jp.kyodo.shared.FiscalYear.of(calls.today()).next().startYear()));
        return showForm(model, origin, null, form);
    }

    @PostMapping("/calls/new")
    String create(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "CITY") CallOrigin origin,
                  @ModelAttribute("form") CallForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        try {
            long id = calls.create(editor(user), origin, form);
            redirect.addFlashAttribute("notice", "notice.call.saved");
            return "redirect:/staff/collaboration/calls/" + id;
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            return showForm(model, origin, null, form);
        }
    }

    @GetMapping("/calls/{id}")
    String call(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
        CallView call = calls.forEditor(editor(user), id);
        return showCall(model, call, CallForm.of(call));
    }

    @PostMapping("/calls/{id}")
    String edit(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @ModelAttribute("form") CallForm form,
                BindingResult result, Model model, RedirectAttributes redirect) {
        try {
            calls.edit(editor(user), id, form);
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            CallView call = calls.forEditor(editor(user), id);
            if (e.concerns("version")) {
                form.setVersion(call.version());
            }
            return showCall(model, call, form);
        }
        redirect.addFlashAttribute("notice", "notice.call.saved");
        return "redirect:/staff/collaboration/calls/" + id;
    }

    @PostMapping("/calls/{id}/publish")
    String publish(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
        try {
            calls.publish(editor(user), id, version);
            redirect.addFlashAttribute("notice", "notice.call.published");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.problems().getFirst().messageKey());
        }
        return "redirect:/staff/collaboration/calls/" + id;
    }

    @PostMapping("/calls/{id}/close")
    String close(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam long version, RedirectAttributes redirect) {
        try {
            calls.close(editor(user), id, version);
            redirect.addFlashAttribute("notice", "notice.call.closed");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.problems().getFirst().messageKey());
        }
        return "redirect:/staff/collaboration/calls/" + id;
    }

    /** Invites a group found by partner finding to propose on the theme. */
    @PostMapping("/calls/{id}/invite")
    String invite(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam long groupId, RedirectAttributes redirect) {
        CallManagement.Editor editor = editor(user);
        Call call = calls.editable(editor, id);
        try {
            boolean sent = partners.invite(editor, call, groupId);
            redirect.addFlashAttribute("notice", sent ? "notice.call.invited" : "notice.call.alreadyInvited");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.problems().getFirst().messageKey());
        }
        return "redirect:/staff/collaboration/calls/" + id + "#partners";
    }

    @GetMapping("/proposals/{id}")
    String proposal(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
        CallManagement.Editor editor = editor(user);
        ProposalView proposal = work.forCity(id, editor);
        model.addAttribute("proposal", proposal);
        model.addAttribute("consultation", consultations.ofProposal(id).orElse(null));
        model.addAttribute("answers", consultations.answers(id, editor));
        model.addAttribute("administrator", editor.administrator());
        model.addAttribute("departments", accounts.activeDepartments());
        return "collaboration/staff-proposal";
    }

    @PostMapping("/proposals/{id}/consultation")
    String answer(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam(required = false) String body,
                  @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) throws IOException {
        try {
            consultations.post(id, user, Consultations.Side.CITY, editor(user), body, file == null ? null : file.getOriginalFilename(),
                    file == null || file.isEmpty() ? null : file.getBytes());
        } catch (InvalidInputException e) {
            model.addAttribute("messageError", e.problems().getFirst().messageKey());
            model.addAttribute("messageErrorArgs", e.problems().getFirst().arguments());
            model.addAttribute("typedMessage", body);
            return proposal(user, id, model);
        }
        redirect.addFlashAttribute("notice", "notice.consultation.sent");
        return "redirect:/staff/collaboration/proposals/" + id + "#consultation";
    }

    @PostMapping("/proposals/{id}/route")
    String route(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam long departmentId, RedirectAttributes redirect) {
        try {
            consultations.route(id, editor(user), departmentId);
            redirect.addFlashAttribute("notice", "notice.consultation.routed");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.problems().getFirst().messageKey());
        }
        return "redirect:/staff/collaboration/proposals/" + id;
    }

    @GetMapping("/proposals/{id}/attachments/{fileId}")
    ResponseEntity<byte[]> attachment(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long fileId) {
        work.forCity(id, editor(user));
        Attachments.Stored f = work.attachment(id, fileId).orElseThrow(CallManagement::notFound);
        return Downloads.attachment(f.filename(), f.contentType(), f.content());
    }

    @GetMapping("/proposals/{id}/consultation/{messageId}/files/{fileId}")
    ResponseEntity<byte[]> consultationFile(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long messageId,
                                            @PathVariable long fileId) {
        work.forCity(id, editor(user));
        Attachments.Stored f = consultations.file(id, messageId, fileId).orElseThrow(CallManagement::notFound);
        return Downloads.attachment(f.filename(), f.contentType(), f.content());
    }

    private String showForm(Model model, CallOrigin origin, CallView call, CallForm form) {
        model.addAttribute("origin", origin);
        model.addAttribute("call", call);
        model.addAttribute("form", form);
        model.addAttribute("fields", groups.fields());
        model.addAttribute("areas", groups.areas());
        return "collaboration/staff-call-form";
    }

    private String showCall(Model model, CallView call, CallForm form) {
        showForm(model, call.origin(), call, form);
        model.addAttribute("proposals", work.forCall(call.id()));
        model.addAttribute("matches", call.theme() && call.status() == CallStatus.PUBLISHED ? partners.rank(call) : java.util.List.of());
        return "collaboration/staff-call";
    }
}
