package jp.kyodo.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalizes text typed by Japanese users (full-width letters, half-width katakana, hiragana versus katakana) for
 * storage, validation and matching.
 *
 * <p>All methods return {@code null} for {@code null} input, because optional form fields arrive as {@code null}.
 */
public final class TextNormalizer {

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+");
    private static final String FULL_WIDTH_SPACE = "\u3000";
    private static final int KANA_OFFSET = 'ア' - 'あ';

    // Characters people use for the hyphen in numbers; ー and ｰ appear because IMEs produce them in kana mode.
    private static final String DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u30fc\uff0d\uff70\ufe63";

    private TextNormalizer() {
    }

    /**
     * Turns full-width ASCII into half-width, half-width katakana into full-width (composing "ｶﾞ" into "ガ") and the
     * ideographic space into an ASCII space, then trims.
     *
     * <p>This is Unicode NFKC, so compatibility characters are also expanded: "①" becomes "1", "㈱" becomes "(株)" and
     * "㍻" becomes "平成". CJK compatibility ideographs (such as 神 U+FA19) are kept as typed, because they are
     * deliberate variant forms in people's and places' names.
     */
    public static String normalizeWidth(String text) {
        if (text == null) {
            return null;
        }
        return nfkcKeepingCompatibilityIdeographs(text).strip();
    }

    /** Turns hiragana into katakana (including ゝゞ into ヽヾ) and leaves everything else alone. */
    public static String toKatakana(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hiragana = (c >= 'ぁ' && c <= 'ゖ') || c == 'ゝ' || c == 'ゞ';
            out.append(hiragana ? (char) (c + KANA_OFFSET) : c);
        }
        return out.toString();
    }

    /** Turns katakana into hiragana where a hiragana exists (not ヷヸヹヺ) and leaves everything else alone. */
    public static String toHiragana(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean katakana = (c >= 'ァ' && c <= 'ヶ') || c == 'ヽ' || c == 'ヾ';
            out.append(katakana ? (char) (c - KANA_OFFSET) : c);
        }
        return out.toString();
    }

    /**
     * Normalizes a name reading to full-width katakana with single full-width spaces between parts, as Japanese forms
     * write it ("ほんじょう  たろう" becomes "ホンジョウ　タロウ").
     */
    public static String furigana(String text) {
        if (text == null) {
            return null;
        }
        return WHITESPACE.matcher(toKatakana(normalizeWidth(text))).replaceAll(FULL_WIDTH_SPACE);
    }

    /**
     * Whether the text is a katakana reading: at least one full-width katakana and otherwise only katakana, "ー",
     * "・" and spaces.
     */
    public static boolean isKatakanaReading(String text) {
        if (text == null) {
            return false;
        }
        boolean hasKatakana = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'ァ' && c <= 'ヺ') || c == 'ヽ' || c == 'ヾ') {
                hasKatakana = true;
            } else if (c != 'ー' && c != '・' && c != ' ' && c != '\u3000') {
                return false;
            }
        }
        return hasKatakana;
    }

    /**
     * A key for matching that ignores width, letter case and hiragana/katakana, with whitespace collapsed to one
     * ASCII space: "ほんじょう", "ﾎﾝｼﾞｮｳ" and "ホンジョウ" share the key "ホンジョウ".
     *
     * <p>Unlike {@link #normalizeWidth}, this also folds CJK compatibility ideographs into their unified forms so that
     * a search for "神社" finds "神社".
     */
    public static String searchKey(String text) {
        if (text == null) {
            return null;
        }
        String folded = toKatakana(nfkc(text).toLowerCase(Locale.ROOT));
        return WHITESPACE.matcher(folded).replaceAll(" ").strip();
    }

    /**
     * Normalizes an e-mail address typed with a Japanese IME: half-width, trimmed and lower-case.
     *
     * <p>Lower-casing the local part is technically lossy but matches how every mailbox provider behaves in practice.
     */
    public static String emailAddress(String text) {
        if (text == null) {
            return null;
        }
        return normalizeWidth(text).toLowerCase(Locale.ROOT);
    }

    /** Replaces every dash-like character with "-", for numeric codes only (it would break "センター"). */
    static String unifyDashes(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(DASHES.indexOf(c) >= 0 ? '-' : c);
        }
        return out.toString();
    }

    private static String nfkc(String text) {
        return Normalizer.normalize(combiningSoundMarks(text), Normalizer.Form.NFKC);
    }

    private static String nfkcKeepingCompatibilityIdeographs(String text) {
        String prepared = combiningSoundMarks(text);
        StringBuilder out = new StringBuilder(prepared.length());
        int segmentStart = 0;
        int i = 0;
        while (i < prepared.length()) {
            int codePoint = prepared.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            if (isCompatibilityIdeograph(codePoint)) {
                // Normalizing around the ideograph is safe: it is a starter and never combines with its neighbours.
                out.append(Normalizer.normalize(prepared.substring(segmentStart, i), Normalizer.Form.NFKC));
                out.appendCodePoint(codePoint);
                segmentStart = next;
            }
            i = next;
        }
        out.append(Normalizer.normalize(prepared.substring(segmentStart), Normalizer.Form.NFKC));
        return out.toString();
    }

    private static boolean isCompatibilityIdeograph(int codePoint) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(codePoint);
        return block == Character.UnicodeBlock.CJK_COMPATIBILITY_IDEOGRAPHS
                || block == Character.UnicodeBlock.CJK_COMPATIBILITY_IDEOGRAPHS_SUPPLEMENT;
    }

    /**
     * Turns the spacing sound marks ゛゜ after kana into combining ones, because NFKC would otherwise turn "か゛"
     * into "か ゙" (with a space) instead of "が".
     */
    private static String combiningSoundMarks(String text) {
        if (text.indexOf('゛') < 0 && text.indexOf('゜') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean afterKana = i > 0 && isKana(text.charAt(i - 1));
            if (c == '゛' && afterKana) {
                out.append('\u3099');
            } else if (c == '゜' && afterKana) {
                out.append('\u309a');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isKana(char c) {
        return (c >= 'ぁ' && c <= 'ゖ') || (c >= 'ァ' && c <= 'ヺ') || (c >= 'ｦ' && c <= 'ﾝ');
    }
}
