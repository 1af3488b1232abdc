package jp.kyodo.operations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;

/**
 * Restores a backup into an empty database: checks the whole file first (manifest, SHA-256 and row count of every
 * table), creates the schema with the portal's own Flyway migrations up to the backup's version, then loads every table
 * in foreign-key order, sets the sequences and checks the row counts, all in one transaction.
 */
final class DatabaseRestore {

    private final String[] migrationLocations;

    DatabaseRestore(String[] migrationLocations) {
        this.migrationLocations = migrationLocations;
    }

    /** Reads and checks the whole backup without touching a database; refuses a damaged or foreign file. */
    static BackupManifest verify(Path file) {
        try (ZipFile zip = open(file)) {
            BackupManifest manifest = manifest(zip);
            for (BackupManifest.Table table : manifest.tables()) {
                ZipEntry entry = zip.getEntry(table.entry());
                if (entry == null) {
                    throw damaged(file, "the data of table " + table.name() + " is missing");
                }
                MessageDigest sha256 = DatabaseBackup.sha256();
                long lines = 0;
                long bytes = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] buffer = new byte[65536];
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        sha256.update(buffer, 0, n);
                        bytes += n;
                        for (int i = 0; i < n; i++) {
                            if (buffer[i] == '\n') {
                                lines++;
                            }
                        }
                    }
                }
                // COPY's text format writes one line per row (newlines inside values are escaped).
                if (!HexFormat.of().formatHex(sha256.digest()).equals(table.sha256()) || lines != table.rows() || bytes != table.bytes()) {
                    throw damaged(file, "the data of table " + table.name() + " does not match its checksum");
                }
            }
            return manifest;
        } catch (ZipException e) {
            throw damaged(file, e.getMessage());
        } catch (IOException e) {
            throw new BackupException("The backup " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Restores the backup, whose manifest {@link #verify} returned, into the target database. */
    void restore(TargetDatabase target, Path file, BackupManifest manifest, boolean force) throws SQLException, IOException {
        MigrationVersion backupVersion = MigrationVersion.fromVersion(manifest.schemaVersion());
        DataSource dataSource = new org.springframework.jdbc.datasource.DriverManagerDataSource(
                target.url(), target.user() == null ? "" : target.user(), target.password() == null ? "" : target.password());
        MigrationVersion codeVersion = latestMigration(dataSource);
        if (backupVersion.compareTo(codeVersion) > 0) {
            throw new BackupException("The backup was made at schema version " + backupVersion + ", newer than this portal's "
                    + codeVersion + ": restore it with the portal version that made it (or a newer one)");
        }
        try (Connection c = target.connect()) {
            long others = Schema.number(c, "select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()");
            long relations = Schema.relations(c);
            if (relations > 0 && !force) {
                throw new BackupException("Not restored: " + target + " is not empty (" + relations + " tables, sequences or views): "
                        + "restore into an empty database, or add --force to delete everything in it first");
            }
            if (others > 0) {
                throw new BackupException("Not restored: " + others + " other connection(s) to " + target
                        + " are open: stop every portal node before restoring");
            }
            if (relations > 0) {
                try (Statement s = c.createStatement()) {
                    String schema = Schema.quote(currentSchema(c));
                    s.execute("drop schema " + schema + " cascade");
                    s.execute("create schema " + schema);
                }
            }
        }
        Flyway.configure().dataSource(dataSource).locations(migrationLocations).target(backupVersion).load().migrate();
        try (Connection c = target.connect()) {
            load(c, file, manifest);
        }
    }

    private MigrationVersion latestMigration(DataSource dataSource) {
        MigrationVersion latest = MigrationVersion.EMPTY;
        for (MigrationInfo info : Flyway.configure().dataSource(dataSource).locations(migrationLocations).load().info().all()) {
            // Only this jar's own migrations: a database being wiped may record newer ones.
            if (info.getState().isResolved() && info.getVersion() != null && info.getVersion().compareTo(latest) > 0) {
                latest = info.getVersion();
            }
        }
        return latest;
    }

    private static void load(Connection c, Path file, BackupManifest manifest) throws SQLException, IOException {
        c.setAutoCommit(false);
        try (ZipFile zip = open(file)) {
            Map<String, BackupManifest.Table> byName = new LinkedHashMap<>();
            manifest.tables().forEach(t -> byName.put(t.name(), t));
            List<String> present = new ArrayList<>(Schema.tables(c));
            present.removeAll(manifest.excludedTables());
            if (!present.containsAll(byName.keySet()) || !byName.keySet().containsAll(present)) {
                List<String> missing = new ArrayList<>(byName.keySet());
                missing.removeAll(present);
                List<String> extra = new ArrayList<>(present);
                extra.removeAll(byName.keySet());
                throw new BackupException("The schema made by the migrations does not match the backup's tables (only in the backup: "
                        + missing + ", only in the schema: " + extra + ")");
            }
            // The migrations recorded themselves (and may have inserted reference rows): the backup's rows replace them.
            // Only tables holding rows are emptied: the audit log refuses TRUNCATE (it is append-only), and is empty here.
            java.util.Set<String> filled = new java.util.LinkedHashSet<>();
            for (String name : present) {
                if (Schema.number(c, "select count(*) from (select 1 from " + Schema.quote(name) + " limit 1) t") > 0) {
                    filled.add(name);
                }
            }
            // A table referencing an emptied one is emptied with it (PostgreSQL truncates them together or not at all).
            List<String[]> references = new ArrayList<>();
            try (Statement s = c.createStatement(); var rs = s.executeQuery("""
                    select referencing.relname, referenced.relname from pg_constraint k
                    join pg_class referencing on referencing.oid = k.conrelid join pg_class referenced on referenced.oid = k.confrelid
                    where k.contype = 'f' and referencing.relnamespace = current_schema()::regnamespace""")) {
                while (rs.next()) {
                    references.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            boolean grew = true;
            while (grew) {
                grew = false;
                for (String[] r : references) {
                    if (filled.contains(r[1]) && present.contains(r[0]) && filled.add(r[0])) {
                        grew = true;
                    }
                }
            }
            if (!filled.isEmpty()) {
                try (Statement s = c.createStatement()) {
                    s.execute("truncate " + String.join(", ", filled.stream().map(Schema::quote).toList()));
                }
            }
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String name : Schema.loadOrder(c, present)) {
                BackupManifest.Table table = byName.get(name);
                try (InputStream in = zip.getInputStream(zip.getEntry(table.entry()))) {
                    long rows = copy.copyIn("COPY " + Schema.quote(name) + " (" + Schema.columnList(table.columns()) + ") FROM STDIN", in);
                    if (rows != table.rows()) {
                        throw new BackupException("Table " + name + ": " + rows + " rows loaded, the backup says " + table.rows());
                    }
                }
            }
            setSequences(c, manifest);
            for (BackupManifest.Table table : manifest.tables()) {
                long rows = Schema.number(c, "select count(*) from " + Schema.quote(table.name()));
                if (rows != table.rows()) {
                    throw new BackupException("Table " + table.name() + " holds " + rows + " rows after the restore, the backup says " + table.rows());
                }
            }
            c.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    private static void setSequences(Connection c, BackupManifest manifest) throws SQLException {
        List<String> present = Schema.sequences(c);
        for (BackupManifest.Sequence sequence : manifest.sequences()) {
            if (!present.contains(sequence.name())) {
                continue;
            }
            try (PreparedStatement s = c.prepareStatement("select setval(?::regclass, ?, ?)")) {
                s.setString(1, Schema.quote(sequence.name()));
                s.setLong(2, sequence.lastValue());
                s.setBoolean(3, sequence.isCalled());
                s.execute();
            }
        }
        // A sequence is never left below the rows it numbered (its value is read after the snapshot, so this is a guard).
        for (String[] owned : Schema.ownedSequences(c)) {
            String sequence = Schema.quote(owned[0]);
            try (Statement s = c.createStatement()) {
                s.execute("select setval('" + sequence.replace("'", "''") + "'::regclass, m) from (select max(" + Schema.quote(owned[2])
                        + ") as m from " + Schema.quote(owned[1]) + ") x where m is not null and m > (select case when is_called then last_value else last_value - 1 end from "
                        + sequence + ")");
            }
        }
    }

    private static String currentSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("select current_schema()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static ZipFile open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BackupException("There is no backup file " + file);
        }
        try {
            return new ZipFile(file.toFile());
        } catch (ZipException | NoSuchFileException e) {
            throw damaged(file, e.getMessage());
        }
    }

    private static BackupManifest manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
        if (entry == null) {
            throw new BackupException("The file " + zip.getName() + " has no " + BackupManifest.ENTRY + ": it is not a Kyodo backup");
        }
        BackupManifest manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = BackupManifest.read(in);
        }
        if (!BackupManifest.APPLICATION.equals(manifest.application())) {
            throw new BackupException("The file " + zip.getName() + " is not a Kyodo backup");
        }
        if (manifest.format() != BackupManifest.FORMAT) {
            throw new BackupException("The backup's format " + manifest.format() + " is not the format " + BackupManifest.FORMAT
                    + " this portal reads: restore it with the portal version that made it");
        }
        if (manifest.tables() == null || manifest.schemaVersion() == null || manifest.excludedTables() == null || manifest.sequences() == null) {
            throw new BackupException("The backup's manifest is incomplete: the file is damaged or not a Kyodo backup");
        }
        return manifest;
    }

    private static BackupException damaged(Path file, String detail) {
        return new BackupException("The backup " + file + " is damaged or incomplete (" + detail
                + "); nothing was restored. Use another backup");
    }
}
