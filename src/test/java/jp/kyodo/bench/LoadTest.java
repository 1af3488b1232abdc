package jp.kyodo.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bounded load test (issue 12, run by {@code bench/load}): a steady rate of requests for a fixed time, a mix of
 * browsing (60 %), searching (25 %) and submitting forms as signed-in people (15 %), sent on schedule whatever the
 * answers take (an open model: a slow portal gets more requests in flight, not fewer). Every minute it prints the
 * requests, errors, latencies and the portal's used heap after a full GC; at the end, the totals and whether there
 * were zero errors and the heap stayed stable. Exits with 1 otherwise.
 *
 * <p>Environment: BENCH_PORTAL_PORT, BENCH_PORTAL_PID, BENCH_DIR (its queries.tsv), LOAD_MINUTES, LOAD_RATE.
 */
public final class LoadTest {

    private static final Pattern GROUP_LINK = Pattern.compile("\"url\"\\s*:\\s*\"[^\"]*/groups/(\\d+)\"");
    private static final Pattern PROJECT_LINK = Pattern.compile("href=\"/collaboration/projects/(\\d+)\"");
    private static final String PASSWORD = "kyodo-bench-2026";
    /** Heap "stable": the last minute's heap after a full GC within this of the first minute's (plus 16 MiB). */
    static final double STABLE_GROWTH = 1.25;

    private LoadTest() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv("BENCH_PORTAL_PORT"));
        long pid = Long.parseLong(System.getenv().getOrDefault("BENCH_PORTAL_PID", "0"));
        int minutes = Integer.parseInt(System.getenv().getOrDefault("LOAD_MINUTES", "10"));
        int rate = Integer.parseInt(System.getenv().getOrDefault("LOAD_RATE", "20"));
        String base = "http://localhost:" + port;
        List<String> queries = BenchFiles.queries(Path.of(System.getenv("BENCH_DIR"), "queries.tsv")).stream()
                .map(BenchFiles.Query::q).filter(q -> q != null && !q.isBlank()).toList();

        HttpClient http = PortalUser.client();
        PortalUser visitor = new PortalUser(http, base, "visitor");
        List<String> groups = ids(visitor.get("/api/v1/groups?size=100").body(), GROUP_LINK);
        List<String> projects = ids(visitor.get("/collaboration/projects").body(), PROJECT_LINK);
        List<String> browse = new ArrayList<>(List.of("/", "/groups", "/collaboration", "/collaboration/projects", "/participation",
                "/volunteering", "/news", "/case-studies", "/search?q=" + enc("子育て")));
        groups.forEach(id -> browse.add("/groups/" + id));
        projects.forEach(id -> browse.add("/collaboration/projects/" + id));

        // Signed-in people who submit their profile form (a real form with its CSRF token and validation), one at a time each.
        int people = Math.max(4, rate);
        BlockingQueue<PortalUser> signedIn = new ArrayBlockingQueue<>(people);
        for (int i = 0; i < people; i++) {
            PortalUser user = new PortalUser(PortalUser.client(), base, String.format("bench-%04d@example.jp", 1600 + i));
            user.login(PASSWORD);
            signedIn.add(user);
        }
        System.out.printf("load: %d requests/s for %d min against %s (%d pages, %d queries, %d people submitting)%n",
                rate, minutes, base, browse.size(), queries.size(), people);
        System.out.printf("%-6s %9s %7s %9s %9s %9s %12s%n", "minute", "requests", "errors", "p50 ms", "p95 ms", "p99 ms", "heap MiB");

        ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
        Random random = new Random(42);
        Latencies total = new Latencies();
        AtomicLong errors = new AtomicLong();
        List<String> errorSamples = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Double> heaps = new ArrayList<>();
        long intervalNanos = 1_000_000_000L / rate;
        long started = System.nanoTime();
        long sent = 0;
        for (int minute = 1; minute <= minutes; minute++) {
            Latencies thisMinute = new Latencies();
            long minuteErrors = errors.get();
            long minuteEnd = started + minute * 60_000_000_000L;
            long sentBefore = sent;
            while (System.nanoTime() < minuteEnd) {
                long due = started + sent * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int dice = random.nextInt(100);
                String page = browse.get(random.nextInt(browse.size()));
                String query = queries.isEmpty() ? "防災" : queries.get(random.nextInt(queries.size()));
                sent++;
                workers.submit(() -> {
                    long t0 = System.nanoTime();
                    String what;
                    try {
                        if (dice < 60) {
                            what = "GET " + page;
                            expect(new PortalUser(http, base, "visitor").get(page), 200, what);
                        } else if (dice < 85) {
                            what = "search " + query;
                            expect(new PortalUser(http, base, "visitor").get((dice % 2 == 0 ? "/api/v1/groups?q=" : "/search?q=") + enc(query)),
                                    200, what);
                        } else {
                            what = "profile form";
                            PortalUser user = signedIn.take();
                            try {
                                PortalUser.Page answer = user.submit("/account/profile", "/account/profile", profile(user.email));
                                if (!answer.redirect() || !"/account".equals(PortalUser.path(answer.location()))) {
                                    throw new IOException("profile form answered " + answer.status() + " " + answer.location());
                                }
                            } finally {
                                signedIn.add(user);
                            }
                        }
                        long took = System.nanoTime() - t0;
                        thisMinute.add(took);
                        total.add(took);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        if (errorSamples.size() < 10) {
                            errorSamples.add(e.toString());
                        }
                    }
                    return null;
                });
            }
            double heap = BenchRun.heapMiB(pid);
            heaps.add(heap);
            System.out.printf("%-6d %9d %7d %9.1f %9.1f %9.1f %12.1f%n", minute, sent - sentBefore, errors.get() - minuteErrors,
                    thisMinute.percentileMillis(50), thisMinute.percentileMillis(95), thisMinute.percentileMillis(99), heap);
        }
        workers.shutdown();
        workers.awaitTermination(2, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - started) / 1e9;
        boolean stable = heaps.size() < 2 || heaps.getLast() <= heaps.getFirst() * STABLE_GROWTH + 16;
        System.out.printf("load: %d requests in %.0f s (%.1f/s), %d errors; p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", sent, seconds,
                sent / seconds, errors.get(), total.percentileMillis(50), total.percentileMillis(95), total.percentileMillis(99));
        System.out.printf("load: heap after a full GC %.1f MiB in the first minute, %.1f MiB in the last: %s%n", heaps.getFirst(),
                heaps.getLast(), stable ? "stable" : "GROWING");
        errorSamples.forEach(e -> System.out.println("load: error: " + e));
        boolean ok = errors.get() == 0 && stable;
        System.out.println("load: " + (ok ? "PASSED (zero errors, stable memory)" : "FAILED"));
        System.exit(ok ? 0 : 1);
    }

    private static void expect(PortalUser.Page page, int status, String what) throws IOException {
        if (page.status() != status) {
            throw new IOException(what + " answered " + page.status());
        }
    }

    private static Map<String, String> profile(String email) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", "負荷 試験");
        values.put("nameKana", "フカ シケン");
        values.put("postalCode", "367-0031");
        values.put("address", "埼玉県本庄市北堀1-" + Math.abs(email.hashCode() % 50 + 1));
        values.put("phone", "0495-00-" + String.format("%04d", Math.abs(email.hashCode() % 10000)));
        return values;
    }

    private static List<String> ids(String body, Pattern link) {
        List<String> ids = new ArrayList<>();
        Matcher m = link.matcher(body);
        while (m.find() && ids.size() < 50) {
            if (!ids.contains(m.group(1))) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
