package jp.kyodo.groups;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import jp.kyodo.accounts.SignedInUser;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The secretariat imports the city's existing register: upload a CSV, check the preview, confirm. The file waits in
 * the session between the preview and the confirmation, so it is uploaded once.
 */
@Controller
@RequestMapping("/staff/groups/import")
class GroupImportController {

    private static final String SESSION_PREFIX = "groupImport.";

    private final GroupImport imports;
    private final MessageSource messages;
    private final ReferenceData reference;
    private final GroupRegistry registry;

    GroupImportController(GroupImport imports, MessageSource messages, ReferenceData reference, GroupRegistry registry) {
        this.imports = imports;
        this.messages = messages;
        this.reference = reference;
        this.registry = registry;
    }

    /** The registry holds applicants' personal data and documents: only the secretariat (and administrators) keep it. */
    @ModelAttribute
    void requireSecretariat(@AuthenticationPrincipal SignedInUser user) {
        if (!registry.keepsRegistry(user)) {
            throw GroupRegistry.notFound();
        }
    }

    /** An uploaded file kept in the session until it is imported or replaced. */
    record Upload(String filename, byte[] content) implements Serializable {
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("errors", List.of());
        return "groups/import";
    }

    @PostMapping
    String upload(@RequestParam(required = false) MultipartFile file, HttpSession session, Model model, Locale locale)
            throws IOException {
        if (file == null || file.isEmpty()) {
            return formWithError(model, locale, "groupImport.file.empty");
        }
        if (file.getSize() > GroupImport.MAX_BYTES) {
            return formWithError(model, locale, "groupImport.file.tooLarge", GroupImport.MAX_BYTES / 1024 / 1024);
        }
        byte[] content = file.getBytes();
        GroupImport.Preview preview = imports.preview(content);
        if (!preview.fileProblems().isEmpty()) {
            GroupImport.FileProblem p = preview.fileProblems().getFirst();
            return formWithError(model, locale, p.messageKey(), p.arguments());
        }
        // One pending file per session: a new upload replaces the previous one.
        session.getAttributeNames().asIterator().forEachRemaining(name -> {
            if (name.startsWith(SESSION_PREFIX)) {
                session.removeAttribute(name);
            }
        });
        String token = UUID.randomUUID().toString();
        session.setAttribute(SESSION_PREFIX + token, new Upload(file.getOriginalFilename(), content));
        return "redirect:/staff/groups/import/" + token;
    }

    @GetMapping("/{token}")
    String preview(@PathVariable String token, HttpSession session, Model model, Locale locale, RedirectAttributes redirect) {
        Upload upload = upload(session, token);
        if (upload == null) {
            redirect.addFlashAttribute("notice", "groupImport.expired");
            return "redirect:/staff/groups/import";
        }
        return showPreview(token, upload, imports.preview(upload.content()), model, locale);
    }

    @PostMapping("/{token}")
    String confirm(@PathVariable String token, @AuthenticationPrincipal SignedInUser staff, HttpSession session, Model model,
                   Locale locale, RedirectAttributes redirect) {
        Upload upload = upload(session, token);
        if (upload == null) {
            redirect.addFlashAttribute("notice", "groupImport.expired");
            return "redirect:/staff/groups/import";
        }
        // Taken out before importing, so that a second click on confirm finds nothing to import twice.
        session.removeAttribute(SESSION_PREFIX + token);
        try {
            imports.importAll(upload.content(), staff);
            redirect.addFlashAttribute("notice", "groupImport.done");
            return "redirect:/staff/groups";
        } catch (GroupImport.RefusedException e) {
            session.setAttribute(SESSION_PREFIX + token, upload);
            model.addAttribute("refused", true);
            return showPreview(token, upload, e.preview(), model, locale);
        }
    }

    private static Upload upload(HttpSession session, String token) {
        return session.getAttribute(SESSION_PREFIX + token) instanceof Upload u ? u : null;
    }

    private String showPreview(String token, Upload upload, GroupImport.Preview preview, Model model, Locale locale) {
        Map<Integer, List<String>> rowErrors = new LinkedHashMap<>();
        List<String> allErrors = new ArrayList<>();
        for (GroupImport.FileProblem p : preview.fileProblems()) {
            allErrors.add(messages.getMessage(p.messageKey(), p.arguments(), locale));
        }
        for (GroupImport.Row row : preview.rows()) {
            List<String> texts = new ArrayList<>();
            for (GroupImport.Problem p : row.problems()) {
                String text = rowError(row.line(), p, locale);
                texts.add(text);
                allErrors.add(text);
            }
            rowErrors.put(row.line(), texts);
        }
        model.addAttribute("token", token);
        model.addAttribute("filename", upload.filename());
        model.addAttribute("preview", preview);
        model.addAttribute("rowErrors", rowErrors);
        model.addAttribute("allErrors", allErrors);
        model.addAttribute("areas", reference.areasByCode());
        model.addAttribute("fields", reference.fieldsByCode());
        return "groups/import-preview";
    }

    /** E.g. 「3行目: 会員数は数字で入力してください。」 */
    private String rowError(int line, GroupImport.Problem p, Locale locale) {
        String column = messages.getMessage("groupImport.column." + p.column().name(), null, p.column().header, locale);
        Object[] args = new Object[p.arguments().length + 1];
        args[0] = column;
        System.arraycopy(p.arguments(), 0, args, 1, p.arguments().length);
        return messages.getMessage("groupImport.rowError", new Object[] {line, messages.getMessage(p.messageKey(), args, locale)},
                locale);
    }

    private String formWithError(Model model, Locale locale, String key, Object... args) {
        model.addAttribute("errors", List.of(messages.getMessage(key, args, locale)));
        return "groups/import";
    }
}
