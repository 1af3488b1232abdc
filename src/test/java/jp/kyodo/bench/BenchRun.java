package jp.kyodo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kyodo.bench.BenchFiles.Label;
import jp.kyodo.bench.BenchFiles.Query;

/**
 * The benchmark's measurements against a running portal (started by {@code bench/run}): search against the ILIKE
 * baseline, pages against the static file, writes under concurrency, the heap; prints every figure and writes
 * {@code results.md} and {@code results.json}. Settings come from the environment {@code bench/run} sets.
 */
public final class BenchRun {

    private BenchRun() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(env("BENCH_DIR", "target/bench"));
        int port = Integer.parseInt(env("BENCH_PORTAL_PORT", "8080"));
        String host = "localhost";
        String base = "http://" + host + ":" + port;
        String jdbcUrl = env("BENCH_DB_URL", "jdbc:postgresql://localhost:55432/kyodo");
        String jdbcUser = env("BENCH_DB_USER", "postgres");
        boolean quick = Boolean.parseBoolean(env("BENCH_QUICK", "false"));
        long pid = Long.parseLong(env("BENCH_PORTAL_PID", "0"));

        Report report = new Report();
        System.out.println("== Kyodo benchmark" + (quick ? " (--quick: shorter, fewer queries; not for the record)" : ""));
        report.fact("machine", env("BENCH_MACHINE", "?"));
        report.fact("run", java.time.OffsetDateTime.now(ZoneId.of("UTC")).withNano(0) + (quick ? " (--quick)" : ""));
        report.fact("dataset", dataset(dir, jdbcUrl, jdbcUser));
        report.fact("portal", "target/kyodo.jar, -Xmx512m, external PostgreSQL 17 (the benchmark's), driver and database on the same machine");

        System.out.println("\n== Start-up");
        double health = Double.parseDouble(env("BENCH_STARTUP_HEALTH", "0"));
        double index = Double.parseDouble(env("BENCH_STARTUP_INDEX", "0"));
        report.figure("Start-up", "to /actuator/health UP", health, "s", "from launching the JVM");
        report.figure("Start-up", "to a full search index", index, "s", "empty index rebuilt from the database after start");
        double heapStart = heapMiB(pid);
        report.figure("Start-up", "used heap after start-up (after a full GC)", heapStart, "MiB", "of 512 MiB (-Xmx512m)");

