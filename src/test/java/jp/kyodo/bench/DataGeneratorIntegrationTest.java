package jp.kyodo.bench;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kyodo.KyodoApplication;
import jp.kyodo.bench.generate.Generator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The large-dataset generator at a tiny scale, into a real PostgreSQL: what it reports is what the tables hold, the
 * same seed gives the same rows, the centre's bookings never overlap, the benchmark's accounts are there and can sign
 * in, every labelled group is in the public directory, and the portal's public pages work on the generated data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataGeneratorIntegrationTest {

    private static final double SCALE = 0.002;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");

    @TempDir
    static Path dir;

    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private EmbeddedPostgres postgres;
    private GreenMail greenMail;
    private ConfigurableApplicationContext portal;
    private Generator.Result first;
    private Generator.Result second;

    @BeforeAll
    void generate() throws Exception {
        postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("postgres")).setCleanDataDirectory(true)
                .setLocaleConfig("locale", "C").setLocaleConfig("encoding", "UTF8").setServerConfig("timezone", "UTC").start();
        first = Generator.generate(url("gen_a"), "postgres", "", 42, SCALE, today, true, dir.resolve("a"), null);
        second = Generator.generate(url("gen_b"), "postgres", "", 42, SCALE, today, true, dir.resolve("b"), null);
        greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        portal = new SpringApplicationBuilder(KyodoApplication.class).run("--server.port=0", "--kyodo.data-dir=" + dir.resolve("portal"),
                "--spring.datasource.url=" + url("gen_a"), "--spring.datasource.username=postgres", "--kyodo.demo-data=false",
                "--spring.mail.port=" + greenMail.getSmtp().getPort());
    }

    @AfterAll
    void stop() throws Exception {
        if (portal != null) {
            portal.close();
        }
        if (greenMail != null) {
            greenMail.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    @Test
    void theRowsItReportsAreTheRowsTheTablesHold() throws Exception {
        assertThat(first.rows()).containsKeys("civic_group", "account", "collab_project", "collab_score", "collab_evaluation_score",
                "pc_comment", "vol_application", "centre_booking");
        assertThat(first.rows().get("vol_application")).isEqualTo(2000);
        assertThat(first.rows().get("centre_booking")).isEqualTo(400);
        assertThat(first.rows().get("pc_comment")).isEqualTo(1000);
        assertThat(first.rows().get("collab_project")).isEqualTo(40);
        try (Connection c = DriverManager.getConnection(url("gen_a"), "postgres", "")) {
            long total = 0;
            for (Map.Entry<String, Long> e : first.rows().entrySet()) {
                if (!e.getKey().equals("total")) {
                    assertThat(count(c, "select count(*) from " + e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
                    total += e.getValue();
                }
            }
            assertThat(first.rows().get("total")).isEqualTo(total);
        }
        String properties = Files.readString(dir.resolve("a/dataset.properties"));
        assertThat(properties).contains("seed=42", "scale=0.002", "rows.civic_group=" + first.rows().get("civic_group"), "seconds.total=");
    }

    @Test
    void theSameSeedGivesTheSameRowsAndTheSameWorkload() throws Exception {
        assertThat(second.rows()).isEqualTo(first.rows());
        for (String table : List.of("account", "civic_group", "civic_group_member", "collab_proposal", "collab_score", "collab_evaluation_score",
                "pc_comment", "vol_application", "centre_booking")) {
            String sql = "select md5(string_agg(t::text, '|' order by t::text)) from " + table + " t";
            assertThat(text(url("gen_b"), sql)).as(table).isEqualTo(text(url("gen_a"), sql)).isNotNull();
        }
        for (String file : List.of("queries.tsv", "labels.tsv")) {
            assertThat(Files.readString(dir.resolve("b").resolve(file))).isEqualTo(Files.readString(dir.resolve("a").resolve(file)));
        }
        assertThat(Files.readAllLines(dir.resolve("a/queries.tsv"))).hasSize(1000).allMatch(l -> l.split("\t", -1).length == 4);
    }

    @Test
    void liveBookingsOfARoomNeverOverlapAndNoShiftIsOverfilled() throws Exception {
        try (Connection c = DriverManager.getConnection(url("gen_a"), "postgres", "")) {
            assertThat(count(c, """
                    select count(*) from centre_booking a join centre_booking b on a.room_id = b.room_id and a.id < b.id
                    where a.status in ('BOOKED', 'PAID') and b.status in ('BOOKED', 'PAID')
                      and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)""")).isZero();
            assertThat(count(c, "select count(distinct status) from centre_booking")).isEqualTo(4);
            assertThat(count(c, """
                    select count(*) from vol_shift s where s.capacity <
                      (select count(*) from vol_application a where a.shift_id = s.id and a.status = 'ACCEPTED')""")).isZero();
            assertThat(count(c, "select count(distinct status) from vol_application")).isEqualTo(5);
            assertThat(count(c, "select count(*) from vol_application where status = 'ACCEPTED' and hours is not null")).isPositive();
            // A booking awaiting payment is never past its deadline (the job would cancel it at once).
            assertThat(count(c, "select count(*) from centre_booking where status = 'BOOKED' and payment_due_on < current_date")).isZero();
        }
    }

    @Test
    void theBenchmarkAccountsRepresentRegisteredGroupsAndSignIn() throws Exception {
        try (Connection c = DriverManager.getConnection(url("gen_a"), "postgres", "")) {
            assertThat(count(c, "select count(*) from account where email like 'bench-____@example.jp' and status = 'ACTIVE' "
                    + "and email_verified_at is not null and phone is not null and address is not null and name_kana is not null")).isEqualTo(2000);
            assertThat(count(c, """
                    select count(distinct g.id) from account a join civic_group_member m on m.account_id = a.id and m.role = 'REPRESENTATIVE'
                      join civic_group g on g.id = m.group_id
                    where a.email between 'bench-0001@example.jp' and 'bench-0500@example.jp'
                      and g.status = 'REGISTERED' and g.valid_until >= current_date""")).isEqualTo(500);
            assertThat(count(c, """
                    select count(*) from account a join account_role r on r.account_id = a.id join department d on d.id = a.department_id
                    where a.email = 'bench-admin@example.jp' and r.role in ('ADMIN', 'STAFF') and d.name = '市民活動推進課' and d.secretariat""")).isEqualTo(2);
            String hash = text(url("gen_a"), "select password_hash from account where email = 'bench-0001@example.jp'");
            assertThat(portal.getBean(PasswordEncoder.class).matches("kyodo-bench-2026", hash)).isTrue();
        }
        HttpResponse<String> loginPage = get("/login", null);
        String session = cookie(loginPage, null);
        HttpResponse<String> login = post("/login", session, "username=" + encode("bench-0042@example.jp") + "&password=kyodo-bench-2026&_csrf="
                + encode(match(CSRF, loginPage.body())));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("/login");
    }

    @Test
    void everyLabelledGroupIsInThePublicDirectory() throws Exception {
        List<String> labels = Files.readAllLines(dir.resolve("a/labels.tsv"));
        assertThat(labels).isNotEmpty();
        assertThat(first.labels()).isEqualTo(labels.size());
        HttpResponse<String> csv = get("/opendata/groups.csv", null);
        assertThat(csv.statusCode()).isEqualTo(200);
        Set<String> listed = new HashSet<>();
        for (String line : csv.body().split("\r?\n")) {
            listed.add(line.replace("\uFEFF", "").split(",", 2)[0].replace("\"", ""));
        }
        List<String> expected = new ArrayList<>();
        for (String line : labels) {
            String[] cells = line.split("\t", -1);
            assertThat(cells).hasSize(5);
            String[] numbers = cells[4].split(",");
            assertThat(numbers.length).isBetween(1, 50);
            expected.addAll(List.of(numbers));
        }
        assertThat(listed).containsAll(expected);
        try (Connection c = DriverManager.getConnection(url("gen_a"), "postgres", "")) {
            // Expired, dissolved and pending groups exist, and none of them is expected.
            assertThat(count(c, "select count(*) from civic_group where status <> 'REGISTERED'")).isPositive();
            assertThat(count(c, "select count(*) from civic_group where registration_number = any(array['"
                    + String.join("','", expected) + "']) and (status <> 'REGISTERED' or valid_until < current_date)")).isZero();
        }
    }

    @Test
    void thePublicPagesWorkOnTheGeneratedData() throws Exception {
        String group = text(url("gen_a"), "select id || '|' || name from civic_group where id > 500 and status = 'REGISTERED' order by id limit 1");
        String project = text(url("gen_a"), "select id || '|' || (select title from collab_proposal p where p.id = proposal_id) "
                + "from collab_project where status = 'PUBLISHED' order by id limit 1");
        String[] g = group.split("\\|");
        String[] p = project.split("\\|");
        assertThat(get("/", null).statusCode()).isEqualTo(200);
        HttpResponse<String> directory = get("/groups", null);
        assertThat(directory.statusCode()).isEqualTo(200);
        HttpResponse<String> page = get("/groups/" + g[0], null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(g[1]);
        HttpResponse<String> projectPage = get("/collaboration/projects/" + p[0], null);
        assertThat(projectPage.statusCode()).isEqualTo(200);
        assertThat(projectPage.body()).contains(p[1]);
        String query = Files.readAllLines(dir.resolve("a/labels.tsv")).getFirst().split("\t")[0];
        HttpResponse<String> api = get("/api/v1/groups?q=" + encode(query), null);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"registrationNumber\"");
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String base() {
        return "http://localhost:" + portal.getEnvironment().getProperty("local.server.port");
    }

    private HttpResponse<String> get(String path, String session) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        if (session != null) {
            b.header("Cookie", "SESSION=" + session);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String session, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (session != null) {
            b.header("Cookie", "SESSION=" + session);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String cookie(HttpResponse<String> response, String otherwise) {
        return response.headers().allValues("Set-Cookie").stream().map(SESSION::matcher).filter(Matcher::find).map(m -> m.group(1))
                .findFirst().orElse(otherwise);
    }

    private static String match(Pattern p, String text) {
        Matcher m = p.matcher(text);
        assertThat(m.find()).as("pattern " + p).isTrue();
        return m.group(1);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
