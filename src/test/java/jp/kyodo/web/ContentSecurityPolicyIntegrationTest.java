package jp.kyodo.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestPeople;
import jp.kyodo.accounts.SignedInUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Scripts run only from the portal's own files: the Content-Security-Policy of pages of every kind of caller allows
 * no inline script ({@code unsafe-inline}) and no {@code eval}, and no template carries an inline script (unless its
 * hash is one the policy allows), an event-handler attribute or a {@code javascript:} address, any of which the
 * policy would block in the browser and so break the page.
 */
@IntegrationTest
class ContentSecurityPolicyIntegrationTest {

    private static final Pattern SCRIPT = Pattern.compile("(?is)<script\\b([^>]*)>(.*?)</script>");
    private static final Pattern EVENT_HANDLER = Pattern.compile("(?i)<[a-z][^>]*?\\s(?:th:|data-th-)?on[a-z]+\\s*=");
    private static final Pattern SCRIPT_ADDRESS = Pattern.compile("(?i)(?:href|src|action|formaction)\\s*=\\s*[\"']\\s*javascript:");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestPeople people;

    @Value("${kyodo.security.allowed-script-hashes:}")
    List<String> allowedHashes;

    @Test
    void everyKindOfPageHasAPolicyWithoutInlineScripts() throws Exception {
        long department = people.department("CSP確認課", true);
        SignedInUser resident = people.account("csp-resident", null);
        SignedInUser staff = people.account("csp-staff", department, "STAFF");
        SignedInUser admin = people.account("csp-admin", department, "STAFF", "ADMIN");
        Map<String, MockHttpServletRequestBuilder> pages = new LinkedHashMap<>();
        pages.put("home", get("/"));
        pages.put("login", get("/login"));
        pages.put("sign-up", get("/signup"));
        pages.put("groups", get("/groups"));
        pages.put("suggestion form", get("/participation/voice"));
        pages.put("search", get("/search").param("q", "本庄"));
        pages.put("not found", get("/groups/999999999"));
        pages.put("resident's account", get("/account").with(user(resident)));
        pages.put("staff menu", get("/staff").with(user(staff)));
        pages.put("administration", get("/admin/mails").with(user(admin)));
        for (Map.Entry<String, MockHttpServletRequestBuilder> page : pages.entrySet()) {
            MvcResult result = mvc.perform(page.getValue()).andReturn();
            String policy = result.getResponse().getHeader("Content-Security-Policy");
            assertThat(policy).as("policy of the " + page.getKey() + " page").isNotNull();
            String scripts = directive(policy, "script-src");
            assertThat(scripts).as("script-src of the " + page.getKey() + " page").startsWith("script-src 'self'")
                    .doesNotContain("'unsafe-inline'").doesNotContain("'unsafe-eval'").doesNotContain("*").doesNotContain("data:");
            assertThat(directive(policy, "object-src")).isEqualTo("object-src 'none'");
            assertThat(directive(policy, "base-uri")).isEqualTo("base-uri 'self'");
            assertThat(directive(policy, "frame-ancestors")).isEqualTo("frame-ancestors 'none'");
            assertThat(result.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    @Test
    void noTemplateHasAnInlineScriptOrEventHandler() throws Exception {
        Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
        assertThat(templates).as("templates found").hasSizeGreaterThan(50);
        List<String> found = new ArrayList<>();
        for (Resource template : templates) {
            String name = template.getURL().getPath().replaceAll(".*/templates/", "templates/");
            if (template.getURL().getPath().contains("/test-classes/")) {
                continue;
            }
            String html = template.getContentAsString(StandardCharsets.UTF_8);
            Matcher script = SCRIPT.matcher(html);
            while (script.find()) {
                boolean external = script.group(1).matches("(?is).*\\b(?:th:)?src\\s*=.*");
                boolean data = script.group(1).matches("(?is).*type\\s*=\\s*\"application/(?:ld\\+)?json\".*");
                if (!external && !data && !allowedHashes.contains(sha256(script.group(2)))) {
                    found.add(name + ": inline <script> " + abbreviate(script.group()));
                }
            }
            Matcher handler = EVENT_HANDLER.matcher(html);
            while (handler.find()) {
                found.add(name + ": event-handler attribute " + abbreviate(handler.group()));
            }
            Matcher address = SCRIPT_ADDRESS.matcher(html);
            while (address.find()) {
                found.add(name + ": javascript: address " + abbreviate(address.group()));
            }
        }
        assertThat(found).as("scripts the policy would block").isEmpty();
    }

    @Test
    void theScanFindsWhatItLooksFor() {
        assertThat(SCRIPT.matcher("<p>x</p><script>alert(1)</script>").find()).isTrue();
        assertThat(EVENT_HANDLER.matcher("<button type=\"button\" onclick=\"go()\">").find()).isTrue();
        assertThat(EVENT_HANDLER.matcher("<img th:onerror=\"'x()'\" src=\"a.png\">").find()).isTrue();
        assertThat(EVENT_HANDLER.matcher("<a href=\"/x\" class=\"button\">online</a>").find()).isFalse();
        assertThat(SCRIPT_ADDRESS.matcher("<a href=\"javascript:void(0)\">").find()).isTrue();
    }

    private static String directive(String policy, String name) {
        return Arrays.stream(policy.split(";")).map(String::trim).filter(d -> d.startsWith(name + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + policy));
    }

    private static String sha256(String script) throws Exception {
        return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
    }

    private static String abbreviate(String text) {
        String one = text.replaceAll("\\s+", " ");
        return one.length() > 100 ? one.substring(0, 100) + "…" : one;
    }
}
