package jp.kyodo.shared;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * Amounts of money in whole yen, as people type them on forms: full-width digits, thousands separators (， or ,),
 * a trailing 円 or a leading ¥ are accepted; decimals, negative amounts and words are not.
 */
public final class Yen {

    /** Ten billion yen: larger than any civic budget line, small enough to add up safely. */
    public static final long MAX = 10_000_000_000L;

    private Yen() {
    }

    /** The amount typed, in yen; IllegalArgumentException with a reason code if it is not one. */
    public static long parse(String typed) {
        if (typed == null || typed.isBlank()) {
            throw new IllegalArgumentException("blank");
        }
        String s = TextNormalizer.normalizeWidth(typed).strip()
                .replace("円", "").replace("¥", "").replace("\\", "").replace(",", "").replace("，", "").replace(" ", "").strip();
        if (s.startsWith("-") || s.startsWith("−") || s.startsWith("▲") || s.startsWith("△")) {
            throw new IllegalArgumentException("negative");
        }
        if (!s.matches("[0-9]{1,11}")) {
            throw new IllegalArgumentException("notNumber");
        }
        long value = Long.parseLong(s);
        if (value > MAX) {
            throw new IllegalArgumentException("tooLarge");
        }
        return value;
    }

    /** 1234567 → "1,234,567円". */
    public static String format(long yen) {
        return NumberFormat.getIntegerInstance(Locale.JAPAN).format(yen) + "円";
    }
}
