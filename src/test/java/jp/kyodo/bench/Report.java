package jp.kyodo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The benchmark's figures, each with its baseline and their ratio where there is one, printed and written as Markdown and JSON. */
final class Report {

    /** One figure. {@code baseline} and {@code ratio} are null where the figure has none. */
    record Figure(String section, String item, Double value, String unit, String baselineName, Double baseline, Double ratio, String note) {
    }

    /** One of the targets. */
    record Target(String name, boolean met, String measured) {
    }

    final Map<String, String> facts = new LinkedHashMap<>();
    final List<Figure> figures = new ArrayList<>();
    final List<Target> targets = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    void fact(String name, Object value) {
        facts.put(name, String.valueOf(value));
        System.out.println("  " + name + ": " + value);
    }

    void figure(String section, String item, double value, String unit, String note) {
        add(new Figure(section, item, value, unit, null, null, null, note));
    }

    /** A figure against its baseline; the ratio says how many times better the figure is (higher is better either way). */
    void compared(String section, String item, double value, String unit, String baselineName, double baseline, boolean lowerIsBetter,
                  String note) {
        double ratio = lowerIsBetter ? (value == 0 ? 0 : baseline / value) : (baseline == 0 ? 0 : value / baseline);
        add(new Figure(section, item, value, unit, baselineName, baseline, ratio, note));
    }

    private void add(Figure f) {
        figures.add(f);
        System.out.printf(Locale.ROOT, "  %-28s %-44s %12s %-6s%s%s%n", f.section(), f.item(), number(f.value()), f.unit(),
                f.baseline() == null ? "" : "  vs " + f.baselineName() + " " + number(f.baseline()) + " (" + ratio(f.ratio()) + ")",
                f.note() == null ? "" : "  [" + f.note() + "]");
    }

    void target(String name, boolean met, String measured) {
        targets.add(new Target(name, met, measured));
        System.out.println("  " + (met ? "MET     " : "NOT MET ") + name + " — " + measured);
    }

    void note(String text) {
        notes.add(text);
        System.out.println("  note: " + text);
    }

    static String number(Double v) {
        if (v == null) {
            return "";
        }
        double a = Math.abs(v);
        return a >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : a >= 10 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }

    static String ratio(Double r) {
        if (r == null) {
            return "";
        }
        return String.format(Locale.ROOT, r >= 10 ? "%.0f×" : r >= 1 ? "%.1f×" : r >= 0.01 ? "%.2f×" : "%.3f×", r);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("| | |\n|---|---|\n");
        facts.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v.replace("|", "\\|").replace("\n", "<br>")).append(" |\n"));
        String section = null;
        for (Figure f : figures) {
            if (!f.section().equals(section)) {
                section = f.section();
                md.append("\n### ").append(section).append("\n\n| measurement | value | baseline | ratio | note |\n|---|---:|---:|---:|---|\n");
            }
            md.append("| ").append(f.item()).append(" | ").append(number(f.value())).append(' ').append(f.unit()).append(" | ")
                    .append(f.baseline() == null ? "" : number(f.baseline()) + " " + f.unit() + " (" + f.baselineName() + ")").append(" | ")
                    .append(ratio(f.ratio())).append(" | ").append(f.note() == null ? "" : f.note()).append(" |\n");
        }
        md.append("\n### Targets (issue 11, on 2 cores)\n\n| target | result | measured |\n|---|---|---|\n");
        for (Target t : targets) {
            md.append("| ").append(t.name()).append(" | ").append(t.met() ? "**MET**" : "**NOT MET**").append(" | ").append(t.measured()).append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append("\n### Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }

    void write(Path dir) throws IOException {
        Files.writeString(dir.resolve("results.md"), markdown(), StandardCharsets.UTF_8);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("facts", facts);
        json.put("figures", figures);
        json.put("targets", targets);
        json.put("notes", notes);
        Files.writeString(dir.resolve("results.json"),
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(json), StandardCharsets.UTF_8);
    }
}
