package jp.kyodo.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a signed-in session against the account on every request, before access is decided: a stopped, deleted
 * or re-passworded account is signed out everywhere, and changed rights take effect at once.
 */
@Component
public class SessionAccountCheck {

    private final AccountRepository accounts;
    private final Clock clock;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SessionAccountCheck(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The filter to place in the security chain right after the security context is loaded. */
    public OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                check(request, response);
                chain.doFilter(request, response);
            }
        };
    }

    @Transactional(readOnly = true)
    void check(HttpServletRequest request, HttpServletResponse response) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof SignedInUser user)) {
            return;
        }
        Account account = accounts.findById(user.accountId()).orElse(null);
        if (account != null && user.matches(account)) {
            return;
        }
        if (account == null || !user.mayContinueAs(account)) {
            new SecurityContextLogoutHandler().logout(request, response, auth);
            return;
        }
        replace(request, response, account);
    }

    /** Puts the account's current details into this session (after the person changed their own password or e-mail). */
    @Transactional(readOnly = true)
    public void refresh(HttpServletRequest request, HttpServletResponse response, long accountId) {
        accounts.findById(accountId).ifPresent(account -> replace(request, response, account));
    }

    private void replace(HttpServletRequest request, HttpServletResponse response, Account account) {
        SignedInUser fresh = new SignedInUser(account, account.lockedAt(clock.instant()));
        fresh.eraseCredentials();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
