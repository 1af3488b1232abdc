package jp.kyodo.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a backup file holds ({@code manifest.json}, the last entry of the file): the format, the schema version it was
 * made at, and each table's columns, row count and SHA-256 of its data.
 */
record BackupManifest(int format, String application, Instant createdAt, String schemaVersion, String postgresVersion,
                      List<String> excludedTables, List<Table> tables, List<Sequence> sequences) {

    static final int FORMAT = 1;
    static final String APPLICATION = "kyodo";
    static final String ENTRY = "manifest.json";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** One table: its data is the entry {@link #entry()}, PostgreSQL's COPY text format of the columns in order. */
    record Table(String name, List<String> columns, long rows, String sha256, long bytes) {

        String entry() {
            return "tables/" + name + ".copy";
        }
    }

    /** A sequence's state when the backup was made. */
    record Sequence(String name, long lastValue, boolean isCalled) {
    }

    long totalRows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }

    void write(OutputStream out) throws IOException {
        try {
            JSON.writeValue(out, this);
        } catch (JacksonException e) {
            throw new IOException("Could not write the manifest", e);
        }
    }

    static BackupManifest read(InputStream in) {
        try {
            return JSON.readValue(in, BackupManifest.class);
        } catch (JacksonException e) {
            throw new BackupException("The backup's manifest cannot be read (" + e.getOriginalMessage() + "): the file is damaged or not a Kyodo backup.", e);
        }
    }
}
