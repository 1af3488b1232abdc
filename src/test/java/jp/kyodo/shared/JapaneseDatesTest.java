package jp.kyodo.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JapaneseDatesTest {

    @ParameterizedTest
    @CsvSource({
            "2026-11-28, 令和8年(2026年)11月28日, 令和8年11月28日",
            "2019-05-01, 令和元年(2019年)5月1日, 令和元年5月1日",
            "2019-04-30, 平成31年(2019年)4月30日, 平成31年4月30日",
            "1989-01-08, 平成元年(1989年)1月8日, 平成元年1月8日",
            "1989-01-07, 昭和64年(1989年)1月7日, 昭和64年1月7日",
            "1926-12-25, 昭和元年(1926年)12月25日, 昭和元年12月25日",
            "1912-07-30, 大正元年(1912年)7月30日, 大正元年7月30日",
            "1873-01-01, 明治6年(1873年)1月1日, 明治6年1月1日",
            "1868-01-25, 1868年1月25日, 1868年1月25日"
    })
    void formatsWithTheEraInForceAndGannenForTheFirstYear(LocalDate date, String full, String wareki) {
        assertThat(JapaneseDates.format(date)).isEqualTo(full);
        assertThat(JapaneseDates.formatWareki(date)).isEqualTo(wareki);
    }

    @Test
    void formatsDateTimeWithZeroPaddedMinutes() {
        assertThat(JapaneseDates.formatDateTime(LocalDateTime.of(2026, 11, 28, 14, 5)))
                .isEqualTo("令和8年(2026年)11月28日 14:05");
        assertThat(JapaneseDates.formatDateTime(LocalDateTime.of(2019, 5, 1, 9, 0)))
                .isEqualTo("令和元年(2019年)5月1日 9:00");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-11-28 | 2026-11-28",
            "2026/11/28 | 2026-11-28",
            "2026/1/5 | 2026-01-05",
            "2026.11.28 | 2026-11-28",
            "2026年11月28日 | 2026-11-28",
            "令和8年11月28日 | 2026-11-28",
            "令和8年(2026年)11月28日 | 2026-11-28",
            "令和元年5月1日 | 2019-05-01",
            "平成31年4月30日 | 2019-04-30",
            "昭和64年1月7日 | 1989-01-07",
            "平成元年1月8日 | 1989-01-08",
            "R8.11.28 | 2026-11-28",
            "R8/11/28 | 2026-11-28",
            "r8.11.28 | 2026-11-28",
            "R元.5.1 | 2019-05-01",
            "H31.4.30 | 2019-04-30",
            "S64.1.7 | 1989-01-07",
            "H1.1.8 | 1989-01-08",
            "T1.7.30 | 1912-07-30",
            "M45.7.29 | 1912-07-29"
    })
    void parsesCommonForms(String text, LocalDate expected) {
        assertThat(JapaneseDates.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "２０２６／１１／２８ | 2026-11-28",
            "２０２６年１１月２８日 | 2026-11-28",
            "令和８年１１月２８日 | 2026-11-28",
            "Ｒ８．１１．２８ | 2026-11-28",
            "'\u3000令和 8 年\u300011 月 28 日 ' | 2026-11-28",
            "令和８年（２０２６年）１１月２８日 | 2026-11-28",
            "㋿元年5月1日 | 2019-05-01",
            "㍻31年4月30日 | 2019-04-30"
    })
    void parsesFullWidthAndSpacedInput(String text, LocalDate expected) {
        assertThat(JapaneseDates.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "平成32年1月1日",
            "H32.1.1",
            "令和元年4月1日",
            "R1.4.30",
            "昭和64年1月8日",
            "平成元年1月7日",
            "大正15年12月25日",
            "明治5年12月31日",
            "令和0年5月1日",
            "令和8年(2025年)11月28日",
            "2026-02-30",
            "2026-13-01",
            "2026-00-10",
            "R8.2.29",
            "2026-11/28",
            "26-11-28",
            "Q8.11.28",
            "2026年11月28",
            "tomorrow",
            "   "
    })
    void rejectsImpossibleMalformedAndEraInconsistentDates(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> JapaneseDates.parse(text));
        assertThat(JapaneseDates.tryParse(text)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsMissingText(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> JapaneseDates.parse(text));
        assertThat(JapaneseDates.tryParse(text)).isEmpty();
    }

    @Test
    void tryParseReturnsTheDateForValidText() {
        assertThat(JapaneseDates.tryParse("R8.11.28")).contains(LocalDate.of(2026, 11, 28));
    }

    @Test
    void parsesEverythingItFormatsSinceTheGregorianCalendarWasAdopted() {
        for (LocalDate date = JapaneseEra.EARLIEST_SUPPORTED_DATE; date.getYear() <= 2040; date = date.plusDays(1)) {
            assertThat(JapaneseDates.parse(JapaneseDates.format(date))).isEqualTo(date);
            assertThat(JapaneseDates.parse(JapaneseDates.formatWareki(date))).isEqualTo(date);
        }
    }
}
