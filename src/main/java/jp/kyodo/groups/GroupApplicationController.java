package jp.kyodo.groups;

import java.io.IOException;
import java.util.List;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.shared.FormErrors;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

/** A group's people apply for registration, step by step, with a draft saved at every step. */
@Controller
@RequestMapping("/my/groups")
class GroupApplicationController {

    static final int STEPS = 5;

    private final GroupRegistry registry;
    private final GroupChanges changes;
    private final ReferenceData reference;
    private final RegistrySettings settings;
    private final GroupConsents consents;

    GroupApplicationController(GroupRegistry registry, GroupChanges changes, ReferenceData reference, RegistrySettings settings,
                               GroupConsents consents) {
        this.consents = consents;
        this.registry = registry;
        this.changes = changes;
        this.reference = reference;
        this.settings = settings;
    }

    @ModelAttribute("groupTypes")
    GroupType[] groupTypes() {
        return GroupType.values();
    }

    @ModelAttribute("documentKinds")
    DocumentKind[] documentKinds() {
        return DocumentKind.values();
    }

    @GetMapping
    String mine(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("groups", registry.myGroups(user.accountId()));
        return "groups/my-list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("form", new ApplicationForm());
        model.addAttribute("minMembers", settings.minMembers());
        return "groups/new";
    }

    @PostMapping("/new")
    String start(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("form") ApplicationForm form, BindingResult result,
                 Model model) {
        try {
            long id = registry.start(user, form.getType(), form.getName(), form.getNameKana());
            return "redirect:/my/groups/" + id + "/apply/1";
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            model.addAttribute("minMembers", settings.minMembers());
            return "groups/new";
        }
    }

    @GetMapping("/{id}")
    String status(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, Model model) {
        model.addAttribute("group", registry.forManager(id, user.accountId()));
        model.addAttribute("history", registry.history(id));
        model.addAttribute("documents", registry.documents(id));
        return "groups/status";
    }

    @GetMapping("/{id}/apply/{step}")
    String step(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable int step, Model model) {
        GroupView group = registry.forManager(id, user.accountId());
        if (!group.status().editable()) {
            return "redirect:/my/groups/" + id;
        }
        return show(model, group, ApplicationForm.of(group), clamp(step));
    }

    @PostMapping("/{id}/apply/{step}")
    String save(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable int step,
                @ModelAttribute("form") ApplicationForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        int current = clamp(step);
        try {
            switch (current) {
                case 1 -> registry.saveBasics(id, user, form.getVersion(), form.getType(), form.getName(), form.getNameKana(),
                        form.getFoundedOn(), form.getMembersCount(), form.getMembershipFee(), form.getAreaCode());
                case 2 -> registry.saveActivities(id, user, form.getVersion(), form.getFieldCodes(), form.getPurpose(),
                        form.getActivities(), form.getWebsite(), form.getSocialLinks(), form.getMeetingPlace(),
                        form.getMeetingTimes(), form.isWelcomesMembers(), form.isWelcomesVolunteers());
                case 3 -> registry.savePeople(id, user, form.getVersion(), form.getRep().input(), form.getContact().input());
                case 4 -> registry.documentsDone(id, user, form.getVersion());
                default -> {
                    registry.submit(id, user, form.getVersion(), form.isDeclaresActiveInCity(), form.isDeclaresNoPolitical(),
                            form.isDeclaresNoReligious(), form.isDeclaresNoAntisocial());
                    redirect.addFlashAttribute("notice", "notice.group.submitted");
                    return "redirect:/my/groups/" + id;
                }
            }
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            GroupView group = registry.forManager(id, user.accountId());
            if (e.concerns("version")) {
                form.setVersion(group.version());
            }
            return show(model, group, form, current);
        }
        redirect.addFlashAttribute("notice", "notice.group.draftSaved");
        return "redirect:/my/groups/" + id + "/apply/" + (current + 1);
    }

