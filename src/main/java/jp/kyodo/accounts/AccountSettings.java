package jp.kyodo.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of sign-up and login, with the defaults in application.properties. */
@ConfigurationProperties("kyodo.accounts")
record AccountSettings(int loginMaxFailures, Duration loginLockDuration, Duration verificationValidity,
                       Duration resetValidity, int passwordMinLength) {
}
