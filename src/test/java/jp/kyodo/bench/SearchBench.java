package jp.kyodo.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import jp.kyodo.bench.BenchFiles.Label;
import jp.kyodo.bench.BenchFiles.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The directory search over HTTP ({@code GET /api/v1/groups}, the portal's Lucene index) against what a naive portal
 * does: one {@code ILIKE '%q%'} query over the group's name, furigana, purpose and activities in PostgreSQL, with the
 * same filters, the same public directory (registered and still valid) and the same page of 20 with its total.
 */
final class SearchBench {

    static final int PAGE_SIZE = 20;
    /** Recall is counted over the whole result set, read 100 at a time, up to this many results per query. */
    static final int RECALL_LIMIT = 2_000;

    /** One measured pass: every latency, the failures, the wall-clock time. */
    record Pass(Latencies latencies, long errors, long wallNanos, String firstError) {

        double perSecond() {
            return Latencies.perSecond(latencies.count(), wallNanos);
        }
    }

    private final String host;
    private final int port;
    private final String jdbcUrl;
    private final String jdbcUser;
    private final JsonMapper json = JsonMapper.builder().build();

    SearchBench(String host, int port, String jdbcUrl, String jdbcUser) {
        this.host = host;
        this.port = port;
        this.jdbcUrl = jdbcUrl;
        this.jdbcUser = jdbcUser;
    }

    static String apiPath(Query q, int page, int size) {
        StringBuilder path = new StringBuilder("/api/v1/groups?page=").append(page).append("&size=").append(size);
        param(path, "q", q.q());
        param(path, "type", q.type());
        param(path, "field", q.field());
        param(path, "area", q.area());
        return path.toString();
    }

    private static void param(StringBuilder path, String name, String value) {
        if (!value.isBlank()) {
            path.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    /** Every query once over HTTP, {@code concurrency} at a time, each worker on its own kept-alive connection. */
    Pass http(List<Query> queries, int concurrency) throws Exception {
        return parallel(queries.size(), concurrency, () -> new KeepAliveConnection(host, port), (connection, i) -> {
            KeepAliveConnection.Response r = connection.get(apiPath(queries.get(i), 0, PAGE_SIZE));
            return r.status() == 200 ? null : "HTTP " + r.status() + " for " + apiPath(queries.get(i), 0, PAGE_SIZE);
        });
    }

    /** Every query once as the ILIKE baseline over JDBC, {@code concurrency} connections at a time. */
    Pass ilike(List<Query> queries, int concurrency) throws Exception {
        return parallel(queries.size(), concurrency, () -> DriverManager.getConnection(jdbcUrl, jdbcUser, ""), (connection, i) -> {
            try (PreparedStatement statement = ilikeStatement(connection, queries.get(i), true); ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rs.getString("name");
                }
            }
            return null;
        });
    }

    /** The naive portal's query: the page (sorted by name) and the total in one statement. */
    static String ilikeSql(Query q, boolean onePage) {
        StringBuilder sql = new StringBuilder("select g.*, count(*) over () as total from civic_group g "
                + "where g.status = 'REGISTERED' and g.valid_until >= current_date");
        if (q.hasWords()) {
            sql.append(" and (g.name ilike ? or g.name_kana ilike ? or g.purpose ilike ? or g.activities ilike ?)");
        }
        if (!q.type().isBlank()) {
            sql.append(" and g.type = ?");
        }
        if (!q.area().isBlank()) {
            sql.append(" and g.area_code = ?");
        }
        if (!q.field().isBlank()) {
            sql.append(" and exists (select 1 from civic_group_field f where f.group_id = g.id and f.field_code = ?)");
        }
        sql.append(" order by g.name, g.id");
        if (onePage) {
            sql.append(" limit ").append(PAGE_SIZE);
        }
        return sql.toString();
    }

    static String likePattern(String words) {
        return "%" + words.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static PreparedStatement ilikeStatement(Connection connection, Query q, boolean onePage) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(ilikeSql(q, onePage));
        int i = 1;
        if (q.hasWords()) {
            String pattern = likePattern(q.q());
            for (int k = 0; k < 4; k++) {
                statement.setString(i++, pattern);
            }
        }
        if (!q.type().isBlank()) {
            statement.setString(i++, q.type());
        }
        if (!q.area().isBlank()) {
            statement.setString(i++, q.area());
        }
        if (!q.field().isBlank()) {
            statement.setString(i, q.field());
        }
        return statement;
    }

    /** The recall of both sides on the labelled queries: over the whole result set, and over the first page of 20. */
    record Recalls(Recall searchAll, Recall searchFirstPage, Recall ilikeAll, Recall ilikeFirstPage, long searchCapped) {
    }

    Recalls recall(List<Label> labels) throws Exception {
        Recall searchAll = new Recall();
        Recall searchFirst = new Recall();
        Recall ilikeAll = new Recall();
        Recall ilikeFirst = new Recall();
        long capped = 0;
        try (KeepAliveConnection http = new KeepAliveConnection(host, port);
             Connection db = DriverManager.getConnection(jdbcUrl, jdbcUser, "")) {
            for (Label label : labels) {
                List<String> found = new ArrayList<>();
                long total = Long.MAX_VALUE;
                for (int page = 0; (long) page * 100 < Math.min(total, RECALL_LIMIT); page++) {
                    KeepAliveConnection.Response r = http.get(apiPath(label.query(), page, 100));
                    if (r.status() != 200) {
                        throw new IllegalStateException("HTTP " + r.status() + " for " + apiPath(label.query(), page, 100));
                    }
                    JsonNode root = json.readTree(r.body());
                    total = root.get("total").asLong();
                    for (JsonNode item : root.get("items")) {
                        JsonNode number = item.get("registrationNumber");
                        found.add(number == null || number.isNull() ? "" : number.asString());
                    }
                    if (root.get("items").isEmpty()) {
                        break;
                    }
                }
                if (total > RECALL_LIMIT) {
                    capped++;
                }
                searchAll.add(label.expected(), new LinkedHashSet<>(found));
                searchFirst.add(label.expected(), new LinkedHashSet<>(found.subList(0, Math.min(PAGE_SIZE, found.size()))));
                List<String> rows = new ArrayList<>();
                try (PreparedStatement statement = ilikeStatement(db, label.query(), false); ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getString("registration_number"));
                    }
                }
                ilikeAll.add(label.expected(), new LinkedHashSet<>(rows));
                ilikeFirst.add(label.expected(), new LinkedHashSet<>(rows.subList(0, Math.min(PAGE_SIZE, rows.size()))));
            }
        }
        return new Recalls(searchAll, searchFirst, ilikeAll, ilikeFirst, capped);
    }

    /** A resource each worker opens once (a connection). */
    interface Opener<C extends AutoCloseable> {
        C open() throws Exception;
    }

    /** One operation: null when it succeeded, else what went wrong. */
    interface Operation<C> {
        String run(C resource, int index) throws Exception;
    }

    /** Runs n operations on {@code concurrency} workers, each with its own resource, timing each one. */
    static <C extends AutoCloseable> Pass parallel(int n, int concurrency, Opener<C> opener, Operation<C> operation) throws Exception {
        Latencies latencies = new Latencies();
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        List<String> firstError = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<C> resources = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                resources.add(opener.open());
            }
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (C resource : resources) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        String error;
                        try {
                            error = operation.run(resource, i);
                        } catch (Exception e) {
                            error = e.toString();
                        }
                        latencies.add(System.nanoTime() - t0);
                        if (error != null) {
                            errors.incrementAndGet();
                            synchronized (firstError) {
                                if (firstError.isEmpty()) {
                                    firstError.add(error);
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            long wall = System.nanoTime() - start;
            for (C resource : resources) {
                resource.close();
            }
            return new Pass(latencies, errors.get(), wall, firstError.isEmpty() ? null : firstError.getFirst());
        } finally {
            pool.shutdownNow();
        }
    }

    static Set<String> numbers(List<String> list) {
        return new LinkedHashSet<>(list);
    }
}
