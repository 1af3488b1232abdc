package jp.kyodo.accounts;

import java.time.Clock;
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

    private final AccountRepository accounts;
    private final AccountSettings settings;
    private final AuditLog audit;
    private final Clock clock;

    LoginThrottle(AccountRepository accounts, AccountSettings settings, AuditLog audit, Clock clock) {
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
}
