package jp.kyodo.shared;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import jakarta.servlet.http.HttpServletResponse;

/** CSV as Japanese offices open it: UTF-8 with a BOM (so that Excel reads it), RFC 4180 quoting, CRLF lines. */
public final class Csv {

    private Csv() {
    }

    /**
     * Starts a CSV download: sets the type and file name and writes the BOM and the heading row; the caller writes
     * the rows with {@link #row} and flushes.
     */
    public static Writer download(HttpServletResponse response, String fileName, List<String> headings) {
        try {
            response.setContentType("text/csv; charset=UTF-8");
            response.setHeader("Content-Disposition",
                    "attachment; filename=\"" + fileName + "\"; filename*=UTF-8''" + fileName);
            Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
            out.write('\uFEFF');
            out.write(row(headings));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One CSV line: every value quoted, quotes doubled, CRLF at the end; {@code null} is an empty cell. A value that
     * Excel would run as a formula (starting with = + - @ or a tab) gets a leading apostrophe, since the text comes
     * from the public.
     */
    public static String row(List<String> values) {
        return values.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    /** One quoted cell, as {@link #row} writes it. */
    public static String cell(String value) {
        if (value == null) {
            return "\"\"";
        }
        String safe = !value.isEmpty() && "=+-@\t\r＝＋－＠".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
