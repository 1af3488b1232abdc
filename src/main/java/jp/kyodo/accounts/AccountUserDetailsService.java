package jp.kyodo.accounts;

import java.time.Clock;
import jp.kyodo.shared.TextNormalizer;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds the account behind a login. Deleted accounts and accounts without a password cannot sign in. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final Clock clock;

    AccountUserDetailsService(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        String email = TextNormalizer.emailAddress(username == null ? "" : username);
        return accounts.findByEmail(email)
                .filter(a -> a.status() != AccountStatus.DELETED && a.passwordHash() != null)
                .map(a -> new SignedInUser(a, a.lockedAt(clock.instant())))
                .orElseThrow(() -> new UsernameNotFoundException("No account"));
    }
}
