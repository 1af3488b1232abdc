package jp.kyodo.operations;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.OptionalInt;
import java.util.Properties;
import jp.kyodo.shared.EmbeddedDatabase;
import org.springframework.core.env.Environment;

/**
 * The database a backup is read from or restored into, found as the portal finds it: an external PostgreSQL when
 * {@code spring.datasource.url} is set; otherwise the embedded one of {@code kyodo.data-dir}, reached on its port while
 * the portal runs, or started here (and stopped afterwards) while it does not.
 */
final class TargetDatabase implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final String description;
    private final Path dataDir;
    private final EmbeddedPostgres started;

    private TargetDatabase(String url, String user, String password, String description, Path dataDir, EmbeddedPostgres started) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.description = description;
        this.dataDir = dataDir;
        this.started = started;
    }

    static TargetDatabase open(Environment env) {
        String url = env.getProperty("spring.datasource.url");
        if (url != null && !url.isBlank()) {
            return new TargetDatabase(url, env.getProperty("spring.datasource.username"),
                    env.getProperty("spring.datasource.password"), url, null, null);
        }
        Path dataDir = Path.of(env.getProperty("kyodo.data-dir", "./data")).toAbsolutePath().normalize();
        OptionalInt port = EmbeddedDatabase.runningPort(dataDir);
        if (port.isPresent()) {
            String running = EmbeddedDatabase.jdbcUrl(port.getAsInt());
            TargetDatabase target = new TargetDatabase(running, EmbeddedDatabase.USER, null,
                    "the running embedded database of " + dataDir + " (port " + port.getAsInt() + ")", dataDir, null);
            if (target.reachable()) {
                return target;
            }
        }
        try {
            EmbeddedPostgres postgres = EmbeddedDatabase.start(dataDir, false);
            return new TargetDatabase(postgres.getJdbcUrl(EmbeddedDatabase.USER, EmbeddedDatabase.DATABASE),
                    EmbeddedDatabase.USER, null, "the embedded database of " + dataDir, dataDir, postgres);
        } catch (IOException | RuntimeException e) {
            throw new BackupException("The embedded database of " + dataDir + " could not be started: " + e.getMessage(), e);
        }
    }

    Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (user != null && !user.isBlank()) {
            properties.setProperty("user", user);
        }
        if (password != null && !password.isBlank()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "kyodo-backup");
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(url, properties);
    }

    String url() {
        return url;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** The embedded database's data directory, or {@code null} for an external database. */
    Path dataDir() {
        return dataDir;
    }

    @Override
    public String toString() {
        return description;
    }

    private boolean reachable() {
        try (Connection ignored = connect()) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (started != null) {
            try {
                started.close();
            } catch (IOException e) {
                throw new BackupException("The embedded database could not be stopped: " + e.getMessage(), e);
            }
        }
    }
}