        System.out.println("\n== Search: GET /api/v1/groups (Lucene) against ILIKE '%q%' in PostgreSQL");
        List<Query> queries = BenchFiles.queries(dir.resolve("queries.tsv"));
        if (quick) {
            queries = queries.subList(0, Math.min(200, queries.size()));
        }
        List<Label> labels = BenchFiles.labels(dir.resolve("labels.tsv"));
        if (quick) {
            labels = labels.subList(0, Math.min(30, labels.size()));
        }
        report.fact("search queries", queries.size() + " (queries.tsv), " + labels.size() + " labelled (labels.tsv)");
        SearchBench search = new SearchBench(host, port, jdbcUrl, jdbcUser);
        search.http(queries, 4);
        search.ilike(queries.subList(0, Math.min(100, queries.size())), 4);
        SearchBench.Pass searchAt4 = null;
        SearchBench.Pass ilikeAt4 = null;
        for (int concurrency : new int[] {4, 16}) {
            double cpuBefore = ProcessCpu.millis(pid);
            SearchBench.Pass h = search.http(queries, concurrency);
            double cpuPerQuery = cpuPerRequest(pid, cpuBefore, h.latencies().count());
            SearchBench.Pass s = search.ilike(queries, concurrency);
            if (concurrency == 4) {
                searchAt4 = h;
                ilikeAt4 = s;
            }
            String section = "Search, " + concurrency + " concurrent";
            report.compared(section, "p50 latency", h.latencies().percentileMillis(50), "ms", "ILIKE", s.latencies().percentileMillis(50), true, null);
            report.compared(section, "p95 latency", h.latencies().percentileMillis(95), "ms", "ILIKE", s.latencies().percentileMillis(95), true, null);
            report.compared(section, "p99 latency", h.latencies().percentileMillis(99), "ms", "ILIKE", s.latencies().percentileMillis(99), true, null);
            report.compared(section, "throughput", h.perSecond(), "q/s", "ILIKE", s.perSecond(), false,
                    h.errors() + " HTTP errors" + (h.firstError() == null ? "" : " (" + h.firstError() + ")"));
            if (cpuPerQuery >= 0) {
                report.figure(section, "portal CPU per query", cpuPerQuery, "ms", "user + system time of the portal's JVM over the pass");
            }
        }
        SearchBench.Recalls recall = search.recall(labels);
        report.compared("Search, expected results found (labelled)", "whole result set", recall.searchAll().found(), "of " + recall.searchAll().expected(),
                "ILIKE", recall.ilikeAll().found(), false, String.format(Locale.ROOT, "recall %.0f%% vs %.0f%%; results returned %d vs %d; "
                        + "search read 100 a page up to %d per query (%d queries had more)", 100 * recall.searchAll().ratio(),
                        100 * recall.ilikeAll().ratio(), recall.searchAll().returned(), recall.ilikeAll().returned(), SearchBench.RECALL_LIMIT,
                        recall.searchCapped()));
        report.compared("Search, expected results found (labelled)", "on the first page (20)", recall.searchFirstPage().found(),
                "of " + recall.searchFirstPage().expected(), "ILIKE", recall.ilikeFirstPage().found(), false,
                "search by relevance, ILIKE by name");

        System.out.println("\n== Pages (fixed time per page and number of connections, kept alive; every answer must be 200)");
        long warmMillis = quick ? 2_000 : 5_000;
        long runMillis = quick ? 5_000 : 15_000;
        PageBench pages = new PageBench(host, port);
        Map<String, String> paths = pagePaths(host, port, jdbcUrl, jdbcUser, report);
        String staticPath = "/css/kyodo.css";
        Map<Integer, PageBench.Run> ceiling = new java.util.HashMap<>();
        PageBench.Run groupAt64 = null;
        pages.run(staticPath, 16, warmMillis);
        for (int connections : new int[] {16, 64}) {
            double cpuBefore = ProcessCpu.millis(pid);
            PageBench.Run run = pages.run(staticPath, connections, runMillis);
            ceiling.put(connections, run);
            pageFigures(report, "static file " + staticPath + " (the ceiling)", run, null, cpuPerRequest(pid, cpuBefore, run.requests()));
        }
        for (Map.Entry<String, String> page : paths.entrySet()) {
            pages.run(page.getValue(), 16, warmMillis);
            for (int connections : new int[] {16, 64}) {
                double cpuBefore = ProcessCpu.millis(pid);
                PageBench.Run run = pages.run(page.getValue(), connections, runMillis);
                pageFigures(report, page.getKey() + " " + page.getValue(), run, ceiling.get(connections),
                        cpuPerRequest(pid, cpuBefore, run.requests()));
                if (page.getKey().equals("group page") && connections == 64) {
                    groupAt64 = run;
                }
            }
        }
        report.note("Pages: the load driver (plain-socket HTTP/1.1 keep-alive client, jp.kyodo.bench.PageBench) runs on the same "
                + Runtime.getRuntime().availableProcessors() + " cores as the portal and PostgreSQL; the static file's rate is the "
                + "ceiling this driver and server reach together, so a page's ratio to it is the share of that ceiling the page's own work leaves.");

