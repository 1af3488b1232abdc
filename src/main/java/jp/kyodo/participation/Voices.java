package jp.kyodo.participation;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.kyodo.accounts.AccountSummary;
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
import jp.kyodo.shared.PhoneNumber;
import jp.kyodo.shared.TextNormalizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suggestions (市民の声, §8(2)): anyone sends an opinion or request about collaboration and civic activity; the
 * secretariat routes it to a department (or answers itself), the department answers by the due date, and the answer
 * is mailed to the sender. With the sender's consent the secretariat publishes an edited question and the answer,
 * never the name or contact details.
 */
@Service
class Voices {

    enum Category { COLLABORATION, SUPPORT, CENTRE, OTHER }

    enum Status { UNCONFIRMED, RECEIVED, ROUTED, ANSWERED, CLOSED }

    /** Which suggestions a staff member's queue shows. */
    enum Filter { OPEN, DONE, ALL }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final MailOutbox mail;
    private final AuditLog audit;
    private final Clock clock;
    private final CityProfile city;
    private final PortalUrls links;
    private final int answerDays;
    private final int confirmHours;
    private final jp.kyodo.shared.RateLimits rateLimits;
    private final int suggestionsPerHour;

    Voices(JdbcClient jdbc, Accounts accounts, MailOutbox mail, AuditLog audit, Clock clock, CityProfile city, PortalUrls links,
           @Value("${kyodo.participation.voice-answer-days:14}") int answerDays,
           @Value("${kyodo.participation.voice-confirm-hours:72}") int confirmHours,
           jp.kyodo.shared.RateLimits rateLimits, @Value("${kyodo.rate-limits.suggestions-per-hour:5}") int suggestionsPerHour) {
        this.rateLimits = rateLimits;
        this.suggestionsPerHour = suggestionsPerHour;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
        this.city = city;
        this.links = links;
        this.answerDays = answerDays;
        this.confirmHours = confirmHours;
    }

    /**
     * Who is looking: the secretariat's staff and administrators (the office) see and route every suggestion;
     * a department sees only those routed to it.
     */
    record Desk(Long departmentId, boolean office) {
    }

    /** A suggestion as staff see it (personal data included; never shown publicly). */
    record Suggestion(long id, String receiptNo, Category category, String subject, String body, String name, String email, String phone,
                      String address, boolean wantsAnswer, boolean consents, Status status, Long departmentId, String departmentName,
                      LocalDate dueOn, String answer, Instant answeredAt, String answerDepartmentName, String closeReason, String publishedTitle,
                      String publishedQuestion, String publishedAnswer, Instant publishedAt, Instant receivedAt, long version, boolean overdue) {

        public boolean open() {
            return status == Status.RECEIVED || status == Status.ROUTED;
        }

        public boolean published() {
            return publishedAt != null;
        }
    }

    record Route(String departmentName, String note, Instant routedAt) {
    }

    /** A published question and answer: what the public page shows, and nothing else. */
    record Published(long id, Category category, String title, String question, String answer, String departmentName, Instant answeredAt) {
    }

