package jp.kyodo.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kyodo.StatementCounter;
import jp.kyodo.TestMailServer;
import jp.kyodo.TestPeople;
import jp.kyodo.accounts.SignedInUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every route of the portal, taken from Spring MVC's own list of handler methods (the application's controllers, the
 * error page, the OpenAPI description and the Actuator endpoints), is requested by every kind of caller: nobody,
 * a resident, the manager of another group, staff of another department, a committee member and an administrator.
 * What each may do comes from the reviewed table {@code src/test/resources/security/routes.tsv}; a route missing from
 * it, or a row whose route is gone, fails the test with the line to add or remove. Path variables are filled with
 * ids of demo records that belong to someone else than the caller ({@code security/fixtures.tsv}): the resident
 * {@code shimin@example.jp}, their group, or a department. A caller the rule excludes must be refused (401, 403, 404,
 * or a redirect to the login page), must never see the owner's e-mail, phone or address, and the database must be
 * unchanged after all the refused requests. A caller the rule lets in must get the page (so the ids are real and a
 * refusal means the check, not a missing record). Every form POST without a CSRF token is refused.
 *
 * <p>It runs in the context with the demo content ({@code StatementCountIntegrationTest} and
 * {@code OpenDataPrivacyIntegrationTest} share it), since the demo holds every kind of record in every state.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kyodo.demo-data=true")
@AutoConfigureMockMvc
@Import({TestMailServer.class, StatementCounter.class})
class RouteAuthorizationTest {

    private static final String ROUTES = "security/routes.tsv";
    private static final String FIXTURES = "security/fixtures.tsv";

    /** The owner of the records in the fixtures, and what of them must never reach anybody else. */
    static final String OWNER = "shimin@example.jp";
    static final List<String> OWNER_PRIVATE = List.of(OWNER, "090-1234-5678", "09012345678", "本庄市中央1-2-3");

    /** Tables that change on any request, refused or not (sessions, the event registry, the search queue). */
    private static final Set<String> VOLATILE_TABLES = Set.of("spring_session", "spring_session_attributes",
            "event_publication", "event_publication_archive", "search_change", "flyway_schema_history");

    /** Columns that scheduled jobs change meanwhile: the news index flag, the outbox's delivery state. */
    private static final Map<String, List<String>> VOLATILE_COLUMNS = Map.of(
            "pub_news", List.of("indexed"),
            "mail_outbox", List.of("status", "attempts", "last_error", "next_attempt_at", "sent_at"));

    /** The kinds of caller every route is tried with. */
    enum Caller { ANONYMOUS, RESIDENT, OTHER_GROUP_MANAGER, OTHER_DEPARTMENT_STAFF, COMMITTEE_MEMBER, ADMINISTRATOR }