        System.out.println("\n== Writes under concurrency (HTTP as real users: login form, CSRF, the real forms; all at once)");
        WriteBench writes = new WriteBench(base, jdbcUrl, jdbcUser);
        int proposalUsers = quick ? 30 : 100;
        int courseUsers = quick ? 40 : 120;
        int bookingUsers = quick ? 20 : 60;
        List<WriteBench.Burst> bursts = new ArrayList<>();
        bursts.add(writes.proposals(proposalUsers, 8));
        bursts.add(writes.courseRegistrations(501, courseUsers, 20, 8));
        bursts.add(writes.bookings(1001, bookingUsers, 8));
        boolean writesHold = true;
        for (WriteBench.Burst b : bursts) {
            String section = "Writes: " + b.name();
            report.figure(section, b.users() + " users at once: throughput", b.perSecond(), "req/s", null);
            report.figure(section, "p50 / p99 latency", b.latencies().percentileMillis(50), "ms",
                    "p99 " + Report.number(b.latencies().percentileMillis(99)) + " ms");
            report.figure(section, "accepted", b.succeeded(), "of " + b.users(), b.refused().isEmpty() ? "none refused"
                    : "refused: " + b.refused().entrySet().stream().map(e -> e.getValue() + " × " + e.getKey()).toList());
            for (String invariant : b.invariants()) {
                report.note(b.name() + ": " + invariant);
            }
            for (String violation : b.violations()) {
                report.note("VIOLATION: " + violation);
                writesHold = false;
            }
        }

        System.out.println("\n== After the load");
        double heapEnd = heapMiB(pid);
        boolean alive = pid == 0 || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        Path log = Path.of(env("BENCH_PORTAL_LOG", dir.resolve("portal.log").toString()));
        boolean oom = Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains("OutOfMemoryError");
        report.figure("Memory", "used heap after the load (after a full GC)", heapEnd, "MiB", "of 512 MiB (-Xmx512m)");
        report.fact("ran within -Xmx512m", alive && !oom ? "yes (alive, no OutOfMemoryError in its log)" : "NO (" + (alive ? "" : "portal died; ")
                + (oom ? "OutOfMemoryError in its log" : "") + ")");

        System.out.println("\n== Targets");
        double p95 = searchAt4.latencies().percentileMillis(95);
        double ilikeP95 = ilikeAt4.latencies().percentileMillis(95);
        report.target("search p95 ≤ 20 ms over HTTP", p95 <= 20, String.format(Locale.ROOT, "p95 %.1f ms at 4 concurrent", p95));
        report.target("search ≥ 10× faster than ILIKE", ilikeP95 >= 10 * p95, String.format(Locale.ROOT, "p95 %.1f ms vs %.1f ms: %.1f×", p95,
                ilikeP95, ilikeP95 / p95));
        report.target("search finds more expected results than ILIKE", recall.searchAll().found() > recall.ilikeAll().found(),
                recall.searchAll().found() + " vs " + recall.ilikeAll().found() + " of " + recall.searchAll().expected());
        if (groupAt64 != null) {
            report.target("group page ≥ 1,500 req/s at 64 connections", groupAt64.perSecond() >= 1500,
                    String.format(Locale.ROOT, "%.0f req/s", groupAt64.perSecond()));
            report.target("group page p99 ≤ 50 ms at 64 connections", groupAt64.latencies().percentileMillis(99) <= 50,
                    String.format(Locale.ROOT, "p99 %.1f ms, %d errors", groupAt64.latencies().percentileMillis(99), groupAt64.errors()));
        }
        report.target("writes: no overbooking, no lost write", writesHold, writesHold ? "every invariant held" : "see the violations");

