package jp.kyodo.volunteering;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.accounts.DepartmentView;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.notifications.MailOutbox;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.ClientNetwork;
import jp.kyodo.shared.Inputs;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reports and moderation for every kind of public post ({@link ModeratedPosts}): anyone reports a post with a reason
 * (limited per person or network, once per post); the secretariat's queue shows open reports by post; staff hide a
 * post with a reason (every open report on it is then settled), dismiss the reports, or show a hidden post again.
 * Every decision is audited.
 */
@Service
class Moderation {

    enum Reason { SPAM, PERSONAL_DATA, INAPPROPRIATE, MISLEADING, OTHER }

    enum Status { OPEN, HIDDEN, DISMISSED }

    private final JdbcClient jdbc;
    private final org.springframework.beans.factory.ObjectProvider<ModeratedPosts> kindBeans;
    private final Accounts accounts;
    private final MailOutbox mail;
    private final AuditLog audit;
    private final Clock clock;
    private final int reportsPerHour;

    Moderation(JdbcClient jdbc, org.springframework.beans.factory.ObjectProvider<ModeratedPosts> kinds, Accounts accounts, MailOutbox mail, AuditLog audit, Clock clock,
               @Value("${kyodo.volunteering.reports-per-hour:10}") int reportsPerHour) {
        this.jdbc = jdbc;
        this.kindBeans = kinds;
        this.accounts = accounts;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
        this.reportsPerHour = reportsPerHour;
    }

    /** A post the public may report: it is public now (published, not hidden); drafts do not exist for them. */
    ModeratedPosts.Post reportable(String type, long id) {
        ModeratedPosts kind = kind(type);
        return kind.post(id).filter(p -> p.published() && !p.hidden()).orElseThrow(Moderation::notFound);
    }

    /** A report, by a signed-in person or not; the reporter is known to the queue only as a key (account or network). */
    @Transactional
    void report(String type, long id, Optional<Actor> reporter, String clientAddress, String rawReason, String rawDetails) {
        ModeratedPosts.Post post = reportable(type, id);
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        Reason reason = checks.check(() -> {
            try {
                return Reason.valueOf(rawReason == null ? "" : rawReason);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("reason", "validation.moderation.reason");
            }
        });
        String details = checks.check(() -> reason == Reason.OTHER ? Inputs.required("details", rawDetails, 2000) : Inputs.optional("details", rawDetails, 2000));
        checks.throwIfAny();
        String key = reporter.map(a -> "account:" + a.accountId()).orElseGet(() -> "network:" + sha256(ClientNetwork.of(clientAddress)));
        Instant now = clock.instant();
        long recent = jdbc.sql("select count(*) from vol_report where reporter_key = :k and created_at > :since")
                .param("k", key).param("since", Timestamp.from(now.minus(Duration.ofHours(1)))).query(Long.class).single();
        if (recent >= reportsPerHour) {
            throw new InvalidInputException("reason", "validation.moderation.tooMany");
        }
        long same = jdbc.sql("select count(*) from vol_report where reporter_key = :k and post_type = :t and post_id = :p and status = 'OPEN'")
                .param("k", key).param("t", type).param("p", id).query(Long.class).single();
        if (same > 0) {
            throw new InvalidInputException("reason", "validation.moderation.already");
        }
        try {
            jdbc.sql("""
                            insert into vol_report (post_type, post_id, reason, details, reporter_id, reporter_key, status, created_at)
                            values (:t, :p, :r, :d, :by, :k, 'OPEN', :now)""")
                    .param("t", type).param("p", id).param("r", reason.name()).param("d", details).param("by", reporter.map(Actor::accountId).orElse(null))
                    .param("k", key).param("now", Timestamp.from(now)).update();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new InvalidInputException("reason", "validation.moderation.already");
        }
        for (String to : accounts.secretariatEmails()) {
            mail.send(to, "moderationReported", Locale.JAPANESE, post.title());
        }
    }

    /** One reported post in the queue, with its reports. */
    record Entry(String type, ModeratedPosts.Post post, List<Report> reports) {

        /** Whether any report on the post still waits for a decision. */
        public boolean open() {
            return reports.stream().anyMatch(r -> r.status() == Status.OPEN);
        }
    }

