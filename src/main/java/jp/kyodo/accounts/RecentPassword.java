package jp.kyodo.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.shared.AsksPasswordAgain;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Asks for the password again before an action marked {@link AsksPasswordAgain} when the person last gave it longer
 * ago than {@code kyodo.accounts.reauthenticate-after}. The action does not run: a POST is answered with a page holding the password field and
 * everything the person submitted (as hidden fields), posted again to the same address with the password; a GET with
 * a page that confirms the password and then opens the address.
 */
@Component
class RecentPassword implements HandlerInterceptor, WebMvcConfigurer {

    /** Session attribute: when the person last gave their password (login or here). */
    static final String AT = RecentPassword.class.getName() + ".at";
    static final String PASSWORD_PARAMETER = "_currentPassword";
    static final String PROMPT = "/account/reauthenticate";
    /** Session attribute: the question being asked (the action and what was submitted to it). */
    static final String PROMPT_ATTRIBUTE = RecentPassword.class.getName() + ".prompt";

    /** What the prompt page shows: where to send the form, with which fields, and whether the password was wrong. */
    record Prompt(String action, List<Map.Entry<String, String>> fields, boolean wrong, boolean get) implements java.io.Serializable {
    }

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration window;
    private volatile boolean enabled;

    RecentPassword(AccountRepository accounts, PasswordEncoder encoder, AuditLog audit, Clock clock,
                   @Value("${kyodo.accounts.reauthenticate-after:15m}") Duration window,
                   @Value("${kyodo.accounts.reauthenticate:true}") boolean enabled) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
        this.window = window;
        this.enabled = enabled;
    }

    /** Tests switch it on and off (the shared test context signs people in without a password). */
    void enabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    /** Notes that the person has just given their password (at login). */
    static void given(HttpServletRequest request, Instant at) {
        request.getSession().setAttribute(AT, at);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!enabled || !(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(AsksPasswordAgain.class)) {
            return true;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof SignedInUser user)) {
            return true; // access rules decide; nothing to re-confirm
        }
        HttpSession session = request.getSession();
        if (session.getAttribute(AT) instanceof Instant at && at.plus(window).isAfter(clock.instant())) {
            return true;
        }
        boolean post = "POST".equalsIgnoreCase(request.getMethod());
        String typed = post ? request.getParameter(PASSWORD_PARAMETER) : null;
        if (typed != null && check(user, typed)) {
            session.setAttribute(AT, clock.instant());
            session.removeAttribute(PROMPT_ATTRIBUTE);
            return true;
        }
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        if (post) {
            request.getParameterMap().forEach((name, values) -> {
                if (!name.equals(PASSWORD_PARAMETER)) {
                    for (String value : values) {
                        fields.add(Map.entry(name, value));
                    }
                }
            });
        }
        String target = request.getRequestURI() + (post || request.getQueryString() == null ? "" : "?" + request.getQueryString());
        // The action does not run; the question is a page of its own, which gets the form back to post again.
        session.setAttribute(PROMPT_ATTRIBUTE, new Prompt(target, List.copyOf(fields), typed != null, !post));
        response.sendRedirect(request.getContextPath() + PROMPT);
        return false;
    }

    /** Checks the password of the signed-in person; a wrong one is audited. */
    boolean check(SignedInUser user, String typed) {
        Account account = accounts.findById(user.accountId()).orElse(null);
        boolean ok = account != null && account.passwordHash() != null && encoder.matches(typed, account.passwordHash());
        audit.record(user, ok ? "account.reauthenticated" : "account.reauthentication.failed", "account", user.accountId(), null);
        return ok;
    }

    /** The password given on the prompt of a GET action: on to the address if right. */
    boolean confirm(HttpServletRequest request, SignedInUser user, String typed) {
        if (typed != null && check(user, typed)) {
            request.getSession().setAttribute(AT, clock.instant());
            request.getSession().removeAttribute(PROMPT_ATTRIBUTE);
            return true;
        }
        return false;
    }
}
