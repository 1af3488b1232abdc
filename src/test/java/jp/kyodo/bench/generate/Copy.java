package jp.kyodo.bench.generate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows streamed into one table with PostgreSQL's {@code COPY ... FROM STDIN} (text format) through PgJDBC's
 * CopyManager, in chunks of about a megabyte, counting the rows sent.
 */
final class Copy implements AutoCloseable {

    private static final int CHUNK = 1 << 20;

    private final CopyIn in;
    private final String table;
    private final Map<String, Long> counts;
    private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);
    private long rows;

    Copy(Connection connection, String table, String columns, Map<String, Long> counts) throws SQLException {
        this.table = table;
        this.counts = counts;
        this.in = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + table + " (" + columns + ") from stdin");
    }

    /** A new counter of rows per table, shared by the parts that load in parallel. */
    static Map<String, Long> counter() {
        return new ConcurrentHashMap<>();
    }

    /** Appends one row; the values in the order of the columns given. */
    Copy row(Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append('\t');
            }
            value(values[i]);
        }
        buffer.append('\n');
        rows++;
        if (buffer.length() >= CHUNK) {
            flush();
        }
        return this;
    }

    private void value(Object v) {
        switch (v) {
            case null -> buffer.append("\\N");
            case String s -> escape(s);
            case Boolean b -> buffer.append(b ? 't' : 'f');
            case Integer n -> buffer.append(n.intValue());
            case Long n -> buffer.append(n.longValue());
            case BigDecimal d -> buffer.append(d.toPlainString());
            case Instant t -> buffer.append(t);
            case OffsetDateTime t -> buffer.append(t);
            case LocalDate d -> buffer.append(d);
            case LocalTime t -> buffer.append(t);
            default -> escape(v.toString());
        }
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }

    private void flush() throws SQLException {
        if (buffer.isEmpty()) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() throws SQLException {
        flush();
        long loaded = in.endCopy();
        if (loaded != rows) {
            throw new IllegalStateException(table + ": " + rows + " rows sent but " + loaded + " loaded");
        }
        counts.merge(table, loaded, Long::sum);
    }
}
