package jp.kyodo;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A portal process killed (SIGKILL, as by the out-of-memory killer or a power cut of the node) while people sign up:
 * every sign-up the portal confirmed to its user is in the database with everything that belongs to it (the account,
 * its confirmation mail in the outbox, the audit entry), and no sign-up is there in part.
 *
 * <p>The portal runs in a process of its own (this test's class path) against a PostgreSQL the test owns.
 */
class KillDuringWritesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @TempDir Path dir;

    @Test
    void aKilledPortalLosesNoConfirmedSignUpAndLeavesNoneHalfWritten() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start()) {
            JdbcClient.create(postgres.getPostgresDatabase()).sql("create database kyodo").update();
            JdbcClient db = JdbcClient.create(postgres.getDatabase("postgres", "kyodo"));
            int port = freePort();
            Process portal = startPortal(postgres.getJdbcUrl("postgres", "kyodo"), port);
            try {
                awaitHealthy(portal, port);
                Set<String> confirmed = ConcurrentHashMap.newKeySet();
                AtomicBoolean killed = new AtomicBoolean();
                AtomicInteger attempts = new AtomicInteger();
                List<Thread> writers = new ArrayList<>();
                List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
                for (int w = 0; w < 4; w++) {
                    int writer = w;
                    writers.add(Thread.ofPlatform().uncaughtExceptionHandler((t, e) -> failures.add(e))
                            .start(() -> signUpUntilKilled(port, writer, confirmed, attempts, killed)));
                }
                // Kill it in the middle of the writes: once some have been confirmed, while others are in flight.
                Instant deadline = Instant.now().plusSeconds(60);
                while (confirmed.size() < 12 && Instant.now().isBefore(deadline)) {
                    Thread.sleep(50);
                }
                killed.set(true);
                portal.destroyForcibly();
                assertThat(portal.waitFor(30, TimeUnit.SECONDS)).isTrue();
                for (Thread t : writers) {
                    t.join(Duration.ofSeconds(30));
                }
                assertThat(failures).as("sign-ups refused before the kill").isEmpty();
                assertThat(confirmed).hasSizeGreaterThanOrEqualTo(12);

                // Every confirmed sign-up is there, whole.
                for (String email : confirmed) {
                    Long account = db.sql("select id from account where email = :e").param("e", email).query(Long.class).optional().orElse(null);
                    assertThat(account).as("account of confirmed " + email).isNotNull();
                    assertThat(db.sql("select count(*) from mail_outbox where recipient = :e").param("e", email).query(Long.class).single())
                            .as("confirmation mail of " + email).isEqualTo(1);
                    assertThat(db.sql("select count(*) from audit_entry where action = 'account.signup' and record_id = :id")
                            .param("id", account.toString()).query(Long.class).single()).as("audit entry of " + email).isEqualTo(1);
                }
                // And nothing is there in part: each account that exists has its mail, its token and its audit entry.
                List<Long> half = db.sql("""
                                select a.id from account a where a.email like 'killed-%'
                                and (not exists (select 1 from mail_outbox m where m.recipient = a.email)
                                     or not exists (select 1 from account_token t where t.account_id = a.id)
                                     or not exists (select 1 from audit_entry e where e.action = 'account.signup' and e.record_id = a.id::text))""")
                        .query(Long.class).list();
                assertThat(half).isEmpty();
                long stored = db.sql("select count(*) from account where email like 'killed-%'").query(Long.class).single();
                assertThat(stored).isBetween((long) confirmed.size(), (long) attempts.get());
            } finally {
                portal.destroyForcibly();
            }
        }
    }

    private Process startPortal(String jdbcUrl, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"), KyodoApplication.class.getName(),
                "--server.port=" + port, "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                "--kyodo.demo-data=false", "--kyodo.data-dir=" + dir.resolve("data"), "--kyodo.search.directory=" + dir.resolve("search"),
                "--kyodo.base-url=http://localhost:" + port, "--spring.mail.host=", "--kyodo.database.ephemeral=false");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("portal.log").toFile()).start();
    }

    private void awaitHealthy(Process portal, int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (!portal.isAlive()) {
                throw new AssertionError("The portal stopped: " + Files.readString(dir.resolve("portal.log")));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The portal did not become healthy: " + Files.readString(dir.resolve("portal.log")));
    }

    /** One person after another signs up; a sign-up counts as confirmed when the portal answers "mail sent". */
    private static void signUpUntilKilled(int port, int writer, Set<String> confirmed, AtomicInteger attempts, AtomicBoolean killed) {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://localhost:" + port;
        try {
            Matcher csrf = CSRF.matcher(http.send(HttpRequest.newBuilder(URI.create(base + "/signup")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            if (!csrf.find()) {
                throw new IllegalStateException("no CSRF token on /signup");
            }
            String token = csrf.group(1);
            for (int i = 0; !killed.get(); i++) {
                String email = "killed-" + writer + "-" + i + "@example.jp";
                String form = "name=" + enc("強制終了 試験") + "&email=" + enc(email) + "&password=" + enc("kill-test-password-1")
                        + "&passwordConfirmation=" + enc("kill-test-password-1") + "&_csrf=" + enc(token);
                attempts.incrementAndGet();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/signup"))
                        .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 302 && response.headers().firstValue("Location").orElse("").endsWith("/signup/sent")) {
                    confirmed.add(email);
                } else if (!killed.get()) {
                    throw new IllegalStateException("sign-up answered " + response.statusCode() + ": " + response.body());
                }
            }
        } catch (IOException | InterruptedException expectedWhenKilled) {
            if (!killed.get()) {
                throw new IllegalStateException(expectedWhenKilled);
            }
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
