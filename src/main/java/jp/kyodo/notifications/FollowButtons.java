package jp.kyodo.notifications;

import jp.kyodo.shared.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What a follow button on another module's page needs (the {@code notifications/partials/follow} fragment calls it
 * as {@code @followButtons}), so that pages such as a group's show the button without their controllers changing.
 */
@Component("followButtons")
public class FollowButtons {

    private final Notices notices;

    FollowButtons(Notices notices) {
        this.notices = notices;
    }

    /** Whether the signed-in person follows the topic; false for a visitor. */
    public boolean following(String topic) {
        Long id = accountId();
        return id != null && notices.follows(id, topic);
    }

    public boolean signedIn() {
        return accountId() != null;
    }

    /** The current page's path, to come back to after the button's post. */
    public String here() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String query = attributes.getRequest().getQueryString();
            return attributes.getRequest().getRequestURI() + (query == null ? "" : "?" + query);
        }
        return "/account/follows";
    }

    private static Long accountId() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Actor actor ? actor.accountId() : null;
    }
}
