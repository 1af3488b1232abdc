package jp.kyodo.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The hostile-input corpus ({@code security/hostile.txt}), read into entries by class. */
record HostileInput(String kind, String text) {

    /** Classes whose text is percent-encoded bytes, sent as they are (they are not valid UTF-8 once decoded). */
    static boolean percentEncoded(String kind) {
        return kind.endsWith("-percent") || kind.equals("invalid-utf8");
    }

    boolean percentEncoded() {
        return percentEncoded(kind);
    }

    /** Every entry, grouped by class in the order of the file. */
    static Map<String, List<HostileInput>> corpus() {
        Map<String, List<HostileInput>> byKind = new LinkedHashMap<>();
        try (InputStream in = HostileInput.class.getResourceAsStream("/security/hostile.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                String kind = line.substring(0, tab);
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(new HostileInput(kind, unescape(line.substring(tab + 1))));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return byKind;
    }

    private static final Pattern REPEAT = Pattern.compile("\\{\\{repeat:(.*?):(\\d+)}}");

    static String unescape(String raw) {
        Matcher repeat = REPEAT.matcher(raw);
        StringBuilder expanded = new StringBuilder();
        while (repeat.find()) {
            repeat.appendReplacement(expanded, Matcher.quoteReplacement(repeat.group(1).repeat(Integer.parseInt(repeat.group(2)))));
        }
        repeat.appendTail(expanded);
        String s = expanded.toString();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char next = s.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case '0' -> out.append('\0');
                case '\\' -> out.append('\\');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append('\\').append(next);
            }
        }
        return out.toString();
    }

    /** A short label for reports: the class and the first characters, with controls shown as code points. */
    String label() {
        StringBuilder b = new StringBuilder(kind).append(" «");
        text.codePoints().limit(24).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || (cp >= 0xD800 && cp <= 0xDFFF)) {
                b.append(String.format("\\u%04X", cp));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.append(text.length() > 24 ? "…(" + text.length() + ")" : "").append("»").toString();
    }
}
