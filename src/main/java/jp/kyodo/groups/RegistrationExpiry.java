package jp.kyodo.groups;

import jp.kyodo.shared.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night: registrations that reached the end of their validity (31 March) expire on 1 April, and groups
 * in their renewal window are reminded to renew.
 */
@Component
class RegistrationExpiry {

    private static final Logger log = LoggerFactory.getLogger(RegistrationExpiry.class);

    private final GroupRegistry registry;
    private final ClusterJobs jobs;

    RegistrationExpiry(GroupRegistry registry, ClusterJobs jobs) {
        this.registry = registry;
        this.jobs = jobs;
    }

    @Scheduled(cron = "${kyodo.groups.expiry-cron:0 5 0 * * *}", zone = "${kyodo.city.zone}")
    void expireOverdue() {
        jobs.runOnce("groups.registration-expiry", this::expireAndRemind);
    }

    private void expireAndRemind() {
        int expired = registry.expireOverdue(registry.today());
        if (expired > 0) {
            log.info("{} registrations expired", expired);
        }
        int reminded = registry.remindRenewals(registry.today());
        if (reminded > 0) {
            log.info("{} groups reminded to renew", reminded);
        }
    }
}