    /** The outcome of sending: received at once (with its number), or waiting for the e-mail to be confirmed. */
    record Sent(boolean confirmed, String receiptNo) {
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(city.zone()));
    }

    int answerDays() {
        return answerDays;
    }

    Desk desk(Long departmentId, boolean administrator) {
        boolean secretariat = departmentId != null && accounts.department(departmentId).map(DepartmentView::secretariat).orElse(false);
        return new Desk(departmentId, administrator || secretariat);
    }

    List<DepartmentView> departments() {
        return accounts.activeDepartments();
    }

    // ---- The sender ----

    /**
     * A suggestion from anyone. With an account it is received at once (the account's name and e-mail fill what is
     * left blank); without one it waits until the e-mail is confirmed through the link sent to it.
     */
    @Transactional
    Sent submit(Optional<Actor> account, String rawCategory, String rawSubject, String rawBody, String rawName, String rawEmail, String rawPhone,
                String rawAddress, String rawWantsAnswer, boolean consents, String clientAddress) {
        Optional<AccountSummary> summary = account.flatMap(a -> a.accountId() == null ? Optional.empty() : accounts.find(a.accountId()));
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        Category category = checks.check(() -> {
            try {
                return Category.valueOf(rawCategory == null ? "" : rawCategory);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("category", "validation.voice.category");
            }
        });
        String subject = checks.check(() -> Inputs.required("subject", rawSubject, 200));
        String body = checks.check(() -> Inputs.required("body", rawBody, 4000));
        String name = checks.check(() -> Inputs.required("name", blank(rawName) ? summary.map(AccountSummary::name).orElse(null) : rawName, 100));
        Boolean wantsAnswer = checks.check(() -> switch (rawWantsAnswer == null ? "" : rawWantsAnswer) {
            case "yes" -> true;
            case "no" -> false;
            default -> throw new InvalidInputException("wantsAnswer", "validation.voice.wantsAnswer");
        });
        String email = checks.check(() -> {
            String raw = blank(rawEmail) ? summary.map(AccountSummary::email).orElse(null) : rawEmail;
            if (blank(raw)) {
                throw new InvalidInputException("email", "validation.required");
            }
            String e = TextNormalizer.emailAddress(raw).strip();
            if (!jp.kyodo.shared.Inputs.isEmailAddress(e)) {
                throw new InvalidInputException("email", "validation.email");
            }
            return e;
        });
        String phone = checks.check(() -> {
            if (blank(rawPhone)) {
                return null;
            }
            try {
                return PhoneNumber.parse(rawPhone).format();
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("phone", "validation.phone");
            }
        });
        String address = checks.check(() -> Inputs.optional("address", rawAddress, 300));
        checks.throwIfAny();
        String who = summary.map(a -> jp.kyodo.shared.RateLimits.account(a.id())).orElse(jp.kyodo.shared.RateLimits.email(email));
        if (!rateLimits.tryCount("suggestion", suggestionsPerHour, java.time.Duration.ofHours(1), who,
                jp.kyodo.shared.RateLimits.network(clientAddress))) {
            throw new InvalidInputException("body", "validation.rateLimit.suggestion", suggestionsPerHour);
        }
        Instant now = clock.instant();
        String token = null;
        if (summary.isEmpty()) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        long id = jdbc.sql("""
                        insert into voice_suggestion (category, subject, body, name, email, phone, address, wants_answer, consents, account_id,
                            status, token_hash, created_at, updated_at)
                        values (:c, :s, :b, :n, :e, :p, :a, :w, :k, :acc, 'UNCONFIRMED', :t, :now, :now) returning id""")
                .param("c", category.name()).param("s", subject).param("b", body).param("n", name).param("e", email).param("p", phone)
                .param("a", address).param("w", wantsAnswer).param("k", consents).param("acc", summary.map(AccountSummary::id).orElse(null))
                .param("t", token == null ? null : PublicComments.sha256(token)).param("now", Timestamp.from(now)).query(Long.class).single();
        if (token != null) {
            mail.send(email, "voiceConfirm", Locale.JAPANESE, subject, name, links.link("/participation/voice/confirm/" + token), confirmHours);
            return new Sent(false, null);
        }
        return new Sent(true, receive(id));
    }

    /** The sender confirms their e-mail by a POST from the link's page: the suggestion is received and a receipt sent. */
    @Transactional
    Optional<String> confirm(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        Instant oldest = clock.instant().minus(confirmHours, ChronoUnit.HOURS);
        return jdbc.sql("select id from voice_suggestion where token_hash = :h and status = 'UNCONFIRMED' and created_at >= :oldest for update")
                .param("h", PublicComments.sha256(token)).param("oldest", Timestamp.from(oldest)).query(Long.class).optional()
                .map(this::receive);
    }

    /** Receives a suggestion: its receipt number and due date, a receipt to the sender and a notice to the secretariat. */
    private String receive(long id) {
        Instant now = clock.instant();
        LocalDate today = today();
        String receiptNo = "%d-%05d".formatted(today.getYear(), id);
        LocalDate due = today.plusDays(answerDays);
        jdbc.sql("""
                        update voice_suggestion set status = 'RECEIVED', receipt_no = :r, due_on = :due, received_at = :now, updated_at = :now,
                            token_hash = null where id = :id""")
                .param("r", receiptNo).param("due", due).param("now", Timestamp.from(now)).param("id", id).update();
        var row = jdbc.sql("select email, name, subject, wants_answer from voice_suggestion where id = :id").param("id", id)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)}).single();
        mail.send((String) row[0], (Boolean) row[3] ? "voiceReceipt" : "voiceReceiptNoAnswer", Locale.JAPANESE, row[2], row[1], receiptNo,
                JapaneseDates.format(due));
        for (String office : accounts.secretariatEmails()) {
            mail.send(office, "voiceNew", Locale.JAPANESE, receiptNo, row[2], links.link("/staff/participation/voice/" + id));
        }
        return receiptNo;
    }

    // ---- Staff ----

    @Transactional(readOnly = true)
    List<Suggestion> queue(Desk desk, Filter filter) {
        String status = switch (filter) {
            case OPEN -> " and status in ('RECEIVED', 'ROUTED')";
            case DONE -> " and status in ('ANSWERED', 'CLOSED')";
            case ALL -> "";
        };
        String order = " order by (status in ('RECEIVED', 'ROUTED')) desc, due_on, id";
        if (desk.office()) {
            return suggestions("where status <> 'UNCONFIRMED'" + status + order, Map.of());
        }
        return suggestions("where status not in ('UNCONFIRMED', 'RECEIVED') and department_id = :d" + status + order,
                Map.of("d", desk.departmentId() == null ? -1L : desk.departmentId()));
    }

    /** One suggestion for the office, or for the department it is routed to; anyone else is told it does not exist. */
    @Transactional(readOnly = true)
    Suggestion forDesk(long id, Desk desk) {
        Suggestion s = suggestions("where id = :id and status <> 'UNCONFIRMED'", Map.of("id", id)).stream().findFirst()
                .orElseThrow(PublicComments::notFound);
        if (!desk.office() && (desk.departmentId() == null || s.status() == Status.RECEIVED || !desk.departmentId().equals(s.departmentId()))) {
            throw PublicComments.notFound();
        }
        return s;
    }

    @Transactional(readOnly = true)
    List<Route> routes(long id) {
        return jdbc.sql("select department_id, note, routed_at from voice_route where suggestion_id = :id order by routed_at, id").param("id", id)
                .query((rs, i) -> new Route(departmentName(rs.getLong(1)), rs.getString(2), rs.getTimestamp(3).toInstant())).list();
    }

    /** The office routes a suggestion to a department; routing it again needs a note saying why. */
    @Transactional
    void route(long id, Actor staff, Desk desk, long version, String rawDepartment, String rawNote) {
        lock(id);
        Suggestion s = office(id, desk);
        requireVersion(s, version, "departmentId");
        if (!s.open()) {
            throw new InvalidInputException("departmentId", "validation.voice.notOpen");
        }
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        DepartmentView department = checks.check(() -> {
            try {
                long d = Long.parseLong(rawDepartment == null ? "" : rawDepartment);
                return accounts.department(d).filter(DepartmentView::active).orElseThrow(NumberFormatException::new);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("departmentId", "validation.voice.department");
            }
        });
        boolean rerouting = s.status() == Status.ROUTED;
        String note = checks.check(() -> rerouting ? Inputs.required("routeNote", rawNote, 2000) : Inputs.optional("routeNote", rawNote, 2000));
        if (department != null && rerouting && department.id().equals(s.departmentId())) {
            checks.check(() -> {
                throw new InvalidInputException("departmentId", "validation.voice.sameDepartment");
            });
        }
        checks.throwIfAny();
        Instant now = clock.instant();
        jdbc.sql("update voice_suggestion set status = 'ROUTED', department_id = :d, updated_at = :now, version = version + 1 where id = :id")
                .param("d", department.id()).param("now", Timestamp.from(now)).param("id", id).update();
        jdbc.sql("insert into voice_route (suggestion_id, department_id, note, routed_by, routed_at) values (:s, :d, :n, :by, :now)")
                .param("s", id).param("d", department.id()).param("n", note).param("by", staff.accountId()).param("now", Timestamp.from(now)).update();
        for (String to : accounts.departmentEmails(department.id())) {
            mail.send(to, "voiceRouted", Locale.JAPANESE, s.receiptNo(), s.subject(), JapaneseDates.format(s.dueOn()));
        }
        audit.record(staff, rerouting ? "voice.reroute" : "voice.route", "voice_suggestion", id,
                s.receiptNo() + " → " + department.name() + (note != null ? " (" + note + ")" : ""));
    }

    /**
     * The answer, by the department it is routed to or by the office; mailed to the sender when they wanted one. An
     * answer written on an outdated page is refused, so that two people answering at once never overwrite each other.
     */
    @Transactional
    void answer(long id, Actor staff, Desk desk, long version, String rawAnswer) {
        lock(id);
        Suggestion s = forDesk(id, desk);
        requireVersion(s, version, "answer");
        if (!s.open()) {
            throw new InvalidInputException("answer", "validation.voice.notOpen");
        }
        String answer = Inputs.required("answer", rawAnswer, 8000);
        Instant now = clock.instant();
        Long answeringDepartment = s.departmentId() != null ? s.departmentId() : desk.departmentId();
        int updated = jdbc.sql("""
                        update voice_suggestion set status = 'ANSWERED', answer = :a, answered_by = :by, answered_at = :now, answer_department = :d,
                            updated_at = :now, version = version + 1 where id = :id and version = :v""")
                .param("a", answer).param("by", staff.accountId()).param("now", Timestamp.from(now)).param("d", answeringDepartment)
                .param("id", id).param("v", version).update();
        if (updated == 0) {
            throw new InvalidInputException("answer", "validation.staleForm");
        }
        if (s.wantsAnswer()) {
            mail.send(s.email(), "voiceAnswer", Locale.JAPANESE, s.subject(), s.name(), s.receiptNo(), answer,
                    answeringDepartment == null ? city.divisionName(Locale.JAPANESE) : departmentName(answeringDepartment));
        }
        audit.record(staff, "voice.answer", "voice_suggestion", id, s.receiptNo());
    }

    /** Closes without an answer, with the reason; only when the sender wanted no answer. */
    @Transactional
    void close(long id, Actor staff, Desk desk, long version, String rawReason) {
        lock(id);
        Suggestion s = forDesk(id, desk);
        requireVersion(s, version, "closeReason");
        if (!s.open()) {
            throw new InvalidInputException("closeReason", "validation.voice.notOpen");
        }
        if (s.wantsAnswer()) {
            throw new InvalidInputException("closeReason", "validation.voice.answerWanted");
        }
        String reason = Inputs.required("closeReason", rawReason, 2000);
        jdbc.sql("""
                        update voice_suggestion set status = 'CLOSED', close_reason = :r, updated_at = :now, version = version + 1
                        where id = :id""")
                .param("r", reason).param("now", Timestamp.from(clock.instant())).param("id", id).update();
        audit.record(staff, "voice.close", "voice_suggestion", id, s.receiptNo() + " (" + reason + ")");
    }

    /**
     * The office publishes an answered suggestion whose sender consented: a title, the question edited to leave out
     * personal data, and the answer as published.
     */
    @Transactional
    void publish(long id, Actor staff, Desk desk, long version, String rawTitle, String rawQuestion, String rawAnswer) {
        lock(id);
        Suggestion s = office(id, desk);
        requireVersion(s, version, "publishedQuestion");
        if (!s.consents()) {
            throw new InvalidInputException("publishedQuestion", "validation.voice.noConsent");
        }
        if (s.status() != Status.ANSWERED) {
            throw new InvalidInputException("publishedQuestion", "validation.voice.notAnswered");
        }
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String title = checks.check(() -> Inputs.required("publishedTitle", rawTitle, 200));
        String question = checks.check(() -> Inputs.required("publishedQuestion", rawQuestion, 4000));
        String answer = checks.check(() -> Inputs.required("publishedAnswer", rawAnswer, 8000));
        // The sender's own details must not slip into what is published.
        for (String secret : new String[] {s.name(), s.email(), s.phone(), s.address()}) {
            if (secret != null && secret.strip().length() >= 2) {
                String needle = secret.strip();
                for (var field : new String[][] {{"publishedTitle", title}, {"publishedQuestion", question}, {"publishedAnswer", answer}}) {
                    if (field[1] != null && field[1].contains(needle)) {
                        checks.check(() -> {
                            throw new InvalidInputException(field[0], "validation.voice.personalData");
                        });
                    }
                }
            }
        }
        checks.throwIfAny();
        Instant now = clock.instant();
        jdbc.sql("""
                        update voice_suggestion set published_title = :t, published_question = :q, published_answer = :a, published_at = :now,
                            updated_at = :now, version = version + 1 where id = :id""")
                .param("t", title).param("q", question).param("a", answer).param("now", Timestamp.from(now)).param("id", id).update();
        audit.record(staff, "voice.publish", "voice_suggestion", id, s.receiptNo() + " " + title);
    }

    @Transactional
    void unpublish(long id, Actor staff, Desk desk, long version) {
        lock(id);
        Suggestion s = office(id, desk);
        requireVersion(s, version, "publishedQuestion");
        if (!s.published()) {
            throw new InvalidInputException("publishedQuestion", "validation.voice.notPublished");
        }
        jdbc.sql("update voice_suggestion set published_at = null, updated_at = :now, version = version + 1 where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        audit.record(staff, "voice.unpublish", "voice_suggestion", id, s.receiptNo());
    }

    // ---- The public ----

    /** The published questions and answers by category, in the category's order (empty categories left out). */
    @Transactional(readOnly = true)
    Map<Category, List<Published>> published() {
        List<Published> all = jdbc.sql("""
                        select id, category, published_title, published_question, published_answer, answer_department, answered_at
                        from voice_suggestion where published_at is not null and status = 'ANSWERED' and consents
                        order by published_at desc, id desc""")
                .query((rs, i) -> new Published(rs.getLong(1), Category.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6) == null ? city.divisionName(Locale.JAPANESE) : departmentName(rs.getLong(6)), rs.getTimestamp(7).toInstant()))
                .list();
        Map<Category, List<Published>> byCategory = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            List<Published> in = all.stream().filter(p -> p.category() == c).toList();
            if (!in.isEmpty()) {
                byCategory.put(c, in);
            }
        }
        return byCategory;
    }

    // ---- Helpers ----

    /** One staff action at a time per suggestion: routing, answering, closing and publishing never overwrite each other. */
    private void lock(long id) {
        jdbc.sql("select id from voice_suggestion where id = :id for update").param("id", id).query(Long.class).optional()
                .orElseThrow(PublicComments::notFound);
    }

    private Suggestion office(long id, Desk desk) {
        if (!desk.office()) {
            throw PublicComments.notFound();
        }
        return forDesk(id, desk);
    }

    private static void requireVersion(Suggestion s, long version, String field) {
        if (s.version() != version) {
            throw new InvalidInputException(field, "validation.staleForm");
        }
    }

    private List<Suggestion> suggestions(String where, Map<String, Object> params) {
        var spec = jdbc.sql("select * from voice_suggestion " + where);
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        LocalDate today = today();
        return spec.query((rs, i) -> {
            Status status = Status.valueOf(rs.getString("status"));
            Long department = (Long) rs.getObject("department_id");
            Long answerDepartment = (Long) rs.getObject("answer_department");
            LocalDate due = rs.getDate("due_on") == null ? null : rs.getDate("due_on").toLocalDate();
            boolean open = status == Status.RECEIVED || status == Status.ROUTED;
            return new Suggestion(rs.getLong("id"), rs.getString("receipt_no"), Category.valueOf(rs.getString("category")), rs.getString("subject"),
                    rs.getString("body"), rs.getString("name"), rs.getString("email"), rs.getString("phone"), rs.getString("address"),
                    rs.getBoolean("wants_answer"), rs.getBoolean("consents"), status, department, department == null ? null : departmentName(department),
                    due, rs.getString("answer"), instant(rs.getTimestamp("answered_at")),
                    answerDepartment == null ? null : departmentName(answerDepartment), rs.getString("close_reason"), rs.getString("published_title"),
                    rs.getString("published_question"), rs.getString("published_answer"), instant(rs.getTimestamp("published_at")),
                    instant(rs.getTimestamp("received_at")), rs.getLong("version"), open && due != null && today.isAfter(due));
        }).list();
    }

    private String departmentName(long id) {
        return accounts.department(id).map(DepartmentView::name).orElse("");
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
