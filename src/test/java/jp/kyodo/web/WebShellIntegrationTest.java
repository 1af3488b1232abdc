package jp.kyodo.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import jp.kyodo.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The shell as a browser sees it over HTTP: top page, error pages, headers, language switch, health. */
@IntegrationTest
class WebShellIntegrationTest {

    @LocalServerPort int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void topPageExplainsTheProgrammeInJapanese() throws Exception {
        HttpResponse<String> response = get("/", "text/html");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("<html lang=\"ja\">")
                .contains("本庄市 市民協働ポータル")
                .contains("協働の7つの原則").contains("目的共有").contains("評価・検証")
                .contains("協働のかたち").contains("補助金・助成金").contains("事業協力・協定")
                .contains("子育て支援").contains("清掃活動")
                .contains("市民生活部 市民活動推進課").contains("〒367-8501 埼玉県本庄市本庄3-5-3").contains("0495-25-1111")
                .contains("本文へ移動");
    }

    @Test
    void englishOnRequestAndRemembered() throws Exception {
        HttpResponse<String> english = get("/?lang=en", "text/html");
        assertThat(english.body()).contains("<html lang=\"en\">").contains("The seven principles of collaboration");
        String cookie = english.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(uri("/accessibility")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.body()).contains("Web accessibility policy");
    }

    /** Scripts and stylesheets, the webjars' among them, load from the links the pages write (no link rewriting needed). */
    @Test
    void everyScriptAndStylesheetAPageLinksLoads() throws Exception {
        java.util.List<String> links = new java.util.ArrayList<>();
        for (String page : java.util.List.of("/", "/report")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<(?:script|link)\\b[^>]*(?:src|href)=\"(/(?:webjars|css|js)/[^\"]+)\"")
                    .matcher(get(page, "text/html").body());
            while (m.find()) {
                links.add(m.group(1));
            }
        }
        assertThat(links).contains("/webjars/htmx.org/dist/htmx.min.js", "/css/kyodo.css");
        for (String link : links) {
            HttpResponse<String> response = get(link, "*/*");
            assertThat(response.statusCode()).as(link).isEqualTo(200);
            assertThat(response.body()).as(link).isNotEmpty();
        }
    }

    @Test
    void missingPageIsA404InTheLayoutWithoutStackTrace() throws Exception {
        HttpResponse<String> response = get("/no-such-page", "text/html");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("ページが見つかりません").contains("市民活動推進課").contains("ホームへ戻る")
                .doesNotContain("Exception").doesNotContain("at jp.kyodo");
    }

    @Test
    void securityHeadersAreSet() throws Exception {
        HttpResponse<String> response = get("/", "text/html");
        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        // HSTS only when the portal is reached over TLS (here: a proxy that says so).
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
        HttpResponse<String> tls = http.send(HttpRequest.newBuilder(uri("/")).header("X-Forwarded-Proto", "https").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tls.headers().firstValue("Strict-Transport-Security").orElseThrow()).contains("max-age=31536000");
    }

    @Test
    void accessibilityPolicyNamesTheTargetLevel() throws Exception {
        assertThat(get("/accessibility", "text/html").body()).contains("JIS X 8341-3:2016").contains("適合レベルAA");
    }

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<String> response = get("/actuator/health", "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        // The status and the names of the probe groups (liveness, readiness), never the components' details.
        assertThat(response.body()).isEqualTo("{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}");
        assertThat(get("/readyz", "application/json").body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get("/livez", "application/json").body()).isEqualTo("{\"status\":\"UP\"}");
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
