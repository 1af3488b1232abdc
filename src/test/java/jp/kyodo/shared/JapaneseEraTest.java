package jp.kyodo.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JapaneseEraTest {

    @ParameterizedTest
    @CsvSource({
            "1873-01-01, MEIJI, 6",
            "1912-07-29, MEIJI, 45",
            "1912-07-30, TAISHO, 1",
            "1926-12-24, TAISHO, 15",
            "1926-12-25, SHOWA, 1",
            "1989-01-07, SHOWA, 64",
            "1989-01-08, HEISEI, 1",
            "2019-04-30, HEISEI, 31",
            "2019-05-01, REIWA, 1",
            "2026-11-28, REIWA, 8"
    })
    void findsTheEraAndYearAcrossEachBoundary(LocalDate date, JapaneseEra era, int year) {
        assertThat(JapaneseEra.of(date)).contains(era);
        assertThat(era.contains(date)).isTrue();
        assertThat(era.yearOf(date)).isEqualTo(year);
        assertThat(era.toGregorianYear(year)).isEqualTo(date.getYear());
    }

    @Test
    void datesBeforeTheGregorianCalendarHaveNoEra() {
        assertThat(JapaneseEra.of(LocalDate.of(1872, 12, 31))).isEmpty();
        assertThat(JapaneseEra.MEIJI.contains(LocalDate.of(1868, 1, 25))).isFalse();
    }

    @Test
    void rejectsYearsOutsideTheEra() {
        assertThat(JapaneseEra.HEISEI.contains(LocalDate.of(2019, 5, 1))).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> JapaneseEra.HEISEI.yearOf(LocalDate.of(2019, 5, 1)));
        assertThatIllegalArgumentException().isThrownBy(() -> JapaneseEra.REIWA.toGregorianYear(0));
    }
}
