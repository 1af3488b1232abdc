package jp.kyodo.groups;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kyodo.KyodoApplication;
import jp.kyodo.TestMailServer;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.shared.ClusterJobs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * Two portal nodes against one PostgreSQL, as behind a load balancer: node 1 starts the embedded database, node 2
 * connects to it by URL; each has its own search index. Sessions, scheduled jobs and search changes are shared, and
 * uploaded files are kept in a directory both nodes use ({@code kyodo.files.store=directory}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");

    @TempDir static Path dir;

    private GreenMail greenMail;
    private ConfigurableApplicationContext node1;
    private ConfigurableApplicationContext node2;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    void start() {
        greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        node1 = node(1);
        String url = node1.getBean(EmbeddedPostgres.class).getJdbcUrl("postgres", "kyodo");
        node2 = node(2, "--spring.datasource.url=" + url, "--spring.datasource.username=postgres");
    }

    private ConfigurableApplicationContext node(int n, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--server.port=0", "--kyodo.data-dir=" + dir.resolve("node" + n),
                "--kyodo.search.directory=" + dir.resolve("node" + n + "-search"),
                "--kyodo.files.store=directory", "--kyodo.files.directory=" + dir.resolve("shared-files"),
                "--spring.mail.port=" + greenMail.getSmtp().getPort()));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(KyodoApplication.class).run(args.toArray(String[]::new));
    }

    @AfterAll
    void stop() {
        if (node2 != null) {
            node2.close();
        }
        if (node1 != null) {
            node1.close();
        }
        greenMail.stop();
    }

    @Test
    void aSignInOnOneNodeIsValidOnTheOtherAndSigningOutEndsItOnBoth() throws Exception {
        SignedInUser person = node1.getBean(GroupTestData.class).account("two-node", "RESIDENT");

        HttpResponse<String> loginPage = get(node1, "/login", null);
        String session = session(loginPage);
        // A wrong password on node 1: node 2 shows the message and keeps the address typed (both kept in the session).
        HttpResponse<String> failed = post(node1, "/login", session,
                "username=" + encode(person.getUsername()) + "&password=wrong-password-1&_csrf=" + encode(csrf(loginPage.body())));
        assertThat(failed.statusCode()).isEqualTo(302);
        HttpResponse<String> again = get(node2, "/login", session);
        assertThat(again.body()).contains("メールアドレスまたはパスワードが正しくありません。").contains(person.getUsername());

        HttpResponse<String> login = post(node1, "/login", session,
                "username=" + encode(person.getUsername()) + "&password=test-password-1&_csrf=" + encode(csrf(again.body())));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("/login");
        session = login.headers().firstValue("Set-Cookie").map(c -> session(c)).orElse(session);

        HttpResponse<String> account = get(node2, "/account", session);
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains("two-node さん");

        // Signing out on node 2 (with node 2's CSRF token of the shared session) ends the session on node 1 too.
        HttpResponse<String> logout = post(node2, "/logout", session, "_csrf=" + encode(csrf(account.body())));
        assertThat(logout.statusCode()).isEqualTo(302);
        HttpResponse<String> after = get(node1, "/account", session);
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).contains("/login");
    }

    @Test
    void aGroupApprovedOnOneNodeIsFoundBySearchOnTheOther() throws Exception {
        GroupTestData data = node1.getBean(GroupTestData.class);
        GroupRegistry registry = node1.getBean(GroupRegistry.class);
        SignedInUser applicant = data.account("two-node-applicant", "RESIDENT");
        SignedInUser staff = data.account("two-node-staff", "STAFF");
        String tag = GroupTestData.tag();
        String name = "二拠点確認の会" + tag;
        Person representative = new Person("二拠点 花子", null, null, "本庄市本庄1-1", "0495-11-2222", applicant.getUsername(), false, false, false);
        long id = data.readyDraft(name, applicant.accountId(), representative, representative);
        registry.submit(id, applicant, data.version(id), true, true, true, true);
        String link = "href=\"/groups/" + id + "\"";
        assertThat(search(node2, name)).doesNotContain(link);

        registry.approve(id, staff, data.version(id));

        assertThat(eventually(() -> search(node2, name), body -> body.contains(link))).contains(link);
    }

    @Test
    void aFileUploadedOnOneNodeIsServedByTheOther() {
        GroupTestData data = node1.getBean(GroupTestData.class);
        SignedInUser applicant = data.account("two-node-files", "RESIDENT");
        Person representative = new Person("二拠点 文子", null, null, "本庄市本庄1-1", "0495-11-3333", applicant.getUsername(), false, false, false);
        long group = data.readyDraft("二拠点の書類の会" + GroupTestData.tag(), applicant.accountId(), representative, representative);
        byte[] rules = ("%PDF-1.4\n% 会則 " + GroupTestData.tag()).getBytes(StandardCharsets.UTF_8);

        long document = node1.getBean(GroupDocuments.class).save(group, DocumentKind.BYLAWS, "会則.pdf", "application/pdf", rules,
                applicant.accountId(), Instant.now());

        String key = node1.getBean(JdbcClient.class).sql("select content_key from civic_group_document where id = :id and content is null")
                .param("id", document).query(String.class).single();
        assertThat(dir.resolve("shared-files").resolve(key)).isRegularFile();
        assertThat(node2.getBean(GroupDocuments.class).content(group, document)).get()
                .extracting(GroupDocuments.Stored::content).isEqualTo(rules);
    }

    @Test
    void aReminderJobRunOnBothNodesAtOnceSendsEachMailOnce() throws Exception {
        GroupTestData data = node1.getBean(GroupTestData.class);
        SignedInUser applicant = data.account("two-node-reminded", "RESIDENT");
        data.account("two-node-department", "STAFF");
        JdbcClient jdbc = node1.getBean(JdbcClient.class);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        long department = jdbc.sql("select id from department order by id limit 1").query(Long.class).single();
        String event = "二拠点の催し" + GroupTestData.tag();
        jdbc.sql("""
                        insert into support_event (kind, applicant_id, organiser_name, organiser_address, organiser_representative,
                            event_name, purpose, starts_on, ends_on, venue, outline, department_id, status, report_due_on, created_at, updated_at)
                        values ('ENDORSEMENT', :applicant, '二拠点の会', '本庄市本庄1-1', '二拠点 太郎', :event, '確認', :starts, :ends,
                            '市民活動交流センター', '確認', :department, 'APPROVED', :due, now(), now())""")
                .param("applicant", applicant.accountId()).param("event", event).param("starts", today.minusDays(4))
                .param("ends", today.minusDays(3)).param("department", department).param("due", today.plusDays(3)).update();

        Runnable job1 = scheduled(node1, "support.Events.remindDaily");
        Runnable job2 = scheduled(node2, "support.Events.remindDaily");
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Void> run1 = CompletableFuture.runAsync(() -> awaitThen(go, job1));
        CompletableFuture<Void> run2 = CompletableFuture.runAsync(() -> awaitThen(go, job2));
        go.countDown();
        CompletableFuture.allOf(run1, run2).get();
        // A node that runs the job after the other finished finds the event already reminded.
        job2.run();

        String subject = "後援・共催の実施報告のお願い(「" + event + "」)";
        TestMailServer.awaitMail(greenMail, applicant.getUsername(), subject);
        assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = :r and position(:e in subject) > 0")
                .param("r", applicant.getUsername()).param("e", event).query(Long.class).single()).isEqualTo(1);
        // Both nodes' outbox senders poll every second; give them time to send a second copy if they could.
        Thread.sleep(3000);
        assertThat(TestMailServer.count(greenMail, applicant.getUsername(), subject)).isEqualTo(1);
    }

    @Test
    void whileOneNodeRunsAJobTheOtherSkipsIt() {
        ClusterJobs jobs1 = node1.getBean(ClusterJobs.class);
        ClusterJobs jobs2 = node2.getBean(ClusterJobs.class);
        java.util.concurrent.atomic.AtomicBoolean ranOnNode2 = new java.util.concurrent.atomic.AtomicBoolean();
        boolean ranOnNode1 = jobs1.runOnce("two-node-test", () -> ranOnNode2.set(jobs2.runOnce("two-node-test", () -> { })));
        assertThat(ranOnNode1).isTrue();
        assertThat(ranOnNode2).isFalse();
        assertThat(jobs2.runOnce("two-node-test", () -> { })).isTrue();
    }

    private static void awaitThen(CountDownLatch go, Runnable job) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        job.run();
    }

    /** The scheduled job whose method name ends as given, exactly as the node's scheduler runs it. */
    private static Runnable scheduled(ConfigurableApplicationContext node, String method) {
        return node.getBeansOfType(ScheduledTaskHolder.class).values().stream()
                .flatMap(h -> h.getScheduledTasks().stream()).map(ScheduledTask::getTask)
                .filter(t -> t.toString().endsWith(method)).map(t -> t.getRunnable()).findFirst()
                .orElseThrow(() -> new AssertionError("No scheduled job " + method));
    }

    private String search(ConfigurableApplicationContext node, String query) {
        try {
            return get(node, "/search?q=" + encode(query), null).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String eventually(Supplier<String> read, java.util.function.Predicate<String> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        String last = read.get();
        while (!done.test(last) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            last = read.get();
        }
        return last;
    }

    private HttpResponse<String> get(ConfigurableApplicationContext node, String path, String session) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(node, path)).GET();
        if (session != null) {
            request.header("Cookie", "SESSION=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(ConfigurableApplicationContext node, String path, String session, String form) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(node, path))
                .header("Cookie", "SESSION=" + session).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(ConfigurableApplicationContext node, String path) {
        return URI.create("http://localhost:" + node.getEnvironment().getProperty("local.server.port") + path);
    }

    private static String session(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().map(TwoNodeTest::session).filter(java.util.Objects::nonNull)
                .findFirst().orElseThrow(() -> new AssertionError("No session cookie"));
    }

    private static String session(String setCookie) {
        Matcher m = SESSION.matcher(setCookie);
        return m.find() ? m.group(1) : null;
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("No CSRF token in the page");
        }
        return m.group(1);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
