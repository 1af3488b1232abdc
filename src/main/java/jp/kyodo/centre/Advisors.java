package jp.kyodo.centre;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.accounts.DepartmentView;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.groups.Groups;
import jp.kyodo.notifications.MailOutbox;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.Inputs;
import jp.kyodo.shared.InvalidInputException;
import jp.kyodo.shared.JapaneseDates;
import jp.kyodo.shared.TextNormalizer;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * 外部専門家アドバイザー: the secretariat keeps advisor profiles with their fields of expertise; a group's manager
 * requests a consultation (topic, details, preferred dates); the secretariat assigns an advisor, a date and a place (or
 * declines with a reason); after the consultation it records what was advised and the follow-up. The group's managers
 * see their requests and records; nothing of a request is public.
 */
@Service
class Advisors {

    /** What a consultation is about; an advisor's expertise is a set of these. */
    enum Topic { ORGANISATION, ACCOUNTING, INCORPORATION, PUBLICITY, FUNDING, PLANNING, OTHER }

    enum Status { REQUESTED, ASSIGNED, DONE, DECLINED, CANCELLED }

    static final int PREFERRED_ROWS = 3;

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Groups groups;
    private final MailOutbox mail;
    private final AuditLog audit;
    private final Clock clock;
    private final CityProfile city;

