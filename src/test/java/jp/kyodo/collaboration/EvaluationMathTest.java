package jp.kyodo.collaboration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The combined evaluation and the budget against actual figures, computed by hand. */
class EvaluationMathTest {

    static final Map<EvaluationMath.Side, Integer> DEFAULT = Map.of(EvaluationMath.Side.GROUP, 20, EvaluationMath.Side.CITY, 20,
            EvaluationMath.Side.COMMITTEE, 60);

    @Test
    void theCombinedScoreWeighsGroupDepartmentAndCommittee() {
        // Group: every axis 4 (mean 4). Department: four axes 3 and four 4 (mean 3.5).
        // Committee: one member all 3, the other all 4: mean 3.5 on every axis.
        // Combined: 0.2 × 4 + 0.2 × 3.5 + 0.6 × 3.5 = 0.8 + 0.7 + 2.1 = 3.6.
        var group = sheet(EvaluationMath.Side.GROUP, 4, 4, 4, 4, 4, 4, 4, 4);
        var city = sheet(EvaluationMath.Side.CITY, 3, 4, 3, 4, 3, 4, 3, 4);
        var m1 = sheet(EvaluationMath.Side.COMMITTEE, 3, 3, 3, 3, 3, 3, 3, 3);
        var m2 = sheet(EvaluationMath.Side.COMMITTEE, 4, 4, 4, 4, 4, 4, 4, 4);
        var r = EvaluationMath.combine(List.of(group, city, m1, m2), DEFAULT);
        assertThat(r.bySide().get(EvaluationMath.Side.GROUP)).isEqualByComparingTo("4.00");
        assertThat(r.bySide().get(EvaluationMath.Side.CITY)).isEqualByComparingTo("3.50");
        assertThat(r.bySide().get(EvaluationMath.Side.COMMITTEE)).isEqualByComparingTo("3.50");
        assertThat(r.combined()).isEqualByComparingTo("3.60");
        // On the first axis (目的共有): 0.2 × 4 + 0.2 × 3 + 0.6 × 3.5 = 0.8 + 0.6 + 2.1 = 3.5.
        assertThat(r.combinedByAxis().get(EvaluationMath.Axis.SHARED_PURPOSE)).isEqualByComparingTo("3.50");
        // On the second (対等): 0.8 + 0.8 + 2.1 = 3.7.
        assertThat(r.combinedByAxis().get(EvaluationMath.Axis.EQUALITY)).isEqualByComparingTo("3.70");
    }

    @Test
    void otherWeightsFromTheSettings() {
        // Equal thirds: (5 + 2 + 3) / 3 = 3.333... → 3.33.
        var r = EvaluationMath.combine(List.of(sheet(EvaluationMath.Side.GROUP, 5, 5, 5, 5, 5, 5, 5, 5),
                sheet(EvaluationMath.Side.CITY, 2, 2, 2, 2, 2, 2, 2, 2), sheet(EvaluationMath.Side.COMMITTEE, 3, 3, 3, 3, 3, 3, 3, 3)),
                Map.of(EvaluationMath.Side.GROUP, 1, EvaluationMath.Side.CITY, 1, EvaluationMath.Side.COMMITTEE, 1));
        assertThat(r.combined()).isEqualByComparingTo("3.33");
    }

    @Test
    void noCombinedScoreUntilEverySideHasEvaluated() {
        var r = EvaluationMath.combine(List.of(sheet(EvaluationMath.Side.GROUP, 4, 4, 4, 4, 4, 4, 4, 4)), DEFAULT);
        assertThat(r.combined()).isNull();
        assertThat(r.bySide()).containsOnlyKeys(EvaluationMath.Side.GROUP);
        assertThatThrownBy(() -> EvaluationMath.combine(List.of(sheet(EvaluationMath.Side.CITY, 6, 4, 4, 4, 4, 4, 4, 4)), DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void actualFiguresAgainstTheBudget() {
        var planned = List.of(
                new ProposalLines.Budget(ProposalLines.BudgetKind.INCOME, "参加費", 20_000, ProposalLines.Bearer.GROUP, null),
                new ProposalLines.Budget(ProposalLines.BudgetKind.EXPENSE, "講師謝礼", 100_000, ProposalLines.Bearer.CITY, null),
                new ProposalLines.Budget(ProposalLines.BudgetKind.EXPENSE, "消耗品費", 50_000, ProposalLines.Bearer.CITY, null),
                new ProposalLines.Budget(ProposalLines.BudgetKind.EXPENSE, "会場使用料", 20_000, ProposalLines.Bearer.GROUP, null));
        // Fees 18,000 (90 %: within 10 %), lecturers 100,000, supplies 62,000 (124 %: highlighted), venue 20,000.
        var c = BudgetComparison.compare(planned, Map.of(0, 18_000L, 1, 100_000L, 2, 62_000L, 3, 20_000L), 10);
        assertThat(c.lines().get(0).difference()).isEqualTo(-2_000);
        assertThat(c.lines().get(0).highlighted()).isFalse();
        assertThat(c.lines().get(2).difference()).isEqualTo(12_000);
        assertThat(c.lines().get(2).percentOfPlan()).isEqualTo(124);
        assertThat(c.lines().get(2).highlighted()).isTrue();
        assertThat(c.plannedExpenses()).isEqualTo(170_000);
        assertThat(c.actualExpenses()).isEqualTo(182_000);
        assertThat(c.expenseDifference()).isEqualTo(12_000);
        assertThat(c.plannedCityShare()).isEqualTo(150_000);
        assertThat(c.actualCityShare()).isEqualTo(162_000);
        // 18,000 + 162,000 = 180,000 ≠ 182,000: the group bore 2,000 more than its income.
        assertThat(c.actualBalanced()).isFalse();
        // Exactly 10 % off is within the tolerance.
        var edge = BudgetComparison.compare(List.of(planned.get(1)), Map.of(0, 110_000L), 10);
        assertThat(edge.lines().getFirst().highlighted()).isFalse();
    }

    private static EvaluationMath.Sheet sheet(EvaluationMath.Side side, int... scores) {
        Map<EvaluationMath.Axis, Integer> map = new EnumMap<>(EvaluationMath.Axis.class);
        for (int i = 0; i < scores.length; i++) {
            map.put(EvaluationMath.Axis.values()[i], scores[i]);
        }
        return new EvaluationMath.Sheet(side, map);
    }
}
