package jp.kyodo.participation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.accounts.DepartmentView;
import jp.kyodo.accounts.PortalUrls;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.notifications.MailOutbox;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.Inputs;
import jp.kyodo.shared.InvalidInputException;
import jp.kyodo.shared.JapaneseDates;
import jp.kyodo.shared.TextNormalizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * パブリックコメント: a department publishes a draft for at least the set period (30 days; shorter only with a
 * recorded reason); anyone who lives, works, studies or does business in the city comments on a section or on the
 * whole, giving a name and address that are never published (without an account, the e-mail is confirmed first);
 * afterwards the department groups similar comments, writes the city's view and the changes, and publishes the
 * result without any personal data.
 */
@Service
class PublicComments {

    enum Status { DRAFT, PUBLISHED, RESULT_PUBLISHED }

    /** Where a published procedure stands for the public. */
    enum Phase { DRAFT, UPCOMING, OPEN, CONSIDERING, RESULT }

    enum Eligibility { LIVE, WORK, STUDY, BUSINESS }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Accounts accounts;
    private final MailOutbox mail;
    private final AuditLog audit;
    private final Clock clock;
    private final CityProfile city;
    private final PortalUrls links;
    private final int minDays;
    private final ParticipationFiles files;

    private final jp.kyodo.notifications.Notices notices;
    private final jp.kyodo.shared.RateLimits rateLimits;
    private final int commentsPerHour;

    PublicComments(JdbcClient jdbc, Accounts accounts, MailOutbox mail, AuditLog audit, Clock clock, CityProfile city, PortalUrls links,
                   ParticipationFiles files, @Value("${kyodo.participation.comment-min-days:30}") int minDays,
                   jp.kyodo.notifications.Notices notices, org.springframework.context.ApplicationEventPublisher events,
                   jp.kyodo.shared.RateLimits rateLimits, @Value("${kyodo.rate-limits.public-comments-per-hour:10}") int commentsPerHour) {
        this.rateLimits = rateLimits;
        this.commentsPerHour = commentsPerHour;
        this.notices = notices;
        this.files = files;
        this.jdbc = jdbc;
        this.events = events;
        this.accounts = accounts;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
        this.city = city;
        this.links = links;
        this.minDays = minDays;
    }

    record Section(long id, int seq, String heading, String body) {
    }

    record Procedure(long id, long departmentId, String departmentName, String title, String purpose, String paperCopies, LocalDate opensOn,
                     LocalDate closesOn, String shortPeriodReason, Status status, String resultNote, Instant resultPublishedAt, long version,
                     List<Section> sections, Phase phase, long daysLeft) {
    }

    /** A comment as the department sees it (personal data included; never shown publicly). */
    record Comment(long id, Long sectionId, String sectionHeading, String name, String address, String email, Eligibility eligibility,
                   String body, String groupKey, Instant createdAt) {
    }

