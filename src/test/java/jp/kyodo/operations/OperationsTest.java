package jp.kyodo.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import jp.kyodo.shared.EmbeddedDatabase;
import jp.kyodo.KyodoApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an operator does: watches the metrics (administrators only, or the management port), backs up the demo
 * portal's embedded database while it runs, restores it into an external database and, after wiping, into the
 * portal's own, and finds every row back; damaged backups and non-empty databases are refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");
    private static final String PASSWORD = "kyodo-demo-2026";
    private static final List<String> METRICS = List.of("kyodo_mail_outbox_pending", "kyodo_mail_outbox_failed",
            "kyodo_mail_outbox_oldest_pending_age_seconds", "kyodo_search_index_documents", "kyodo_search_change_lag",
            "kyodo_search_change_lag_age_seconds", "kyodo_events_incomplete", "kyodo_events_oldest_incomplete_age_seconds",
            "hikaricp_connections_active", "jvm_memory_used_bytes");

    @TempDir static Path dir;

    private Path dataDir;
    private ConfigurableApplicationContext portal;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    void startTheDemoPortal() {
        dataDir = dir.resolve("data");
        portal = start();
    }

    @AfterAll
    void stop() {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    @Order(1)
    void metricsAreForAdministratorsAndHealthIsForEveryone() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/readyz", null).body()).contains("UP");
        assertThat(get("/livez", null).body()).contains("UP");

        assertThat(get("/actuator/prometheus", signIn("shimin@example.jp")).statusCode()).isEqualTo(403);

        HttpResponse<String> admin = get("/actuator/prometheus", signIn("admin@example.jp"));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains(METRICS);
        assertThat(value(admin.body(), "kyodo_search_index_documents")).isPositive();
        long pending = portal.getBean(JdbcClient.class).sql("select count(*) from mail_outbox where status = 'PENDING'").query(Long.class).single();
        assertThat(value(admin.body(), "kyodo_mail_outbox_pending")).isEqualTo(pending);
    }

    @Test
    @Order(2)
    void aBackupOfTheRunningPortalRestoresEveryRowAndARestoredPortalWorks() throws Exception {
        Path backup = dir.resolve("backups/kyodo.zip");
        String runningUrl = EmbeddedDatabase.jdbcUrl(EmbeddedDatabase.runningPort(dataDir).orElseThrow());

        // The portal seals its audit log into a hash chain a few seconds after each entry (an update of the entry):
        // wait until the demo's entries are sealed, so that the comparisons below see no job's work but the backup's.
        awaitAuditSealed(runningUrl);

        // Backed up while the portal runs (its jobs may write meanwhile): the backup is the state seen before and after.
        Map<String, String> before = null;
        Map<String, String> after = null;
        for (int attempt = 0; attempt < 10 && (before == null || !before.equals(after)); attempt++) {
            before = fingerprint(runningUrl);
            String summary = BackupCommand.execute("--kyodo.data-dir=" + dataDir, "--kyodo.backup.to=" + backup);
            assertThat(summary).contains("Backed up").contains("running embedded database");
            after = fingerprint(runningUrl);
        }
        assertThat(after).isEqualTo(before);
        assertThat(before.get("account")).startsWith("7:");
        assertThat(before).doesNotContainKey("spring_session").containsKey("flyway_schema_history");
        assertThat(dir.resolve("backups")).isDirectoryNotContaining("glob:**.partial");

        // Into the running portal's database: refused, it is not empty, and with --force because the portal is connected.
        assertThatThrownBy(() -> BackupCommand.execute("--kyodo.data-dir=" + dataDir, "--kyodo.restore.from=" + backup))
                .isInstanceOf(BackupException.class).hasMessageContaining("is not empty").hasMessageContaining("--force");
        assertThatThrownBy(() -> BackupCommand.execute("--kyodo.data-dir=" + dataDir, "--kyodo.restore.from=" + backup, "--force"))
                .isInstanceOf(BackupException.class).hasMessageContaining("stop every portal node");
        assertThat(fingerprint(runningUrl)).isEqualTo(before);

        // Into an empty external database (SPRING_DATASOURCE_URL): every table and sequence as it was.
        JdbcClient server = portal.getBean(JdbcClient.class);
        server.sql("create database restored").update();
        server.sql("create database scratch").update();
        EmbeddedPostgres postgres = portal.getBean(EmbeddedPostgres.class);
        String restoredUrl = postgres.getJdbcUrl("postgres", "restored");
        String summary = BackupCommand.execute("--spring.datasource.url=" + restoredUrl, "--spring.datasource.username=postgres",
                "--kyodo.restore.from=" + backup);
        assertThat(summary).contains("Restored").contains("delete each node's search index");
        assertThat(fingerprint(restoredUrl)).isEqualTo(before);

        // Damaged, cut short, or from a newer portal: refused before the database is touched.
        String scratchUrl = postgres.getJdbcUrl("postgres", "scratch");
        String[] external = {"--spring.datasource.url=" + scratchUrl, "--spring.datasource.username=postgres"};
        byte[] bytes = Files.readAllBytes(backup);
        Path truncated = dir.resolve("truncated.zip");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path flipped = dir.resolve("flipped.zip");
        // A byte of the account table's data flipped (not a header byte that nothing reads, such as a time stamp).
        byte[] damaged = bytes.clone();
        byte[] name = "tables/account.copy".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int at = indexOf(bytes, name) + name.length + 60;
        damaged[at] ^= 0x5a;
        Files.write(flipped, damaged);
        Path edited = rewritten(backup, dir.resolve("edited.zip"), "tables/account.copy", s -> s.replace("本庄 太郎", "本庄 次郎"));
        Path newer = rewritten(backup, dir.resolve("newer.zip"), "manifest.json",
                s -> s.replaceFirst("\"schemaVersion\" : \"[^\"]+\"", "\"schemaVersion\" : \"999\""));
        for (Path bad : List.of(truncated, flipped, edited)) {
            assertThatThrownBy(() -> BackupCommand.execute(concat(external, "--kyodo.restore.from=" + bad)))
                    .isInstanceOf(BackupException.class).hasMessageContaining("is damaged or incomplete").hasMessageContaining("nothing was restored");
        }
        assertThatThrownBy(() -> BackupCommand.execute(concat(external, "--kyodo.restore.from=" + newer)))
                .isInstanceOf(BackupException.class).hasMessageContaining("schema version 999, newer than this portal's");
        assertThatThrownBy(() -> BackupCommand.execute(concat(external, "--kyodo.restore.from=" + dir.resolve("missing.zip"))))
                .isInstanceOf(BackupException.class).hasMessageContaining("There is no backup file");
        // As a command, a refusal exits with status 1.
        assertThat(BackupCommand.run(concat(external, "--kyodo.restore.from=" + truncated))).isEqualTo(1);
        assertThat(fingerprint(scratchUrl)).isEmpty();

        // The portal stopped, its database wiped and restored by the command (which starts the embedded database itself).
        portal.close();
        portal = null;
        assertThat(dataDir.resolve("search-index")).isDirectory();
        summary = BackupCommand.execute("--kyodo.data-dir=" + dataDir, "--kyodo.restore.from=" + backup, "--force");
        assertThat(summary).contains("Restored").contains("the embedded database of").contains("was removed");
        assertThat(dataDir.resolve("search-index")).doesNotExist();
        try (EmbeddedPostgres stopped = EmbeddedDatabase.start(dataDir, false)) {
            assertThat(fingerprint(stopped.getJdbcUrl("postgres", EmbeddedDatabase.DATABASE))).isEqualTo(before);
        }

        // The restored portal: a demo administrator signs in, the directory and the search (rebuilt) show the demo groups.
        portal = start("--management.server.port=0");
        String session = signIn("admin@example.jp");
        assertThat(get("/account", session).body()).contains("田中 美咲");
        long id = portal.getBean(JdbcClient.class)
                .sql("select id from civic_group where status = 'REGISTERED' order by id limit 1").query(Long.class).single();
        String group = portal.getBean(JdbcClient.class).sql("select name from civic_group where id = :id").param("id", id)
                .query(String.class).single();
        assertThat(get("/groups/" + id, null).body()).contains(group);
        assertThat(eventually(() -> get("/search?q=" + encode(group), null).body(), b -> b.contains(group))).contains(group);

        // With a management port, the metrics are served there (an internal address), not on the public port.
        int management = Integer.parseInt(portal.getEnvironment().getProperty("local.management.port"));
        HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + management + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains(METRICS);
        assertThat(get("/actuator/prometheus", null).statusCode()).isIn(401, 404);
        assertThat(get("/readyz", null).statusCode()).isEqualTo(200);
    }

    private ConfigurableApplicationContext start(String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--kyodo.data-dir=" + dataDir,
                "--kyodo.database.ephemeral=false", "--kyodo.demo-data=true"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(KyodoApplication.class).run(args.toArray(String[]::new));
    }

    /** Per table: the row count and an order-independent hash of every row; per sequence: its state. */
    private static Map<String, String> fingerprint(String url) throws SQLException {
        Map<String, String> tables = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String table : names) {
                if (table.startsWith("spring_session")) {
                    continue;
                }
                try (ResultSet rs = s.executeQuery("select count(*) || ':' || coalesce(md5(string_agg(h, ',' order by h)), '') from (select md5(t::text) as h from \""
                        + table + "\" t) x")) {
                    rs.next();
                    tables.put(table, rs.getString(1));
                }
            }
            List<String> sequences = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select sequencename from pg_sequences where schemaname = 'public'")) {
                while (rs.next()) {
                    sequences.add(rs.getString(1));
                }
            }
            for (String sequence : sequences) {
                try (ResultSet rs = s.executeQuery("select last_value || ':' || is_called from \"" + sequence + "\"")) {
                    rs.next();
                    tables.put("sequence " + sequence, rs.getString(1));
                }
            }
        }
        return tables;
    }

    /** A copy of the backup with one entry's text changed (the manifest kept as it was, unless it is the entry). */
    private static Path rewritten(Path backup, Path copy, String entryName, java.util.function.UnaryOperator<String> change) throws Exception {
        try (ZipFile zip = new ZipFile(backup.toFile()); OutputStream file = Files.newOutputStream(copy);
             ZipOutputStream out = new ZipOutputStream(file)) {
            boolean found = false;
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] data = in.readAllBytes();
                    if (entry.getName().equals(entryName)) {
                        String changed = change.apply(new String(data, StandardCharsets.UTF_8));
                        assertThat(changed).isNotEqualTo(new String(data, StandardCharsets.UTF_8));
                        data = changed.getBytes(StandardCharsets.UTF_8);
                        found = true;
                    }
                    out.write(data);
                }
                out.closeEntry();
            }
            assertThat(found).as("entry " + entryName).isTrue();
        }
        return copy;
    }

    private static String[] concat(String[] first, String last) {
        String[] all = java.util.Arrays.copyOf(first, first.length + 1);
        all[first.length] = last;
        return all;
    }

    private static double value(String prometheus, String metric) {
        Matcher m = Pattern.compile("(?m)^" + metric + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(prometheus);
        assertThat(m.find()).as(metric + " in the scrape").isTrue();
        return Double.parseDouble(m.group(2));
    }

    private String signIn(String email) throws Exception {
        HttpResponse<String> page = get("/login", null);
        String session = session(page.headers().allValues("Set-Cookie"));
        HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login")).header("Cookie", "SESSION=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(email) + "&password=" + PASSWORD + "&_csrf=" + encode(csrf(page.body())))));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("/login");
        List<String> cookies = login.headers().allValues("Set-Cookie");
        return cookies.isEmpty() ? session : session(cookies);
    }

    private HttpResponse<String> get(String path, String session) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (session != null) {
            request.header("Cookie", "SESSION=" + session);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + portal.getEnvironment().getProperty("local.server.port") + path);
    }

    private static String eventually(java.util.concurrent.Callable<String> read, java.util.function.Predicate<String> done) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        String last = read.call();
        while (!done.test(last) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            last = read.call();
        }
        return last;
    }

    private static String session(List<String> setCookies) {
        for (String cookie : setCookies) {
            Matcher m = SESSION.matcher(cookie);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("No session cookie in " + setCookies);
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

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not in the backup: " + new String(needle, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void awaitAuditSealed(String url) throws Exception {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "postgres", "")) {
            while (true) {
                try (var rs = c.createStatement().executeQuery("select count(*) from audit_entry where chain_seq is null")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                if (java.time.Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the audit log was not sealed within a minute");
                }
                Thread.sleep(200);
            }
        }
    }
}
