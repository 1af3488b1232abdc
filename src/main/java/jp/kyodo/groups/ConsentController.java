package jp.kyodo.groups;

import jp.kyodo.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a group's representative or contact person reaches from the mailed link: they see exactly which of their
 * details the group asks to publish, and agree per field. No account is needed: the link is the proof of the address.
 */
@Controller
class ConsentController {

    private final GroupConsents consents;

    ConsentController(GroupConsents consents) {
        this.consents = consents;
    }

    @GetMapping("/consent/{token}")
    String show(@PathVariable String token, Model model) {
        model.addAttribute("consent", consents.view(token));
        model.addAttribute("token", token);
        return "groups/consent";
    }

    @PostMapping("/consent/{token}")
    String answer(@PathVariable String token, @RequestParam(required = false) String fingerprint,
                  @RequestParam(defaultValue = "false") boolean address, @RequestParam(defaultValue = "false") boolean phone,
                  @RequestParam(defaultValue = "false") boolean email, Model model) {
        model.addAttribute("token", token);
        try {
            model.addAttribute("consent", consents.answer(token, fingerprint, address, phone, email));
            model.addAttribute("answered", true);
        } catch (InvalidInputException e) {
            model.addAttribute("consent", consents.view(token));
            model.addAttribute("problem", e.problems().getFirst().messageKey());
        }
        return "groups/consent";
    }
}
