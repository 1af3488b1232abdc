package jp.kyodo.accounts;

import java.time.Period;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long personal data in finished procedures is kept (kyodo.privacy.retention.&lt;kind&gt;, e.g. {@code 5y}); the kinds are
 * those of the modules' retention rules, and a kind with no period set is kept without limit.
 */
@ConfigurationProperties("kyodo.privacy")
record PrivacySettings(Map<String, Period> retention) {

    PrivacySettings {
        retention = retention == null ? Map.of() : Map.copyOf(retention);
    }
}
