package jp.kyodo.notifications;

import java.util.EnumMap;
import java.util.Map;
import jp.kyodo.shared.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Each person chooses, per kind of notice, a mail at once, a daily digest, or none (the portal only). */
@Controller
class NoticePreferenceController {

    private final Notices notices;

    NoticePreferenceController(Notices notices) {
        this.notices = notices;
    }

    @GetMapping("/account/notifications")
    String form(@AuthenticationPrincipal Actor me, Model model) {
        model.addAttribute("choices", notices.preferences(NoticeController.signedIn(me)));
        model.addAttribute("kinds", NoticeKind.values());
        model.addAttribute("deliveries", Delivery.values());
        return "notifications/preferences";
    }

    /** Form fields {@code kind_<KIND>} = {@code IMMEDIATE|DIGEST|NONE}; a kind left out or unknown keeps its choice. */
    @PostMapping("/account/notifications")
    String save(@AuthenticationPrincipal Actor me, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        long id = NoticeController.signedIn(me);
        Map<NoticeKind, Delivery> chosen = new EnumMap<>(NoticeKind.class);
        for (NoticeKind kind : NoticeKind.values()) {
            String value = form.get("kind_" + kind.name());
            for (Delivery d : Delivery.values()) {
                if (d.name().equals(value)) {
                    chosen.put(kind, d);
                }
            }
        }
        notices.choose(id, chosen);
        redirect.addFlashAttribute("notice", "notice.flash.preferencesSaved");
        return "redirect:/account/notifications";
    }
}
