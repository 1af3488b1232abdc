package jp.kyodo.shared;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 17 of a single-node portal: started on {@code <data dir>/postgres} by the portal, and by
 * the backup command when the portal is not running.
 */
public final class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** The portal's database in the embedded cluster. */
    public static final String DATABASE = "kyodo";
    /** The embedded cluster's superuser; it connects from localhost without a password. */
    public static final String USER = "postgres";

    private EmbeddedDatabase() {
    }

    /** Where the cluster of a data directory keeps its files. */
    public static Path clusterDirectory(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve("postgres");
    }

    /**
     * Starts PostgreSQL on the data directory (creating the cluster and the database on first use), or in a fresh
     * temporary directory when {@code ephemeral} (tests).
     */
    public static EmbeddedPostgres start(Path dataDir, boolean ephemeral) throws IOException {
        var builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                // Spring stops it (destroyMethod) after the beans that use it; zonky's own JVM hook would race them
                // and leave the event registry's last query waiting for a database that is already gone.
                .setRegisterShutdownHook(false)
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("encoding", "UTF8")
                .setServerConfig("timezone", "UTC")
                .setServerConfig("max_connections", "200");
        if (ephemeral) {
            builder.setCleanDataDirectory(true);
        } else {
            Path pgData = clusterDirectory(dataDir);
            Files.createDirectories(pgData);
            awaitStopped(dataDir, Duration.ofSeconds(60));
            // zonky starts PostgreSQL without fsync (a test default); data that must survive a power cut needs it.
            builder.setDataDirectory(pgData).setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
            log.info("Embedded PostgreSQL keeps its data in {}", pgData);
        }
        EmbeddedPostgres postgres = builder.start();
        createDatabaseIfMissing(postgres);
        return postgres;
    }

    /**
     * The port of the PostgreSQL server running on the data directory (the portal's, while it runs), read from the
     * server's {@code postmaster.pid}; empty when no server has the directory open.
     */
    public static OptionalInt runningPort(Path dataDir) {
        Path pid = clusterDirectory(dataDir).resolve("postmaster.pid");
        try {
            // Lines: pid, data directory, start time, port, socket directory, listen address, shared memory key, status.
            List<String> lines = Files.readAllLines(pid, StandardCharsets.UTF_8);
            return lines.size() >= 4 ? OptionalInt.of(Integer.parseInt(lines.get(3).trim())) : OptionalInt.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * Waits until the server last started on the data directory has exited: zonky gives a stopping server 5 s, and a
     * server still writing its shutdown checkpoint (a slow disk, a busy machine) keeps the directory from the next start.
     */
    static void awaitStopped(Path dataDir, Duration timeout) {
        Path pid = clusterDirectory(dataDir).resolve("postmaster.pid");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            java.util.Optional<ProcessHandle> server;
            try {
                server = ProcessHandle.of(Long.parseLong(Files.readAllLines(pid, StandardCharsets.UTF_8).getFirst().trim()));
            } catch (IOException | RuntimeException e) {
                return;
            }
            if (server.isEmpty() || !server.get().isAlive()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                log.warn("PostgreSQL process {} still holds {}; starting anyway", server.get().pid(), clusterDirectory(dataDir));
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The JDBC URL of the portal's database on an embedded cluster listening on the port. */
    public static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        DataSource admin = postgres.getPostgresDatabase();
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            var rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!rs.next()) {
                statement.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + DATABASE, e);
        }
    }
}
