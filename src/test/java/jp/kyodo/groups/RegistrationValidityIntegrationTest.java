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

    @Test
    void theRenewalWindowOpensOnFirstFebruaryAndRemindersGoOutOnce() {
        long id = registered("更新テスト会", LocalDate.of(2025, 5, 1));
        CivicGroup g = groups.findById(id).orElseThrow();
        assertThat(g.validUntil()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(registry.renewalOpen(g, LocalDate.of(2027, 1, 31))).isFalse();
        assertThat(registry.renewalOpen(g, LocalDate.of(2027, 2, 1))).isTrue();
        assertThat(registry.renewalOpen(g, LocalDate.of(2027, 3, 31))).isTrue();
        assertThat(registry.renewalOpen(g, LocalDate.of(2027, 4, 1))).isFalse();

        registry.remindRenewals(LocalDate.of(2027, 2, 1));
        assertThat(groups.findById(id).orElseThrow().renewalRemindedOn()).isEqualTo(LocalDate.of(2027, 2, 1));
        registry.remindRenewals(LocalDate.of(2027, 2, 2));
        assertThat(groups.findById(id).orElseThrow().renewalRemindedOn()).as("no second mail the next day").isEqualTo(LocalDate.of(2027, 2, 1));
        registry.remindRenewals(LocalDate.of(2027, 3, 17));
        assertThat(groups.findById(id).orElseThrow().renewalRemindedOn()).as("the last call two weeks before").isEqualTo(LocalDate.of(2027, 3, 17));
    }

    @Test
    void anAcceptedRenewalExtendsTheValidityByTwoMoreFiscalYears() {
        jp.kyodo.shared.Actor staff = new jp.kyodo.shared.Actor() {
            public Long accountId() { return 1L; }
            public String displayName() { return "審査 担当"; }
        };
        // Validity ending within this year's window, so that the request is accepted today.
        LocalDate today = registry.today();
        long id = tx.execute(status -> {
            CivicGroup g = groups.findById(registered("更新承認テスト会", today.minusYears(1))).orElseThrow();
            return g.id();
        });
        tx.executeWithoutResult(status -> {
            CivicGroup g = groups.findById(id).orElseThrow();
            g.requestRenewal(Instant.now());
        });
        CivicGroup requested = groups.findById(id).orElseThrow();
        LocalDate before = requested.validUntil();
        registry.acceptRenewal(id, staff, requested.version());
        CivicGroup renewed = groups.findById(id).orElseThrow();
        assertThat(renewed.validUntil()).isEqualTo(before.plusYears(2));
        assertThat(renewed.renewalRequestedAt()).isNull();
        assertThat(registry.history(id)).extracting(GroupRegistry.HistoryLine::event).contains("renewed");
    }

    @Test
    void dissolvedAndCancelledGroupsLeaveTheDirectory() {
        jp.kyodo.shared.Actor staff = new jp.kyodo.shared.Actor() {
            public Long accountId() { return 1L; }
            public String displayName() { return "審査 担当"; }
        };
        long id = registered("取消しテスト会", registry.today());
        assertThat(registry.listed(id)).isPresent();
        registry.cancel(id, staff, groups.findById(id).orElseThrow().version(), "活動実態が確認できないため");
        assertThat(groups.findById(id).orElseThrow().status()).isEqualTo(GroupStatus.CANCELLED);
        assertThat(registry.listed(id)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> registry.cancel(id, staff, groups.findById(id).orElseThrow().version(), "二度目"))
                .isInstanceOf(jp.kyodo.shared.InvalidInputException.class);
    }

    @Test
    void aNumberTakenByAnImportedRegistrationIsSkipped() {
        jp.kyodo.shared.FiscalYear fy = new jp.kyodo.shared.FiscalYear(2098);
        registered("番号重複テスト会", LocalDate.of(2098, 5, 1), "2098-001");
        String issued = tx.execute(s -> registry.issueNumber(fy));
        assertThat(issued).isEqualTo("2098-002");
    }

    @Test
    void aRenewalRequestedInTimeIsNotExpiredBeforeTheSecretariatDecides() {
        long id = registered("更新待ちテスト会", LocalDate.of(2025, 5, 2));
        tx.executeWithoutResult(status -> groups.findById(id).orElseThrow().requestRenewal(Instant.now()));
        registry.expireOverdue(LocalDate.of(2027, 4, 1));
        assertThat(groups.findById(id).orElseThrow().status()).isEqualTo(GroupStatus.REGISTERED);
    }

    private long registered(String name, LocalDate registeredOn) {
        return registered(name, registeredOn, "T-" + System.nanoTime());
    }

    private long registered(String name, LocalDate registeredOn, String number) {
        return tx.execute(status -> {
            Instant now = Instant.now();
            CivicGroup g = CivicGroup.draft(GroupType.CIVIC, name, null, 1L, now);
            g.editBasics(GroupType.CIVIC, name, null, null, 10, null, "honjo", now);
            g.editActivities(new LinkedHashSet<>(List.of("bosai")), "目的", "活動", null, null, null, null, false, false, now);
            g.submit(now);
            g.approve(number, registeredOn, registry.validUntil(registeredOn), now);
            return groups.save(g).id();
        });
    }
}
