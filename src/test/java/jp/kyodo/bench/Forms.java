package jp.kyodo.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the forms of a page the portal rendered, as a browser would: a form's hidden fields, the choices of a field. */
final class Forms {

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<(input|option)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:-]+)\\s*=\\s*(\"([^\"]*)\"|'([^']*)')");

    private Forms() {
    }

    /** The hidden fields of the first form whose action contains {@code action}; empty when there is none. */
    static Map<String, String> hidden(String html, String action) {
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            String formAction = attributes(form.group(1)).getOrDefault("action", "");
            if (formAction.contains(action)) {
                Map<String, String> fields = new LinkedHashMap<>();
                Matcher input = INPUT.matcher(form.group(2));
                while (input.find()) {
                    Map<String, String> a = attributes(input.group(2));
                    if (input.group(1).equalsIgnoreCase("input") && "hidden".equalsIgnoreCase(a.get("type")) && a.containsKey("name")) {
                        fields.put(a.get("name"), a.getOrDefault("value", ""));
                    }
                }
                return fields;
            }
        }
        return Map.of();
    }

    /** The values offered for a field: its radio buttons' or check boxes' values, or its select's options. */
    static List<String> choices(String html, String name) {
        List<String> values = new ArrayList<>();
        Matcher select = Pattern.compile("<select\\b[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*>(.*?)</select>", Pattern.DOTALL)
                .matcher(html);
        while (select.find()) {
            Matcher option = INPUT.matcher(select.group(1));
            while (option.find()) {
                String value = attributes(option.group(2)).get("value");
                if (value != null && !value.isEmpty()) {
                    values.add(value);
                }
            }
        }
        Matcher input = INPUT.matcher(html);
        while (input.find()) {
            Map<String, String> a = attributes(input.group(2));
            if (input.group(1).equalsIgnoreCase("input") && name.equals(a.get("name"))
                    && ("radio".equalsIgnoreCase(a.get("type")) || "checkbox".equalsIgnoreCase(a.get("type")))) {
                values.add(a.getOrDefault("value", ""));
            }
        }
        return values;
    }

    static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher a = ATTRIBUTE.matcher(tag);
        while (a.find()) {
            attributes.put(a.group(1).toLowerCase(), unescape(a.group(3) != null ? a.group(3) : a.group(4)));
        }
        return attributes;
    }

    static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