    record Report(long id, Reason reason, String details, Status status, Instant createdAt, String decisionNote) {
    }

    /** Posts with open reports (or, with {@code all}, every reported post), the most reported first. */
    @Transactional(readOnly = true)
    List<Entry> queue(boolean all) {
        List<Object[]> rows = jdbc.sql("select id, post_type, post_id, reason, details, status, created_at, decision_note from vol_report"
                        + (all ? "" : " where (post_type, post_id) in (select post_type, post_id from vol_report where status = 'OPEN')")
                        + " order by created_at")
                .query((rs, i) -> new Object[] {rs.getString(2), rs.getLong(3), new Report(rs.getLong(1), Reason.valueOf(rs.getString(4)),
                        rs.getString(5), Status.valueOf(rs.getString(6)), rs.getTimestamp(7).toInstant(), rs.getString(8))})
                .list();
        Map<String, List<Report>> byPost = new LinkedHashMap<>();
        for (Object[] r : rows) {
            byPost.computeIfAbsent(r[0] + ":" + r[1], k -> new java.util.ArrayList<>()).add((Report) r[2]);
        }
        return byPost.entrySet().stream().map(e -> {
            String[] key = e.getKey().split(":");
            ModeratedPosts kind = kinds().get(key[0]);
            long postId = Long.parseLong(key[1]);
            ModeratedPosts.Post post = kind == null ? null : kind.post(postId).orElse(null);
            return post == null ? null : new Entry(key[0], post, e.getValue());
        }).filter(java.util.Objects::nonNull)
                .sorted(java.util.Comparator.comparing((Entry en) -> -en.reports().stream().filter(r -> r.status() == Status.OPEN).count()))
                .toList();
    }

    /** Hides a post with the reason (shown to its owner); every open report on it is settled. */
    @Transactional
    void hide(String type, long id, Actor staff, String rawReason) {
        ModeratedPosts kind = kind(type);
        ModeratedPosts.Post post = kind.post(id).orElseThrow(Moderation::notFound);
        String reason = Inputs.required("hideReason-" + type + "-" + id, rawReason, 1000);
        Instant now = clock.instant();
        kind.hide(id, reason, now);
        settle(type, id, Status.HIDDEN, staff, reason, now);
        audit.record(staff, "moderation.hide", type, id, post.title() + " (" + reason + ")");
    }

    /** The reports were unfounded: the post stays. */
    @Transactional
    void dismiss(String type, long id, Actor staff, String rawNote) {
        ModeratedPosts.Post post = kind(type).post(id).orElseThrow(Moderation::notFound);
        String note = Inputs.required("dismissNote-" + type + "-" + id, rawNote, 1000);
        settle(type, id, Status.DISMISSED, staff, note, clock.instant());
        audit.record(staff, "moderation.dismiss", type, id, post.title() + " (" + note + ")");
    }

    @Transactional
    void unhide(String type, long id, Actor staff) {
        ModeratedPosts kind = kind(type);
        ModeratedPosts.Post post = kind.post(id).orElseThrow(Moderation::notFound);
        kind.unhide(id);
        audit.record(staff, "moderation.unhide", type, id, post.title());
    }

    /** Whether a staff member runs the queue: the secretariat's staff or an administrator. */
    boolean moderator(Long departmentId, boolean administrator) {
        return administrator || (departmentId != null && accounts.department(departmentId).map(DepartmentView::secretariat).orElse(false));
    }

    private void settle(String type, long id, Status status, Actor staff, String note, Instant now) {
        jdbc.sql("""
                        update vol_report set status = :s, decided_by = :by, decided_at = :now, decision_note = :n
                        where post_type = :t and post_id = :p and status = 'OPEN'""")
                .param("s", status.name()).param("by", staff.accountId()).param("now", Timestamp.from(now)).param("n", note)
                .param("t", type).param("p", id).update();
    }

    private Map<String, ModeratedPosts> kinds() {
        return kindBeans.orderedStream().collect(Collectors.toMap(ModeratedPosts::type, Function.identity()));
    }

    private ModeratedPosts kind(String type) {
        ModeratedPosts kind = kinds().get(type);
        if (kind == null) {
            throw notFound();
        }
        return kind;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
