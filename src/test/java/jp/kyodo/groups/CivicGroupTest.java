package jp.kyodo.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every legal and illegal move of a registration. */
class CivicGroupTest {

    private static final Instant NOW = Instant.parse("2026-11-28T01:00:00Z");

    private static CivicGroup submitted() {
        CivicGroup g = CivicGroup.draft(GroupType.CIVIC, "子育てサロン", "コソダテサロン", 1L, NOW);
        g.submit(NOW);
        return g;
    }

    @Test
    void aDraftIsEditedStepByStepAndRemembersTheFurthestStep() {
        CivicGroup g = CivicGroup.draft(GroupType.CIVIC, "会", null, 1L, NOW);
        assertThat(g.status()).isEqualTo(GroupStatus.DRAFT);
        g.editBasics(GroupType.COMMUNITY, "自治会", null, null, 10, null, "honjo", NOW);
        g.editActivities(Set.of("bosai"), "目的", "活動", null, null, null, null, true, false, NOW);
        assertThat(g.draftStep()).isEqualTo(3);
        g.editBasics(GroupType.COMMUNITY, "自治会", null, null, 11, null, "honjo", NOW);
        assertThat(g.draftStep()).as("going back does not forget later steps").isEqualTo(3);
    }

    @Test
    void submittedCanBeApprovedReturnedOrRefusedOnce() {
        CivicGroup approved = submitted();
        approved.approve("2026-001", LocalDate.of(2026, 11, 28), LocalDate.of(2028, 3, 31), NOW);
        assertThat(approved.status()).isEqualTo(GroupStatus.REGISTERED);
        assertThatThrownBy(() -> approved.refuse("遅い", NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> approved.editBasics(GroupType.CIVIC, "x", null, null, 5, null, "honjo", NOW))
                .isInstanceOf(IllegalStateException.class);

        CivicGroup returned = submitted();
        returned.returnForCorrection("名簿を直してください", NOW);
        assertThat(returned.status()).isEqualTo(GroupStatus.RETURNED);
        assertThat(returned.lastDecisionMessage()).isEqualTo("名簿を直してください");
        returned.editBasics(GroupType.CIVIC, "直した", null, null, 6, null, "honjo", NOW);
        returned.submit(NOW);
        assertThat(returned.status()).isEqualTo(GroupStatus.SUBMITTED);

        CivicGroup refused = submitted();
        refused.refuse("市外の団体です", NOW);
        assertThat(refused.status()).isEqualTo(GroupStatus.REFUSED);
        assertThatThrownBy(() -> refused.submit(NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> refused.approve("x", null, null, NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDraftCannotBeDecided() {
        CivicGroup draft = CivicGroup.draft(GroupType.CIVIC, "会", null, 1L, NOW);
        assertThatThrownBy(() -> draft.approve("x", null, null, NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> draft.returnForCorrection("x", NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> draft.expire(NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRegistrationIsListedThroughThirtyFirstMarchAndNotOnFirstApril() {
        CivicGroup g = submitted();
        g.approve("2025-010", LocalDate.of(2025, 6, 1), LocalDate.of(2027, 3, 31), NOW);
        assertThat(g.listedOn(LocalDate.of(2027, 3, 31))).isTrue();
        assertThat(g.listedOn(LocalDate.of(2027, 4, 1))).isFalse();
        g.expire(NOW);
        assertThat(g.status()).isEqualTo(GroupStatus.EXPIRED);
        assertThat(g.registrationNumber()).as("history kept").isEqualTo("2025-010");
        assertThatThrownBy(() -> g.expire(NOW)).isInstanceOf(IllegalStateException.class);
    }
}