    /** The city's view on a group of comments: what is published. */
    record View(String groupKey, String summary, String cityView, boolean changed, String changeNote, int comments) {
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(city.zone()));
    }

    int minDays() {
        return minDays;
    }

    // ---- The department ----

    @Transactional
    long create(Actor staff, long departmentId, String rawTitle, String rawPurpose, String rawPaper, String rawOpens, String rawCloses,
                String rawReason, List<String> headings, List<String> bodies) {
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String title = checks.check(() -> Inputs.required("title", rawTitle, 200));
        String purpose = checks.check(() -> Inputs.required("purpose", rawPurpose, 4000));
        String paper = checks.check(() -> Inputs.optional("paperCopies", rawPaper, 500));
        LocalDate opens = checks.check(() -> Inputs.requiredDate("opensOn", rawOpens));
        LocalDate closes = checks.check(() -> Inputs.requiredDate("closesOn", rawCloses));
        String reason = checks.check(() -> Inputs.optional("shortPeriodReason", rawReason, 2000));
        if (opens != null && closes != null) {
            long days = ChronoUnit.DAYS.between(opens, closes) + 1;
            if (days < 1) {
                checks.check(() -> {
                    throw new InvalidInputException("closesOn", "validation.call.closesBeforeOpens");
                });
            } else if (days < minDays && reason == null) {
                checks.check(() -> {
                    throw new InvalidInputException("shortPeriodReason", "validation.comment.shortPeriod", minDays, days);
                });
            }
        }
        List<String[]> sections = new ArrayList<>();
        for (int i = 0; i < headings.size(); i++) {
            String h = headings.get(i);
            String b = i < bodies.size() ? bodies.get(i) : null;
            if ((h == null || h.isBlank()) && (b == null || b.isBlank())) {
                continue;
            }
            int index = i;
            String heading = checks.check(() -> Inputs.required("heading" + index, h, 200));
            String body = checks.check(() -> Inputs.required("body" + index, b, 20_000));
            sections.add(new String[] {heading, body});
        }
        if (sections.isEmpty()) {
            checks.check(() -> {
                throw new InvalidInputException("heading0", "validation.comment.noSections");
            });
        }
        checks.throwIfAny();
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into pc_procedure (department_id, title, purpose, paper_copies, opens_on, closes_on, short_period_reason, status,
                            created_by, created_at, updated_at)
                        values (:d, :t, :p, :paper, :o, :c, :r, 'DRAFT', :by, :now, :now) returning id""")
                .param("d", departmentId).param("t", title).param("p", purpose).param("paper", paper).param("o", opens).param("c", closes)
                .param("r", reason).param("by", staff.accountId()).param("now", Timestamp.from(now)).query(Long.class).single();
        int seq = 0;
        for (String[] s : sections) {
            jdbc.sql("insert into pc_section (procedure_id, seq, heading, body) values (:p, :s, :h, :b)")
                    .param("p", id).param("s", ++seq).param("h", s[0]).param("b", s[1]).update();
        }
        audit.record(staff, "publicComment.create", "pc_procedure", id, title + (reason != null ? " (短縮: " + reason + ")" : ""));
        return id;
    }

    @Transactional
    void publish(long id, Actor staff, Long departmentId, boolean administrator, long version) {
        Procedure p = forDepartment(id, departmentId, administrator);
        if (p.version() != version) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
        if (p.status() != Status.DRAFT) {
            throw new InvalidInputException("version", "validation.call.notDraft");
        }
        jdbc.sql("update pc_procedure set status = 'PUBLISHED', updated_at = :now, version = version + 1 where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        audit.record(staff, "publicComment.publish", "pc_procedure", id, p.title());
        index(id);
    }

    /** A document published with the draft (the full plan as a PDF, maps, data), until the result is published. */
    @Transactional
    void attach(long id, Actor staff, Long departmentId, boolean administrator, String filename, String rawTitle, byte[] content) {
        // One upload at a time per procedure, so the file limit holds.
        jdbc.sql("select id from pc_procedure where id = :id for update").param("id", id).query(Long.class).optional().orElseThrow(PublicComments::notFound);
        Procedure p = forDepartment(id, departmentId, administrator);
        if (p.status() == Status.RESULT_PUBLISHED) {
            throw new InvalidInputException("file", "validation.comment.resultPublished");
        }
        String title = Inputs.required("fileTitle", rawTitle, 200);
        files.save("file", "pc_procedure", id, filename, title, content, staff.accountId(), clock.instant());
        audit.record(staff, "publicComment.attach", "pc_procedure", id, title);
    }

    @Transactional
    void detach(long id, long fileId, Actor staff, Long departmentId, boolean administrator) {
        Procedure p = forDepartment(id, departmentId, administrator);
        // Once published, what people commented on stays on the record: documents can be added, not taken away.
        if (p.status() != Status.DRAFT) {
            throw new InvalidInputException("file", "validation.comment.documentPublished");
        }
        if (!files.delete("pc_procedure", id, fileId)) {
            throw notFound();
        }
        audit.record(staff, "publicComment.detach", "pc_procedure", id, "file " + fileId);
    }

    List<ParticipationFiles.File> documents(long id) {
        return files.list("pc_procedure", id);
    }

    /** A document of a published procedure (or, for its department, of a draft: the caller checks). */
    Optional<ParticipationFiles.File> document(long id, long fileId) {
        return files.load("pc_procedure", id, fileId);
    }

    /** Groups comments under a label (similar comments share one view); a blank label ungroups. */
    @Transactional
    void group(long id, Actor staff, Long departmentId, boolean administrator, Map<Long, String> labels) {
        Procedure p = forDepartment(id, departmentId, administrator);
        requireConsidering(p);
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        for (var e : labels.entrySet()) {
            String label = checks.check(() -> Inputs.optional("group" + e.getKey(), e.getValue(), 50));
            jdbc.sql("update pc_comment set group_key = :g where id = :c and procedure_id = :p and status = 'RECEIVED'")
                    .param("g", label).param("c", e.getKey()).param("p", id).update();
        }
        checks.throwIfAny();
        audit.record(staff, "publicComment.group", "pc_procedure", id, labels.size() + " comments");
    }

    /** The city's view on one group: a summary without personal data, the view, and what changed (or why not). */
    @Transactional
    void saveView(long id, Actor staff, Long departmentId, boolean administrator, String groupKey, String rawSummary, String rawView,
                  boolean changed, String rawChange) {
        Procedure p = forDepartment(id, departmentId, administrator);
        requireConsidering(p);
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String summary = checks.check(() -> Inputs.required("summary", rawSummary, 4000));
        String view = checks.check(() -> Inputs.required("cityView", rawView, 4000));
        String change = checks.check(() -> changed ? Inputs.required("changeNote", rawChange, 4000) : Inputs.optional("changeNote", rawChange, 4000));
        checks.throwIfAny();
        jdbc.sql("""
                        insert into pc_view (procedure_id, group_key, summary, city_view, changed, change_note) values (:p, :g, :s, :v, :c, :n)
                        on conflict (procedure_id, group_key) do update set summary = excluded.summary, city_view = excluded.city_view,
                            changed = excluded.changed, change_note = excluded.change_note""")
                .param("p", id).param("g", groupKey).param("s", summary).param("v", view).param("c", changed).param("n", change).update();
        audit.record(staff, "publicComment.view", "pc_procedure", id, groupKey);
    }

    /** Publishes the result, once every comment received belongs to a group with the city's view. */
    @Transactional
    void publishResult(long id, Actor staff, Long departmentId, boolean administrator, long version, String rawNote) {
        Procedure p = forDepartment(id, departmentId, administrator);
        requireConsidering(p);
        if (p.version() != version) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
        long unanswered = jdbc.sql("""
                        select count(*) from pc_comment c where c.procedure_id = :p and c.status = 'RECEIVED'
                          and (c.group_key is null or not exists (select 1 from pc_view v where v.procedure_id = c.procedure_id and v.group_key = c.group_key))""")
                .param("p", id).query(Long.class).single();
        if (unanswered > 0) {
            throw new InvalidInputException("version", "validation.comment.unanswered", unanswered);
        }
        String note = Inputs.optional("resultNote", rawNote, 4000);
        Instant now = clock.instant();
        jdbc.sql("""
                        update pc_procedure set status = 'RESULT_PUBLISHED', result_note = :n, result_published_at = :now, updated_at = :now,
                            version = version + 1 where id = :id""")
                .param("n", note).param("now", Timestamp.from(now)).param("id", id).update();
        audit.record(staff, "publicComment.result", "pc_procedure", id, p.title());
        index(id);
        notices.announce(new jp.kyodo.notifications.Announcement(jp.kyodo.notifications.NoticeKind.PARTICIPATION,
                List.of(jp.kyodo.notifications.Announcement.ALL_RESULTS), p.title(), "/participation/comments/" + id,
                jp.kyodo.notifications.Announcement.News.RESULTS));
    }

    // Published in the transaction of the change, so that the index follows only what was committed.
    private void index(long id) {
        events.publishEvent(new jp.kyodo.search.SearchDocumentChanged(PublicCommentSearchSource.document(published(id))));
    }

    // ---- The public ----

    /**
     * A comment: during the period only, on a section or the whole. With an account it is received at once; without
     * one it waits for the e-mail to be confirmed through the link sent to it.
     */
    @Transactional
    void comment(long id, Optional<Actor> account, String rawSection, String rawName, String rawAddress, String rawEmail, String rawEligibility,
                 String rawBody, boolean declares, String clientAddress) {
        Procedure p = published(id);
        if (p.phase() != Phase.OPEN) {
            throw new InvalidInputException("body", "validation.comment.notOpen");
        }
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        Long section = checks.check(() -> {
            if (rawSection == null || rawSection.isBlank()) {
                return null;
            }
            try {
                long s = Long.parseLong(rawSection);
                if (p.sections().stream().noneMatch(x -> x.id() == s)) {
                    throw new NumberFormatException();
                }
                return s;
            } catch (NumberFormatException e) {
                throw new InvalidInputException("sectionId", "validation.required");
            }
        });
        String name = checks.check(() -> Inputs.required("name", rawName, 100));
        String address = checks.check(() -> Inputs.required("address", rawAddress, 300));
        String email = checks.check(() -> {
            String fallback = account.flatMap(a -> accounts.find(a.accountId())).map(a -> a.email()).orElse(null);
            String raw = rawEmail == null || rawEmail.isBlank() ? fallback : rawEmail;
            if (raw == null || raw.isBlank()) {
                throw new InvalidInputException("email", "validation.required");
            }
            String e = TextNormalizer.emailAddress(raw).strip();
            if (e.length() > 254 || !jp.kyodo.shared.Inputs.isEmailAddress(e)) {
                throw new InvalidInputException("email", "validation.email");
            }
            return e;
        });
        Eligibility eligibility = checks.check(() -> {
            try {
                return Eligibility.valueOf(rawEligibility == null ? "" : rawEligibility);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("eligibility", "validation.comment.eligibility");
            }
        });
        String body = checks.check(() -> Inputs.required("body", rawBody, 10_000));
        if (!declares) {
            checks.check(() -> {
                throw new InvalidInputException("declares", "validation.comment.declare");
            });
        }
        checks.throwIfAny();
        // Per account (or, without one, per address given) and per client network, so one sender cannot flood the procedure.
        String who = account.map(a -> jp.kyodo.shared.RateLimits.account(a.accountId())).orElse(jp.kyodo.shared.RateLimits.email(email));
        if (!rateLimits.tryCount("public-comment", commentsPerHour, java.time.Duration.ofHours(1), who,
                jp.kyodo.shared.RateLimits.network(clientAddress))) {
            throw new InvalidInputException("body", "validation.rateLimit.publicComment", commentsPerHour);
        }
        Instant now = clock.instant();
        String token = null;
        if (account.isEmpty()) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        long commentId = jdbc.sql("""
                        insert into pc_comment (procedure_id, section_id, name, address, email, eligibility, body, account_id, status, token_hash,
                            created_at, confirmed_at)
                        values (:p, :s, :n, :a, :e, :el, :b, :acc, :st, :t, :now, :conf) returning id""")
                .param("p", id).param("s", section).param("n", name).param("a", address).param("e", email).param("el", eligibility.name())
                .param("b", body).param("acc", account.map(Actor::accountId).orElse(null)).param("st", token == null ? "RECEIVED" : "UNCONFIRMED")
                .param("t", token == null ? null : sha256(token)).param("now", Timestamp.from(now)).param("conf", token == null ? Timestamp.from(now) : null)
                .query(Long.class).single();
        if (token == null) {
            mail.send(email, "commentReceipt", Locale.JAPANESE, p.title(), name, String.valueOf(commentId));
        } else {
            mail.send(email, "commentConfirm", Locale.JAPANESE, p.title(), name, links.link("/participation/comments/confirm/" + token));
        }
    }

    /** The commenter confirms their e-mail: the comment is received (if the period has not ended) and a receipt sent. */
    @Transactional
    Optional<Procedure> confirm(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        var row = jdbc.sql("select id, procedure_id, email, name from pc_comment where token_hash = :h and status = 'UNCONFIRMED' for update")
                .param("h", sha256(token))
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)}).optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Procedure p = published((Long) row.get()[1]);
        if (p.phase() != Phase.OPEN) {
            return Optional.empty();
        }
        jdbc.sql("update pc_comment set status = 'RECEIVED', confirmed_at = :now, token_hash = null where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", row.get()[0]).update();
        mail.send((String) row.get()[2], "commentReceipt", Locale.JAPANESE, p.title(), row.get()[3], String.valueOf(row.get()[0]));
        return Optional.of(p);
    }

    @Transactional(readOnly = true)
    List<Procedure> publicList() {
        return procedures("where status <> 'DRAFT' order by opens_on desc", Map.of());
    }

    @Transactional(readOnly = true)
    Procedure published(long id) {
        return procedures("where id = :id and status <> 'DRAFT'", Map.of("id", id)).stream().findFirst().orElseThrow(PublicComments::notFound);
    }

    @Transactional(readOnly = true)
    List<Procedure> forDepartment(Long departmentId, boolean administrator) {
        return administrator ? procedures("order by created_at desc", Map.of())
                : procedures("where department_id = :d order by created_at desc", Map.of("d", departmentId == null ? -1L : departmentId));
    }

    @Transactional(readOnly = true)
    Procedure forDepartment(long id, Long departmentId, boolean administrator) {
        Procedure p = procedures("where id = :id", Map.of("id", id)).stream().findFirst().orElseThrow(PublicComments::notFound);
        if (!administrator && (departmentId == null || p.departmentId() != departmentId)) {
            throw notFound();
        }
        return p;
    }

    /** The comments received (confirmed), for the department. */
    @Transactional(readOnly = true)
    List<Comment> comments(long id) {
        return jdbc.sql("""
                        select c.id, c.section_id, s.heading, c.name, c.address, c.email, c.eligibility, c.body, c.group_key, c.created_at
                        from pc_comment c left join pc_section s on s.id = c.section_id
                        where c.procedure_id = :p and c.status = 'RECEIVED' order by c.created_at, c.id""")
                .param("p", id)
                .query((rs, i) -> new Comment(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), Eligibility.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant()))
                .list();
    }

    /** The views, with how many comments each answers: what the result publishes. */
    @Transactional(readOnly = true)
    List<View> views(long id) {
        return jdbc.sql("""
                        select v.group_key, v.summary, v.city_view, v.changed, v.change_note,
                            (select count(*) from pc_comment c where c.procedure_id = v.procedure_id and c.group_key = v.group_key and c.status = 'RECEIVED')
                        from pc_view v where v.procedure_id = :p order by v.group_key""")
                .param("p", id)
                .query((rs, i) -> new View(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5), rs.getInt(6)))
                .list().stream().filter(v -> v.comments() > 0).toList();
    }

    /** How many people commented and how many comments were received. */
    @Transactional(readOnly = true)
    long[] counts(long id) {
        return jdbc.sql("select count(distinct email), count(*) from pc_comment where procedure_id = :p and status = 'RECEIVED'")
                .param("p", id).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    // ---- Helpers ----

    private void requireConsidering(Procedure p) {
        if (p.phase() != Phase.CONSIDERING) {
            throw new InvalidInputException("version", "validation.comment.notConsidering");
        }
    }

    private List<Procedure> procedures(String where, Map<String, Object> params) {
        var spec = jdbc.sql("select * from pc_procedure " + where);
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        LocalDate today = today();
        List<Procedure> found = spec.query((rs, i) -> {
            long id = rs.getLong("id");
            Status status = Status.valueOf(rs.getString("status"));
            LocalDate opens = rs.getDate("opens_on").toLocalDate();
            LocalDate closes = rs.getDate("closes_on").toLocalDate();
            Phase phase = status == Status.DRAFT ? Phase.DRAFT : status == Status.RESULT_PUBLISHED ? Phase.RESULT
                    : today.isBefore(opens) ? Phase.UPCOMING : today.isAfter(closes) ? Phase.CONSIDERING : Phase.OPEN;
            long departmentId = rs.getLong("department_id");
            return new Procedure(id, departmentId, accounts.department(departmentId).map(DepartmentView::name).orElse(""), rs.getString("title"),
                    rs.getString("purpose"), rs.getString("paper_copies"), opens, closes, rs.getString("short_period_reason"), status,
                    rs.getString("result_note"), rs.getTimestamp("result_published_at") == null ? null : rs.getTimestamp("result_published_at").toInstant(),
                    rs.getLong("version"), List.of(), phase, phase == Phase.OPEN ? ChronoUnit.DAYS.between(today, closes) + 1 : 0);
        }).list();
        // The sections of all the procedures found, in one query (not one per procedure).
        Map<Long, List<Section>> sections = sections(found.stream().map(Procedure::id).toList());
        return found.stream().map(p -> new Procedure(p.id(), p.departmentId(), p.departmentName(), p.title(), p.purpose(), p.paperCopies(),
                p.opensOn(), p.closesOn(), p.shortPeriodReason(), p.status(), p.resultNote(), p.resultPublishedAt(), p.version(),
                sections.getOrDefault(p.id(), List.of()), p.phase(), p.daysLeft())).toList();
    }

    private Map<Long, List<Section>> sections(List<Long> procedureIds) {
        Map<Long, List<Section>> sections = new java.util.HashMap<>();
        if (procedureIds.isEmpty()) {
            return sections;
        }
        jdbc.sql("select procedure_id, id, seq, heading, body from pc_section where procedure_id = any(:p) order by procedure_id, seq")
                .param("p", procedureIds.toArray(Long[]::new))
                .query((rs, i) -> sections.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Section(rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5)))).list();
        sections.replaceAll((k, v) -> List.copyOf(v));
        return sections;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    String dateText(LocalDate d) {
        return JapaneseDates.format(d);
    }
}
