package jp.kyodo.accounts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.ClusterJobs;
import jp.kyodo.shared.PersonalDataSection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily retention run: for each kind of finished procedure with a period set, erases the personal data of the
 * records that finished longer ago than the period, and writes one audit entry per kind with the count.
 */
@Component
class PersonalDataRetention {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataRetention.class);

    private final PersonalData personalData;
    private final PrivacySettings settings;
    private final AuditLog audit;
    private final ClusterJobs jobs;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final CityProfile city;

    PersonalDataRetention(PersonalData personalData, PrivacySettings settings, AuditLog audit, ClusterJobs jobs,
                          TransactionTemplate tx, Clock clock, CityProfile city) {
        this.personalData = personalData;
        this.settings = settings;
        this.audit = audit;
        this.jobs = jobs;
        this.tx = tx;
        this.clock = clock;
        this.city = city;
    }

    @Scheduled(cron = "${kyodo.privacy.retention-cron:0 15 4 * * *}", zone = "${kyodo.city.zone:Asia/Tokyo}")
    void daily() {
        jobs.runOnce("accounts.personal-data-retention", this::run);
    }

    /** Applies every retention rule once; returns the count per kind (kinds without a period are left out). */
    Map<String, Integer> run() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock.withZone(city.zone()));
        for (PersonalDataSection section : personalData.sections()) {
            for (PersonalDataSection.RetentionRule rule : section.retentionRules()) {
                Period period = settings.retention().get(rule.kind());
                if (period == null) {
                    log.warn("No retention period set for {} (kyodo.privacy.retention.{}): its personal data is kept", rule.kind(), rule.kind());
                    continue;
                }
                Instant before = today.minus(period).atStartOfDay(city.zone()).toInstant();
                Integer count = tx.execute(status -> {
                    int erased = rule.eraseFinishedBefore().applyAsInt(before);
                    audit.record("privacy.retention", "personal-data", rule.kind(),
                            "erased=" + erased + " period=" + period + " before=" + today.minus(period));
                    return erased;
                });
                counts.put(rule.kind(), count);
            }
        }
        return counts;
    }
}
