package jp.kyodo.collaboration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arithmetic of screening, apart from storage: a member's total is the sum of points times weights; the
 * proposal's score aggregates the totals of the members who submitted and have no conflict of interest; it passes
 * when it reaches the threshold share of the maximum.
 */
final class ScreeningMath {

    private ScreeningMath() {
    }

    /** A criterion of the rubric. */
    record Criterion(long id, String name, int maxPoints, BigDecimal weight) {
    }

    /** One member's submitted points per criterion id. */
    record Sheet(long memberId, Map<Long, Integer> points) {
    }

    /**
     * A proposal's result. {@code score} is null when no member counts. Means and totals are exact to two decimals
     * (half up), as shown on the results page.
     */
    record Result(BigDecimal score, BigDecimal max, BigDecimal percent, boolean passes, int counted, List<Long> countedMembers,
                  Map<Long, BigDecimal> criterionMeans) {
    }

    static BigDecimal maximum(Collection<Criterion> criteria) {
        return criteria.stream().map(c -> c.weight().multiply(BigDecimal.valueOf(c.maxPoints()))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static BigDecimal total(Collection<Criterion> criteria, Sheet sheet) {
        BigDecimal total = BigDecimal.ZERO;
        for (Criterion c : criteria) {
            Integer p = sheet.points().get(c.id());
            if (p == null) {
                throw new IllegalArgumentException("Sheet of member " + sheet.memberId() + " lacks criterion " + c.id());
            }
            total = total.add(c.weight().multiply(BigDecimal.valueOf(p)));
        }
        return total;
    }

    static Result result(List<Criterion> criteria, List<Sheet> submitted, Set<Long> conflicted, Aggregation rule, int thresholdPercent) {
        BigDecimal max = maximum(criteria);
        List<Sheet> counted = submitted.stream().filter(s -> !conflicted.contains(s.memberId())).toList();
        List<Long> members = counted.stream().map(Sheet::memberId).toList();
        // The sheets the score is made of: all counted ones, or without the highest and lowest total when trimming,
        // so that the means by criterion add up to the score.
        List<Sheet> kept = new ArrayList<>(counted);
        if (rule == Aggregation.TRIMMED_MEAN && kept.size() >= 3) {
            kept.sort(Comparator.comparing((Sheet s) -> total(criteria, s)));
            kept.removeFirst();
            kept.removeLast();
        }
        Map<Long, BigDecimal> means = new LinkedHashMap<>();
        for (Criterion c : criteria) {
            means.put(c.id(), kept.isEmpty() ? null
                    : mean(kept.stream().map(s -> BigDecimal.valueOf(s.points().get(c.id()))).toList()).setScale(2, RoundingMode.HALF_UP));
        }
        if (counted.isEmpty()) {
            return new Result(null, max, null, false, 0, members, means);
        }
        BigDecimal score = mean(kept.stream().map(s -> total(criteria, s)).toList());
        BigDecimal percent = max.signum() == 0 ? BigDecimal.ZERO
                : score.multiply(BigDecimal.valueOf(100)).divide(max, 2, RoundingMode.HALF_UP);
        // Compare unrounded: 59.995 % does not reach 60 %.
        boolean passes = score.multiply(BigDecimal.valueOf(100)).compareTo(max.multiply(BigDecimal.valueOf(thresholdPercent))) >= 0;
        return new Result(score.setScale(2, RoundingMode.HALF_UP), max.setScale(2, RoundingMode.HALF_UP), percent, passes,
                counted.size(), members, means);
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(values.size()), 10, RoundingMode.HALF_UP);
    }
}
