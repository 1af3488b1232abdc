package jp.kyodo.groups;

import jp.kyodo.audit.AuditLog;
import jp.kyodo.shared.TextNormalizer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators keep the lists of fields of activity and areas (a field is retired, never deleted, once used). */
@Controller
@RequestMapping("/admin/groups/{list:fields|areas}")
class ReferenceDataAdminController {

    private final ReferenceData reference;
    private final AuditLog audit;

    ReferenceDataAdminController(ReferenceData reference, AuditLog audit) {
        this.reference = reference;
        this.audit = audit;
    }

    @GetMapping
    String list(@PathVariable String list, Model model) {
        model.addAttribute("list", list);
        model.addAttribute("entries", "fields".equals(list) ? reference.fields() : reference.areas());
        return "groups/admin-reference";
    }

    @PostMapping
    String save(@PathVariable String list, @RequestParam(required = false) String code, @RequestParam(required = false) String name,
                @RequestParam(required = false) String nameEn, @RequestParam(defaultValue = "false") boolean active,
                Model model, RedirectAttributes redirect) {
        String cleanCode = code == null ? "" : TextNormalizer.normalizeWidth(code).trim();
        String cleanName = name == null ? "" : name.strip();
        if (!cleanCode.matches("[a-z0-9_-]{1,40}") || cleanName.isEmpty() || cleanName.length() > 100) {
            model.addAttribute("list", list);
            model.addAttribute("entries", "fields".equals(list) ? reference.fields() : reference.areas());
            model.addAttribute("error", cleanName.isEmpty() ? "validation.required" : "validation.referenceCode");
            model.addAttribute("typed", new Typed(code, name, nameEn, active));
            return "groups/admin-reference";
        }
        String en = nameEn == null || nameEn.isBlank() ? null : nameEn.strip();
        if ("fields".equals(list)) {
            reference.saveField(cleanCode, cleanName, en, active);
        } else {
            reference.saveArea(cleanCode, cleanName, en, active);
        }
        audit.record("reference." + list + ".save", list, cleanCode, cleanName + (active ? "" : " (retired)"));
        redirect.addFlashAttribute("notice", "notice.reference.saved");
        return "redirect:/admin/groups/" + list;
    }

    /** What the administrator typed, shown again after an error. */
    record Typed(String code, String name, String nameEn, boolean active) {
    }
}
