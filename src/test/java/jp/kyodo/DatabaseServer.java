package jp.kyodo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The test's PostgreSQL server, stopped and started again as a restart or a fail-over would: a fast shutdown
 * (SIGINT to the postmaster, which disconnects every session), then the same server binary with the options it was
 * started with (read from its {@code postmaster.opts}), on the same port and data; as root (CI machines may be),
 * inside a user namespace, as zonky does.
 */
public final class DatabaseServer {

    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Path postgres;
    private final Path dataDir;
    private final List<String> options;

    private DatabaseServer(Path postgres, Path dataDir, List<String> options) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.options = options;
    }

    /** The server behind a data source (asked while it runs). */
    public static DatabaseServer of(DataSource dataSource) throws IOException {
        Path dataDir = Path.of(JdbcClient.create(dataSource).sql("show data_directory").query(String.class).single());
        String opts = Files.readString(dataDir.resolve("postmaster.opts"), StandardCharsets.UTF_8).strip();
        Path postgres = Path.of(opts.substring(0, opts.indexOf(' ')));
        List<String> options = new ArrayList<>();
        Matcher m = QUOTED.matcher(opts);
        while (m.find()) {
            options.add(m.group(1));
        }
        return new DatabaseServer(postgres, dataDir, options);
    }

    /** Stops the server (fast shutdown: sessions are disconnected) and waits until it is down. */
    public void stop() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().strip());
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).redirectErrorStream(true).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -INT " + pid + " failed");
        }
        Instant deadline = Instant.now().plusSeconds(60);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) || Files.exists(dataDir.resolve("postmaster.pid"))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("PostgreSQL (pid " + pid + ") did not stop within a minute");
            }
            Thread.sleep(100);
        }
    }

    /** Starts the server again and waits until it accepts connections. */
    public void start() throws IOException, InterruptedException {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + "-restart.log");
        Files.deleteIfExists(log);
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root; inside a user namespace it is not root (as zonky starts it).
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(postgres.toString());
        command.addAll(options);
        Process server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("PostgreSQL did not start again: " + Files.readString(log));
            }
            if (Files.exists(log) && Files.readString(log).contains("ready to accept connections")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("PostgreSQL did not accept connections within a minute: " + Files.readString(log));
    }
}