    /** Who a route lets in; {@code checkedBy} is who must be let in on a GET (by default). */
    enum Rule {
        /** Anybody, signed in or not. */
        PUBLIC(EnumSet.allOf(Caller.class), "anonymous"),
        /** Anybody signed in; the page shows the caller's own things, never someone else's. */
        SIGNED_IN(EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS)), "resident"),
        /** Any city staff member (an administrator is staff too). */
        STAFF(EnumSet.of(Caller.OTHER_DEPARTMENT_STAFF, Caller.ADMINISTRATOR), "staff"),
        /** Staff of the department the record belongs to (or of the secretariat where it says so), administrators. */
        DEPARTMENT(EnumSet.of(Caller.ADMINISTRATOR), "admin"),
        /** Administrators only. */
        ADMIN(EnumSet.of(Caller.ADMINISTRATOR), "admin"),
        /** Members of the screening committee (assigned to the record, when it has one). */
        COMMITTEE(EnumSet.of(Caller.COMMITTEE_MEMBER), "committee"),
        /** Only the person or group the record belongs to: every caller here is somebody else. */
        OWNER(EnumSet.noneOf(Caller.class), "owner"),
        /** A link carrying a secret token: with a token nobody was given, nobody gets through. */
        TOKEN(EnumSet.noneOf(Caller.class), null);

        final Set<Caller> allowed;
        final String checkedBy;

        Rule(Set<Caller> allowed, String checkedBy) {
            this.allowed = allowed;
            this.checkedBy = checkedBy;
        }
    }

    /** One row of the table: a route, its rule, the fixtures for its path variables, who must be let in on a GET. */
    record Row(String method, String pattern, Rule rule, Map<String, String> variables, String checkedBy, int line) {
        String key() {
            return method + " " + pattern;
        }
    }

    /** A route as Spring MVC knows it, with the handler that serves it. */
    record Route(String method, String pattern, HandlerMethod handler) {
        String key() {
            return method + " " + pattern;
        }
    }

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired TestPeople people;
    @Autowired UserDetailsService users;

    private final List<String> failures = new ArrayList<>();
    private final Map<Caller, SignedInUser> callers = new LinkedHashMap<>();
    private final Map<String, SignedInUser> checkers = new LinkedHashMap<>();

    @Test
    void everyRouteAnswersEveryKindOfCallerAsTheTableSays() throws Exception {
        Map<String, Route> routes = routes();
        Map<String, Row> table = table();

        List<String> missing = new ArrayList<>();
        for (Route route : routes.values()) {
            if (!table.containsKey(route.key())) {
                missing.add(route.method() + "\t" + route.pattern() + "\t<RULE>\t(" + route.handler().getBeanType().getSimpleName()
                        + "." + route.handler().getMethod().getName() + ")");
            }
        }
        List<String> gone = table.values().stream().filter(row -> !routes.containsKey(row.key()))
                .map(row -> ROUTES + ":" + row.line() + " " + row.key()).toList();
        assertThat(missing).as("routes without a rule: add a line for each to src/test/resources/" + ROUTES
                + " (method, pattern, one of " + List.of(Rule.values()) + ", variables)\n" + String.join("\n", missing)).isEmpty();
        assertThat(gone).as("rows of src/test/resources/" + ROUTES + " whose route no longer exists: remove them").isEmpty();

        setUpCallers();
        Map<String, String> fixtures = fixtures();

        // Every refused request first, with the database compared before and after.
        Map<String, String> before = snapshot();
        int refused = 0;
        for (Row row : table.values()) {
            Route route = routes.get(row.key());
            String uri = uri(row, fixtures);
            for (Caller caller : Caller.values()) {
                if (row.rule().allowed.contains(caller)) {
                    continue;
                }
                MvcResult result = perform(route, uri, callers.get(caller), true);
                refused++;
                if (result == null) {
                    continue;
                }
                int status = result.getResponse().getStatus();
                String location = result.getResponse().getHeader("Location");
                boolean toLogin = status / 100 == 3 && location != null && location.matches("(https?://[^/]+)?/login(\\?.*)?");
                if (!(status == 401 || status == 403 || status == 404 || toLogin)) {
                    failures.add(row.key() + " [" + row.rule() + "] " + caller + " " + route.method() + " " + uri + " -> " + status
                            + (location == null ? "" : " " + location));
                }
                String leaked = leak(result);
                if (leaked != null) {
                    failures.add(row.key() + " " + caller + " sees the owner's " + leaked);
                }
            }
        }
        Map<String, String> after = snapshot();
        List<String> changed = new ArrayList<>();
        for (String table2 : before.keySet()) {
            if (!before.get(table2).equals(after.get(table2))) {
                changed.add(table2);
            }
        }

        // Every GET that the rule lets somebody in on must be let through for them, or the ids prove nothing.
        for (Row row : table.values()) {
            Route route = routes.get(row.key());
            if (!row.method().equals("GET") || row.checkedBy() == null) {
                continue;
            }
            String uri = uri(row, fixtures);
            SignedInUser who = row.checkedBy().startsWith("@")
                    ? (SignedInUser) users.loadUserByUsername(fixtures.get(row.checkedBy().substring(1)))
                    : checkers.get(row.checkedBy());
            assertThat(row.checkedBy().equals("anonymous") || who != null).as(ROUTES + ":" + row.line() + " checked by " + row.checkedBy()).isTrue();
            MvcResult result = perform(route, uri, who, true);
            if (result == null) {
                continue;
            }
            int status = result.getResponse().getStatus();
            String location = result.getResponse().getHeader("Location");
            if (!(status / 100 == 2 || status / 100 == 3 && (location == null || !location.contains("/login")))) {
                failures.add(row.key() + " [" + row.rule() + "] is not served to " + row.checkedBy() + ": " + uri + " -> " + status);
            }
            if (Set.of("anonymous", "resident", "committee").contains(row.checkedBy())) {
                String leaked = leak(result);
                if (leaked != null) {
                    failures.add(row.key() + " shows " + row.checkedBy() + " the owner's " + leaked);
                }
            }
        }

        // A form sent without its CSRF token is refused, whoever sends it.
        for (Row row : table.values()) {
            if (row.method().equals("POST")) {
                MvcResult result = perform(routes.get(row.key()), uri(row, fixtures), callers.get(Caller.ADMINISTRATOR), false);
                if (result != null && result.getResponse().getStatus() != 403) {
                    failures.add(row.key() + " without a CSRF token -> " + result.getResponse().getStatus());
                }
            }
        }

        System.out.println("RouteAuthorizationTest: " + table.size() + " routes, " + refused + " refused requests checked");
        assertThat(failures).as("routes answering a caller otherwise than the table says").isEmpty();
        assertThat(changed).as("tables changed by refused requests").isEmpty();
    }

    @Test
    void theStaffMenuLinksOnlyToAreasTheStaffMemberMayOpen() throws Exception {
        setUpCallers();
        for (Caller caller : List.of(Caller.OTHER_DEPARTMENT_STAFF, Caller.ADMINISTRATOR)) {
            String menu = mvc.perform(MockMvcRequestBuilders.get("/staff").with(user(callers.get(caller)))).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8);
            Matcher link = Pattern.compile("href=\"(/staff/[^\"?#]+)\"").matcher(menu);
            Set<String> links = new LinkedHashSet<>();
            while (link.find()) {
                links.add(link.group(1));
            }
            assertThat(links).as("links of the staff menu for " + caller).hasSizeGreaterThan(5);
            for (String href : links) {
                int status = mvc.perform(MockMvcRequestBuilders.get(href).with(user(callers.get(caller)))).andReturn().getResponse().getStatus();
                assertThat(status).as(caller + " follows " + href + " from the staff menu").isEqualTo(200);
            }
        }
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/staff").with(user(callers.get(Caller.OTHER_DEPARTMENT_STAFF)))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("href=\"/staff/groups\"");
    }

    /** Every route of every request-mapping handler mapping (controllers, error page, OpenAPI, Actuator). */
    private Map<String, Route> routes() {
        Map<String, Route> routes = new TreeMap<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
                Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
                Set<String> names = new TreeSet<>();
                if (methods.isEmpty()) {
                    names.add("ANY");
                } else {
                    methods.forEach(m -> names.add(m.name()));
                }
                for (String pattern : entry.getKey().getPatternValues()) {
                    for (String method : names) {
                        routes.putIfAbsent(method + " " + pattern, new Route(method, pattern, entry.getValue()));
                    }
                }
            }
        }
        return routes;
    }

    private Map<String, Row> table() throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        int number = 0;
        for (String line : lines(ROUTES)) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            assertThat(cells.length).as(ROUTES + ":" + number + " needs method, pattern, rule[, variables[, checked by]]").isBetween(3, 5);
            Map<String, String> variables = new LinkedHashMap<>();
            if (cells.length > 3 && !cells[3].isBlank() && !cells[3].equals("-")) {
                for (String pair : cells[3].split(",")) {
                    String[] kv = pair.trim().split("=", 2);
                    variables.put(kv[0], kv[1]);
                }
            }
            Rule rule = Rule.valueOf(cells[2].trim());
            String checkedBy = cells.length > 4 ? cells[4].trim() : rule.checkedBy;
            if ("-".equals(checkedBy)) {
                checkedBy = null; // no caller can be shown the page with the demo content (written down in the table)
            }
            Row row = new Row(cells[0].trim(), cells[1].trim(), rule, variables, checkedBy, number);
            assertThat(rows.put(row.key(), row)).as(ROUTES + ":" + number + " repeats " + row.key()).isNull();
        }
        return rows;
    }

    /** Named ids: each fixture is a query returning one id of a record that belongs to the owner. */
    private Map<String, String> fixtures() throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        long owner = jdbc.sql("select id from account where email = ?").param(OWNER).query(Long.class).single();
        List<String> problems = new ArrayList<>();
        for (String line : lines(FIXTURES)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", 2);
            String sql = cells[1].replace(":owner", Long.toString(owner));
            for (Map.Entry<String, String> earlier : values.entrySet()) {
                sql = sql.replace("${" + earlier.getKey() + "}", earlier.getValue());
            }
            try {
                List<String> found = jdbc.sql(sql).query((rs, n) -> rs.getString(1)).list();
                if (found.size() != 1 || found.getFirst() == null) {
                    problems.add(cells[0] + " finds " + found + ": " + sql);
                    values.put(cells[0].trim(), "0");
                } else {
                    values.put(cells[0].trim(), found.getFirst());
                }
            } catch (RuntimeException e) {
                problems.add(cells[0] + " fails: " + e.getMessage());
                values.put(cells[0].trim(), "0");
            }
        }
        assertThat(problems).as("fixtures of " + FIXTURES + " that find no record").isEmpty();
        return values;
    }

    private List<String> lines(String resource) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^{}]*(?:\\{[^}]*}[^{}]*)*)?}|\\*\\*");

    /** The pattern with each variable replaced by its fixture's id, or by a literal value written as 'value'. */
    private String uri(Row row, Map<String, String> fixtures) {
        Matcher m = VARIABLE.matcher(row.pattern());
        StringBuilder uri = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) == null ? "**" : m.group(1);
            String value = row.variables().get(name);
            assertThat(value).as(ROUTES + ":" + row.line() + " gives no value for {" + name + "}").isNotNull();
            if (value.startsWith("'") && value.endsWith("'")) {
                value = value.substring(1, value.length() - 1);
            } else {
                assertThat(fixtures).as(ROUTES + ":" + row.line() + " names an unknown fixture").containsKey(value);
                value = fixtures.get(value);
            }
            m.appendReplacement(uri, Matcher.quoteReplacement(value));
        }
        m.appendTail(uri);
        return uri.toString();
    }

    /** The request: the handler's required parameters filled in (files as files), with CSRF if asked. */
    private MvcResult perform(Route route, String uri, SignedInUser who, boolean withCsrf) {
        HttpMethod method = route.method().equals("ANY") ? HttpMethod.GET : HttpMethod.valueOf(route.method());
        List<MethodParameter> files = new ArrayList<>();
        Map<String, String> params = new LinkedHashMap<>();
        for (MethodParameter parameter : route.handler().getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value() : parameter.getParameterName();
            Class<?> type = parameter.getParameterType();
            if (MultipartFile.class.isAssignableFrom(type) || type == List.class && MultipartFile.class.equals(
                    parameter.nested().getNestedParameterType())) {
                files.add(parameter);
                params.put("__file__" + name, name);
            } else if (name != null && param.required() && param.defaultValue().equals(ValueConstants.DEFAULT_NONE)
                    && !Map.class.isAssignableFrom(type)) {
                params.put(name, Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class ? "1" : "x");
            }
        }
        AbstractMockHttpServletRequestBuilder<?> request;
        if (!files.isEmpty() && method == HttpMethod.POST) {
            MockMultipartHttpServletRequestBuilder multipart = MockMvcRequestBuilders.multipart(uri);
            params.forEach((k, v) -> {
                if (k.startsWith("__file__")) {
                    multipart.file(new MockMultipartFile(v, "authz.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
                }
            });
            request = multipart;
        } else {
            request = MockMvcRequestBuilders.request(method, uri);
        }
        params.forEach((k, v) -> {
            if (!k.startsWith("__file__")) {
                request.param(k, v);
            }
        });
        if (who != null) {
            request.with(user(who));
        }
        if (withCsrf) {
            request.with(csrf());
        }
        try {
            return mvc.perform(request).andReturn();
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            failures.add(route.key() + " " + (who == null ? "anonymous" : who.email()) + " " + uri + " throws " + cause);
            return null;
        }
    }

    /** Which of the owner's personal data the response shows, if any. */
    private static String leak(MvcResult result) throws IOException {
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        for (String secret : OWNER_PRIVATE) {
            if (body.contains(secret)) {
                return secret;
            }
        }
        return null;
    }

    private void setUpCallers() {
        callers.put(Caller.ANONYMOUS, null);
        callers.put(Caller.RESIDENT, people.account("authz-resident", null));
        SignedInUser manager = people.account("authz-group-manager", null);
        people.registeredGroup("認可テストの会", manager.accountId());
        callers.put(Caller.OTHER_GROUP_MANAGER, manager);
        long department = people.department("認可テスト課", false);
        callers.put(Caller.OTHER_DEPARTMENT_STAFF, people.account("authz-staff", department, "STAFF"));
        callers.put(Caller.COMMITTEE_MEMBER, (SignedInUser) users.loadUserByUsername("iinkai@example.jp"));
        callers.put(Caller.ADMINISTRATOR, (SignedInUser) users.loadUserByUsername("admin@example.jp"));
        checkers.put("anonymous", null);
        checkers.put("resident", callers.get(Caller.RESIDENT));
        checkers.put("staff", callers.get(Caller.OTHER_DEPARTMENT_STAFF));
        checkers.put("committee", callers.get(Caller.COMMITTEE_MEMBER));
        checkers.put("admin", callers.get(Caller.ADMINISTRATOR));
        checkers.put("owner", (SignedInUser) users.loadUserByUsername(OWNER));
        for (String email : List.of("staff@example.jp", "kosodate@example.jp")) {
            checkers.put(email, (SignedInUser) users.loadUserByUsername(email));
        }
    }

    /** A digest of every table's rows, to tell whether refused requests changed anything. */
    private Map<String, String> snapshot() {
        Map<String, String> digests = new TreeMap<>();
        for (String t : jdbc.sql("select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'")
                .query(String.class).list()) {
            if (VOLATILE_TABLES.contains(t)) {
                continue;
            }
            String row = "(to_jsonb(x) - array[" + String.join(", ", VOLATILE_COLUMNS.getOrDefault(t, List.of("-")).stream()
                    .map(c -> "'" + c + "'").toList()) + "]::text[])::text";
            digests.put(t, jdbc.sql("select count(*) || ':' || coalesce(md5(string_agg(md5(" + row + "), ',' order by md5(" + row + "))), '') from "
                    + t + " x").query(String.class).single());
        }
        return digests;
    }
}
