package jp.kyodo.search;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import jp.kyodo.shared.TextNormalizer;

/** Cuts the piece of a document's text that a hit shows: around the first searched word found, or its beginning. */
final class Snippets {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final String CUT = "…";
    // A word found only further in than this is not looked for: the snippet then shows the beginning.
    private static final int MAX_SCAN = 20_000;

    private Snippets() {
    }

    /**
     * About {@code length} characters of the text, starting a little before the earliest place where one of the
     * needles occurs; needles are compared folded like {@link TextNormalizer#searchKey} (width, case, kana).
     */
    static String around(String text, List<String> needles, int length) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        int match = firstMatch(text, needles);
        int start = match < 0 ? 0 : Math.max(0, match - length / 4);
        int end = Math.min(text.length(), start + length);
        if (end == text.length()) {
            start = Math.max(0, end - length);
        }
        start = boundary(text, start);
        end = boundary(text, end);
        String piece = WHITESPACE.matcher(text.substring(start, end)).replaceAll(" ").strip();
        return (start > 0 ? CUT : "") + piece + (end < text.length() ? CUT : "");
    }

    private static int firstMatch(String text, List<String> needles) {
        Folded folded = Folded.of(text);
        int best = -1;
        for (String needle : needles) {
            if (needle == null || needle.isEmpty()) {
                continue;
            }
            int at = folded.text.indexOf(needle);
            if (at >= 0 && (best < 0 || folded.origin[at] < best)) {
                best = folded.origin[at];
            }
        }
        return best;
    }

    /** A piece of shown text, marked when it is a searched word. */
    record Segment(String text, boolean marked) {
    }

    /** The text cut where the needles occur (folded as in {@link #around}), the longest needle winning at each place. */
    static List<Segment> marked(String text, List<String> needles) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Folded folded = Folded.of(text);
        boolean[] mark = new boolean[text.length()];
        for (String needle : needles) {
            if (needle == null || needle.isEmpty()) {
                continue;
            }
            for (int at = folded.text.indexOf(needle); at >= 0; at = folded.text.indexOf(needle, at + 1)) {
                int from = folded.origin[at];
                int end = at + needle.length();
                int to = end < folded.text.length() ? folded.origin[end] : folded.scanned;
                for (int i = from; i < to; i++) {
                    mark[i] = true;
                }
            }
        }
        List<Segment> segments = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || mark[i] != mark[start]) {
                segments.add(new Segment(text.substring(start, i), mark[start]));
                start = i;
            }
        }
        return segments;
    }

    // The text folded character by character, with where each folded character came from in the original.
    private record Folded(StringBuilder text, int[] origin, int scanned) {

        static Folded of(String text) {
            StringBuilder folded = new StringBuilder(text.length());
            int[] origin = new int[text.length() + 16];
            int scanned = Math.min(text.length(), MAX_SCAN);
            int i = 0;
            while (i < scanned) {
                int codePoint = text.codePointAt(i);
                int next = i + Character.charCount(codePoint);
                // A sound mark belongs to the kana before it: ﾎﾞ folds to ボ only when folded together.
                while (next < text.length() && isSoundMark(text.charAt(next))) {
                    next++;
                }
                String key = fold(text, i, next, codePoint);
                for (int k = 0; k < key.length(); k++) {
                    if (folded.length() == origin.length) {
                        origin = Arrays.copyOf(origin, origin.length * 2);
                    }
                    origin[folded.length()] = i;
                    folded.append(key.charAt(k));
                }
                i = next;
            }
            return new Folded(folded, origin, i);
        }
    }

    // The common characters fold without Unicode normalization, which would be slow for every character of every hit.
    private static String fold(String text, int from, int to, int codePoint) {
        if (Character.isWhitespace(codePoint)) {
            return " ";
        }
        if (to == from + 1) {
            char c = (char) codePoint;
            if (c < 0x80) {
                return String.valueOf(Character.toLowerCase(c));
            }
            if ((c >= 'ぁ' && c <= 'ゖ') || (c >= 'ァ' && c <= 'ヶ') || (c >= '\u4e00' && c <= '\u9fff') || c == 'ー') {
                return TextNormalizer.toKatakana(String.valueOf(c));
            }
        }
        return TextNormalizer.searchKey(text.substring(from, to));
    }

    private static boolean isSoundMark(char c) {
        return c == '\uff9e' || c == '\uff9f' || c == '\u3099' || c == '\u309a' || c == '゛' || c == '゜';
    }

    // Never cut a surrogate pair in half.
    private static int boundary(String text, int index) {
        return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index)) ? index - 1 : index;
    }
}
