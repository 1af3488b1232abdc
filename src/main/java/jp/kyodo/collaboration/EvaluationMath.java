package jp.kyodo.collaboration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of a project's evaluation: each sheet scores every axis 1 to 5; a side's score on an axis is its
 * sheet's (the committee's is the mean of its members' sheets); the combined score weighs the three sides
 * (by default 20 % group, 20 % department, 60 % committee). Figures are exact to two decimals, half up.
 */
final class EvaluationMath {

    private EvaluationMath() {
    }

    /** The evaluation's axes: the guideline's seven principles and the achievement of the targets. */
    enum Axis { SHARED_PURPOSE, EQUALITY, MUTUAL_UNDERSTANDING, AUTONOMY, ROLES_AND_RESPONSIBILITY, OPENNESS, EVALUATION, TARGETS }

    enum Side { GROUP, CITY, COMMITTEE }

    /** One submitted sheet's scores by axis. */
    record Sheet(Side side, Map<Axis, Integer> scores) {
    }

    /** Per side and per axis means, each side's overall mean, and the weighted combination. */
    record Result(Map<Side, Map<Axis, BigDecimal>> byAxis, Map<Side, BigDecimal> bySide, Map<Axis, BigDecimal> combinedByAxis,
                  BigDecimal combined) {

        /** A side's mean on an axis (for pages), or null. */
        public BigDecimal of(String side, String axis) {
            Map<Axis, BigDecimal> axes = byAxis.get(Side.valueOf(side));
            return axes == null ? null : axes.get(Axis.valueOf(axis));
        }

        public BigDecimal ofSide(String side) {
            return bySide.get(Side.valueOf(side));
        }

        public BigDecimal combinedOf(String axis) {
            return combinedByAxis.get(Axis.valueOf(axis));
        }
    }

    static Result combine(List<Sheet> sheets, Map<Side, Integer> weightPercent) {
        Map<Side, Map<Axis, BigDecimal>> byAxis = new EnumMap<>(Side.class);
        Map<Side, BigDecimal> bySide = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            List<Sheet> of = sheets.stream().filter(s -> s.side() == side).toList();
            if (of.isEmpty()) {
                continue;
            }
            Map<Axis, BigDecimal> axes = new EnumMap<>(Axis.class);
            for (Axis axis : Axis.values()) {
                List<BigDecimal> values = new ArrayList<>();
                for (Sheet s : of) {
                    Integer v = s.scores().get(axis);
                    if (v == null || v < 1 || v > 5) {
                        throw new IllegalArgumentException("Axis " + axis + " of a " + side + " sheet must be scored 1 to 5");
                    }
                    values.add(BigDecimal.valueOf(v));
                }
                axes.put(axis, mean(values));
            }
            byAxis.put(side, axes);
            bySide.put(side, mean(new ArrayList<>(axes.values())));
        }
        Map<Axis, BigDecimal> combinedByAxis = new LinkedHashMap<>();
        BigDecimal combined = null;
        if (byAxis.size() == Side.values().length) {
            for (Axis axis : Axis.values()) {
                combinedByAxis.put(axis, weighted(side -> byAxis.get(side).get(axis), weightPercent));
            }
            combined = weighted(bySide::get, weightPercent);
        }
        return new Result(round(byAxis), roundSides(bySide), roundAxes(combinedByAxis), combined == null ? null : combined.setScale(2, RoundingMode.HALF_UP));
    }

    private static BigDecimal weighted(java.util.function.Function<Side, BigDecimal> value, Map<Side, Integer> weightPercent) {
        BigDecimal sum = BigDecimal.ZERO;
        int total = 0;
        for (Side side : Side.values()) {
            int w = weightPercent.getOrDefault(side, 0);
            sum = sum.add(value.apply(side).multiply(BigDecimal.valueOf(w)));
            total += w;
        }
        return sum.divide(BigDecimal.valueOf(total), 10, RoundingMode.HALF_UP);
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(values.size()), 10, RoundingMode.HALF_UP);
    }

    private static Map<Side, Map<Axis, BigDecimal>> round(Map<Side, Map<Axis, BigDecimal>> in) {
        Map<Side, Map<Axis, BigDecimal>> out = new EnumMap<>(Side.class);
        in.forEach((k, v) -> out.put(k, roundAxes(v)));
        return out;
    }

    private static Map<Axis, BigDecimal> roundAxes(Map<Axis, BigDecimal> in) {
        Map<Axis, BigDecimal> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, v.setScale(2, RoundingMode.HALF_UP)));
        return out;
    }

    private static Map<Side, BigDecimal> roundSides(Map<Side, BigDecimal> in) {
        Map<Side, BigDecimal> out = new EnumMap<>(Side.class);
        in.forEach((k, v) -> out.put(k, v.setScale(2, RoundingMode.HALF_UP)));
        return out;
    }
}
