package jp.kyodo.notifications;

import jakarta.servlet.http.HttpServletRequest;
import jp.kyodo.shared.Actor;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The unread count for the header of every page a signed-in person sees (one indexed count). Nothing for anonymous
 * visitors and form posts; a database that cannot answer leaves the count out rather than breaking the page.
 */
@ControllerAdvice
class UnreadNoticesAdvice {

    private final Notices notices;

    UnreadNoticesAdvice(Notices notices) {
        this.notices = notices;
    }

    @ModelAttribute("unreadNotices")
    Long unreadNotices(Authentication authentication, HttpServletRequest request) {
        if (authentication == null || !(authentication.getPrincipal() instanceof Actor actor) || actor.accountId() == null
                || !"GET".equals(request.getMethod())) {
            return null;
        }
        try {
            return notices.unreadCount(actor.accountId());
        } catch (DataAccessException unavailable) {
            return null;
        }
    }
}
