package jp.kyodo.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.JapaneseDates;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Date formatting for templates ({@code ${@dates.date(d)}}): 和暦 with 西暦 in Japanese, ISO-like in English. */
@Component("dates")
public class Dates {

    private final CityProfile city;

    Dates(CityProfile city) {
        this.city = city;
    }

    public String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        return english() ? date.toString() : JapaneseDates.format(date);
    }

    /** The day (in the city's time zone) of a moment. */
    public String date(Instant instant) {
        return instant == null ? "" : date(LocalDateTime.ofInstant(instant, city.zone()).toLocalDate());
    }

    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        LocalDateTime local = LocalDateTime.ofInstant(instant, city.zone());
        return english() ? local.toLocalDate() + " " + String.format("%d:%02d", local.getHour(), local.getMinute())
                : JapaneseDates.formatDateTime(local);
    }

    public String today() {
        return date(LocalDate.now(city.zone()));
    }

    private static boolean english() {
        Locale locale = LocaleContextHolder.getLocale();
        return "en".equals(locale.getLanguage());
    }
}
