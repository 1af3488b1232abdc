package jp.kyodo.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FiscalYearTest {

    @ParameterizedTest
    @CsvSource({
            "2026-03-31, 2025",
            "2026-04-01, 2026",
            "2026-01-01, 2025",
            "2026-12-31, 2026",
            "2027-03-31, 2026",
            "2024-02-29, 2023"
    })
    void dateBelongsToFiscalYearStartingOnThePreviousFirstOfApril(LocalDate date, int startYear) {
        assertThat(FiscalYear.of(date)).isEqualTo(new FiscalYear(startYear));
    }

    @Test
    void runsFromFirstOfAprilToThirtyFirstOfMarch() {
        FiscalYear fy = new FiscalYear(2026);

        assertThat(fy.start()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(fy.end()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(fy.contains(LocalDate.of(2026, 4, 1))).isTrue();
        assertThat(fy.contains(LocalDate.of(2027, 3, 31))).isTrue();
        assertThat(fy.contains(LocalDate.of(2026, 3, 31))).isFalse();
        assertThat(fy.contains(LocalDate.of(2027, 4, 1))).isFalse();
    }

    @Test
    void currentUsesTheClocksZone() {
        // 15:30 UTC on 31 March is already 00:30 on 1 April in Tokyo.
        Instant instant = Instant.parse("2026-03-31T15:30:00Z");

        assertThat(FiscalYear.current(Clock.fixed(instant, ZoneId.of("Asia/Tokyo")))).isEqualTo(new FiscalYear(2026));
        assertThat(FiscalYear.current(Clock.fixed(instant, ZoneId.of("UTC")))).isEqualTo(new FiscalYear(2025));
    }

    @Test
    void nextAndPreviousAreAdjacentAndOrdered() {
        FiscalYear fy = new FiscalYear(2026);

        assertThat(fy.next()).isEqualTo(new FiscalYear(2027));
        assertThat(fy.previous()).isEqualTo(new FiscalYear(2025));
        assertThat(fy.next().start()).isEqualTo(fy.end().plusDays(1));

        List<FiscalYear> years = new ArrayList<>(List.of(fy.next(), fy.previous(), fy));
        Collections.sort(years);
        assertThat(years).containsExactly(fy.previous(), fy, fy.next());
    }

    @ParameterizedTest
    @CsvSource({
            "2026, 令和8年度, 令和8年度(2026年度)",
            "2020, 令和2年度, 令和2年度(2020年度)",
            "2019, 令和元年度, 令和元年度(2019年度)",
            "2018, 平成30年度, 平成30年度(2018年度)",
            "1989, 平成元年度, 平成元年度(1989年度)",
            "1988, 昭和63年度, 昭和63年度(1988年度)",
            "1873, 明治6年度, 明治6年度(1873年度)",
            "1872, 1872年度, 1872年度"
    })
    void labelsUseTheEraInForceAtTheEndOfTheStartYear(int startYear, String japaneseLabel, String label) {
        FiscalYear fy = new FiscalYear(startYear);

        assertThat(fy.japaneseLabel()).isEqualTo(japaneseLabel);
        assertThat(fy.label()).isEqualTo(label);
    }

    @Test
    void rejectsYearsWhoseEndCannotBeWrittenWithFourDigits() {
        assertThatIllegalArgumentException().isThrownBy(() -> new FiscalYear(0));
        assertThatIllegalArgumentException().isThrownBy(() -> new FiscalYear(9999));
        assertThatIllegalArgumentException().isThrownBy(() -> new FiscalYear(1).previous());
    }
}
