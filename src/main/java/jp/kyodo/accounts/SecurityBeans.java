package jp.kyodo.accounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class SecurityBeans {

    /** bcrypt by default, with the algorithm named in each stored hash so that it can be upgraded later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Login. A lock is told before the password is checked (so that guessing stops); whether an account is
     * unconfirmed or stopped is told only to someone who knows its password.
     */
    @Bean
    DaoAuthenticationProvider authenticationProvider(AccountUserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users) {
            @Override
            public org.springframework.security.core.Authentication authenticate(org.springframework.security.core.Authentication login) {
                // Guessing from one network across many addresses stops before any password is checked.
                if (throttle.networkBlocked(login)) {
                    throw new LoginThrottle.NetworkBlockedException();
                }
                return super.authenticate(login);
            }
        };
        provider.setPasswordEncoder(encoder);
        provider.setPreAuthenticationChecks(user -> {
            if (!user.isAccountNonLocked()) {
                throw new LockedException("locked");
            }
        });
        provider.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("unverified");
            }
            if (!user.isAccountNonExpired()) {
                throw new AccountExpiredException("disabled");
            }
        });
        return provider;
    }
}
