package jp.kyodo.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.beans.PropertyDescriptor;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestPeople;
import jp.kyodo.accounts.SignedInUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.SessionAttribute;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every route of the portal, taken from its own handler mappings, gets every class of the hostile corpus
 * ({@code security/hostile.txt}) in every query parameter and form field its handler binds, as the kinds of caller
 * the route admits (with CSRF for POST). The portal must never answer 5xx, and no page it answers or redirects to
 * may carry the hostile text unescaped: no live script, no injected attribute, no {@code javascript:} link. The SQL
 * fragments must change nothing. One entry of each class is picked per route and parameter (deterministically), so
 * every route and every parameter meets every class while the run stays short.
 */
@IntegrationTest
class HostileInputIntegrationTest {

    /** Classes also sent in place of a path variable. */
    private static final List<String> PATH_CLASSES = List.of("traversal", "script", "sql", "invalid-utf8", "long", "nul", "rtl");

    /**
     * The classes sent together, one entry of each joined into one value: every parameter meets every class in five
     * requests per route instead of sixteen. Over-long text goes alone (it is refused for its length), and so do the
     * percent-encoded bytes (they are sent undecoded).
     */
    private static final List<List<String>> BUNDLES = List.of(
            List.of("script", "attribute", "url", "fullwidth"),
            List.of("sql", "traversal", "control", "nul"),
            List.of("rtl", "zero-width", "combining", "surrogate", "emoji"),
            List.of("long"),
            List.of("invalid-utf8", "surrogate-percent"));

