package jp.kyodo.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import jp.kyodo.audit.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The second factor of staff and administrators (TOTP, {@link Totp}). After the password, the session of a staff member
 * is held at the code page until a code from their authenticator app is accepted; with the setting {@code required},
 * a staff member without an app sets one up first. Until then every other page sends them back there.
 *
 * <p>{@code kyodo.accounts.second-factor}: {@code required}, {@code optional} (offered on the account page, asked at
 * login once set up), or empty: required, except on a portal with demo data (development and trials), where it is
 * optional so that the demo accounts can sign in with their password alone.
 */
@Component
public class SecondFactor {

    /** Session attribute: the password was accepted, the second factor not yet. */
    static final String PENDING = SecondFactor.class.getName() + ".pending";
    /** Session attribute: failed codes in this login. */
    static final String FAILURES = SecondFactor.class.getName() + ".failures";
    static final int MAX_FAILURES = 5;
    private static final List<String> OPEN_WHILE_PENDING = List.of("/login/second-factor", "/logout", "/css/", "/js/", "/webjars/",
            "/favicon", "/error", "/actuator/health", "/livez", "/readyz");

    private final AccountRepository accounts;
    private final AuditLog audit;
    private final Clock clock;
    private final boolean required;

    SecondFactor(AccountRepository accounts, AuditLog audit, Clock clock,
                 @Value("${kyodo.accounts.second-factor:}") String setting, @Value("${kyodo.demo-data:false}") boolean demoData) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
        String s = setting == null ? "" : setting.strip().toLowerCase(java.util.Locale.ROOT);
        if (!List.of("", "required", "optional").contains(s)) {
            throw new IllegalArgumentException("kyodo.accounts.second-factor must be required or optional, not " + setting);
        }
        this.required = s.equals("required") || (s.isEmpty() && !demoData);
    }

    boolean required() {
        return required;
    }

    /** Whether a person with these rights signs in with a second factor. */
    static boolean appliesTo(SignedInUser user) {
        return user.roles().contains(Role.STAFF) || user.roles().contains(Role.ADMIN);
    }

    /** After the password: staff go to the code page (or set-up); everyone else goes where they were going. */
    public AuthenticationSuccessHandler successHandler() {
        SavedRequestAwareAuthenticationSuccessHandler proceed = new SavedRequestAwareAuthenticationSuccessHandler();
        proceed.setDefaultTargetUrl("/account");
        return (request, response, authentication) -> {
            RecentPassword.given(request, clock.instant());
            if (authentication.getPrincipal() instanceof SignedInUser user && appliesTo(user)) {
                Account account = accounts.findById(user.accountId()).orElseThrow();
                if (account.secondFactorEnabled() || required) {
                    HttpSession session = request.getSession();
                    session.setAttribute(PENDING, Boolean.TRUE);
                    session.removeAttribute(FAILURES);
                    response.sendRedirect(request.getContextPath()
                            + (account.secondFactorEnabled() ? "/login/second-factor" : "/login/second-factor/setup"));
                    return;
                }
            }
            proceed.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** Holds a session whose second factor is pending at the code page. */
    public OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                HttpSession session = request.getSession(false);
                if (session != null && session.getAttribute(PENDING) != null && !open(request)) {
                    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                    if (auth != null && auth.getPrincipal() instanceof SignedInUser) {
                        response.sendRedirect(request.getContextPath() + "/login/second-factor");
                        return;
                    }
                }
                chain.doFilter(request, response);
            }
        };
    }

    private static boolean open(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return OPEN_WHILE_PENDING.stream().anyMatch(path::startsWith);
    }

    /** Whether the account has an authenticator app set up. */
    @Transactional(readOnly = true)
    public boolean enabled(long accountId) {
        return accounts.findById(accountId).map(Account::secondFactorEnabled).orElse(false);
    }

    /** Checks a code at login; true when accepted (the code cannot be used again). */
    @Transactional
    boolean verify(SignedInUser user, String code) {
        Account account = accounts.findById(user.accountId()).orElseThrow();
        OptionalLong step = Totp.verify(account.totpSecret(), code, clock.instant(), account.totpLastStep());
        if (step.isEmpty()) {
            audit.record(user, "account.secondFactor.failed", "account", account.id(), null);
            return false;
        }
        account.acceptSecondFactorStep(step.getAsLong());
        audit.record(user, "account.secondFactor.passed", "account", account.id(), null);
        return true;
    }

    /** Confirms a new secret with a code from the app; true when the code matches and the app is now set up. */
    @Transactional
    boolean enable(SignedInUser user, String secret, String code) {
        Account account = accounts.findById(user.accountId()).orElseThrow();
        OptionalLong step = Totp.verify(secret, code, clock.instant(), null);
        if (step.isEmpty()) {
            return false;
        }
        account.enableSecondFactor(secret, step.getAsLong(), clock.instant());
        audit.record(user, "account.secondFactor.enabled", "account", account.id(), null);
        return true;
    }

    /** An administrator clears a staff member's app (a lost phone); their sessions end, and they set one up again. */
    @Transactional
    public void reset(long accountId, jp.kyodo.shared.Actor admin) {
        Account account = accounts.findById(accountId).orElseThrow(NotFoundException::new);
        account.resetSecondFactor(clock.instant());
        audit.record(admin, "account.secondFactor.reset", "account", accountId, account.email());
    }
}
