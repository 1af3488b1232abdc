package jp.kyodo.shared;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Formats dates the way Japanese city documents write them (和暦 with the Western year) and parses what residents type.
 */
public final class JapaneseDates {

    private static final String ERA_KANJI = Arrays.stream(JapaneseEra.values())
            .map(JapaneseEra::kanji).collect(Collectors.joining("|"));
    private static final String ERA_LETTERS = Arrays.stream(JapaneseEra.values())
            .map(JapaneseEra::abbreviation).collect(Collectors.joining());

    // Whitespace is removed before matching, so these patterns never see spaces.
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");
    private static final Pattern WESTERN = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})");
    private static final Pattern WESTERN_KANJI = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日");
    private static final Pattern ERA_IN_KANJI = Pattern.compile(
            "(" + ERA_KANJI + ")(元|\\d{1,2})年(?:\\((\\d{4})年\\))?(\\d{1,2})月(\\d{1,2})日");
    private static final Pattern ERA_IN_LETTER = Pattern.compile(
            "([" + ERA_LETTERS + "])(元|\\d{1,2})([-/.])(\\d{1,2})\\3(\\d{1,2})", Pattern.CASE_INSENSITIVE);

    private JapaneseDates() {
    }

    /** E.g. "令和8年(2026年)11月28日"; before 1873 only the Western form "1868年1月1日". */
    public static String format(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return JapaneseEra.of(date)
                .map(era -> eraYear(era, date) + "(" + date.getYear() + "年)" + monthDay(date))
                .orElseGet(() -> western(date));
    }

    /** E.g. "令和8年11月28日"; before 1873 only the Western form "1868年1月1日". */
    public static String formatWareki(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return JapaneseEra.of(date)
                .map(era -> eraYear(era, date) + monthDay(date))
                .orElseGet(() -> western(date));
    }

    /** E.g. "令和8年(2026年)11月28日 14:05"; the hour is not zero-padded ("9:05"). */
    public static String formatDateTime(LocalDateTime dateTime) {
        Objects.requireNonNull(dateTime, "dateTime");
        return format(dateTime.toLocalDate()) + " " + dateTime.getHour() + ":"
                + String.format("%02d", dateTime.getMinute());
    }

    /**
     * Parses a date typed in any common Japanese or ISO-like form, full-width characters and spaces included.
     *
     * <p>Accepted: "2026-11-28", "2026/1/5", "2026.11.28", "2026年11月28日", "令和8年11月28日", "令和元年5月1日",
     * "令和8年(2026年)11月28日" (the output of {@link #format}), "R8.11.28", "R8/11/28" and "H31.4.30".
     *
     * @throws IllegalArgumentException if the text is not a date, the date does not exist, or the era had not begun or
     *         had already ended on that date (e.g. "平成32年1月1日", "令和元年4月1日")
     */
    public static LocalDate parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("Date text must not be null");
        }
        String normalized = WHITESPACE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
        Matcher m = WESTERN.matcher(normalized);
        if (m.matches()) {
            return date(text, number(m.group(1)), number(m.group(3)), number(m.group(4)));
        }
        m = WESTERN_KANJI.matcher(normalized);
        if (m.matches()) {
            return date(text, number(m.group(1)), number(m.group(2)), number(m.group(3)));
        }
        m = ERA_IN_KANJI.matcher(normalized);
        if (m.matches()) {
            JapaneseEra era = eraByKanji(m.group(1));
            LocalDate date = eraDate(text, era, m.group(2), number(m.group(4)), number(m.group(5)));
            if (m.group(3) != null && number(m.group(3)) != date.getYear()) {
                throw new IllegalArgumentException("Western year " + m.group(3) + " does not match " + era.kanji()
                        + m.group(2) + "年 in \"" + text + "\"");
            }
            return date;
        }
        m = ERA_IN_LETTER.matcher(normalized);
        if (m.matches()) {
            return eraDate(text, eraByLetter(m.group(1)), m.group(2), number(m.group(4)), number(m.group(5)));
        }
        throw new IllegalArgumentException("Not a recognised date: \"" + text + "\"");
    }

    /** Like {@link #parse} but empty instead of throwing, for null or unparseable text. */
    public static Optional<LocalDate> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String eraYear(JapaneseEra era, LocalDate date) {
        return era.kanji() + JapaneseEra.yearText(era.yearOf(date)) + "年";
    }

    private static String monthDay(LocalDate date) {
        return date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private static String western(LocalDate date) {
        return date.getYear() + "年" + monthDay(date);
    }

    private static LocalDate eraDate(String text, JapaneseEra era, String eraYear, int month, int day) {
        int year = "元".equals(eraYear) ? 1 : number(eraYear);
        if (year < 1) {
            throw new IllegalArgumentException("Era year must be at least 1 in \"" + text + "\"");
        }
        LocalDate date = date(text, era.toGregorianYear(year), month, day);
        if (!era.contains(date)) {
            throw new IllegalArgumentException("\"" + text + "\" (" + date + ") is not within " + era.kanji());
        }
        return date;
    }

    private static LocalDate date(String text, int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("No such date: \"" + text + "\"", e);
        }
    }

    private static int number(String digits) {
        return Integer.parseInt(digits);
    }

    private static JapaneseEra eraByKanji(String kanji) {
        return Arrays.stream(JapaneseEra.values()).filter(era -> era.kanji().equals(kanji)).findFirst().orElseThrow();
    }

    private static JapaneseEra eraByLetter(String letter) {
        return Arrays.stream(JapaneseEra.values())
                .filter(era -> era.abbreviation().equalsIgnoreCase(letter)).findFirst().orElseThrow();
    }
}
