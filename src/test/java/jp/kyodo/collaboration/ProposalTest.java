package jp.kyodo.collaboration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every move of the proposal's state machine from every state: the legal ones succeed, all others are refused. */
class ProposalTest {

    static final Instant NOW = Instant.parse("2026-09-01T00:00:00Z");

    static final Map<String, Consumer<Proposal>> MOVES = Map.of(
            "consult", p -> p.consult(NOW),
            "submit", p -> p.submit(NOW),
            "withdraw", p -> p.withdraw(NOW),
            "startScreening", p -> p.startScreening(NOW),
            "adopt", p -> p.decide(ProposalStatus.ADOPTED, "理由", null, NOW),
            "adoptWithConditions", p -> p.decide(ProposalStatus.CONDITIONALLY_ADOPTED, "理由", "予算を見直すこと", NOW),
            "reject", p -> p.decide(ProposalStatus.NOT_ADOPTED, "理由", null, NOW),
            "edit", p -> p.editOutline("題", "目的", "内容", null, null, null, null, null, null, NOW));

    static final Map<ProposalStatus, Set<String>> LEGAL = Map.of(
            ProposalStatus.DRAFT, Set.of("consult", "submit", "withdraw", "edit"),
            ProposalStatus.CONSULTING, Set.of("submit", "withdraw", "edit"),
            ProposalStatus.SUBMITTED, Set.of("withdraw", "startScreening"),
            ProposalStatus.IN_SCREENING, Set.of("adopt", "adoptWithConditions", "reject"),
            ProposalStatus.ADOPTED, Set.of(),
            ProposalStatus.CONDITIONALLY_ADOPTED, Set.of(),
            ProposalStatus.NOT_ADOPTED, Set.of(),
            ProposalStatus.WITHDRAWN, Set.of());

    static final Map<String, ProposalStatus> RESULT = Map.of(
            "consult", ProposalStatus.CONSULTING, "submit", ProposalStatus.SUBMITTED, "withdraw", ProposalStatus.WITHDRAWN,
            "startScreening", ProposalStatus.IN_SCREENING, "adopt", ProposalStatus.ADOPTED,
            "adoptWithConditions", ProposalStatus.CONDITIONALLY_ADOPTED, "reject", ProposalStatus.NOT_ADOPTED);

    @Test
    void everyMoveFromEveryState() {
        assertThat(LEGAL.keySet()).isEqualTo(EnumSet.allOf(ProposalStatus.class));
        for (ProposalStatus from : ProposalStatus.values()) {
            for (var move : MOVES.entrySet()) {
                Proposal p = in(from);
                if (LEGAL.get(from).contains(move.getKey())) {
                    move.getValue().accept(p);
                    assertThat(p.status()).as(from + " " + move.getKey()).isEqualTo(RESULT.getOrDefault(move.getKey(), from));
                } else {
                    assertThatThrownBy(() -> move.getValue().accept(p)).as(from + " " + move.getKey())
                            .isInstanceOf(Proposal.IllegalMoveException.class);
                    assertThat(p.status()).isEqualTo(from);
                }
            }
        }
    }

    @Test
    void aConditionalAdoptionNeedsItsConditions() {
        Proposal p = in(ProposalStatus.IN_SCREENING);
        assertThatThrownBy(() -> p.decide(ProposalStatus.CONDITIONALLY_ADOPTED, "理由", " ", NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.decide(ProposalStatus.SUBMITTED, "理由", null, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThat(p.status()).isEqualTo(ProposalStatus.IN_SCREENING);
    }

    @Test
    void budgetFiguresComeFromTheLines() {
        Proposal p = Proposal.draft(1, 2, "子ども食堂", 3, NOW);
        p.editBudget(List.of(
                new ProposalLines.Budget(ProposalLines.BudgetKind.INCOME, "参加費", 30_000, ProposalLines.Bearer.GROUP, null),
                new ProposalLines.Budget(ProposalLines.BudgetKind.INCOME, "自己資金", 20_000, ProposalLines.Bearer.GROUP, null),
                new ProposalLines.Budget(ProposalLines.BudgetKind.EXPENSE, "食材費", 120_000, ProposalLines.Bearer.CITY, null),
                new ProposalLines.Budget(ProposalLines.BudgetKind.EXPENSE, "会場使用料", 50_000, ProposalLines.Bearer.GROUP, null)), NOW);
        assertThat(p.incomeTotal()).isEqualTo(50_000);
        assertThat(p.expenseTotal()).isEqualTo(170_000);
        assertThat(p.cityShare()).isEqualTo(120_000);
        assertThat(p.requestedAmount()).isEqualTo(120_000);
        assertThat(p.balanced()).isTrue();
        p.editBudget(List.of(new ProposalLines.Budget(ProposalLines.BudgetKind.EXPENSE, "食材費", 1_000, ProposalLines.Bearer.GROUP, null)), NOW);
        assertThat(p.balanced()).isFalse();
        assertThat(p.requestedAmount()).isZero();
    }

    private static Proposal in(ProposalStatus status) {
        Proposal p = Proposal.draft(1, 2, "題", 3, NOW);
        switch (status) {
            case DRAFT -> { }
            case CONSULTING -> p.consult(NOW);
            case SUBMITTED -> p.submit(NOW);
            case IN_SCREENING -> { p.submit(NOW); p.startScreening(NOW); }
            case ADOPTED -> { p.submit(NOW); p.startScreening(NOW); p.decide(ProposalStatus.ADOPTED, "r", null, NOW); }
            case CONDITIONALLY_ADOPTED -> { p.submit(NOW); p.startScreening(NOW); p.decide(ProposalStatus.CONDITIONALLY_ADOPTED, "r", "c", NOW); }
            case NOT_ADOPTED -> { p.submit(NOW); p.startScreening(NOW); p.decide(ProposalStatus.NOT_ADOPTED, "r", null, NOW); }
            case WITHDRAWN -> p.withdraw(NOW);
        }
        return p;
    }
}
