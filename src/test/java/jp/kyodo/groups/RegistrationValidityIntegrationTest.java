package jp.kyodo.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import jp.kyodo.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Validity by fiscal year, and expiry on 1 April, with the day under the test's control. */
@IntegrationTest
class RegistrationValidityIntegrationTest {

    @Autowired GroupRegistry registry;
    @Autowired CivicGroups groups;
    @Autowired TransactionTemplate tx;

    @Test
    void validityEndsOnThirtyFirstMarchOfTheSecondFiscalYear() {
        assertThat(registry.validUntil(LocalDate.of(2026, 3, 31))).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(registry.validUntil(LocalDate.of(2026, 4, 1))).isEqualTo(LocalDate.of(2028, 3, 31));
        assertThat(registry.validUntil(LocalDate.of(2027, 3, 31))).isEqualTo(LocalDate.of(2028, 3, 31));
    }

    @Test
    void aRegistrationNotRenewedExpiresOnFirstAprilAndLeavesTheDirectory() {
        long id = registered("期限切れテスト会", LocalDate.of(2025, 5, 1));
        assertThat(registry.expireOverdue(LocalDate.of(2027, 3, 31))).isZero();
        assertThat(groups.findById(id).orElseThrow().status()).isEqualTo(GroupStatus.REGISTERED);

        assertThat(registry.expireOverdue(LocalDate.of(2027, 4, 1))).isGreaterThanOrEqualTo(1);
        CivicGroup expired = groups.findById(id).orElseThrow();
        assertThat(expired.status()).isEqualTo(GroupStatus.EXPIRED);
        assertThat(registry.listed(id)).isEmpty();
        assertThat(registry.history(id)).extracting(GroupRegistry.HistoryLine::event).contains("expired");
    }

    @Test
    void registrationNumbersAreUniqueWhenTwoApprovalsRace() throws Exception {
        jp.kyodo.shared.FiscalYear fy = new jp.kyodo.shared.FiscalYear(2099);
        List<String> numbers = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        Thread[] threads = new Thread[8];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> numbers.add(tx.execute(s -> registry.issueNumber(fy))));
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(numbers).hasSize(8).doesNotHaveDuplicates().allMatch(n -> n.startsWith("2099-"));
    }

    private long registered(String name, LocalDate registeredOn) {
        return tx.execute(status -> {
            Instant now = Instant.now();
            CivicGroup g = CivicGroup.draft(GroupType.CIVIC, name, null, 1L, now);
            g.editBasics(GroupType.CIVIC, name, null, null, 10, null, "honjo", now);
            g.editActivities(new LinkedHashSet<>(List.of("bosai")), "目的", "活動", null, null, null, null, false, false, now);
            g.submit(now);
            g.approve("T-" + System.nanoTime(), registeredOn, registry.validUntil(registeredOn), now);
            return groups.save(g).id();
        });
    }
}
