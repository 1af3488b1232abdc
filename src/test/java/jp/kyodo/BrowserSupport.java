package jp.kyodo;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Browser tests with Playwright, the machine's Chromium and axe-core.
 *
 * <p>Register it as a static extension field; Chromium starts once per test class and every test gets fresh pages
 * (each in its own browser context, so no cookies are shared between tests):
 *
 * <pre>{@code
 * @IntegrationTest
 * class SomethingBrowserTest {
 *     @RegisterExtension
 *     static final BrowserSupport browser = new BrowserSupport();
 *
 *     @Test
 *     void works() {
 *         Page page = browser.page();
 *         page.navigate("/login");             // relative to the running portal
 *         BrowserSupport.assertAccessible(page);
 *     }
 * }
 * }</pre>
 *
 * <p>In a {@code @SpringBootTest} with a real port, relative addresses go to the running portal. When a test fails,
 * a screenshot and the HTML of each of its open pages are saved under {@code target/browser-failures/}. A test whose
 * pages ran into the portal's Content-Security-Policy (a blocked script or inline style) fails too: the page did not
 * work as written, even if nothing visible went wrong.
 *
 * <p>Chromium is {@code /usr/bin/chromium} unless the environment variable {@code KYODO_CHROMIUM} names another.
 */
public final class BrowserSupport implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

    /** The WCAG 2.0 and 2.1 rules at levels A and AA (JIS X 8341-3:2016 level AA is WCAG 2.0 AA). */
    public static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");
    private static final Path FAILURES = Paths.get("target", "browser-failures");
    private static final double TIMEOUT_MS = 15_000;
    /** Browser contexts with JavaScript off, which axe-core cannot check directly (see assertAccessibleCopy). */
    private static final Set<BrowserContext> WITHOUT_JAVASCRIPT = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private Playwright playwright;
    private Browser browser;
    private String baseUrl;
    private final List<BrowserContext> contexts = new ArrayList<>();
    /** Console messages of blocked scripts or styles, each with the pages it happened on. */
    private final Map<String, Set<String>> policyViolations = new ConcurrentHashMap<>();
    private Page page;

    @Override
    public void beforeAll(ExtensionContext context) {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(System.getenv().getOrDefault("KYODO_CHROMIUM", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync")));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        baseUrl = portalAddress(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Map<String, Set<String>> violations = Map.copyOf(policyViolations);
        try {
            if (context.getExecutionException().isPresent()) {
                saveEvidence(context);
            }
        } finally {
            contexts.forEach(BrowserContext::close);
            contexts.clear();
            policyViolations.clear();
            page = null;
        }
        if (context.getExecutionException().isEmpty() && !violations.isEmpty()) {
            fail("The portal's Content-Security-Policy blocked something its own pages tried to do:\n"
                    + violations.entrySet().stream()
                            .map(v -> "  - " + v.getKey() + "\n    on " + String.join(", ", v.getValue()))
                            .collect(Collectors.joining("\n")));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** This test's page (created on first use, with JavaScript on, as most people browse). */
    public Page page() {
        if (page == null) {
            page = newPage(options -> { });
        }
        return page;
    }

    /** Another page in a new, separate browser context: another person, or the same one on another device. */
    public Page newPage(Consumer<Browser.NewContextOptions> customizer) {
        Browser.NewContextOptions options = new Browser.NewContextOptions()
                .setLocale("ja-JP")
                .setTimezoneId("Asia/Tokyo")
                .setViewportSize(1280, 900);
        if (baseUrl != null) {
            options.setBaseURL(baseUrl);
        }
        customizer.accept(options);
        BrowserContext context = browser.newContext(options);
        context.setDefaultTimeout(TIMEOUT_MS);
        context.setDefaultNavigationTimeout(TIMEOUT_MS);
        contexts.add(context);
        if (Boolean.FALSE.equals(options.javaScriptEnabled)) {
            WITHOUT_JAVASCRIPT.add(context);
        }
        Page created = context.newPage();
        created.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                System.out.println("[browser console] " + created.url() + ": " + m.text());
                if (m.text().contains("Content Security Policy")) {
                    policyViolations.computeIfAbsent(m.text(), k -> new ConcurrentSkipListSet<>()).add(created.url());
                }
            }
        });
        return created;
    }

    /** A page with JavaScript switched off: the portal must work without it. */
    public Page pageWithoutJavaScript() {
        return newPage(options -> options.setJavaScriptEnabled(false));
    }

    /** The portal's address, e.g. {@code http://localhost:51234}, or null outside a Spring Boot test with a port. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Logs in on the page through the login form and waits for the account page. */
    public static void logIn(Page page, String email, String password) {
        page.navigate("/login");
        page.locator("#username").fill(email);
        page.locator("#password").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("ログインする").setExact(true)).click();
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page).hasURL(java.util.regex.Pattern.compile("/account$"));
    }

    /**
     * Runs axe-core (WCAG 2.0/2.1, A and AA) on the page as it is now and fails if any problem is "serious" or
     * "critical", listing each rule, what it asks for and the first element concerned. Lesser problems are printed.
     */
    public static void assertAccessible(Page page) {
        if (WITHOUT_JAVASCRIPT.contains(page.context())) {
            assertAccessibleCopy(page);
            return;
        }
        AxeResults results = new AxeBuilder(page).withTags(WCAG_TAGS).analyze();
        if (results.isErrored()) {
            fail("axe-core could not check " + page.url() + ": " + results.getErrorMessage());
        }
        List<Rule> blocking = new ArrayList<>();
        for (Rule violation : results.getViolations()) {
            if (BLOCKING_IMPACTS.contains(violation.getImpact())) {
                blocking.add(violation);
            } else {
                System.out.println("[axe] " + page.url() + ": " + describe(violation));
            }
        }
        if (!blocking.isEmpty()) {
            fail(blocking.size() + " serious or critical accessibility problem(s) on " + page.url()
                    + " (「" + page.title() + "」):\n"
                    + blocking.stream().map(v -> "  - " + describe(v)).collect(Collectors.joining("\n")));
        }
    }

    /**
     * axe-core waits on timers, which never fire in a page with JavaScript switched off (its analysis would hang).
     * So the page as the browser shows it (its current HTML, at its own address, with the portal's stylesheets) is
     * loaded into a scratch page that allows axe-core to run but loads none of the portal's scripts, and checked there.
     */
    private static void assertAccessibleCopy(Page page) {
        String url = page.url();
        String html = page.content();
        var viewport = page.viewportSize();
        try (BrowserContext scratch = page.context().browser().newContext(new Browser.NewContextOptions()
                .setLocale("ja-JP")
                .setViewportSize(viewport.width, viewport.height))) {
            Page copy = scratch.newPage();
            copy.route("**/*", route -> {
                if (route.request().isNavigationRequest() && route.request().url().equals(url)) {
                    route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("text/html; charset=UTF-8").setBody(html));
                } else if ("script".equals(route.request().resourceType())) {
                    route.abort();
                } else {
                    route.resume();
                }
            });
            copy.navigate(url);
            assertAccessible(copy);
        }
    }

    private static String describe(Rule violation) {
        List<CheckedNode> nodes = violation.getNodes() == null ? List.of() : violation.getNodes();
        Object target = nodes.isEmpty() ? "?" : nodes.getFirst().getTarget();
        // A target is a list of selectors: one per frame or shadow root on the way to the element.
        String first = target instanceof List<?> path
                ? path.stream().map(String::valueOf).collect(Collectors.joining(" >>> "))
                : String.valueOf(target);
        return "[" + violation.getImpact() + "] " + violation.getId() + ": " + violation.getHelp()
                + " (" + nodes.size() + " element(s), first: " + first + ") " + violation.getHelpUrl();
    }

    /**
     * Presses Tab (at most {@code maxPresses} times) until the target has the keyboard focus, as a keyboard user
     * would, and checks that the focus can be seen there. Fails with the elements passed on the way otherwise.
     */
    public static void tabTo(Page page, Locator target, int maxPresses) {
        List<String> visited = new ArrayList<>();
        for (int i = 0; i < maxPresses; i++) {
            page.keyboard().press("Tab");
            if ((Boolean) target.evaluate("e => e === document.activeElement")) {
                assertFocusVisible(target);
                return;
            }
            visited.add(String.valueOf(page.evaluate(
                    "() => { const e = document.activeElement; if (!e) return '(none)';"
                            + " const text = (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 30);"
                            + " return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (text ? ' \"' + text + '\"' : ''); }")));
        }
        fail("Not reached by keyboard within " + maxPresses + " Tab presses: " + target
                + "\nFocus went to: " + String.join(" → ", visited));
    }

    /** The element has the focus and shows it (an outline or a focus ring), as WCAG 2.4.7 asks. */
    public static void assertFocusVisible(Locator element) {
        Object shown = element.evaluate("e => { const s = getComputedStyle(e);"
                + " return e === document.activeElement"
                + " && ((s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'); }");
        assertTrue(Boolean.TRUE.equals(shown), "The keyboard focus is not visible on " + element);
    }

    private static String portalAddress(ExtensionContext context) {
        boolean springBootTest = context.getTestClass()
                .map(c -> MergedAnnotations.from(c, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY).isPresent(SpringBootTest.class))
                .orElse(false);
        if (!springBootTest) {
            return null;
        }
        String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
        return port == null ? null : "http://localhost:" + port;
    }

    private void saveEvidence(ExtensionContext context) {
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        try {
            Files.createDirectories(FAILURES);
            int n = 0;
            for (BrowserContext browserContext : contexts) {
                for (Page open : browserContext.pages()) {
                    n++;
                    Path base = FAILURES.resolve(name + "-" + n);
                    open.screenshot(new Page.ScreenshotOptions().setPath(base.resolveSibling(base.getFileName() + ".png")).setFullPage(true));
                    Files.writeString(base.resolveSibling(base.getFileName() + ".html"),
                            "<!-- " + open.url() + " -->\n" + open.content(), StandardCharsets.UTF_8);
                    System.out.println("[browser] failed at " + open.url() + ", saved " + base + ".png/.html");
                }
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("[browser] could not save the page of the failed test: " + e);
        }
    }
}
