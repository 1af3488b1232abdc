package jp.kyodo.accounts;

import java.time.Clock;
import java.time.Duration;
import jp.kyodo.shared.RateLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import java.time.Instant;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.shared.TextNormalizer;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins per account in the database (so every portal node sees them) and locks the account
 * for a while after too many.
 */
@Component
class LoginThrottle {

    static final String BUCKET = "login-failure";

    private final AccountRepository accounts;
    private final AccountSettings settings;
    private final AuditLog audit;
    private final Clock clock;

    private final RateLimits rateLimits;
    private final int failuresPerNetwork;

    LoginThrottle(AccountRepository accounts, AccountSettings settings, AuditLog audit, Clock clock, RateLimits rateLimits,
                  @Value("${kyodo.rate-limits.login-failures-per-network-per-hour:30}") int failuresPerNetwork) {
        this.rateLimits = rateLimits;
        this.failuresPerNetwork = failuresPerNetwork;
        this.accounts = accounts;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        Object name = event.getAuthentication().getPrincipal();
        if (name == null) {
            return;
        }
        String network = clientAddress(event.getAuthentication());
        if (network != null) {
            rateLimits.count(BUCKET, RateLimits.network(network));
        }
        String email = TextNormalizer.emailAddress(name.toString());
        Instant now = clock.instant();
        int updated = accounts.recordFailedLogin(email, now, settings.loginMaxFailures(), now.plus(settings.loginLockDuration()));
        if (updated > 0) {
            accounts.findByEmail(email).filter(a -> a.lockedAt(now)).ifPresent(a ->
                    audit.record(SelfService.actor(a), "account.login.locked", "account", a.id(), null));
        }
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof UserDetails user) {
            accounts.recordSuccessfulLogin(user.getUsername());
        }
    }

    /** Whether the login's client network had too many failed logins in the last hour. */
    boolean networkBlocked(Authentication login) {
        String address = clientAddress(login);
        return address != null && rateLimits.reached(BUCKET, failuresPerNetwork, Duration.ofHours(1), RateLimits.network(address));
    }

    private static String clientAddress(Authentication login) {
        return login.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }

    /** A login refused because its network failed too often: the page says so, and no password is checked. */
    static class NetworkBlockedException extends AuthenticationException {
        NetworkBlockedException() {
            super("network");
        }
    }
}
