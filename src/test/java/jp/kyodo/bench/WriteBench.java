package jp.kyodo.bench;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Writes under concurrency through HTTP as real users: each signs in with the login form and fills the portal's real
 * forms (the CSRF token and the form's version read from the page), then all send the last form at the same moment.
 * What they need (an open call, a course with few places, a room) is made first with SQL following the schema's
 * rules; the invariants are checked in the database afterwards.
 */
final class WriteBench {

    static final String PASSWORD = "kyodo-bench-2026";
    private static final ZoneId CITY = ZoneId.of("Asia/Tokyo");

    /** The burst of one kind of write: how many, how fast, what failed and why, and the invariants checked. */
    record Burst(String name, int users, long succeeded, Map<String, Long> refused, long wallNanos, Latencies latencies,
                 List<String> invariants, List<String> violations) {

        double perSecond() {
            return Latencies.perSecond(users, wallNanos);
        }
    }

    /** One user's last form, ready to be sent: it answers a short outcome ("ok" or why it was refused). */
    interface Prepared {
        String send() throws Exception;
    }

    private final String base;
    private final String jdbcUrl;
    private final String jdbcUser;
    private final HttpClient http = PortalUser.client();
    private final LocalDate today = LocalDate.now(CITY);

    WriteBench(String base, String jdbcUrl, String jdbcUser) {
        this.base = base;
        this.jdbcUrl = jdbcUrl;
        this.jdbcUser = jdbcUser;
    }

    static String user(int n) {
        return String.format("bench-%04d@example.jp", n);
    }

    private Connection db() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, jdbcUser, "");
    }

    private long admin(Connection db) throws SQLException {
        return single(db, "select id from account where email = 'bench-admin@example.jp'");
    }

    private long department(Connection db) throws SQLException {
        return single(db, "select coalesce((select department_id from account where email = 'bench-admin@example.jp'), "
                + "(select id from department where secretariat order by id limit 1))");
    }

    static int fiscalYear(LocalDate d) {
        return d.getMonthValue() >= 4 ? d.getYear() : d.getYear() - 1;
    }

    // ---- proposals

    Burst proposals(int users, int prepConcurrency) throws Exception {
        long callId;
        int fy = fiscalYear(today) + 1;
        try (Connection db = db()) {
            long admin = admin(db);
            callId = single(db, """
                    insert into collab_call (origin, fiscal_year, title, department_id, background, expected_outcome, application_opens,
                        application_closes, status, created_by, created_at, updated_at)
                    values ('GROUP', %d, 'ベンチマーク用 市民提案型協働事業の募集 ' || to_char(now(), 'YYYY-MM-DD HH24:MI:SS'), %d,
                        '同時提出の計測のための募集です。', '提案が一件も失われない。', current_date - 1, current_date + 30, 'PUBLISHED', %d, now(), now())
                    returning id""".formatted(fy, department(db), admin));
            update(db, "insert into collab_call_form (call_id, form) values (" + callId + ", 'COMMISSION')");
        }
        String fyFrom = fy + "-04-01";
        String fyTo = (fy + 1) + "-03-31";
        List<Prepared> prepared = prepare(users, prepConcurrency, n -> {
            PortalUser u = new PortalUser(http, base, user(n));
            u.login(PASSWORD);
            PortalUser.Page page = u.get("/my/proposals/new?call=" + callId);
            List<String> groups = Forms.choices(page.body(), "groupId");
            if (groups.isEmpty()) {
                throw new IllegalStateException(u.email + " manages no group that may propose");
            }
            Map<String, String> start = new LinkedHashMap<>(Forms.hidden(page.body(), "/my/proposals/new"));
            start.put("groupId", groups.getFirst());
            start.put("title", "子ども食堂と見守りの協働事業(ベンチ" + n + ")");
            String stepOne = expectRedirect(u.post("/my/proposals/new?call=" + callId, start), "/step/1");
            String proposal = stepOne.substring(0, stepOne.indexOf("/step/"));
            expectRedirect(u.submit(proposal + "/step/1", proposal + "/step/1", Map.of("title", "子ども食堂と見守りの協働事業(ベンチ" + n + ")",
                    "purpose", "子どもの孤食を減らし、地域で見守る。", "content", "毎週土曜日に公民館で食堂を開き、学生ボランティアが学習を支える。",
                    "target", "市内の小中学生", "capacity", "30人", "periodFrom", fyFrom, "periodTo", fyTo, "place", "中央公民館",
                    "form", "COMMISSION")), "/step/2");
            expectRedirect(u.submit(proposal + "/step/2", proposal + "/step/2", Map.of("roles[0].task", "食堂の運営",
                    "roles[0].groupPart", "調理と見守り", "roles[0].cityPart", "会場の確保と広報")), "/step/3");
            expectRedirect(u.submit(proposal + "/step/3", proposal + "/step/3", Map.ofEntries(
                    Map.entry("budget[0].kind", "INCOME"), Map.entry("budget[0].item", "参加費"), Map.entry("budget[0].amount", "30,000"),
                    Map.entry("budget[0].bearer", "GROUP"), Map.entry("budget[1].kind", "EXPENSE"), Map.entry("budget[1].item", "食材費"),
                    Map.entry("budget[1].amount", "400,000"), Map.entry("budget[1].bearer", "CITY"), Map.entry("budget[2].kind", "EXPENSE"),
                    Map.entry("budget[2].item", "会場費"), Map.entry("budget[2].amount", "30000"), Map.entry("budget[2].bearer", "GROUP"))),
                    "/step/4");
            expectRedirect(u.submit(proposal + "/step/4", proposal + "/step/4", Map.of("targets[0].kind", "OUTCOME",
                    "targets[0].description", "参加した子どもの満足度", "targets[0].value", "80%以上")), proposal);
            PortalUser.Page status = u.get(proposal);
            Map<String, String> submit = Forms.hidden(status.body(), proposal + "/submit");
            if (!submit.containsKey("version")) {
                throw new IllegalStateException("no submit form on " + proposal);
            }
            return () -> {
                PortalUser.Page answer = u.post(proposal + "/submit", submit);
                return answer.redirect() && proposal.equals(PortalUser.path(answer.location())) ? "ok " + proposal.substring(proposal.lastIndexOf('/') + 1)
                        : refusal(answer);
            };
        });
        List<String> outcomes = new ArrayList<>();
        Burst burst = burst("proposal submission", prepared, outcomes);
        List<String> invariants = new ArrayList<>();
        List<String> violations = new ArrayList<>(burst.violations());
        try (Connection db = db()) {
            long submitted = single(db, "select count(*) from collab_proposal where call_id = " + callId + " and status = 'SUBMITTED'");
            long rows = single(db, "select count(*) from collab_proposal where call_id = " + callId);
            long duplicateGroups = single(db, "select count(*) from (select group_id from collab_proposal where call_id = " + callId
                    + " group by group_id having count(*) > 1) d");
            long missing = 0;
            for (String o : outcomes) {
                if (o.startsWith("ok ")) {
                    long id = Long.parseLong(o.substring(3));
                    if (single(db, "select count(*) from collab_proposal where id = " + id + " and call_id = " + callId
                            + " and status = 'SUBMITTED' and submitted_at is not null") != 1) {
                        missing++;
                    }
                }
            }
            invariants.add("every accepted submission is in the database, submitted, exactly once: " + (burst.succeeded() - missing) + " of "
                    + burst.succeeded());
            invariants.add("submitted proposals in the call (" + submitted + ") = accepted submissions (" + burst.succeeded() + ")");
            invariants.add("proposals in the call: " + rows + " (one per group; groups with two: " + duplicateGroups + ")");
            if (missing > 0 || submitted != burst.succeeded() || duplicateGroups > 0 || rows != users) {
                violations.add("proposals: lost or duplicated writes (missing " + missing + ", submitted " + submitted + ", accepted "
                        + burst.succeeded() + ", rows " + rows + ", duplicate groups " + duplicateGroups + ")");
            }
        }
        return new Burst(burst.name(), burst.users(), burst.succeeded(), burst.refused(), burst.wallNanos(), burst.latencies(), invariants,
                violations);
    }

    // ---- course registration

    Burst courseRegistrations(int firstUser, int users, int capacity, int prepConcurrency) throws Exception {
        long courseId;
        try (Connection db = db()) {
            long admin = admin(db);
            courseId = single(db, """
                    insert into training_course (department_id, title, description, lecturer, place, target, capacity, fee,
                        application_opens_on, application_closes_on, status, created_by, created_at, updated_at)
                    values (%d, 'ベンチマーク講座 ' || to_char(now(), 'YYYY-MM-DD HH24:MI:SS'), '定員の少ない講座への同時申込みの計測です。',
                        '協働 花子', 'はにぽんプラザ 会議室A', 'RESIDENTS', %d, 0, current_date - 1, current_date + 20, 'PUBLISHED', %d, now(), now())
                    returning id""".formatted(department(db), capacity, admin));
            update(db, "insert into training_session (course_id, number, held_on, starts_at, ends_at, topic) values (" + courseId
                    + ", 1, current_date + 30, '10:00', '12:00', '協働の基礎')");
        }
        String action = "/my/courses/apply/" + courseId;
        List<Prepared> prepared = prepare(users, prepConcurrency, i -> {
            PortalUser u = new PortalUser(http, base, user(firstUser + i - 1));
            u.login(PASSWORD);
            PortalUser.Page page = u.get("/training/courses/" + courseId);
            Map<String, String> form = Forms.hidden(page.body(), action);
            if (!form.containsKey("_csrf")) {
                throw new IllegalStateException("no registration form on the course page for " + u.email);
            }
            return () -> {
                PortalUser.Page answer = u.post(action, form);
                return answer.redirect() && PortalUser.path(answer.location()).equals("/training/courses/" + courseId) ? "ok"
                        : refusal(answer);
            };
        });
        Burst burst = burst("course registration (" + capacity + " places)", prepared, new ArrayList<>());
        List<String> invariants = new ArrayList<>();
        List<String> violations = new ArrayList<>(burst.violations());
        try (Connection db = db()) {
            List<String> statuses = new ArrayList<>();
            try (PreparedStatement s = db.prepareStatement("select status from training_registration where course_id = ? order by id")) {
                s.setLong(1, courseId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        statuses.add(rs.getString(1));
                    }
                }
            }
            long confirmed = statuses.stream().filter("CONFIRMED"::equals).count();
            long waiting = statuses.stream().filter("WAITING"::equals).count();
            int expectedConfirmed = Math.min(capacity, statuses.size());
            boolean inOrder = true;
            for (int i = 0; i < statuses.size(); i++) {
                inOrder &= statuses.get(i).equals(i < expectedConfirmed ? "CONFIRMED" : "WAITING");
            }
            invariants.add("confirmed " + confirmed + " ≤ capacity " + capacity + "; waiting list " + waiting);
            invariants.add("the first " + expectedConfirmed + " registrations (in order) hold the places, every later one waits: " + (inOrder ? "yes" : "NO"));
            invariants.add("registrations in the database (" + statuses.size() + ") = accepted requests (" + burst.succeeded() + ")");
            if (confirmed > capacity || !inOrder || statuses.size() != burst.succeeded()) {
                violations.add("course: over capacity, out of order or lost registrations (confirmed " + confirmed + ", rows " + statuses.size()
                        + ", accepted " + burst.succeeded() + ")");
            }
        }
        return new Burst(burst.name(), burst.users(), burst.succeeded(), burst.refused(), burst.wallNanos(), burst.latencies(), invariants,
                violations);
    }

    // ---- room booking

    Burst bookings(int firstUser, int users, int prepConcurrency) throws Exception {
        long roomId;
        LocalDate date = today.plusDays(7);
        while (date.getMonthValue() == 12 && date.getDayOfMonth() >= 29 || date.getMonthValue() == 1 && date.getDayOfMonth() <= 3) {
            date = date.plusDays(1);
        }
        try (Connection db = db()) {
            update(db, """
                    insert into centre_room (code, name, name_en, capacity, equipment, equipment_en, activity_rate, standard_rate, sort_order)
                    values ('bench', 'ベンチマーク室', 'Benchmark room', 50, '長机', 'Tables', 300, 600, 99) on conflict (code) do nothing""");
            roomId = single(db, "select id from centre_room where code = 'bench'");
            // An earlier run's bookings of the benchmark's own room are cancelled, so that its slots are free; the generated
            // bookings of the other rooms and the booking rules are left as they are.
            update(db, "update centre_booking set status = 'CANCELLED', cancelled_at = now(), cancel_reason = 'benchmark: next run' "
                    + "where status in ('BOOKED', 'PAID') and room_id = " + roomId);
        }
        String day = date.toString();
        List<Prepared> prepared = prepare(users, prepConcurrency, i -> {
            PortalUser u = new PortalUser(http, base, user(firstUser + i - 1));
            u.login(PASSWORD);
            int start = 10 + i % 4;
            PortalUser.Page confirm = u.submit("/my/centre/book?room=" + roomId + "&date=" + day + "&start=" + start, "/my/centre/book",
                    Map.of("room", String.valueOf(roomId), "date", day, "start", String.valueOf(start), "end", String.valueOf(start + 2),
                            "booker", "self", "purpose", "地域活動の打合せ", "people", "10"));
            Map<String, String> form = Forms.hidden(confirm.body(), "/my/centre/book/confirm");
            if (confirm.status() != 200 || !form.containsKey("_csrf")) {
                throw new IllegalStateException("no confirmation page for " + u.email + " (HTTP " + confirm.status() + ")");
            }
            return () -> {
                PortalUser.Page answer = u.post("/my/centre/book/confirm", form);
                if (answer.redirect() && PortalUser.path(answer.location()).startsWith("/my/centre/bookings/")) {
                    return "ok";
                }
                return refusal(answer);
            };
        });
        Burst burst = burst("room booking (overlapping 2-hour slots)", prepared, new ArrayList<>());
        List<String> invariants = new ArrayList<>();
        List<String> violations = new ArrayList<>(burst.violations());
        try (Connection db = db()) {
            long live = single(db, "select count(*) from centre_booking where room_id = " + roomId + " and status in ('BOOKED', 'PAID')");
            long overlaps = single(db, "select count(*) from centre_booking a join centre_booking b on a.room_id = b.room_id and a.id < b.id "
                    + "and a.starts_at < b.ends_at and b.starts_at < a.ends_at where a.room_id = " + roomId
                    + " and a.status in ('BOOKED', 'PAID') and b.status in ('BOOKED', 'PAID')");
            invariants.add("overlapping live bookings of the room: " + overlaps);
            invariants.add("live bookings in the database (" + live + ") = accepted requests (" + burst.succeeded() + ")");
            if (overlaps > 0 || live != burst.succeeded()) {
                violations.add("booking: overlaps " + overlaps + ", live " + live + ", accepted " + burst.succeeded());
            }
        }
        return new Burst(burst.name(), burst.users(), burst.succeeded(), burst.refused(), burst.wallNanos(), burst.latencies(), invariants,
                violations);
    }

    // ---- plumbing

    interface Preparation {
        Prepared prepare(int n) throws Exception;
    }

    /** Signs users 1..n in and fills their forms up to the last one, {@code concurrency} at a time. */
    private static List<Prepared> prepare(int users, int concurrency, Preparation preparation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<Prepared>> futures = new ArrayList<>();
            for (int n = 1; n <= users; n++) {
                int user = n;
                futures.add(pool.submit(() -> preparation.prepare(user)));
            }
            List<Prepared> prepared = new ArrayList<>();
            for (Future<Prepared> f : futures) {
                prepared.add(f.get());
            }
            return prepared;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sends every prepared form at the same moment (one thread each, released together). */
    private static Burst burst(String name, List<Prepared> prepared, List<String> outcomes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(prepared.size());
        CountDownLatch ready = new CountDownLatch(prepared.size());
        CountDownLatch go = new CountDownLatch(1);
        Latencies latencies = new Latencies();
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (Prepared p : prepared) {
                futures.add(pool.submit((Callable<String>) () -> {
                    ready.countDown();
                    go.await();
                    long t0 = System.nanoTime();
                    String outcome;
                    try {
                        outcome = p.send();
                    } catch (Exception e) {
                        outcome = "error: " + e;
                    }
                    latencies.add(System.nanoTime() - t0);
                    return outcome;
                }));
            }
            ready.await(60, TimeUnit.SECONDS);
            long start = System.nanoTime();
            go.countDown();
            Map<String, Long> refused = new LinkedHashMap<>();
            long ok = 0;
            for (Future<String> f : futures) {
                String outcome = f.get();
                outcomes.add(outcome);
                if (outcome.startsWith("ok")) {
                    ok++;
                } else {
                    refused.merge(outcome, 1L, Long::sum);
                }
            }
            long wall = System.nanoTime() - start;
            List<String> violations = new ArrayList<>();
            refused.keySet().stream().filter(k -> k.startsWith("error")).forEach(k -> violations.add("failed request: " + k));
            return new Burst(name, prepared.size(), ok, refused, wall, latencies, List.of(), violations);
        } finally {
            pool.shutdownNow();
        }
    }

    private static final List<java.util.regex.Pattern> MESSAGES = List.of(
            java.util.regex.Pattern.compile("class=\"field__error[^\"]*\"[^>]*>(.*?)</p>", java.util.regex.Pattern.DOTALL),
            java.util.regex.Pattern.compile("class=\"error-summary[^\"]*\"[^>]*>.*?<li[^>]*>(.*?)</li>", java.util.regex.Pattern.DOTALL));

    /** Why the portal refused a form: the first message it showed next to a field, else the first of its error summary. */
    static String refusal(PortalUser.Page answer) {
        String body = answer.body() == null ? "" : answer.body();
        for (java.util.regex.Pattern message : MESSAGES) {
            java.util.regex.Matcher m = message.matcher(body);
            if (answer.status() == 200 && m.find()) {
                return "refused: 「" + Forms.unescape(m.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip()) + "」";
            }
        }
        return "refused (HTTP " + answer.status() + (answer.location() == null ? "" : " → " + answer.location()) + ")";
    }

    private static String expectRedirect(PortalUser.Page page, String expected) {
        String location = PortalUser.path(page.location());
        if (!page.redirect() || !location.contains(expected)) {
            String body = page.body() == null ? "" : page.body();
            int error = body.indexOf("error-summary");
            throw new IllegalStateException("expected a redirect to …" + expected + " but got HTTP " + page.status() + " " + location
                    + (error >= 0 ? " " + body.substring(error, Math.min(body.length(), error + 600)).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ") : ""));
        }
        return location;
    }

    static long single(Connection db, String sql) throws SQLException {
        try (var s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void update(Connection db, String sql) throws SQLException {
        try (var s = db.createStatement()) {
            s.executeUpdate(sql);
        }
    }

}
