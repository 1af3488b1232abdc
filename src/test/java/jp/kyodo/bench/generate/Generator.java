package jp.kyodo.bench.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;

/**
 * Fills the benchmark's PostgreSQL with a large, reproducible dataset in natural Japanese (run by
 * {@code bench/generate}): an empty database, the portal's schema by its own Flyway migrations, then every part
 * loaded with {@code COPY} over two connections, the id sequences moved past the loaded ids, and {@code ANALYZE}.
 * Writes {@code dataset.properties} (seed, scale, rows per table, seconds per part), {@code queries.tsv} and
 * {@code labels.tsv} to the output directory.
 *
 * <p>Arguments: {@code --url} (the database, default the benchmark's), {@code --user}, {@code --password},
 * {@code --seed} (42), {@code --scale} (1.0), {@code --today} (the day the data is made for, default today in Japan),
 * {@code --out} (the directory for the files), {@code --machine} (a file of "key: value" lines describing the
 * machine), {@code --keep} (do not drop and recreate the database first).
 */
public final class Generator {

    /** What one run made: the rows per table and the seconds each part took. */
    public record Result(Map<String, Long> rows, Map<String, Double> seconds, int labels, long databaseBytes) {
    }

    private Generator() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            if (name.equals("keep")) {
                options.put(name, "true");
            } else {
                options.put(name, args[++i]);
            }
        }
        String url = options.getOrDefault("url", "jdbc:postgresql://localhost:55432/kyodo");
        Path out = Path.of(options.getOrDefault("out", "target/bench"));
        Result result = generate(url, options.getOrDefault("user", "postgres"), options.getOrDefault("password", ""),
                Long.parseLong(options.getOrDefault("seed", "42")), Double.parseDouble(options.getOrDefault("scale", "1.0")),
                options.containsKey("today") ? LocalDate.parse(options.get("today")) : LocalDate.now(World.ZONE),
                !options.containsKey("keep"), out, options.containsKey("machine") ? Path.of(options.get("machine")) : null);
        System.out.println(Files.readString(out.resolve("dataset.properties"), StandardCharsets.UTF_8));
        System.out.printf(Locale.ROOT, "Loaded %,d rows in %.1f s; database size %,d MB; %d labelled queries%n",
                result.rows().get("total"), result.seconds().get("total"), result.databaseBytes() / (1024 * 1024), result.labels());
    }

    /** Makes the dataset in the database at the URL and writes the files to the directory; returns what it made. */
    public static Result generate(String url, String user, String password, long seed, double scale, LocalDate today, boolean reset,
                                  Path out, Path machine) throws Exception {
        long started = System.nanoTime();
        Map<String, Double> seconds = new LinkedHashMap<>();
        if (reset) {
            recreate(url, user, password);
        }
        long t = System.nanoTime();
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
        seconds.put("schema", since(t));

        Map<String, Long> loaded = Copy.counter();
        World world = new World(seed, scale, today, loaded);
        t = System.nanoTime();
        Registry registry = new Registry(world);
        registry.makeAccounts();
        registry.makeGroups();
        seconds.put("model", since(t));

        Map<String, Long> before = counts(url, user, password);
        // Two connections, two cores: volunteering, public comment and the centre on one; the registry and collaboration
        // on the other (about the same work each).
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Map<String, Double> partSeconds = new java.util.concurrent.ConcurrentHashMap<>();
        try {
            List<Future<?>> running = new ArrayList<>();
            running.add(pool.submit(() -> {
                part(url, user, password, "volunteering", partSeconds, c -> new Volunteering(world, registry).load(c));
                part(url, user, password, "participation", partSeconds, c -> new Participation(world, registry).load(c));
                part(url, user, password, "centre", partSeconds, c -> new Centre(world, registry).load(c));
                return null;
            }));
            running.add(pool.submit(() -> {
                part(url, user, password, "registry", partSeconds, c -> {
                    registry.loadReference(c);
                    registry.loadAccounts(c);
                    registry.loadGroups(c);
                });
                part(url, user, password, "collaboration", partSeconds, c -> new Collaboration(world).load(c));
                return null;
            }));
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (String part : List.of("registry", "collaboration", "participation", "volunteering", "centre")) {
            seconds.put(part, partSeconds.get(part));
        }
        t = System.nanoTime();
        long databaseBytes;
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            Registry.sequences(c);
            s.execute("analyze");
            try (ResultSet rs = s.executeQuery("select pg_database_size(current_database())")) {
                rs.next();
                databaseBytes = rs.getLong(1);
            }
        }
        seconds.put("analyze", since(t));

        Map<String, Long> rows = new TreeMap<>();
        for (var e : loaded.entrySet()) {
            rows.put(e.getKey(), before.getOrDefault(e.getKey(), 0L) + e.getValue());
        }
        long total = rows.values().stream().mapToLong(Long::longValue).sum();
        Files.createDirectories(out);
        t = System.nanoTime();
        Workload workload = new Workload(world, registry);
        workload.write(out);
        seconds.put("workload", since(t));
        seconds.put("total", since(started));
        rows.put("total", total);
        writeProperties(out, seed, scale, today, rows, seconds, workload.labelCount, databaseBytes, machine);
        return new Result(rows, seconds, workload.labelCount, databaseBytes);
    }

    /** The groups the generated activity belongs to: listed groups, leaving the benchmark's own groups untouched. */
    static int[] activeGroups(World world) {
        int[] others = java.util.Arrays.stream(world.listed).filter(g -> g > World.BENCH_REPRESENTATIVES).toArray();
        return others.length > 0 ? others : world.listed;
    }

    @FunctionalInterface
    private interface Load {
        void into(Connection c) throws Exception;
    }

    private static Void part(String url, String user, String password, String name, Map<String, Double> seconds, Load load) throws Exception {
        long t = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            load.into(c);
            c.commit();
        }
        seconds.put(name, since(t));
        System.out.printf(Locale.ROOT, "  %-14s %7.1f s%n", name, seconds.get(name));
        return null;
    }

    private static double since(long nanos) {
        return Math.round((System.nanoTime() - nanos) / 1e8) / 10.0;
    }

    /** Drops and creates the database of the URL (connected to the server's {@code postgres} database). */
    private static void recreate(String url, String user, String password) throws SQLException {
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        String database = query < 0 ? url.substring(slash + 1) : url.substring(slash + 1, query);
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Unexpected database name " + database);
        }
        String admin = url.substring(0, slash + 1) + "postgres" + (query < 0 ? "" : url.substring(query));
        try (Connection c = DriverManager.getConnection(admin, user, password); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            s.execute("create database " + database + " encoding 'UTF8' template template0");
        }
    }

    private static Map<String, Long> counts(String url, String user, String password) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static void writeProperties(Path out, long seed, double scale, LocalDate today, Map<String, Long> rows,
                                        Map<String, Double> seconds, int labels, long bytes, Path machine) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# The large dataset made by bench/generate");
        lines.add("seed=" + seed);
        lines.add("scale=" + scale);
        lines.add("today=" + today);
        for (var e : rows.entrySet()) {
            lines.add("rows." + e.getKey() + "=" + e.getValue());
        }
        for (var e : seconds.entrySet()) {
            lines.add(String.format(Locale.ROOT, "seconds.%s=%.1f", e.getKey(), e.getValue()));
        }
        lines.add("queries=" + Workload.QUERIES);
        lines.add("labels=" + labels);
        lines.add("database.bytes=" + bytes);
        if (machine != null && Files.exists(machine)) {
            for (String line : Files.readAllLines(machine, StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    lines.add("machine." + line.substring(0, colon).trim() + "=" + line.substring(colon + 1).trim());
                }
            }
        }
        Files.write(out.resolve("dataset.properties"), lines, StandardCharsets.UTF_8);
    }
}
