package jp.kyodo.collaboration;

import java.math.BigDecimal;
import java.util.List;

/** Screening rubrics seen in Japanese cities, offered when a round is set up; every criterion stays editable. */
enum RubricPreset {
    /** Motosu: six criteria of 10 points (60). */
    MOTOSU(List.of("主体性・積極性", "公共性・公益性", "実現性・計画性", "独創性・発展性", "啓発性・PR性", "協働性・継続性"), 10),
    /** Hachinohe: five criteria of 10 points (50), used with the trimmed mean. */
    HACHINOHE(List.of("公益性", "実現性", "費用対効果", "協働性", "独創性"), 10),
    /** Sanda: ten viewpoints of 5 points (50). */
    SANDA(List.of("必要性", "公益性", "協働の効果", "役割分担", "実現性", "計画性", "予算の妥当性", "独創性", "発展性", "継続性"), 5);

    private final List<String> names;
    private final int maxPoints;

    RubricPreset(List<String> names, int maxPoints) {
        this.names = names;
        this.maxPoints = maxPoints;
    }

    List<ScreeningMath.Criterion> criteria() {
        return names.stream().map(n -> new ScreeningMath.Criterion(0, n, maxPoints, BigDecimal.ONE)).toList();
    }
}
