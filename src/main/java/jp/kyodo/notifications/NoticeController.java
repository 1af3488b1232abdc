package jp.kyodo.notifications;

import jp.kyodo.shared.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The notification centre: one's own notices, newest first, unread marked; opening one reads it. */
@Controller
class NoticeController {

    private final Notices notices;

    NoticeController(Notices notices) {
        this.notices = notices;
    }

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal Actor me, @RequestParam(defaultValue = "0") int page, Model model) {
        long id = signedIn(me);
        model.addAttribute("page", notices.list(id, page));
        model.addAttribute("unread", notices.unreadCount(id));
        return "notifications/list";
    }

    @GetMapping("/notifications/{id}")
    String open(@AuthenticationPrincipal Actor me, @PathVariable long id, Model model) {
        model.addAttribute("notice", notices.open(signedIn(me), id).orElseThrow(NoticeController::notFound));
        // The header's count was read before this notice was; show it as it now is.
        model.addAttribute("unreadNotices", notices.unreadCount(me.accountId()));
        return "notifications/detail";
    }

    @PostMapping("/notifications/{id}/read")
    String markRead(@AuthenticationPrincipal Actor me, @PathVariable long id, @RequestParam(defaultValue = "0") int page,
                    RedirectAttributes redirect) {
        if (!notices.markRead(signedIn(me), id)) {
            throw notFound();
        }
        redirect.addFlashAttribute("notice", "notice.flash.read");
        return "redirect:/notifications" + (page > 0 ? "?page=" + page : "");
    }

    @PostMapping("/notifications/read-all")
    String markAllRead(@AuthenticationPrincipal Actor me, RedirectAttributes redirect) {
        notices.markAllRead(signedIn(me));
        redirect.addFlashAttribute("notice", "notice.flash.allRead");
        return "redirect:/notifications";
    }

    static long signedIn(Actor me) {
        if (me == null || me.accountId() == null) {
            // The security configuration sends visitors to the login page first; this is the last guard.
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
        }
        return me.accountId();
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
