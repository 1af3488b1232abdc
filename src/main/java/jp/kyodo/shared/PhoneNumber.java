package jp.kyodo.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Japanese telephone number: its digits for storage and comparison, and a hyphenated form for display.
 *
 * <p>Equality covers both components, so compare {@link #digits()} to tell whether two entries are the same number.
 *
 * @param digits  10 or 11 half-width digits starting with 0, e.g. "0495251111"
 * @param display the same digits grouped with hyphens, e.g. "0495-25-1111"
 */
public record PhoneNumber(String digits, String display) {

    private static final Pattern DIGITS = Pattern.compile("0[0-9]{9,10}");
    private static final Pattern DISPLAY = Pattern.compile("[0-9]+(?:-[0-9]+)*");
    private static final Pattern ALLOWED = Pattern.compile("[0-9\\s()-]+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s()-]+");
    private static final String COUNTRY_CODE = "+81";
    private static final String TRUNK_PREFIX_IN_PARENTHESES = "(0)";

    public PhoneNumber {
        if (digits == null || !DIGITS.matcher(digits).matches()) {
            throw new IllegalArgumentException(
                    "Phone number must be 10 or 11 half-width digits starting with 0: " + digits);
        }
        if (display == null || !DISPLAY.matcher(display).matches() || !display.replace("-", "").equals(digits)) {
            throw new IllegalArgumentException("Phone number display \"" + display + "\" does not match " + digits);
        }
    }

    /**
     * Parses a number typed with full-width digits, any dashes, parentheses ("0495(25)1111") or spaces, or in
     * international form ("+81 495-25-1111", "+81 (0)495-25-1111").
     *
     * <p>The user's grouping is kept, with parentheses and spaces turned into hyphens. Bare digits get the fixed
     * grouping of mobile/IP numbers (090-1234-5678), 0120/0570 (0120-123-456) and 0800 (0800-123-4567); other
     * bare numbers stay ungrouped because the length of area codes varies.
     */
    public static PhoneNumber parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("Phone number must not be null");
        }
        String normalized = TextNormalizer.unifyDashes(TextNormalizer.normalizeWidth(text));
        boolean international = normalized.startsWith(COUNTRY_CODE);
        if (international) {
            normalized = normalized.substring(COUNTRY_CODE.length()).replaceFirst("^[\\s-]+", "");
            if (normalized.startsWith(TRUNK_PREFIX_IN_PARENTHESES)) {
                normalized = normalized.substring(TRUNK_PREFIX_IN_PARENTHESES.length());
            }
        }
        if (!ALLOWED.matcher(normalized).matches()) {
            throw new IllegalArgumentException("Not a phone number: \"" + text + "\"");
        }
        List<String> groups = new ArrayList<>(
                Arrays.stream(SEPARATORS.split(normalized)).filter(group -> !group.isEmpty()).toList());
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("Not a phone number: \"" + text + "\"");
        }
        if (international) {
            if (groups.getFirst().startsWith("0")) {
                throw new IllegalArgumentException("After +81 the number must not start with 0: \"" + text + "\"");
            }
            groups.set(0, "0" + groups.getFirst());
        }
        String digits = String.join("", groups);
        if (!DIGITS.matcher(digits).matches()) {
            throw new IllegalArgumentException(
                    "Phone number must have 10 or 11 digits starting with 0: \"" + text + "\"");
        }
        return new PhoneNumber(digits, groups.size() > 1 ? String.join("-", groups) : conventionalGrouping(digits));
    }

    /** The hyphenated form, e.g. "0495-25-1111". */
    public String format() {
        return display;
    }

    @Override
    public String toString() {
        return display;
    }

    private static String conventionalGrouping(String digits) {
        // 0800 free dial before mobiles, since it also starts with 080.
        if (digits.length() == 11 && digits.startsWith("0800")) {
            return group(digits, 4, 3);
        }
        if (digits.length() == 11 && digits.matches("0[5789]0.*")) {
            return group(digits, 3, 4);
        }
        if (digits.length() == 10 && (digits.startsWith("0120") || digits.startsWith("0570"))) {
            return group(digits, 4, 3);
        }
        return digits;
    }

    private static String group(String digits, int first, int second) {
        return digits.substring(0, first) + "-" + digits.substring(first, first + second) + "-"
                + digits.substring(first + second);
    }
}
