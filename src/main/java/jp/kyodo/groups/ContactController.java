package jp.kyodo.groups;

import jakarta.servlet.http.HttpServletRequest;
import jp.kyodo.shared.FormErrors;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public "contact this group" form (この団体に問い合わせる). */
@Controller
class ContactController {

    private final GroupRegistry registry;
    private final GroupContact contact;

    ContactController(GroupRegistry registry, GroupContact contact) {
        this.registry = registry;
        this.contact = contact;
    }

    @GetMapping("/groups/{id}/contact")
    String form(@PathVariable long id, Model model) {
        return show(model, id, new ContactForm());
    }

    @PostMapping("/groups/{id}/contact")
    String send(@PathVariable long id, @ModelAttribute("form") ContactForm form, BindingResult result, Model model,
                HttpServletRequest request, RedirectAttributes redirect) {
        registry.listed(id).orElseThrow(GroupRegistry::notFound);
        // A filled-in trap field is a bot: it is told the same as a person, and nothing is sent.
        if (form.getHomepage() == null || form.getHomepage().isEmpty()) {
            try {
                contact.relay(id, form.getSenderName(), form.getSenderEmail(), form.getSubject(), form.getMessage(),
                        form.isConsent(), request.getRemoteAddr());
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
                return show(model, id, form);
            }
        }
        redirect.addFlashAttribute("notice", "notice.groupContact.sent");
        return "redirect:/groups/" + id;
    }

    private String show(Model model, long id, ContactForm form) {
        model.addAttribute("group", registry.listed(id).orElseThrow(GroupRegistry::notFound));
        model.addAttribute("form", form);
        model.addAttribute("nameMax", GroupContact.NAME_MAX);
        model.addAttribute("subjectMax", GroupContact.SUBJECT_MAX);
        model.addAttribute("messageMax", GroupContact.MESSAGE_MAX);
        return "groups/contact";
    }
}