    @PostMapping("/{id}/documents")
    String upload(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam(required = false) String kind,
                  @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) throws IOException {
        try {
            registry.upload(id, user, kind, file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
        } catch (InvalidInputException e) {
            GroupView group = registry.forManager(id, user.accountId());
            ApplicationForm form = ApplicationForm.of(group);
            model.addAttribute("uploadError", e.problems().getFirst());
            model.addAttribute("uploadKind", kind);
            return show(model, group, form, 4);
        }
        redirect.addFlashAttribute("notice", "notice.group.documentUploaded");
        return "redirect:/my/groups/" + id + "/apply/4";
    }

    @PostMapping("/{id}/documents/{documentId}/delete")
    String deleteDocument(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long documentId,
                          RedirectAttributes redirect) {
        try {
            registry.removeDocument(id, user, documentId);
        } catch (InvalidInputException e) {
            // The application is under review or decided: its documents stay, and the person is told why.
            redirect.addFlashAttribute("notice", e.problems().getFirst().messageKey());
            return "redirect:/my/groups/" + id;
        }
        redirect.addFlashAttribute("notice", "notice.group.documentDeleted");
        return "redirect:/my/groups/" + id + "/apply/4";
    }

    @GetMapping("/{id}/change/{part}")
    String changeForm(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable int part, Model model) {
        GroupView group = registry.forManager(id, user.accountId());
        if (group.status() != GroupStatus.REGISTERED) {
            return "redirect:/my/groups/" + id;
        }
        return showChange(model, group, ApplicationForm.of(group), part);
    }

    @PostMapping("/{id}/change/{part}")
    String change(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable int part,
                  @ModelAttribute("form") ApplicationForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        int checkedPart = Math.max(1, Math.min(3, part));
        try {
            boolean applied = changes.submit(id, user, checkedPart, form.getVersion(), form);
            redirect.addFlashAttribute("notice", applied ? "notice.group.changeApplied" : "notice.group.changeSubmitted");
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
            GroupView group = registry.forManager(id, user.accountId());
            if (e.concerns("version")) {
                form.setVersion(group.version());
            }
            return showChange(model, group, form, checkedPart);
        }
        return "redirect:/my/groups/" + id;
    }

    private String showChange(Model model, GroupView group, ApplicationForm form, int part) {
        String view = show(model, group, form, Math.max(1, Math.min(3, part)));
        model.addAttribute("mode", "change");
        model.addAttribute("formAction", "/my/groups/" + group.id() + "/change/" + Math.max(1, Math.min(3, part)));
        return view;
    }

    @PostMapping("/{id}/renew")
    String renew(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam long version,
                 RedirectAttributes redirect) {
        try {
            registry.requestRenewal(id, user, version);
            redirect.addFlashAttribute("notice", "notice.group.renewalRequested");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", e.problems().getFirst().messageKey());
        }
        return "redirect:/my/groups/" + id;
    }

    /** Mails a fresh consent link to each person whose agreement is still awaited. */
    @PostMapping("/{id}/consent/resend")
    String resendConsent(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes redirect) {
        registry.forManager(id, user.accountId());
        int sent = consents.resend(id, user);
        redirect.addFlashAttribute("notice", sent > 0 ? "notice.group.consentResent" : "notice.group.consentNotResent");
        return "redirect:/my/groups/" + id;
    }

    @PostMapping("/{id}/dissolve")
    String dissolve(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestParam long version,
                    @RequestParam(required = false) String message, Model model, RedirectAttributes redirect) {
        try {
            registry.dissolve(id, user, version, message);
        } catch (InvalidInputException e) {
            model.addAttribute("dissolveError", e.problems().getFirst().messageKey());
            model.addAttribute("dissolveMessage", message);
            return status(user, id, model);
        }
        redirect.addFlashAttribute("notice", "notice.group.dissolved");
        return "redirect:/my/groups/" + id;
    }

    @GetMapping("/{id}/certificate.pdf")
    ResponseEntity<byte[]> certificate(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, java.util.Locale locale) {
        GroupView group = registry.forManager(id, user.accountId());
        return pdf(registry.certificate(group, locale), group);
    }

    static ResponseEntity<byte[]> pdf(byte[] content, GroupView group) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("registration-" + group.registrationNumber() + ".pdf").build().toString())
                .body(content);
    }

    @GetMapping("/{id}/documents/{documentId}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable long documentId) {
        registry.forManager(id, user.accountId());
        return file(registry.document(id, documentId).orElseThrow(GroupRegistry::notFound));
    }

    static ResponseEntity<byte[]> file(GroupDocuments.Stored stored) {
        return jp.kyodo.shared.Downloads.attachment(stored.filename(), stored.contentType(), stored.content());
    }

    private String show(Model model, GroupView group, ApplicationForm form, int step) {
        model.addAttribute("group", group);
        model.addAttribute("form", form);
        model.addAttribute("step", step);
        model.addAttribute("steps", STEPS);
        model.addAttribute("fields", reference.fields());
        model.addAttribute("areas", reference.areas());
        List<GroupDocuments.Info> documents = registry.documents(group.id());
        model.addAttribute("documents", documents);
        model.addAttribute("presentKinds", documents.stream().map(GroupDocuments.Info::kind).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("minMembers", settings.minMembers());
        model.addAttribute("maxDocumentMb", settings.maxDocumentSize().toMegabytes());
        model.addAttribute("mode", "apply");
        model.addAttribute("formAction", "/my/groups/" + group.id() + "/apply/" + step);
        return "groups/apply-" + step;
    }

    private static int clamp(int step) {
        return Math.max(1, Math.min(STEPS, step));
    }

    static List<Integer> stepNumbers() {
        return List.of(1, 2, 3, 4, 5);
    }
}