    private static final Pattern LINK = Pattern.compile("(?:href|action)=\"(/[^\"#?]*)");
    private static final Pattern FIELD = Pattern.compile("name=\"([A-Za-z][A-Za-z0-9_.\\[\\]]*)\"");
    /** A start tag with its attributes, as a browser reads them (quoted values may hold anything but their quote). */
    private static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9-]*)((?:\\s+[^\\s\"'>/=]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s\"'=<>`]+))?)*)\\s*/?>");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s+([^\\s\"'>/=]+)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s\"'=<>`]+))?");

    private enum Caller { ANONYMOUS, RESIDENT, COMMITTEE, STAFF, ADMIN }

    private record Route(String pattern, HttpMethod method, List<String> params, List<String> parts, boolean mapParams, String handler) {
        boolean multipart() {
            return !parts.isEmpty();
        }

        Route withParams(List<String> more) {
            Set<String> all = new LinkedHashSet<>(params);
            all.addAll(more);
            return new Route(pattern, method, List.copyOf(all), parts, false, handler);
        }

        List<String> pathVariables() {
            return variables(pattern).stream().map(v -> v.replaceAll("^\\{|(?::.*)?}$", "")).toList();
        }
    }

    /** Built here rather than injected: the injected one keeps every exchange to print should the test fail. */
    private MockMvc mvc;

    @Autowired
    org.springframework.web.context.WebApplicationContext context;

    @Autowired
    TestPeople people;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @LocalServerPort
    int port;

    private final Map<Caller, SignedInUser> callers = new HashMap<>();
    private final Map<Caller, String> callerState = new HashMap<>();
    private long groupId;
    private final List<String> serverErrors = new ArrayList<>();
    private final List<String> unescaped = new ArrayList<>();
    private int requests;
    private int formsFilled;

    @Test
    void hostileInputIsRefusedOrShownEscapedAndNeverFails() throws Exception {
        mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(context)
                .addFilters(context.getBean(NulCharacterFilter.class))
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity()).build();
        Map<String, List<HostileInput>> corpus = HostileInput.corpus();
        assertThat(corpus.keySet()).contains("script", "attribute", "url", "sql", "traversal", "long", "control", "nul",
                "invalid-utf8", "rtl", "zero-width", "fullwidth", "combining", "surrogate", "surrogate-percent", "emoji");
        assertThat(BUNDLES.stream().flatMap(List::stream).toList()).as("classes sent").containsExactlyInAnyOrderElementsOf(corpus.keySet());
        long accountsBefore = jdbc.sql("select count(*) from account").query(Long.class).single();
        for (Caller caller : Caller.values()) {
            signIn(caller);
        }
        List<Route> routes = routes();
        long started = System.nanoTime();
        Map<String, Map<String, String>> known = knownPathValues(routes);
        int crawled = requests;
        long crawlSeconds = (System.nanoTime() - started) / 1_000_000_000;

        Map<String, Integer> perClass = new LinkedHashMap<>();
        for (Route listed : routes) {
            Route route = listed.mapParams() ? listed.withParams(fieldsOfPage(concrete(listed, known, null), admitted(listed.pattern()).getFirst()))
                    : listed;
            List<Caller> admitted = admitted(route.pattern());
            int bundleIndex = 0;
            for (List<String> bundle : BUNDLES) {
                Caller caller = admitted.get(bundleIndex++ % admitted.size());
                if (!route.params().isEmpty() || route.multipart()) {
                    Map<String, List<HostileInput>> values = new LinkedHashMap<>();
                    for (String param : route.params()) {
                        List<HostileInput> parts = new ArrayList<>();
                        for (String kind : bundle) {
                            parts.add(pick(corpus.get(kind), route.pattern() + param));
                            perClass.merge(kind, 1, Integer::sum);
                        }
                        values.put(param, parts);
                    }
                    send(route, caller, concrete(route, known, null), values, String.join("+", bundle));
                }
            }
            if (route.method() == HttpMethod.POST) {
                // As a browser fills the form the page shows: hostile text in its text fields, the rest as shown,
                // so that the text passes the other fields' rules and is stored and shown again.
                String path = concrete(route, known, null);
                for (Caller caller : admitted) {
                    List<Field> fields = forms.get(path + "|" + caller);
                    if (fields == null || fields.stream().noneMatch(Field::text)) {
                        continue;
                    }
                    Map<String, List<HostileInput>> values = new LinkedHashMap<>();
                    Map<String, String> plain = new LinkedHashMap<>();
                    for (Field f : fields) {
                        if (f.text()) {
                            List<HostileInput> parts = new ArrayList<>();
                            for (String kind : List.of("script", "attribute", "url", "sql", "nul", "rtl", "combining", "emoji")) {
                                parts.add(pick(corpus.get(kind), route.pattern() + f.name()));
                            }
                            values.put(f.name(), parts);
                        } else {
                            plain.put(f.name(), f.value());
                        }
                    }
                    formsFilled++;
                    send(route, caller, path, values, plain, "form:script+attribute+url+sql+nul+rtl+combining+emoji");
                }
            }
            if (!route.pathVariables().isEmpty()) {
                // One hostile value in place of the last path variable, its class turning from route to route.
                String kind = PATH_CLASSES.get(Math.floorMod(route.pattern().hashCode(), PATH_CLASSES.size()));
                send(route, admitted.getFirst(), concrete(route, known, pick(corpus.get(kind), route.pattern())), Map.of(), kind);
            }
        }
        overRealHttp(routes, corpus.get("invalid-utf8"), corpus.get("surrogate-percent"));

        System.out.printf("%nHostile input: %d routes, %d pages crawled for ids and forms (%d s), %d requests in all (%d s), %d forms"
                        + " filled as shown; parameters reached per class: %s%n", routes.size(), crawled, crawlSeconds, requests,
                (System.nanoTime() - started) / 1_000_000_000, formsFilled, perClass);
        assertThat(routes).as("routes found in the handler mappings").hasSizeGreaterThan(100);
        assertThat(formsFilled).as("forms filled as a browser would").isGreaterThan(20);
        List<String> problems = new ArrayList<>(serverErrors);
        problems.addAll(unescaped);
        assertThat(problems).as("requests answered with a server error, and pages showing hostile text unescaped").isEmpty();
        assertThat(jdbc.sql("select count(*) from account where name = 'kx-sqli-pwned'").query(Long.class).single())
                .as("accounts renamed by an SQL fragment").isZero();
        assertThat(jdbc.sql("select count(*) from account").query(Long.class).single()).isGreaterThanOrEqualTo(accountsBefore);
        assertThat(jdbc.sql("select count(*) from civic_group where id = :id").param("id", groupId).query(Long.class).single())
                .as("the group an SQL fragment tried to delete").isOne();
    }

    // ---- Routes ----

    /** Every route of the portal's own controllers, with the names of the parameters and form fields it binds. */
    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = e.getValue();
            if (!handler.getBeanType().getName().startsWith("jp.kyodo.")) {
                continue;
            }
            Set<String> params = new LinkedHashSet<>();
            List<String> parts = new ArrayList<>();
            boolean map = false;
            for (MethodParameter p : handler.getMethodParameters()) {
                Class<?> type = p.getParameterType();
                if (p.hasParameterAnnotation(PathVariable.class) || p.hasParameterAnnotation(RequestHeader.class)
                        || p.hasParameterAnnotation(CookieValue.class) || p.hasParameterAnnotation(RequestBody.class)
                        || p.hasParameterAnnotation(AuthenticationPrincipal.class) || p.hasParameterAnnotation(SessionAttribute.class)
                        || p.hasParameterAnnotation(RequestAttribute.class)) {
                    continue;
                }
                if (MultipartFile.class.isAssignableFrom(type) || (Collection.class.isAssignableFrom(type)
                        && p.getNestedParameterType() == MultipartFile.class)) {
                    RequestParam part = p.getParameterAnnotation(RequestParam.class);
                    parts.add(part != null && !part.name().isEmpty() ? part.name() : p.getParameterName());
                    continue;
                }
                RequestParam requestParam = p.getParameterAnnotation(RequestParam.class);
                if (requestParam != null) {
                    if (Map.class.isAssignableFrom(type)) {
                        map = true;
                    } else {
                        String name = !requestParam.name().isEmpty() ? requestParam.name() : p.getParameterName();
                        params.add(name);
                    }
                    continue;
                }
                if (framework(type)) {
                    continue;
                }
                if (BeanUtils.isSimpleProperty(type)) {
                    params.add(p.getParameterName());
                } else if (p.hasParameterAnnotation(ModelAttribute.class) || !type.getName().startsWith("java.")) {
                    params.addAll(formFields(type));
                }
            }
            for (String pattern : e.getKey().getPatternValues()) {
                Set<org.springframework.web.bind.annotation.RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
                HttpMethod method = methods.isEmpty() ? HttpMethod.GET : HttpMethod.valueOf(methods.iterator().next().name());
                routes.add(new Route(pattern, method, List.copyOf(params), List.copyOf(parts), map,
                        handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName()));
            }
        }
        routes.sort(java.util.Comparator.comparing(Route::pattern).thenComparing(r -> r.method().name()));
        return routes;
    }

    private static boolean framework(Class<?> type) {
        String name = type.getName();
        return name.startsWith("jakarta.") || name.startsWith("org.springframework.") || Principal.class.isAssignableFrom(type)
                || type == Locale.class || type == java.util.TimeZone.class || type == java.time.ZoneId.class
                || Errors.class.isAssignableFrom(type) || name.startsWith("java.io.") || type == SignedInUser.class;
    }

    /** The fields a form object binds: a record's components, or a bean's writable properties. */
    private static List<String> formFields(Class<?> type) {
        List<String> names = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                names.add(c.getName());
            }
        } else {
            for (PropertyDescriptor d : BeanUtils.getPropertyDescriptors(type)) {
                if (d.getWriteMethod() != null) {
                    names.add(d.getName());
                }
            }
        }
        return names;
    }

    /** For a handler binding any parameter into a map: the field names of the forms on the page at the same address. */
    private List<String> fieldsOfPage(String path, Caller caller) throws Exception {
        Set<String> names = new TreeSet<>();
        MvcResult page = perform(as(get(URI.create(path)), caller));
        if (page != null && isHtml(page)) {
            Matcher m = FIELD.matcher(page.getResponse().getContentAsString(StandardCharsets.UTF_8));
            while (m.find()) {
                if (!m.group(1).equals("_csrf")) {
                    names.add(m.group(1));
                }
            }
        }
        return List.copyOf(names);
    }

    /** Who may call a route, by the address rules of the security configuration. */
    private static List<Caller> admitted(String pattern) {
        if (pattern.startsWith("/admin")) {
            return List.of(Caller.ADMIN);
        }
        if (pattern.startsWith("/staff")) {
            return List.of(Caller.STAFF, Caller.ADMIN);
        }
        if (pattern.startsWith("/committee")) {
            return List.of(Caller.COMMITTEE);
        }
        if (pattern.startsWith("/account") || pattern.startsWith("/my") || pattern.startsWith("/notifications")) {
            return List.of(Caller.RESIDENT);
        }
        return List.of(Caller.ANONYMOUS, Caller.RESIDENT);
    }

    // ---- Path variables: real ids, found on the pages the callers see ----

    /** For each literal prefix before a path variable (say {@code /my/groups/}), a value seen in a link on a page. */
    private Map<String, Map<String, String>> knownPathValues(List<Route> routes) throws Exception {
        List<PathPattern> patterns = new ArrayList<>();
        PathPatternParser parser = new PathPatternParser();
        for (Route r : routes) {
            if (!r.pathVariables().isEmpty()) {
                patterns.add(parser.parse(r.pattern()));
            }
        }
        Set<String> links = new LinkedHashSet<>();
        Set<String> visited = new LinkedHashSet<>();
        List<String> pages = new ArrayList<>();
        for (Route r : routes) {
            if (r.method() == HttpMethod.GET && r.pathVariables().isEmpty() && !r.pattern().contains("*")) {
                pages.add(r.pattern());
            }
        }
        // Two rounds: the pages without variables, then the detail pages they link to.
        for (int round = 0; round < 2; round++) {
            List<String> next = new ArrayList<>();
            for (String page : pages) {
                if (!visited.add(page)) {
                    continue;
                }
                // The most trusted caller the page admits sees the most links and forms.
                for (Caller caller : List.of(admitted(page).getLast())) {
                    MvcResult result = perform(as(get(page), caller));
                    if (result == null || !isHtml(result)) {
                        continue;
                    }
                    String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
                    collectForms(html, caller);
                    Matcher m = LINK.matcher(html);
                    while (m.find()) {
                        if (links.add(m.group(1))) {
                            next.add(m.group(1));
                        }
                    }
                }
            }
            pages = next;
        }
        Map<String, Map<String, String>> known = new HashMap<>();
        for (String link : links) {
            for (PathPattern p : patterns) {
                PathPattern.PathMatchInfo match = p.matchAndExtract(org.springframework.http.server.PathContainer.parsePath(link));
                if (match != null) {
                    known.putIfAbsent(p.getPatternString(), match.getUriVariables());
                    for (Map.Entry<String, String> v : match.getUriVariables().entrySet()) {
                        known.computeIfAbsent(prefix(p.getPatternString(), v.getKey()), k -> new HashMap<>()).putIfAbsent(v.getKey(), v.getValue());
                    }
                }
            }
        }
        return known;
    }

    /** A field of a form as the page renders it. */
    private record Field(String name, String type, String value) {
        boolean text() {
            return type.equals("text") || type.equals("textarea") || type.equals("search");
        }
    }

    private static final Pattern FORM = Pattern.compile("(?is)<form\\b([^>]*)>(.*?)</form>");
    private static final Pattern CONTROL = Pattern.compile("(?is)<(input|textarea|select)\\b([^>]*)>(?:(.*?)</\\1>)?");

    /** The POST forms on the pages the crawl opened, by their address: a browser's way of filling them. */
    private final Map<String, List<Field>> forms = new HashMap<>();

    private void collectForms(String html, Caller caller) {
        Matcher form = FORM.matcher(html);
        while (form.find()) {
            String action = attribute(form.group(1), "action");
            if (action == null || !action.startsWith("/") || !"post".equalsIgnoreCase(attribute(form.group(1), "method"))) {
                continue;
            }
            List<Field> fields = new ArrayList<>();
            Matcher control = CONTROL.matcher(form.group(2));
            while (control.find()) {
                String name = attribute(control.group(2), "name");
                if (name == null || name.equals("_csrf")) {
                    continue;
                }
                String tag = control.group(1).toLowerCase(Locale.ROOT);
                String type = tag.equals("input") ? java.util.Objects.requireNonNullElse(attribute(control.group(2), "type"), "text").toLowerCase(Locale.ROOT) : tag;
                String value = switch (tag) {
                    case "textarea" -> unescapeHtml(java.util.Objects.requireNonNullElse(control.group(3), ""));
                    case "select" -> {
                        Matcher option = Pattern.compile("(?is)<option\\b[^>]*value=\"([^\"]+)\"").matcher(java.util.Objects.requireNonNullElse(control.group(3), ""));
                        yield option.find() ? unescapeHtml(option.group(1)) : "";
                    }
                    default -> unescapeHtml(java.util.Objects.requireNonNullElse(attribute(control.group(2), "value"), type.equals("checkbox") ? "on" : ""));
                };
                if ((type.equals("radio") || type.equals("checkbox")) && fields.stream().anyMatch(f -> f.name().equals(name))) {
                    continue;
                }
                if (!type.equals("submit") && !type.equals("file") && !type.equals("button")) {
                    fields.add(new Field(name, type, value));
                }
            }
            forms.putIfAbsent(action.replaceAll("[?#].*", "") + "|" + caller, fields);
        }
    }

    private static String attribute(String attributes, String name) {
        Matcher m = Pattern.compile("(?is)(?:^|\\s)" + name + "\\s*=\\s*\"([^\"]*)\"").matcher(attributes);
        return m.find() ? m.group(1) : null;
    }

    private static String unescapeHtml(String text) {
        return org.springframework.web.util.HtmlUtils.htmlUnescape(text);
    }

    private static String prefix(String pattern, String variable) {
        return pattern.substring(0, pattern.indexOf("{" + variable));
    }

    /** The route's address with real values where known (else 1); with {@code hostile}, that replaces the last variable. */
    private static String concrete(Route route, Map<String, Map<String, String>> known, HostileInput hostile) {
        String path = route.pattern();
        List<String> variables = route.pathVariables();
        Map<String, String> exact = known.getOrDefault(route.pattern(), Map.of());
        for (int i = 0; i < variables.size(); i++) {
            String v = variables.get(i);
            String value = exact.get(v);
            if (value == null) {
                value = known.getOrDefault(prefix(route.pattern(), v), Map.of()).getOrDefault(v, "1");
            }
            if (hostile != null && i == variables.size() - 1) {
                value = hostile.percentEncoded() ? hostile.text() : URLEncoder.encode(hostile.text(), StandardCharsets.UTF_8).replace("+", "%20");
            }
            String whole = variables(path).getFirst();
            path = path.replace(whole, value);
        }
        return path.replace("/**", "/x").replace("/*", "/x");
    }

    /** The path variables of a pattern as written, {@code {name}} or {@code {name:regex}} (whose regex may hold braces). */
    private static List<String> variables(String pattern) {
        List<String> found = new ArrayList<>();
        int depth = 0;
        int start = -1;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{' && depth++ == 0) {
                start = i;
            } else if (c == '}' && --depth == 0) {
                found.add(pattern.substring(start, i + 1));
            }
        }
        return found;
    }

    private static HostileInput pick(List<HostileInput> entries, String where) {
        return entries.get(Math.floorMod(where.hashCode(), entries.size()));
    }

    // ---- Sending and checking ----

    private void send(Route route, Caller caller, String path, Map<String, List<HostileInput>> parts, String kind) throws Exception {
        send(route, caller, path, parts, Map.of(), kind);
    }

    private void send(Route route, Caller caller, String path, Map<String, List<HostileInput>> parts, Map<String, String> plain,
                      String kind) throws Exception {
        boolean percent = HostileInput.percentEncoded(kind.split("\\+")[0]);
        Map<String, HostileInput> values = new LinkedHashMap<>();
        parts.forEach((name, list) -> values.put(name, new HostileInput(kind,
                list.stream().map(HostileInput::text).collect(java.util.stream.Collectors.joining(percent ? "%20" : " ")))));
        AbstractMockHttpServletRequestBuilder<?> builder;
        if (route.multipart() && route.method() == HttpMethod.POST) {
            var multipart = multipart(URI.create(path));
            byte[] pdf = "%PDF-1.4\n%kx\n".getBytes(StandardCharsets.US_ASCII);
            String filename = values.isEmpty() ? "kx.pdf" : values.values().iterator().next().text() + ".pdf";
            for (String part : route.parts()) {
                multipart.file(new MockMultipartFile(part, percent ? "kx.pdf" : filename, "application/pdf", pdf));
            }
            values.forEach((name, v) -> multipart.param(name, v.text()));
            builder = multipart;
        } else if (route.method() == HttpMethod.GET || percent) {
            StringBuilder query = new StringBuilder();
            values.forEach((name, v) -> query.append(query.isEmpty() ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=').append(percent ? v.text() : URLEncoder.encode(v.text(), StandardCharsets.UTF_8)));
            if (route.method() == HttpMethod.GET) {
                builder = get(URI.create(path + (query.isEmpty() ? "" : "?" + query)));
            } else {
                builder = request(route.method(), URI.create(path)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content(query.toString().getBytes(StandardCharsets.US_ASCII));
            }
        } else {
            MockHttpServletRequestBuilder form = request(route.method(), URI.create(path));
            values.forEach((name, v) -> form.param(name, v.text()));
            plain.forEach(form::param);
            builder = form;
        }
        if (route.method() != HttpMethod.GET) {
            builder.with(csrf());
        }
        String what = route.method() + " " + path.substring(0, Math.min(path.length(), 120)) + " as " + caller + " with " + kind
                + " (" + route.handler() + ")";
        MvcResult result = perform(as(builder, caller), what);
        if (result == null) {
            return;
        }
        check(result, parts, what);
        // What was stored is shown again on the page the form redirects to (the record's page, or the form again).
        String location = result.getResponse().getRedirectedUrl();
        if (location != null && location.startsWith("/") && !location.startsWith("//") && !location.startsWith("/login")) {
            var follow = get(URI.create(location.replace(" ", "%20")));
            if (!result.getFlashMap().isEmpty()) {
                follow.flashAttrs(result.getFlashMap());
            }
            MvcResult shown = perform(as(follow, caller), what + " then GET " + location);
            if (shown != null) {
                check(shown, parts, what + " then GET " + location);
            }
        }
        if (route.method() != HttpMethod.GET) {
            refreshCallers();
        }
    }

    private AbstractMockHttpServletRequestBuilder<?> as(AbstractMockHttpServletRequestBuilder<?> builder, Caller caller) {
        return caller == Caller.ANONYMOUS ? builder : builder.with(user(callers.get(caller)));
    }

    private MvcResult perform(AbstractMockHttpServletRequestBuilder<?> builder) {
        return perform(builder, null);
    }

    /** Performs the request; a server error or an exception escaping to the container is recorded (when named). */
    private MvcResult perform(AbstractMockHttpServletRequestBuilder<?> builder, String what) {
        requests++;
        try {
            MvcResult result = mvc.perform(builder).andReturn();
            if (what != null && result.getResponse().getStatus() >= 500) {
                Throwable cause = result.getResolvedException();
                serverErrors.add(what + " -> " + result.getResponse().getStatus() + (cause == null ? "" : " " + root(cause)));
            }
            return result;
        } catch (Exception e) {
            if (what != null) {
                serverErrors.add(what + " -> exception " + root(e) + at(e));
            }
            return null;
        }
    }

    private static String root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = String.valueOf(t.getMessage());
        return t.getClass().getName() + ": " + message.substring(0, Math.min(200, message.length()));
    }

    /** Where in the portal's code the exception came from. */
    private static String at(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return java.util.Arrays.stream(t.getStackTrace()).filter(f -> f.getClassName().startsWith("jp.kyodo.")).findFirst()
                .map(f -> " at " + f).orElse("");
    }

    private static boolean isHtml(MvcResult result) {
        String type = result.getResponse().getContentType();
        return type != null && type.startsWith("text/html");
    }

    /** An HTML page must not carry hostile markup as markup. */
    private void check(MvcResult result, Map<String, List<HostileInput>> values, String what) throws Exception {
        if (!isHtml(result)) {
            return;
        }
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        for (HostileInput v : values.values().stream().flatMap(List::stream).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new))) {
            String text = v.text();
            boolean markup = text.contains("<") || text.contains("\"") || text.contains("'");
            if (markup && text.length() < 2000 && body.contains(text)) {
                unescaped.add(what + ": " + v.label() + " appears as written");
            }
        }
        Matcher tag = TAG.matcher(body);
        while (tag.find()) {
            Matcher attribute = ATTRIBUTE.matcher(tag.group(2));
            while (attribute.find()) {
                String name = attribute.group(1).toLowerCase(Locale.ROOT);
                String value = attribute.group(2) == null ? "" : attribute.group(2).replaceAll("^[\"']|[\"']$", "").strip()
                        .toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) {
                    unescaped.add(what + ": an event-handler attribute in «" + abbreviate(tag.group()) + "»");
                }
                if ((name.equals("href") || name.equals("src") || name.equals("action") || name.equals("formaction"))
                        && (value.startsWith("javascript:") || value.startsWith("vbscript:") || value.startsWith("data:text/html"))) {
                    unescaped.add(what + ": a script address in «" + abbreviate(tag.group()) + "»");
                }
            }
        }
        if (body.contains("<script>alert(")) {
            unescaped.add(what + ": a live injected script");
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }

    // ---- Callers ----

    private void signIn(Caller caller) {
        if (caller == Caller.ANONYMOUS) {
            return;
        }
        long department = people.department("悪意入力テスト課", true);
        SignedInUser user = switch (caller) {
            case RESIDENT -> people.account("hostile-resident", null);
            case COMMITTEE -> people.account("hostile-committee", null, "COMMITTEE");
            case STAFF -> people.account("hostile-staff", department, "STAFF");
            case ADMIN -> people.account("hostile-admin", department, "STAFF", "ADMIN");
            default -> throw new IllegalArgumentException();
        };
        if (caller == Caller.RESIDENT) {
            groupId = people.registeredGroup("悪意入力テストの会", user.accountId());
        }
        callers.put(caller, user);
        callerState.put(caller, state(user));
    }

    private String state(SignedInUser user) {
        return jdbc.sql("select coalesce(max(status || email || password_hash), 'gone') from account where id = :id")
                .param("id", user.accountId()).query(String.class).single();
    }

    /** A caller whose account a route closed, or whose password or address it changed, is replaced by a new one. */
    private void refreshCallers() {
        for (Map.Entry<Caller, SignedInUser> c : Map.copyOf(callers).entrySet()) {
            if (!state(c.getValue()).equals(callerState.get(c.getKey()))) {
                long oldGroup = groupId;
                signIn(c.getKey());
                if (c.getKey() != Caller.RESIDENT) {
                    groupId = oldGroup;
                }
            }
        }
    }

    // ---- Invalid bytes over real HTTP (the container decodes them, which MockMvc does not) ----

    private void overRealHttp(List<Route> routes, List<HostileInput> invalid, List<HostileInput> surrogates) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        List<HostileInput> entries = new ArrayList<>(invalid);
        entries.addAll(surrogates);
        for (Route route : routes) {
            if (route.method() != HttpMethod.GET || route.params().isEmpty() || !admitted(route.pattern()).contains(Caller.ANONYMOUS)
                    || !route.pathVariables().isEmpty()) {
                continue;
            }
            HostileInput v = pick(entries, route.pattern());
            StringBuilder query = new StringBuilder();
            for (String p : route.params()) {
                query.append(query.isEmpty() ? "" : "&").append(p).append('=').append(v.text());
            }
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + route.pattern() + "?" + query))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            requests++;
            if (response.statusCode() >= 500) {
                serverErrors.add("HTTP GET " + route.pattern() + "?" + query + " -> " + response.statusCode());
            }
        }
    }
}
