package jp.kyodo.operations;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;

/**
 * Writes every table of the portal's schema (Flyway's history included, sessions excluded) to one zip file, as
 * PostgreSQL's COPY text format per table, from one REPEATABLE READ READ ONLY snapshot, so the portal keeps running
 * and the backup is consistent. The manifest, with each table's row count and SHA-256, is the last entry; the file
 * appears under its name only when complete.
 */
final class DatabaseBackup {

    private final Clock clock;

    DatabaseBackup(Clock clock) {
        this.clock = clock;
    }

    BackupManifest write(Connection connection, Path file) throws SQLException, IOException {
        Path absolute = file.toAbsolutePath().normalize();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            BackupManifest manifest;
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
                manifest = writeTables(connection, zip);
                zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
                manifest.write(new KeepOpen(zip));
                zip.closeEntry();
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } finally {
            connection.rollback();
            Files.deleteIfExists(partial);
        }
    }

    private BackupManifest writeTables(Connection connection, ZipOutputStream zip) throws SQLException, IOException {
        // The first statement takes the snapshot that every COPY below reads.
        MigrationVersion version = Schema.flywayVersion(connection);
        if (version == null) {
            throw new BackupException("The database has no Flyway history (" + Schema.FLYWAY_HISTORY
                    + "): it is not a Kyodo database, or the portal never started on it");
        }
        String postgres = connection.getMetaData().getDatabaseProductVersion();
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        List<BackupManifest.Table> tables = new ArrayList<>();
        for (String table : Schema.tables(connection)) {
            if (Schema.EXCLUDED.contains(table)) {
                continue;
            }
            List<String> columns = Schema.columns(connection, table);
            BackupManifest.Table entry = new BackupManifest.Table(table, columns, 0, null, 0);
            zip.putNextEntry(new ZipEntry(entry.entry()));
            MessageDigest sha256 = sha256();
            Counting counted = new Counting(new DigestOutputStream(new KeepOpen(zip), sha256));
            long rows = copy.copyOut("COPY " + Schema.quote(table) + " (" + Schema.columnList(columns) + ") TO STDOUT", counted);
            counted.flush();
            zip.closeEntry();
            tables.add(new BackupManifest.Table(table, columns, rows, HexFormat.of().formatHex(sha256.digest()), counted.bytes));
        }
        List<BackupManifest.Sequence> sequences = new ArrayList<>();
        for (String sequence : Schema.sequences(connection)) {
            try (PreparedStatement s = connection.prepareStatement("select last_value, is_called from " + Schema.quote(sequence));
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                sequences.add(new BackupManifest.Sequence(sequence, rs.getLong(1), rs.getBoolean(2)));
            }
        }
        return new BackupManifest(BackupManifest.FORMAT, BackupManifest.APPLICATION, clock.instant(), version.getVersion(),
                postgres, Schema.EXCLUDED, tables, sequences);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Passes writes through but not close, so that a table's COPY does not close the zip. */
    static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static final class Counting extends FilterOutputStream {
        long bytes;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytes += len;
        }
    }
}
