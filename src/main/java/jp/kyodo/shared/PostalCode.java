package jp.kyodo.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Japanese postal code (郵便番号), held as seven half-width digits and shown as "367-8501".
 *
 * @param value the seven digits without a hyphen, e.g. "3678501"
 */
public record PostalCode(String value) {

    private static final Pattern SEVEN_DIGITS = Pattern.compile("[0-9]{7}");
    private static final Pattern INPUT = Pattern.compile("〒?\\s*([0-9]{3})-?([0-9]{4})");

    public PostalCode {
        if (value == null || !SEVEN_DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException("Postal code must be exactly 7 half-width digits: " + value);
        }
    }

    /**
     * Parses "367-8501", "3678501" or "〒367-8501", also with full-width digits and any dash-like character
     * ("３６７－８５０１", "367ー8501").
     */
    public static PostalCode parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("Postal code must not be null");
        }
        Matcher m = INPUT.matcher(TextNormalizer.unifyDashes(TextNormalizer.normalizeWidth(text)));
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a postal code (expected e.g. 367-8501): \"" + text + "\"");
        }
        return new PostalCode(m.group(1) + m.group(2));
    }

    /** The conventional written form, e.g. "367-8501". */
    public String format() {
        return value.substring(0, 3) + "-" + value.substring(3);
    }

    @Override
    public String toString() {
        return format();
    }
}
