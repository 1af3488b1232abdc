package jp.kyodo.shared;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real S3-compatible server for the tests: s3rver (from the npm registry), which answers the S3 API as Amazon S3 does for
 * objects and checks access keys (not SigV4 signatures). Found through {@code KYODO_S3RVER} (its executable; {@code .ci/run} installs it), or installed once into
 * {@code target/s3rver} with npm. Without Node.js the S3 tests are skipped with that reason.
 */
final class S3rver implements AutoCloseable {

    static final String VERSION = "3.7.1";
    static final String ACCESS_KEY = "S3RVER";
    static final String SECRET_KEY = "S3RVER";

    private final Process process;
    final int port;
    final String bucket;

    private S3rver(Process process, int port, String bucket) {
        this.process = process;
        this.port = port;
        this.bucket = bucket;
    }

    static S3rver start(Path dataDir, String bucket) throws IOException, InterruptedException {
        Path executable = executable();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(executable.toString(), "-d", dataDir.toString(), "-a", "127.0.0.1",
                "-p", String.valueOf(port), "--silent", "--configure-bucket", bucket)
                .redirectErrorStream(true).redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("s3rver stopped at once; see " + dataDir + ".log");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new S3rver(process, port, bucket);
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("s3rver did not listen on port " + port + " within 30 s");
    }

    private static Path executable() throws IOException, InterruptedException {
        String configured = System.getenv("KYODO_S3RVER");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path local = Path.of("target", "s3rver", "node_modules", ".bin", "s3rver").toAbsolutePath();
        if (Files.isExecutable(local)) {
            return local;
        }
        Process npm;
        try {
            npm = new ProcessBuilder("npm", "install", "--prefix", local.getParent().getParent().getParent().toString(),
                    "--no-audit", "--no-fund", "--loglevel=error", "s3rver@" + VERSION).redirectErrorStream(true).start();
        } catch (IOException noNpm) {
            Assumptions.abort("The S3 store is tested against s3rver, which needs Node.js and npm (or KYODO_S3RVER): " + noNpm.getMessage());
            throw noNpm;
        }
        String output = new String(npm.getInputStream().readAllBytes());
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0 || !Files.isExecutable(local)) {
            throw new IllegalStateException("npm could not install s3rver@" + VERSION + ": " + output);
        }
        return local;
    }

    FileStorageSettings.S3 settings(String prefix) {
        return new FileStorageSettings.S3("http://127.0.0.1:" + port, "us-east-1", bucket, prefix, ACCESS_KEY, SECRET_KEY, true);
    }

    FileStorageSettings.S3 settingsWithKey(String prefix, String accessKey) {
        return new FileStorageSettings.S3("http://127.0.0.1:" + port, "us-east-1", bucket, prefix, accessKey, SECRET_KEY, true);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
