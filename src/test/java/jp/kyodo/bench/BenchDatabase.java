package jp.kyodo.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The benchmark's PostgreSQL: the same embedded PostgreSQL 17 as the portal's, kept in a data directory of its own
 * and listening on a fixed port, so that the generator, the portal (as an external database, as in production) and
 * the SQL baseline all reach it by URL. Runs until the process is stopped; {@code bench/common.sh} starts and stops it.
 *
 * <p>Arguments: the data directory and the port. Prints {@code READY jdbc:postgresql://…} when the database accepts
 * connections.
 */
public final class BenchDatabase {

    public static final String DATABASE = "kyodo";

    private BenchDatabase() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]).toAbsolutePath().normalize();
        int port = Integer.parseInt(args[1]);
        Files.createDirectories(dataDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(120))
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("encoding", "UTF8")
                .setServerConfig("timezone", "UTC")
                .setServerConfig("max_connections", "300")
                // A benchmark database on a small machine: memory for sorting and caching as a small production
                // server would be given, durability as production (fsync on).
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("work_mem", "16MB")
                .setServerConfig("maintenance_work_mem", "512MB")
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!rs.next()) {
                statement.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }));
        System.out.println("READY jdbc:postgresql://localhost:" + port + "/" + DATABASE);
        System.out.flush();
        stopped.await();
    }
}
