package jp.kyodo.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text as pages show it: paragraphs split at blank lines, lines kept, and web addresses (http and https only)
 * made into links. Templates print each piece as text, so nothing typed is ever read as HTML.
 */
final class NewsText {

    /** A piece of a line: text, or a link whose text is its address. */
    record Piece(String text, boolean link) {
    }

    /** A paragraph: its lines, each a list of pieces. */
    record Paragraph(List<List<Piece>> lines) {
    }

    // Stops at whitespace, Japanese punctuation and brackets, which end an address in running Japanese text.
    private static final Pattern URL = Pattern.compile("https?://[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'*+,;=%]+");

    private NewsText() {
    }

    static List<Paragraph> paragraphs(String text) {
        List<Paragraph> paragraphs = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return paragraphs;
        }
        for (String block : text.replace("\r\n", "\n").replace('\r', '\n').strip().split("\n\\s*\n")) {
            List<List<Piece>> lines = new ArrayList<>();
            for (String line : block.strip().split("\n")) {
                lines.add(pieces(line));
            }
            paragraphs.add(new Paragraph(lines));
        }
        return paragraphs;
    }

    static List<Piece> pieces(String line) {
        List<Piece> pieces = new ArrayList<>();
        Matcher m = URL.matcher(line);
        int at = 0;
        while (m.find()) {
            String url = m.group();
            // A sentence's closing punctuation is not part of the address.
            int end = url.length();
            while (end > 0 && ".,;:!?)'".indexOf(url.charAt(end - 1)) >= 0) {
                end--;
            }
            url = url.substring(0, end);
            if (m.start() > at) {
                pieces.add(new Piece(line.substring(at, m.start()), false));
            }
            pieces.add(new Piece(url, true));
            at = m.start() + end;
        }
        if (at < line.length()) {
            pieces.add(new Piece(line.substring(at), false));
        }
        return pieces;
    }

    /** The first characters of the text on one line, for lists and the feed's summaries. */
    static String summary(String text, int max) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
