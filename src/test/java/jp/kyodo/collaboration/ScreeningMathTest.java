package jp.kyodo.collaboration;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Screening figures computed by hand. */
class ScreeningMathTest {

    // The Motosu rubric: six criteria of 10 points, weight 1: maximum 60.
    static final List<ScreeningMath.Criterion> MOTOSU = List.of(
            c(1, "主体性・積極性", 10, "1"), c(2, "公共性・公益性", 10, "1"), c(3, "実現性・計画性", 10, "1"),
            c(4, "独創性・発展性", 10, "1"), c(5, "啓発性・PR性", 10, "1"), c(6, "協働性・継続性", 10, "1"));

    @Test
    void theMeanOfThreeMembersAndTheSixtyPercentThreshold() {
        // Totals 48, 36 and 30: mean 38, which is 63.33 % of 60 and passes 60 %.
        var a = sheet(101, 8, 8, 8, 8, 8, 8);
        var b = sheet(102, 6, 6, 6, 6, 6, 6);
        var c = sheet(103, 5, 5, 5, 5, 5, 5);
        var r = ScreeningMath.result(MOTOSU, List.of(a, b, c), Set.of(), Aggregation.MEAN, 60);
        assertThat(r.score()).isEqualByComparingTo("38.00");
        assertThat(r.max()).isEqualByComparingTo("60.00");
        assertThat(r.percent()).isEqualByComparingTo("63.33");
        assertThat(r.passes()).isTrue();
        assertThat(r.counted()).isEqualTo(3);
        // Criterion means: (8 + 6 + 5) / 3 = 6.33.
        assertThat(r.criterionMeans().get(1L)).isEqualByComparingTo("6.33");
    }

    @Test
    void aMemberWithAConflictOfInterestDoesNotCount() {
        // Without member 101 (conflict): totals 36 and 30, mean 33 = 55 % of 60: not adopted at 60 %.
        var a = sheet(101, 10, 10, 10, 10, 10, 10);
        var b = sheet(102, 6, 6, 6, 6, 6, 6);
        var c = sheet(103, 5, 5, 5, 5, 5, 5);
        var r = ScreeningMath.result(MOTOSU, List.of(a, b, c), Set.of(101L), Aggregation.MEAN, 60);
        assertThat(r.score()).isEqualByComparingTo("33.00");
        assertThat(r.percent()).isEqualByComparingTo("55.00");
        assertThat(r.passes()).isFalse();
        assertThat(r.countedMembers()).containsExactly(102L, 103L);
        assertThat(r.criterionMeans().get(3L)).isEqualByComparingTo("5.50");
    }

    @Test
    void theTrimmedMeanDropsTheHighestAndTheLowestTotal() {
        // Hachinohe: five criteria of 10 (max 50), totals 50, 40, 35, 30, 10: drop 50 and 10, mean of 40, 35, 30 = 35,
        // which is 70 % of 50: passes a 70 % threshold exactly.
        var rubric = List.of(c(1, "公益性", 10, "1"), c(2, "実現性", 10, "1"), c(3, "費用対効果", 10, "1"), c(4, "協働性", 10, "1"),
                c(5, "独創性", 10, "1"));
        var r = ScreeningMath.result(rubric, List.of(sheet(1, 10, 10, 10, 10, 10), sheet(2, 8, 8, 8, 8, 8), sheet(3, 7, 7, 7, 7, 7),
                sheet(4, 6, 6, 6, 6, 6), sheet(5, 2, 2, 2, 2, 2)), Set.of(), Aggregation.TRIMMED_MEAN, 70);
        assertThat(r.score()).isEqualByComparingTo("35.00");
        assertThat(r.percent()).isEqualByComparingTo("70.00");
        assertThat(r.passes()).isTrue();
        // The means by criterion come from the same three members: (8 + 7 + 6) / 3 = 7, and 5 × 7 = 35.
        assertThat(r.criterionMeans().get(1L)).isEqualByComparingTo("7.00");
        // The plain mean would be 33 (66 %): not passing.
        var mean = ScreeningMath.result(rubric, List.of(sheet(1, 10, 10, 10, 10, 10), sheet(2, 8, 8, 8, 8, 8), sheet(3, 7, 7, 7, 7, 7),
                sheet(4, 6, 6, 6, 6, 6), sheet(5, 2, 2, 2, 2, 2)), Set.of(), Aggregation.MEAN, 70);
        assertThat(mean.score()).isEqualByComparingTo("33.00");
        assertThat(mean.passes()).isFalse();
    }

    @Test
    void withFewerThanThreeMembersTheTrimmedMeanIsThePlainMean() {
        var rubric = List.of(c(1, "公益性", 10, "1"));
        var r = ScreeningMath.result(rubric, List.of(sheet(1, 9), sheet(2, 4)), Set.of(), Aggregation.TRIMMED_MEAN, 60);
        assertThat(r.score()).isEqualByComparingTo("6.50");
    }

    @Test
    void weightsMultiplyPointsAndTheThresholdComparesUnroundedFigures() {
        // Weights 2 and 1, max 10 + 5 = 15... here max = 2*10 + 1*5 = 25. Member totals 2*7+1*3 = 17 and 2*8+1*2 = 18,
        // mean 17.5 = 70 %. Threshold 70: passes.
        var rubric = List.of(c(1, "公益性", 10, "2"), c(2, "独創性", 5, "1"));
        var r = ScreeningMath.result(rubric, List.of(sheet(1, 7, 3), sheet(2, 8, 2)), Set.of(), Aggregation.MEAN, 70);
        assertThat(r.max()).isEqualByComparingTo("25");
        assertThat(r.score()).isEqualByComparingTo("17.50");
        assertThat(r.passes()).isTrue();
        // Three members with totals 17, 18, 18: mean 17.666..., 70.67 %; at a 71 % threshold it fails.
        var r2 = ScreeningMath.result(rubric, List.of(sheet(1, 7, 3), sheet(2, 8, 2), sheet(3, 8, 2)), Set.of(), Aggregation.MEAN, 71);
        assertThat(r2.percent()).isEqualByComparingTo("70.67");
        assertThat(r2.passes()).isFalse();
        // One point short of 2/3 of 60 with three members: 119/3 = 39.666... is 66.11 %, below a 66.67 threshold share?
        // A 66 % threshold: 39.666 * 100 = 3966.6 >= 60 * 66 = 3960: passes.
        var r3 = ScreeningMath.result(MOTOSU, List.of(sheet(1, 7, 7, 7, 7, 6, 6), sheet(2, 7, 7, 7, 7, 6, 6), sheet(3, 7, 7, 7, 7, 6, 5)),
                Set.of(), Aggregation.MEAN, 66);
        assertThat(r3.score()).isEqualByComparingTo("39.67");
        assertThat(r3.passes()).isTrue();
    }

    @Test
    void withEveryMemberConflictedThereIsNoScore() {
        var r = ScreeningMath.result(MOTOSU, List.of(sheet(1, 5, 5, 5, 5, 5, 5)), Set.of(1L), Aggregation.MEAN, 60);
        assertThat(r.score()).isNull();
        assertThat(r.passes()).isFalse();
        assertThat(r.counted()).isZero();
    }

    private static ScreeningMath.Criterion c(long id, String name, int max, String weight) {
        return new ScreeningMath.Criterion(id, name, max, new BigDecimal(weight));
    }

    private static ScreeningMath.Sheet sheet(long member, int... points) {
        Map<Long, Integer> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < points.length; i++) {
            map.put((long) i + 1, points[i]);
        }
        return new ScreeningMath.Sheet(member, map);
    }
}
