package jp.kyodo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import jp.kyodo.notifications.MailOutbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Faults a city's portal meets: the database stops and comes back (a restart, a fail-over), and the mail server is
 * down for a while. The portal says so politely meanwhile and recovers by itself, without a restart and without
 * losing a mail. A context of its own, with its own database and mail server, since both are stopped here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.autoconfigure.exclude=org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration",
        // Give up on a connection quickly while the database is down, as a request should not hang for half a minute.
        "spring.datasource.hikari.connection-timeout=3000"})
class FaultToleranceTest {

    private static final int SMTP_PORT = freePort();
    private static GreenMail smtp = startSmtp();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @LocalServerPort int port;
    @Autowired DataSource dataSource;
    @Autowired MailOutbox outbox;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void whileTheDatabaseIsDownPagesSaySoAndTheyServeAgainWhenItIsBack() throws Exception {
        assertThat(get("/groups").statusCode()).isEqualTo(200);
        DatabaseServer database = DatabaseServer.of(dataSource);

        database.stop();
        try {
            HttpResponse<String> api = get("/api/v1/groups");
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            assertThat(api.body()).contains("\"status\":503").contains("ただいま一時的にご利用いただけません");
            for (String path : new String[] {"/groups", "/", "/collaboration"}) {
                HttpResponse<String> down = get(path);
                assertThat(down.statusCode()).as(path).isEqualTo(503);
                assertThat(down.headers().firstValue("Retry-After")).hasValue("30");
                assertThat(down.body()).as(path).contains("ただいま一時的にご利用いただけません").contains("Temporarily unavailable")
                        .doesNotContain("Exception").doesNotContain("jdbc:");
            }
            // The site search answers from its own index meanwhile.
            HttpResponse<String> search = get("/search?q=%E9%98%B2%E7%81%BD");
            assertThat(search.statusCode()).isEqualTo(200);
        } finally {
            database.start();
        }

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(get("/groups").statusCode()).isEqualTo(200));
        assertThat(get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void mailsWaitInTheOutboxWhileTheMailServerIsDownAndGoOutWhenItReturns() throws Exception {
        String to = "smtp-down-" + UUID.randomUUID() + "@example.jp";
        smtp.stop();
        try {
            transactions.executeWithoutResult(s -> outbox.queue(to, "審査結果のお知らせ", "本文"));
            // The portal's own sender tries, fails and keeps the mail for a later attempt.
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                    "select attempts from mail_outbox where recipient = :to and status = 'PENDING'").param("to", to)
                    .query(Integer.class).optional().orElse(0) >= 1);
        } finally {
            smtp = startSmtp();
        }
        // The back-off passes (a minute for the first retry); the sender delivers it once, by itself.
        jdbc.sql("update mail_outbox set next_attempt_at = now() where recipient = :to").param("to", to).update();
        assertThat(TestMailServer.awaitMail(smtp, to, "審査結果のお知らせ")).contains("本文");
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(jdbc.sql(
                "select status from mail_outbox where recipient = :to").param("to", to).query(String.class).single()));
        assertThat(TestMailServer.count(smtp, to, "")).isEqualTo(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static GreenMail startSmtp() {
        GreenMail greenMail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
