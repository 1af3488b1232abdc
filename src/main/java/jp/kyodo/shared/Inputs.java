package jp.kyodo.shared;

import java.time.LocalDate;

/**
 * Reading what was typed into a form field: each method returns the clean value or throws an
 * {@link InvalidInputException} naming the field and the Japanese message to show next to it.
 */
public final class Inputs {

    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("^[A-Za-z0-9._%+\\-']+@[A-Za-z0-9.\\-]+\\.[A-Za-z]{2,}$");

    private Inputs() {
    }

    /** Whether the text (already normalized, see {@link TextNormalizer#emailAddress}) is a deliverable-looking address. */
    public static boolean isEmailAddress(String text) {
        return text != null && text.length() <= 254 && EMAIL.matcher(text).matches();
    }

    /** Trimmed text, or null when blank; refused when longer than {@code max}. */
    public static String optional(String field, String raw, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        if (value.length() > max) {
            throw new InvalidInputException(field, "validation.tooLong", max);
        }
        return value;
    }

    public static String required(String field, String raw, int max) {
        String value = optional(field, raw, max);
        if (value == null) {
            throw new InvalidInputException(field, "validation.required");
        }
        return value;
    }

    /** A date in any form {@link JapaneseDates} reads (2026-04-01, 令和8年4月1日, R8.4.1), or null when blank. */
    public static LocalDate date(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return JapaneseDates.tryParse(raw).orElseThrow(() -> new InvalidInputException(field, "validation.date"));
    }

    public static LocalDate requiredDate(String field, String raw) {
        LocalDate date = date(field, raw);
        if (date == null) {
            throw new InvalidInputException(field, "validation.required");
        }
        return date;
    }

    /** An amount in yen ({@link Yen#parse}), or null when blank. */
    public static Long yen(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Yen.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "validation.yen." + e.getMessage());
        }
    }

    /** A whole number between min and max (full-width digits accepted), or null when blank. */
    public static Integer integer(String field, String raw, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = TextNormalizer.normalizeWidth(raw).strip().replace(",", "");
        if (!s.matches("-?[0-9]{1,9}")) {
            throw new InvalidInputException(field, "validation.number");
        }
        int value = Integer.parseInt(s);
        if (value < min || value > max) {
            throw new InvalidInputException(field, "validation.range", min, max);
        }
        return value;
    }
}
