package jp.kyodo.notifications;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators read the outbox: every mail the portal sent or is holding, and why one failed. */
@Controller
class MailAdminController {

    private static final int PAGE_SIZE = 50;

    private final MailOutbox outbox;

    MailAdminController(MailOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/admin/mails")
    String list(@RequestParam(required = false) MailStatus status, @RequestParam(required = false) String recipient,
                @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("status", status);
        model.addAttribute("recipient", recipient);
        model.addAttribute("statuses", MailStatus.values());
        model.addAttribute("smtpConfigured", outbox.smtpConfigured());
        model.addAttribute("page", outbox.search(status, recipient, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        return "notifications/admin/list";
    }

    @GetMapping("/admin/mails/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("mail", outbox.readAsAdministrator(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("smtpConfigured", outbox.smtpConfigured());
        return "notifications/admin/detail";
    }

    @PostMapping("/admin/mails/{id}/retry")
    String retry(@PathVariable long id, RedirectAttributes redirect) {
        OutboxMessage mail = outbox.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        // A second click, or another administrator's, finds the mail already queued: nothing to do.
        if (mail.status() == MailStatus.FAILED && outbox.retry(id)) {
            redirect.addFlashAttribute("notice", "notice.mail.retried");
        }
        return "redirect:/admin/mails/" + id;
    }
}
