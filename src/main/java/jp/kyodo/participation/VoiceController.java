package jp.kyodo.participation;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Suggestions (市民の声) for everyone: the form, the e-mail confirmation and the published questions and answers. */
@Controller
class VoiceController {

    private final Voices voices;

    VoiceController(Voices voices) {
        this.voices = voices;
    }

    @GetMapping("/participation/voice")
    String form(@AuthenticationPrincipal SignedInUser user, Model model) {
        Map<String, String> typed = new HashMap<>();
        typed.put("wantsAnswer", "yes");
        if (user != null) {
            typed.put("name", user.displayName());
            typed.put("email", user.email());
        }
        return show(user, model, typed, null);
    }

    private String show(SignedInUser user, Model model, Map<String, String> typed, InvalidInputException errors) {
        model.addAttribute("categories", Voices.Category.values());
        model.addAttribute("signedIn", user != null);
        model.addAttribute("answerDays", voices.answerDays());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        return "participation/voice";
    }

    @PostMapping("/participation/voice")
    String submit(@AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect,
                  jakarta.servlet.http.HttpServletRequest request) {
        Voices.Sent sent;
        try {
            sent = voices.submit(Optional.<Actor>ofNullable(user), params.get("category"), params.get("subject"), params.get("body"),
                    params.get("name"), params.get("email"), params.get("phone"), params.get("address"), params.get("wantsAnswer"),
                    params.containsKey("consents"), request.getRemoteAddr());
        } catch (InvalidInputException e) {
            return show(user, model, params, e);
        }
        if (sent.confirmed()) {
            redirect.addFlashAttribute("receiptNo", sent.receiptNo());
            return "redirect:/participation/voice/sent";
        }
        return "redirect:/participation/voice/sent?confirm";
    }

    @GetMapping("/participation/voice/sent")
    String sent(@RequestParam(required = false) String confirm, Model model) {
        model.addAttribute("confirmPending", confirm != null);
        return "participation/voice-sent";
    }

    @GetMapping("/participation/voice/confirm/{token}")
    String confirmPage(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        return "participation/voice-confirm";
    }

    /** Confirming is a POST (a mail scanner following links must not send anyone's suggestion). */
    @PostMapping("/participation/voice/confirm/{token}")
    String confirm(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("receiptNo", voices.confirm(token).orElse(null));
        model.addAttribute("done", true);
        return "participation/voice-confirm";
    }

    @GetMapping("/participation/voice/answers")
    String answers(Model model) {
        model.addAttribute("published", voices.published());
        return "participation/voice-answers";
    }
}