        report.write(dir);
        System.out.println("\nWritten: " + dir.resolve("results.md") + " and " + dir.resolve("results.json"));
    }

    /** The portal's CPU milliseconds per request since {@code before}, or -1 when unknown. */
    private static double cpuPerRequest(long pid, double before, long requests) {
        double after = ProcessCpu.millis(pid);
        return before < 0 || after < 0 || requests == 0 ? -1 : (after - before) / requests;
    }

    private static void pageFigures(Report report, String section, PageBench.Run run, PageBench.Run ceiling, double cpuPerRequest) {
        String errors = run.errors() + " errors of " + run.requests() + (run.firstError() == null ? "" : " (" + run.firstError() + ")");
        String s = "Pages: " + section;
        if (ceiling == null) {
            report.figure(s, run.connections() + " connections: requests/s", run.perSecond(), "req/s", errors);
        } else {
            report.compared(s, run.connections() + " connections: requests/s", run.perSecond(), "req/s", "static file", ceiling.perSecond(), false,
                    errors);
        }
        report.figure(s, run.connections() + " connections: p99 latency", run.latencies().percentileMillis(99), "ms",
                "p50 " + Report.number(run.latencies().percentileMillis(50)) + " ms"
                        + (cpuPerRequest < 0 ? "" : "; portal CPU " + Report.number(cpuPerRequest) + " ms per request"));
    }

    /** The pages measured: a group, a project and the report year are read from the database (one in the middle of the list). */
    static Map<String, String> pagePaths(String host, int port, String jdbcUrl, String user, Report report) throws Exception {
        Map<String, String> paths = new java.util.LinkedHashMap<>();
        paths.put("top page", "/");
        paths.put("directory", "/groups");
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, "")) {
            long listed = WriteBench.single(db, "select count(*) from civic_group where status = 'REGISTERED' and valid_until >= current_date");
            long group = WriteBench.single(db, "select id from civic_group where status = 'REGISTERED' and valid_until >= current_date order by id offset "
                    + listed / 2 + " limit 1");
            paths.put("group page", "/groups/" + group);
            long project = WriteBench.single(db, "select coalesce((select id from collab_project where status = 'PUBLISHED' order by id limit 1), 0)");
            if (project > 0) {
                paths.put("project page", "/collaboration/projects/" + project);
            } else {
                report.note("No published project in the dataset: the project page was not measured.");
            }
        }
        int fy = WriteBench.fiscalYear(LocalDate.now(ZoneId.of("Asia/Tokyo")));
        try (KeepAliveConnection c = new KeepAliveConnection(host, port)) {
            if (c.get("/report/" + fy).status() != 200) {
                fy--;
            }
        }
        paths.put("annual report", "/report/" + fy);
        return paths;
    }

    /** What the run measured on: the generator's description when there is one, and the database's own counts. */
    static String dataset(Path dir, String jdbcUrl, String user) throws Exception {
        StringBuilder text = new StringBuilder();
        Path properties = dir.resolve("dataset.properties");
        if (Files.exists(properties)) {
            Properties p = new Properties();
            try (var reader = Files.newBufferedReader(properties, StandardCharsets.UTF_8)) {
                p.load(reader);
            }
            text.append("bench/generate: ").append(new java.util.TreeMap<>(p)).append("; ");
        } else {
            text.append("NOT the large dataset (no dataset.properties from bench/generate); ");
        }
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, "")) {
            text.append("in the database: ")
                    .append(WriteBench.single(db, "select count(*) from civic_group where status = 'REGISTERED' and valid_until >= current_date"))
                    .append(" listed groups, ").append(WriteBench.single(db, "select count(*) from collab_project")).append(" projects, ")
                    .append(WriteBench.single(db, "select count(*) from collab_proposal")).append(" proposals, ")
                    .append(WriteBench.single(db, "select count(*) from centre_booking")).append(" bookings, ")
                    .append(WriteBench.single(db, "select count(*) from account")).append(" accounts");
        }
        return text.toString();
    }

    /** The portal's used heap after a full GC, through jcmd (0 when there is no process to ask). */
    static double heapMiB(long pid) throws IOException, InterruptedException {
        if (pid <= 0) {
            return 0;
        }
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        run(jcmd, String.valueOf(pid), "GC.run");
        String info = run(jcmd, String.valueOf(pid), "GC.heap_info");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
        return used.find() ? Long.parseLong(used.group(1)) / 1024.0 : 0;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
