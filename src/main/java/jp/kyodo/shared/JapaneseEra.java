package jp.kyodo.shared;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A Japanese era (元号) with its kanji name, romaji initial and first day, from 明治 onwards.
 *
 * <p>This is our own table rather than {@link java.time.chrono.JapaneseEra}, which treats 明治 differently. Dates
 * before {@link #EARLIEST_SUPPORTED_DATE} belong to no era here: Japan used the lunisolar calendar until 明治5年, so a
 * Gregorian date before 1873 has no meaningful 和暦 month and day.
 */
public enum JapaneseEra {

    MEIJI("明治", "M", LocalDate.of(1868, 1, 25)),
    TAISHO("大正", "T", LocalDate.of(1912, 7, 30)),
    SHOWA("昭和", "S", LocalDate.of(1926, 12, 25)),
    HEISEI("平成", "H", LocalDate.of(1989, 1, 8)),
    REIWA("令和", "R", LocalDate.of(2019, 5, 1));

    /** The first date (明治6年1月1日, when Japan adopted the Gregorian calendar) that maps to an era. */
    public static final LocalDate EARLIEST_SUPPORTED_DATE = LocalDate.of(1873, 1, 1);

    private final String kanji;
    private final String abbreviation;
    private final LocalDate startDate;

    JapaneseEra(String kanji, String abbreviation, LocalDate startDate) {
        this.kanji = kanji;
        this.abbreviation = abbreviation;
        this.startDate = startDate;
    }

    /** The era in force on the given date, or empty before {@link #EARLIEST_SUPPORTED_DATE}. */
    public static Optional<JapaneseEra> of(LocalDate date) {
        Objects.requireNonNull(date, "date");
        if (date.isBefore(EARLIEST_SUPPORTED_DATE)) {
            return Optional.empty();
        }
        JapaneseEra[] eras = values();
        for (int i = eras.length - 1; i >= 0; i--) {
            if (!date.isBefore(eras[i].startDate)) {
                return Optional.of(eras[i]);
            }
        }
        throw new IllegalStateException("No era for " + date);
    }

    /** The kanji name, e.g. "令和". */
    public String kanji() {
        return kanji;
    }

    /** The romaji initial used in short forms such as "R8.11.28". */
    public String abbreviation() {
        return abbreviation;
    }

    /** The era's historical first day (for 明治, earlier than the first supported date). */
    public LocalDate startDate() {
        return startDate;
    }

    /** Whether the date is supported and falls within this era. */
    public boolean contains(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return of(date).filter(this::equals).isPresent();
    }

    /** The year of this era (1 for 元年) in which the date falls. */
    public int yearOf(LocalDate date) {
        if (!contains(date)) {
            throw new IllegalArgumentException(date + " is not within " + kanji);
        }
        return date.getYear() - startDate.getYear() + 1;
    }

    /** The Gregorian year of the given year of this era, without checking that the era lasted that long. */
    public int toGregorianYear(int eraYear) {
        if (eraYear < 1) {
            throw new IllegalArgumentException("Era year must be at least 1: " + eraYear);
        }
        return startDate.getYear() + eraYear - 1;
    }

    /** The written year within an era: the first year is "元", not "1". */
    static String yearText(int eraYear) {
        return eraYear == 1 ? "元" : Integer.toString(eraYear);
    }
}
