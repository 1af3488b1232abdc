package jp.kyodo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The generator's files the benchmark reads: {@code queries.tsv} (q, type, field, area: the parameters of
 * {@code GET /api/v1/groups}, empty when unused) and {@code labels.tsv} (the same four and the registration numbers
 * of the groups a person typing q wants, comma-separated).
 */
final class BenchFiles {

    private BenchFiles() {
    }

    /** One directory search: every part may be empty. */
    record Query(String q, String type, String field, String area) {

        boolean hasWords() {
            return !q.isBlank();
        }
    }

    /** A query and the groups (registration numbers) it should find. */
    record Label(Query query, Set<String> expected) {
    }

    static List<Query> queries(Path file) throws IOException {
        return parseQueries(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    static List<Label> labels(Path file) throws IOException {
        return parseLabels(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    static List<Query> parseQueries(List<String> lines) {
        List<Query> queries = new ArrayList<>();
        for (String line : lines) {
            if (skip(line)) {
                continue;
            }
            queries.add(query(columns(line, 4)));
        }
        return queries;
    }

    static List<Label> parseLabels(List<String> lines) {
        List<Label> labels = new ArrayList<>();
        for (String line : lines) {
            if (skip(line)) {
                continue;
            }
            String[] c = columns(line, 5);
            Set<String> expected = new LinkedHashSet<>();
            Arrays.stream(c[4].split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(expected::add);
            labels.add(new Label(query(c), expected));
        }
        return labels;
    }

    /**
     * Empty lines and a header line (first columns "q", "type") are not data. A line of tabs only is: the directory
     * with no words and no filter.
     */
    private static boolean skip(String line) {
        String stripped = line.replace("\uFEFF", "").replace("\r", "");
        return stripped.isEmpty() || stripped.startsWith("q\ttype\t");
    }

    private static String[] columns(String line, int n) {
        String[] raw = line.replace("\uFEFF", "").replace("\r", "").split("\t", -1);
        String[] c = new String[n];
        for (int i = 0; i < n; i++) {
            c[i] = i < raw.length ? raw[i].strip() : "";
        }
        return c;
    }

    private static Query query(String[] c) {
        return new Query(c[0], c[1], c[2], c[3]);
    }
}
