package jp.kyodo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import jp.kyodo.shared.CityProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

class DatesTest {

    private final Dates dates = new Dates(new CityProfile("本庄市", "Honjo City", "埼玉県", "市民協働ポータル", "Portal", "課", "Div",
            "367-8501", "住所", "Address", "0495-25-1111", "0495-22-0602", "a@example.jp", "平日", "Weekdays", ZoneId.of("Asia/Tokyo")));

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void japaneseShowsWarekiWithSeireki() {
        LocaleContextHolder.setLocale(Locale.JAPANESE);
        assertThat(dates.date(LocalDate.of(2026, 11, 28))).isEqualTo("令和8年(2026年)11月28日");
    }

    @Test
    void instantsAreShownInTheCitysZone() {
        LocaleContextHolder.setLocale(Locale.JAPANESE);
        // 15:30 UTC on 31 March is already 1 April in Japan.
        assertThat(dates.dateTime(Instant.parse("2026-03-31T15:30:00Z"))).isEqualTo("令和8年(2026年)4月1日 0:30");
    }

    @Test
    void englishShowsIsoDates() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(dates.date(LocalDate.of(2019, 5, 1))).isEqualTo("2019-05-01");
        assertThat(dates.dateTime(Instant.parse("2026-11-28T05:05:00Z"))).isEqualTo("2026-11-28 14:05");
    }
}
