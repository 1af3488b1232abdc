package jp.kyodo.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One person using the portal through HTTP as a browser does: their own session cookie, the login form with its CSRF
 * token, forms filled from the pages the portal renders. Redirects are not followed, so that a form's answer (a
 * redirect after success, the form again with a message after a refusal) is seen as it is.
 */
final class PortalUser {

    /** An answer: status, where a redirect goes, and the page. */
    record Page(int status, String location, String body) {

        boolean redirect() {
            return status / 100 == 3;
        }
    }

    private final HttpClient http;
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    final String email;

    PortalUser(HttpClient http, String base, String email) {
        this.http = http;
        this.base = base;
        this.email = email;
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Signs in through the login form; fails when the portal does not accept the password. */
    void login(String password) throws IOException {
        Page form = get("/login");
        Map<String, String> fields = new LinkedHashMap<>(Forms.hidden(form.body(), "/login"));
        fields.put("username", email);
        fields.put("password", password);
        Page answer = post("/login", fields);
        if (!answer.redirect() || answer.location() == null || answer.location().contains("error")) {
            throw new IOException("login of " + email + " refused: " + answer.status() + " " + answer.location());
        }
    }

    Page get(String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts a form (the hidden fields of the page's form must be in {@code fields}, the CSRF token among them). */
    Page post(String path, Map<String, String> fields) throws IOException {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Gets the page of a form and posts it with the form's hidden fields (CSRF token, version) and these values. */
    Page submit(String pagePath, String action, Map<String, String> values) throws IOException {
        Page page = get(pagePath);
        if (page.status() != 200) {
            throw new IOException("GET " + pagePath + " answered " + page.status());
        }
        Map<String, String> fields = new LinkedHashMap<>(Forms.hidden(page.body(), action));
        if (!fields.containsKey("_csrf")) {
            throw new IOException("no form to " + action + " on " + pagePath);
        }
        fields.putAll(values);
        return post(action, fields);
    }

    private Page send(HttpRequest.Builder request) throws IOException {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
        request.header("Accept-Language", "ja").timeout(Duration.ofSeconds(120));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String value = pair.substring(eq + 1);
                if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
                    cookies.remove(pair.substring(0, eq));
                } else {
                    cookies.put(pair.substring(0, eq), value);
                }
            }
        }
        String location = response.headers().firstValue("Location").map(l -> l.startsWith(base) ? l.substring(base.length()) : l).orElse(null);
        return new Page(response.statusCode(), location, response.body());
    }

    static String path(String location) {
        return location == null ? "" : List.of(location.split("[?#]", 2)).getFirst();
    }
}
