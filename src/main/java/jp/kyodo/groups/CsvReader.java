package jp.kyodo.groups;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a CSV file as Excel writes it in Japan: UTF-8 (with or without BOM) or Shift_JIS, fields per RFC 4180. */
final class CsvReader {

    /** Excel's "Shift_JIS" is Microsoft's code page 932, which adds ①, ㈱ and 髙 to plain Shift_JIS. */
    static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    private CsvReader() {
    }

    /** The text of a file and the encoding it was read in. */
    record Decoded(String text, Charset charset) {
    }

    /** A CSV that cannot be read (a quote left open). */
    static final class MalformedCsvException extends RuntimeException {
        MalformedCsvException(String message) {
            super(message);
        }
    }

    /** UTF-8 when it has a BOM or is valid UTF-8, else Shift_JIS (windows-31j). */
    static Decoded decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return new Decoded(text, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            return new Decoded(new String(bytes, SHIFT_JIS), SHIFT_JIS);
        }
    }

    /** A record and its row number as a spreadsheet shows it (the header is row 1). */
    record Row(int number, List<String> fields) {

        String field(int index) {
            return index < fields.size() ? fields.get(index) : "";
        }
    }

    /** The records of a CSV text; blank rows are skipped but counted, and a missing final line break is fine. */
    static List<Row> parse(String text) {
        List<Row> records = new ArrayList<>();
        int[] counter = {0};
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && field.isEmpty()) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endRecord(records, counter, record, field, fieldStarted);
                record = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
            } else {
                // Lenient like Excel: a quote inside an unquoted field is kept as a character.
                field.append(c);
                fieldStarted = true;
            }
            i++;
        }
        if (quoted) {
            throw new MalformedCsvException("A quoted field is not closed");
        }
        endRecord(records, counter, record, field, fieldStarted);
        return records;
    }

    private static void endRecord(List<Row> records, int[] counter, List<String> record, StringBuilder field,
                                  boolean fieldStarted) {
        counter[0]++;
        record.add(field.toString());
        if (fieldStarted || record.size() > 1) {
            if (!record.stream().allMatch(String::isBlank)) {
                records.add(new Row(counter[0], List.copyOf(record)));
            }
        }
    }
}
