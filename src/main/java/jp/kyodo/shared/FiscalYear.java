package jp.kyodo.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.Objects;
import java.util.Optional;

/**
 * A Japanese fiscal year (年度), running from 1 April to 31 March of the following calendar year.
 *
 * @param startYear the calendar year in which the fiscal year begins (1 to 9998)
 */
public record FiscalYear(int startYear) implements Comparable<FiscalYear> {

    private static final int MIN_START_YEAR = 1;
    private static final int MAX_START_YEAR = 9998;

    public FiscalYear {
        if (startYear < MIN_START_YEAR || startYear > MAX_START_YEAR) {
            throw new IllegalArgumentException(
                    "Fiscal year must start between " + MIN_START_YEAR + " and " + MAX_START_YEAR + ": " + startYear);
        }
    }

    /** The fiscal year containing the date: January to March belong to the fiscal year that began the year before. */
    public static FiscalYear of(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return new FiscalYear(date.getMonthValue() >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1);
    }

    /** The fiscal year of today in the clock's zone, so pass a clock in Asia/Tokyo. */
    public static FiscalYear current(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return of(LocalDate.now(clock));
    }

    /** 1 April of the start year. */
    public LocalDate start() {
        return LocalDate.of(startYear, Month.APRIL, 1);
    }

    /** 31 March of the year after the start year. */
    public LocalDate end() {
        return LocalDate.of(startYear + 1, Month.MARCH, 31);
    }

    public boolean contains(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    public FiscalYear next() {
        return new FiscalYear(startYear + 1);
    }

    public FiscalYear previous() {
        return new FiscalYear(startYear - 1);
    }

    /**
     * The 和暦 name, e.g. "令和8年度", or just "1872年度" before the supported eras.
     *
     * <p>The era is the one in force at the end of the start year: municipalities call FY2019 "令和元年度" although
     * it began in 平成31年, yet FY1988 "昭和63年度" although 平成 began before it ended.
     */
    public String japaneseLabel() {
        return era().map(era -> era.kanji() + JapaneseEra.yearText(startYear - era.startDate().getYear() + 1) + "年度")
                .orElseGet(this::westernLabel);
    }

    /** The 和暦 name with the Western year, e.g. "令和8年度(2026年度)". */
    public String label() {
        return era().isPresent() ? japaneseLabel() + "(" + westernLabel() + ")" : westernLabel();
    }

    @Override
    public int compareTo(FiscalYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    private Optional<JapaneseEra> era() {
        return JapaneseEra.of(LocalDate.of(startYear, Month.DECEMBER, 31));
    }

    private String westernLabel() {
        return startYear + "年度";
    }
}
