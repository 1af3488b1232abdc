package jp.kyodo.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.StringUtils;

/**
 * The backup and restore command of the portal's jar, with the portal's settings (the same environment variables,
 * {@code application.yml} and arguments):
 * <pre>
 * java -jar kyodo.jar --kyodo.backup.to=FILE
 * java -jar kyodo.jar --kyodo.restore.from=FILE [--force]
 * </pre>
 * Needs only the JDK: no {@code pg_dump} matching the server.
 */
public final class BackupCommand {

    static final String BACKUP_TO = "kyodo.backup.to";
    static final String RESTORE_FROM = "kyodo.restore.from";

    private BackupCommand() {
    }

    /** Whether the arguments ask for a backup or a restore instead of starting the portal. */
    public static boolean requested(String... args) {
        return Arrays.stream(args).anyMatch(a -> a.startsWith("--" + BACKUP_TO + "=") || a.startsWith("--" + RESTORE_FROM + "="));
    }

    /** Runs the command, printing what it did or why it refused; returns the process's exit status. */
    public static int run(String... args) {
        try {
            System.out.println(execute(args));
            return 0;
        } catch (BackupException e) {
            System.err.println(e.getMessage());
            return 1;
        } catch (Exception e) {
            System.err.println("Failed: " + e);
            return 2;
        }
    }

    /** Runs the command and returns a summary; a refusal or failure is a {@link BackupException} saying why. */
    public static String execute(String... args) throws Exception {
        try (ConfigurableApplicationContext settings = new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .registerShutdownHook(false).run(args)) {
            Environment env = settings.getEnvironment();
            String backupTo = env.getProperty(BACKUP_TO);
            String restoreFrom = env.getProperty(RESTORE_FROM);
            boolean force = Arrays.asList(args).contains("--force") || env.getProperty("kyodo.restore.force", Boolean.class, false);
            if (StringUtils.hasText(backupTo) == StringUtils.hasText(restoreFrom)) {
                throw new BackupException("Give either --" + BACKUP_TO + "=FILE or --" + RESTORE_FROM + "=FILE");
            }
            return StringUtils.hasText(backupTo) ? backup(env, Path.of(backupTo)) : restore(env, Path.of(restoreFrom), force);
        }
    }

    private static String backup(Environment env, Path file) throws Exception {
        Instant start = Instant.now();
        try (TargetDatabase database = TargetDatabase.open(env); Connection c = database.connect()) {
            BackupManifest manifest = new DatabaseBackup(Clock.systemUTC()).write(c, file);
            return "Backed up %d tables (%,d rows, schema version %s; sessions excluded) from %s to %s (%,d bytes) in %s"
                    .formatted(manifest.tables().size(), manifest.totalRows(), manifest.schemaVersion(), database,
                            file.toAbsolutePath(), Files.size(file), seconds(start));
        }
    }

    private static String restore(Environment env, Path file, boolean force) throws Exception {
        Instant start = Instant.now();
        // A damaged file is refused before any database is started or touched.
        BackupManifest manifest = DatabaseRestore.verify(file);
        String[] locations = env.getProperty("spring.flyway.locations", String[].class, new String[] {"classpath:db/migration"});
        try (TargetDatabase database = TargetDatabase.open(env)) {
            new DatabaseRestore(locations).restore(database, file, manifest, force);
            String index = "";
            if (database.dataDir() != null) {
                // This node's search index describes the data before the restore: removed, it is rebuilt at the next start.
                String configured = env.getProperty("kyodo.search.directory");
                Path directory = StringUtils.hasText(configured) ? Path.of(configured) : database.dataDir().resolve("search-index");
                if (FileSystemUtils.deleteRecursively(directory)) {
                    index = "; the search index " + directory.toAbsolutePath() + " was removed and is rebuilt at the next start";
                }
            } else {
                index = "; delete each node's search index directory before starting the portal (it is rebuilt at start-up)";
            }
            return "Restored %d tables (%,d rows, schema version %s, made %s) into %s in %s%s"
                    .formatted(manifest.tables().size(), manifest.totalRows(), manifest.schemaVersion(), manifest.createdAt(),
                            database, seconds(start), index);
        }
    }

    private static String seconds(Instant start) {
        return "%.1f s".formatted(Duration.between(start, Instant.now()).toMillis() / 1000.0);
    }

    /** An empty context: the command reads the portal's settings and starts nothing of the portal. */
    @Configuration(proxyBeanMethods = false)
    static class Settings {
    }
}