    Advisors(JdbcClient jdbc, Accounts accounts, Groups groups, MailOutbox mail, AuditLog audit, Clock clock, CityProfile city) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.groups = groups;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
        this.city = city;
    }

    record Advisor(long id, String name, String affiliation, Set<Topic> expertise, String profile, boolean active, long version,
                   int consultations) {

        public boolean covers(Topic topic) {
            return expertise.contains(topic);
        }
    }

    record Request(long id, long groupId, String groupName, long requestedBy, Topic topic, String details, String preferredDates, Status status,
                   Long advisorId, String advisorName, Instant scheduledAt, String place, String declineReason, String advice, String followUp,
                   Instant recordedAt, Instant createdAt, long version) {
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(city.zone()));
    }

    /** Whether a staff member may manage advisors and requests: the secretariat's staff or an administrator. */
    boolean secretariat(Long departmentId, boolean administrator) {
        return administrator || (departmentId != null && accounts.department(departmentId).map(DepartmentView::secretariat).orElse(false));
    }

    // ---- Advisors (the secretariat) ----

    @Transactional
    long saveAdvisor(Actor staff, Long id, long version, String rawName, String rawAffiliation, List<String> rawTopics, String rawProfile,
                     boolean active) {
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String name = checks.check(() -> Inputs.required("name", rawName, 100));
        String affiliation = checks.check(() -> Inputs.optional("affiliation", rawAffiliation, 200));
        Set<Topic> topics = checks.check(() -> {
            Set<Topic> t = parseTopics(rawTopics);
            if (t.isEmpty()) {
                throw new InvalidInputException("expertise", "validation.advisor.expertise");
            }
            return t;
        });
        String profile = checks.check(() -> Inputs.required("profile", rawProfile, 4000));
        checks.throwIfAny();
        String expertise = topics.stream().map(Topic::name).sorted().collect(Collectors.joining(","));
        Timestamp now = Timestamp.from(clock.instant());
        if (id == null) {
            long created = jdbc.sql("""
                            insert into centre_advisor (name, affiliation, expertise, profile, active, created_at, updated_at)
                            values (:n, :a, :e, :p, true, :now, :now) returning id""")
                    .param("n", name).param("a", affiliation).param("e", expertise).param("p", profile).param("now", now).query(Long.class).single();
            audit.record(staff, "advisor.create", "centre_advisor", created, name);
            return created;
        }
        int n = jdbc.sql("""
                        update centre_advisor set name = :n, affiliation = :a, expertise = :e, profile = :p, active = :act, updated_at = :now,
                            version = version + 1 where id = :id and version = :v""")
                .param("n", name).param("a", affiliation).param("e", expertise).param("p", profile).param("act", active).param("now", now)
                .param("id", id).param("v", version).update();
        if (n == 0) {
            advisor(id).orElseThrow(Advisors::notFound);
            throw new InvalidInputException("version", "validation.staleForm");
        }
        audit.record(staff, "advisor.update", "centre_advisor", id, name + (active ? "" : " (inactive)"));
        return id;
    }

    @Transactional(readOnly = true)
    List<Advisor> advisors(boolean activeOnly) {
        return jdbc.sql("""
                        select a.*, (select count(*) from centre_advisor_request r where r.advisor_id = a.id and r.status = 'DONE') as done
                        from centre_advisor a""" + (activeOnly ? " where a.active" : "") + " order by a.active desc, a.name")
                .query((rs, i) -> new Advisor(rs.getLong("id"), rs.getString("name"), rs.getString("affiliation"), topics(rs.getString("expertise")),
                        rs.getString("profile"), rs.getBoolean("active"), rs.getLong("version"), rs.getInt("done")))
                .list();
    }

    @Transactional(readOnly = true)
    Optional<Advisor> advisor(long id) {
        return advisors(false).stream().filter(a -> a.id() == id).findFirst();
    }

    /** Active advisors for a request: those whose expertise covers its topic first, then the fewest consultations. */
    List<Advisor> suggestions(Request r) {
        return advisors(true).stream()
                .sorted(Comparator.comparing((Advisor a) -> !a.covers(r.topic())).thenComparing(Advisor::consultations).thenComparing(Advisor::name))
                .toList();
    }

    // ---- Requests (a group's manager) ----

    /** A request for a consultation, by someone who manages the group; the secretariat is told and the requester gets a receipt. */
    @Transactional
    long request(Actor requester, String rawGroup, String rawTopic, String rawDetails, List<String> rawDates, List<String> rawTimes) {
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        Groups.GroupProfile group = checks.check(() -> {
            try {
                long id = Long.parseLong(rawGroup == null ? "" : rawGroup);
                if (!groups.manages(id, requester.accountId())) {
                    throw new NumberFormatException();
                }
                return groups.profile(id).orElseThrow(NumberFormatException::new);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("groupId", "validation.advisor.group");
            }
        });
        Topic topic = checks.check(() -> {
            try {
                return Topic.valueOf(rawTopic == null ? "" : rawTopic);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("topic", "validation.advisor.topic");
            }
        });
        String details = checks.check(() -> Inputs.required("details", rawDetails, 4000));
        List<String> preferred = new ArrayList<>();
        LocalDate today = today();
        for (int i = 0; i < PREFERRED_ROWS; i++) {
            String d = i < rawDates.size() ? rawDates.get(i) : null;
            String t = i < rawTimes.size() ? rawTimes.get(i) : null;
            if ((d == null || d.isBlank()) && (t == null || t.isBlank())) {
                continue;
            }
            int index = i;
            LocalDate date = checks.check(() -> {
                LocalDate parsed = Inputs.requiredDate("date" + index, d);
                if (!parsed.isAfter(today)) {
                    throw new InvalidInputException("date" + index, "validation.advisor.future");
                }
                return parsed;
            });
            String time = checks.check(() -> Inputs.optional("time" + index, t, 50));
            if (date != null) {
                preferred.add(JapaneseDates.format(date) + (time == null ? "" : " " + time));
            }
        }
        if (preferred.isEmpty()) {
            checks.check(() -> {
                throw new InvalidInputException("date0", "validation.advisor.preferred");
            });
        }
        checks.throwIfAny();
        Timestamp now = Timestamp.from(clock.instant());
        long id = jdbc.sql("""
                        insert into centre_advisor_request (group_id, group_name, requested_by, topic, details, preferred_dates, status, created_at, updated_at)
                        values (:g, :gn, :by, :t, :d, :p, 'REQUESTED', :now, :now) returning id""")
                .param("g", group.id()).param("gn", group.name()).param("by", requester.accountId()).param("t", topic.name()).param("d", details)
                .param("p", String.join("\n", preferred)).param("now", now).query(Long.class).single();
        for (String to : accounts.secretariatEmails()) {
            mail.send(to, "advisorRequested", Locale.JAPANESE, group.name(), String.valueOf(id));
        }
        accounts.find(requester.accountId()).ifPresent(a -> mail.send(a.email(), "advisorRequestReceipt", Locale.JAPANESE, group.name(), String.valueOf(id)));
        return id;
    }

    /** A manager withdraws a request not yet held. */
    @Transactional
    void cancel(long id, Actor requester) {
        Request r = forManager(id, requester.accountId());
        if (r.status() != Status.REQUESTED && r.status() != Status.ASSIGNED) {
            throw new InvalidInputException("cancel", "validation.advisor.notNow");
        }
        jdbc.sql("update centre_advisor_request set status = 'CANCELLED', updated_at = :now, version = version + 1 where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        for (String to : accounts.secretariatEmails()) {
            mail.send(to, "advisorCancelled", Locale.JAPANESE, r.groupName(), String.valueOf(id));
        }
    }

    /** The requests of every group the account manages, newest first. */
    @Transactional(readOnly = true)
    List<Request> forManager(long accountId) {
        List<Long> ids = groups.managedBy(accountId).stream().map(Groups.GroupProfile::id).toList();
        return ids.isEmpty() ? List.of() : requests("where r.group_id in (:ids) order by r.created_at desc", Map.of("ids", ids));
    }

    @Transactional(readOnly = true)
    Request forManager(long id, long accountId) {
        Request r = request(id).orElseThrow(Advisors::notFound);
        if (!groups.manages(r.groupId(), accountId)) {
            throw notFound();
        }
        return r;
    }

    // ---- Requests (the secretariat) ----

    @Transactional(readOnly = true)
    List<Request> queue(boolean open) {
        return requests(open ? "where r.status in ('REQUESTED', 'ASSIGNED') order by r.created_at" : "order by r.created_at desc", Map.of());
    }

    @Transactional(readOnly = true)
    Optional<Request> request(long id) {
        return requests("where r.id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** Assigns an advisor, a date and time and a place; the group's managers are told. Reassigning is possible until held. */
    @Transactional
    void assign(long id, Actor staff, long version, String rawAdvisor, String rawDate, String rawTime, String rawPlace) {
        Request r = lock(id);
        if (r.status() != Status.REQUESTED && r.status() != Status.ASSIGNED) {
            throw new InvalidInputException("advisorId", "validation.advisor.notNow");
        }
        checkVersion(r, version);
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        Advisor advisor = checks.check(() -> {
            try {
                return advisor(Long.parseLong(rawAdvisor == null ? "" : rawAdvisor)).filter(Advisor::active).orElseThrow(NumberFormatException::new);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("advisorId", "validation.advisor.advisor");
            }
        });
        LocalDate date = checks.check(() -> {
            LocalDate d = Inputs.requiredDate("scheduledOn", rawDate);
            if (d.isBefore(today())) {
                throw new InvalidInputException("scheduledOn", "validation.advisor.future");
            }
            return d;
        });
        LocalTime time = checks.check(() -> {
            String raw = Inputs.required("scheduledTime", rawTime == null ? null : TextNormalizer.normalizeWidth(rawTime), 5);
            try {
                return LocalTime.parse(raw.length() == 4 ? "0" + raw : raw);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("scheduledTime", "validation.advisor.time");
            }
        });
        String place = checks.check(() -> Inputs.required("place", rawPlace, 200));
        checks.throwIfAny();
        Instant at = LocalDateTime.of(date, time).atZone(city.zone()).toInstant();
        jdbc.sql("""
                        update centre_advisor_request set status = 'ASSIGNED', advisor_id = :a, scheduled_at = :at, place = :p, updated_at = :now,
                            version = version + 1 where id = :id""")
                .param("a", advisor.id()).param("at", Timestamp.from(at)).param("p", place).param("now", Timestamp.from(clock.instant()))
                .param("id", id).update();
        String when = JapaneseDates.format(date) + " " + time;
        for (String to : groups.managerEmails(r.groupId())) {
            mail.send(to, "advisorAssigned", Locale.JAPANESE, r.groupName(), advisor.name(), when, place, String.valueOf(id));
        }
        audit.record(staff, "advisor.assign", "centre_advisor_request", id, advisor.name() + " " + when);
    }

    @Transactional
    void decline(long id, Actor staff, long version, String rawReason) {
        Request r = lock(id);
        if (r.status() != Status.REQUESTED && r.status() != Status.ASSIGNED) {
            throw new InvalidInputException("reason", "validation.advisor.notNow");
        }
        checkVersion(r, version);
        String reason = Inputs.required("reason", rawReason, 2000);
        jdbc.sql("update centre_advisor_request set status = 'DECLINED', decline_reason = :r, updated_at = :now, version = version + 1 where id = :id")
                .param("r", reason).param("now", Timestamp.from(clock.instant())).param("id", id).update();
        for (String to : groups.managerEmails(r.groupId())) {
            mail.send(to, "advisorDeclined", Locale.JAPANESE, r.groupName(), reason, String.valueOf(id));
        }
        audit.record(staff, "advisor.decline", "centre_advisor_request", id, reason);
    }

    /** The consultation record, once it has taken place; the group can read it. It can be corrected later (version-checked). */
    @Transactional
    void record(long id, Actor staff, long version, String rawAdvice, String rawFollowUp) {
        Request r = lock(id);
        if (r.status() != Status.ASSIGNED && r.status() != Status.DONE) {
            throw new InvalidInputException("advice", "validation.advisor.notNow");
        }
        if (r.scheduledAt().isAfter(clock.instant())) {
            throw new InvalidInputException("advice", "validation.advisor.notYet");
        }
        checkVersion(r, version);
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String advice = checks.check(() -> Inputs.required("advice", rawAdvice, 8000));
        String followUp = checks.check(() -> Inputs.optional("followUp", rawFollowUp, 4000));
        checks.throwIfAny();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        update centre_advisor_request set status = 'DONE', advice = :a, follow_up = :f, recorded_at = :now, updated_at = :now,
                            version = version + 1 where id = :id""")
                .param("a", advice).param("f", followUp).param("now", now).param("id", id).update();
        if (r.status() == Status.ASSIGNED) {
            for (String to : groups.managerEmails(r.groupId())) {
                mail.send(to, "advisorRecorded", Locale.JAPANESE, r.groupName(), String.valueOf(id));
            }
        }
        audit.record(staff, "advisor.record", "centre_advisor_request", id, r.groupName());
    }

    // ---- Helpers ----

    private Request lock(long id) {
        jdbc.sql("select id from centre_advisor_request where id = :id for update").param("id", id).query(Long.class).optional()
                .orElseThrow(Advisors::notFound);
        return request(id).orElseThrow(Advisors::notFound);
    }

    private static void checkVersion(Request r, long version) {
        if (r.version() != version) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
    }

    private List<Request> requests(String where, Map<String, Object> params) {
        var spec = jdbc.sql("select r.*, a.name as advisor_name from centre_advisor_request r left join centre_advisor a on a.id = r.advisor_id " + where);
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec.query((rs, i) -> new Request(rs.getLong("id"), rs.getLong("group_id"), rs.getString("group_name"), rs.getLong("requested_by"),
                Topic.valueOf(rs.getString("topic")), rs.getString("details"), rs.getString("preferred_dates"), Status.valueOf(rs.getString("status")),
                (Long) rs.getObject("advisor_id"), rs.getString("advisor_name"), instant(rs.getTimestamp("scheduled_at")), rs.getString("place"),
                rs.getString("decline_reason"), rs.getString("advice"), rs.getString("follow_up"), instant(rs.getTimestamp("recorded_at")),
                rs.getTimestamp("created_at").toInstant(), rs.getLong("version"))).list();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static Set<Topic> topics(String codes) {
        if (codes == null || codes.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(codes.split(",")).map(Topic::valueOf).collect(Collectors.toUnmodifiableSet());
    }

    private static Set<Topic> parseTopics(List<String> raw) {
        if (raw == null) {
            return Set.of();
        }
        try {
            return raw.stream().filter(s -> s != null && !s.isBlank()).map(Topic::valueOf).collect(Collectors.toUnmodifiableSet());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("expertise", "validation.advisor.expertise");
        }
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
