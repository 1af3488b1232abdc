package jp.kyodo.collaboration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Actual income and expenses against the budget (収支決算): each line's difference and its share of the plan; a
 * line is highlighted when it differs from the plan by more than the tolerance (default 10 %) or was not planned.
 */
final class BudgetComparison {

    private BudgetComparison() {
    }

    /** One budget line with its actual amount. */
    public record Line(ProposalLines.Budget planned, Long actual, long difference, Integer percentOfPlan, boolean highlighted) {
    }

    /** The lines and the totals, planned and actual. */
    public record Comparison(List<Line> lines, long plannedIncome, long actualIncome, long plannedExpenses, long actualExpenses,
                             long plannedCityShare, long actualCityShare) {

        public long expenseDifference() {
            return actualExpenses - plannedExpenses;
        }

        /** Income and the city's share still cover the expenses. */
        public boolean actualBalanced() {
            return actualIncome + actualCityShare == actualExpenses;
        }
    }

    static Comparison compare(List<ProposalLines.Budget> planned, Map<Integer, Long> actualBySeq, int tolerancePercent) {
        List<Line> lines = new ArrayList<>();
        long pi = 0, ai = 0, pe = 0, ae = 0, pc = 0, ac = 0;
        for (int i = 0; i < planned.size(); i++) {
            ProposalLines.Budget b = planned.get(i);
            Long actual = actualBySeq.get(i);
            long a = actual == null ? 0 : actual;
            long diff = a - b.amount();
            Integer percent = b.amount() == 0 ? null : (int) Math.round(a * 100.0 / b.amount());
            boolean highlighted = actual != null && (b.amount() == 0 ? a != 0 : Math.abs(diff) * 100 > (long) tolerancePercent * b.amount());
            lines.add(new Line(b, actual, diff, percent, highlighted));
            if (b.kind() == ProposalLines.BudgetKind.INCOME) {
                pi += b.amount();
                ai += a;
            } else {
                pe += b.amount();
                ae += a;
                if (b.bearer() == ProposalLines.Bearer.CITY) {
                    pc += b.amount();
                    ac += a;
                }
            }
        }
        return new Comparison(lines, pi, ai, pe, ae, pc, ac);
    }
}
