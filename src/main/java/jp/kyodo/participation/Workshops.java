package jp.kyodo.participation;

import java.security.SecureRandom;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.accounts.DepartmentView;
import jp.kyodo.accounts.PortalUrls;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.notifications.MailOutbox;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.FileTypes;
import jp.kyodo.shared.Inputs;
import jp.kyodo.shared.InvalidInputException;
import jp.kyodo.shared.JapaneseDates;
import jp.kyodo.shared.PhoneNumber;
import jp.kyodo.shared.TextNormalizer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ワークショップ: a department publishes a participation event (date, place, capacity, target, deadline); people
 * register with or without an account, one person per registration, and go on the waiting list when it is full; a
 * cancellation moves the first waiting person up. Afterwards the department marks attendance and publishes the
 * outputs (the record, what the city will do with it, photos and PDFs). Registrants' personal data is never public.
 */
@Service
class Workshops {

    static final String FILE_OWNER = "workshop";

    enum Status { DRAFT, PUBLISHED, CANCELLED }

    /** Where a workshop stands for the public. */
    enum Phase { DRAFT, UPCOMING, OPEN, WAITLIST, CLOSED, ENDED, RECORDS, CANCELLED }

    enum RegistrationStatus { CONFIRMED, WAITING, CANCELLED }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Accounts accounts;
    private final MailOutbox mail;
    private final AuditLog audit;
    private final Clock clock;
    private final CityProfile city;
    private final PortalUrls links;
    private final ParticipationFiles files;

    Workshops(JdbcClient jdbc, Accounts accounts, MailOutbox mail, AuditLog audit, Clock clock, CityProfile city, PortalUrls links,
              ParticipationFiles files, org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.accounts = accounts;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
        this.city = city;
        this.links = links;
        this.files = files;
    }

    record Workshop(long id, long departmentId, String departmentName, String title, String theme, LocalDate heldOn, LocalTime startsAt,
                    LocalTime endsAt, String place, int capacity, String target, LocalDate opensOn, LocalDate closesOn, String notes,
                    Status status, String cancelReason, String recordText, String cityResponse, Instant outputsPublishedAt, long version,
                    int confirmed, int waiting, Phase phase) {

        /** E.g. "令和8年(2026年)7月4日(土) 13:30〜15:30". */
        public String when() {
            return JapaneseDates.format(heldOn) + "(" + heldOn.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.JAPANESE) + ") "
                    + startsAt + "〜" + endsAt;
        }

        public int remaining() {
            return Math.max(0, capacity - confirmed);
        }

        /** Whether the public may register now (a place or the waiting list). */
        public boolean registering() {
            return phase == Phase.OPEN || phase == Phase.WAITLIST;
        }

        /** Whether the event is over (attendance and outputs may be recorded). */
        public boolean over() {
            return phase == Phase.ENDED || phase == Phase.RECORDS;
        }
    }

    /** A registration as the department sees it (personal data included; never shown publicly). */
    record Registration(long id, long workshopId, String name, String email, String phone, Long accountId, RegistrationStatus status,
                        Boolean attended, Instant createdAt, int position) {
    }

    /** What a registration gave: a place, or a position on the waiting list. */
    record Receipt(long registrationId, RegistrationStatus status, int position) {
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(city.zone()));
    }

    // ---- The department ----

    @Transactional
    long create(Actor staff, long departmentId, Map<String, String> form) {
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String title = checks.check(() -> Inputs.required("title", form.get("title"), 200));
        String theme = checks.check(() -> Inputs.required("theme", form.get("theme"), 4000));
        LocalDate heldOn = checks.check(() -> Inputs.requiredDate("heldOn", form.get("heldOn")));
        LocalTime starts = checks.check(() -> time("startsAt", form.get("startsAt")));
        LocalTime ends = checks.check(() -> time("endsAt", form.get("endsAt")));
        String place = checks.check(() -> Inputs.required("place", form.get("place"), 300));
        Integer capacity = checks.check(() -> {
            Integer c = Inputs.integer("capacity", form.get("capacity"), 1, 10_000);
            if (c == null) {
                throw new InvalidInputException("capacity", "validation.required");
            }
            return c;
        });
        String target = checks.check(() -> Inputs.required("target", form.get("target"), 300));
        LocalDate opens = checks.check(() -> Inputs.date("opensOn", form.get("opensOn")));
        LocalDate closes = checks.check(() -> Inputs.requiredDate("closesOn", form.get("closesOn")));
        String notes = checks.check(() -> Inputs.optional("notes", form.get("notes"), 4000));
        if (starts != null && ends != null && !ends.isAfter(starts)) {
            checks.check(() -> {
                throw new InvalidInputException("endsAt", "validation.ws.endsBeforeStarts");
            });
        }
        if (heldOn != null && !checks.failed("heldOn") && heldOn.isBefore(today())) {
            checks.check(() -> {
                throw new InvalidInputException("heldOn", "validation.ws.past");
            });
        }
        if (heldOn != null && closes != null && closes.isAfter(heldOn)) {
            checks.check(() -> {
                throw new InvalidInputException("closesOn", "validation.ws.closesAfterEvent");
            });
        }
        if (opens != null && closes != null && opens.isAfter(closes)) {
            checks.check(() -> {
                throw new InvalidInputException("opensOn", "validation.ws.opensAfterCloses");
            });
        }
        checks.throwIfAny();
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into ws_workshop (department_id, title, theme, held_on, starts_at, ends_at, place, capacity, target,
                            registration_opens_on, registration_closes_on, notes, status, created_by, created_at, updated_at)
                        values (:d, :title, :theme, :held, :starts, :ends, :place, :cap, :target, :opens, :closes, :notes, 'DRAFT', :by, :now, :now)
                        returning id""")
                .param("d", departmentId).param("title", title).param("theme", theme).param("held", heldOn).param("starts", Time.valueOf(starts))
                .param("ends", Time.valueOf(ends)).param("place", place).param("cap", capacity).param("target", target).param("opens", opens)
                .param("closes", closes).param("notes", notes).param("by", staff.accountId()).param("now", Timestamp.from(now))
                .query(Long.class).single();
        audit.record(staff, "workshop.create", "ws_workshop", id, title);
        return id;
    }

    @Transactional
    void publish(long id, Actor staff, Long departmentId, boolean administrator, long version) {
        Workshop w = lockForDepartment(id, departmentId, administrator);
        requireVersion(w, version);
        if (w.status() != Status.DRAFT) {
            throw new InvalidInputException("version", "validation.ws.notDraft");
        }
        if (w.heldOn().isBefore(today()) || w.closesOn().isBefore(today())) {
            throw new InvalidInputException("version", "validation.ws.past");
        }
        jdbc.sql("update ws_workshop set status = 'PUBLISHED', updated_at = :now, version = version + 1 where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        audit.record(staff, "workshop.publish", "ws_workshop", id, w.title());
        index(id);
    }

    /** Cancels (中止) a published workshop before it ends, with the reason shown publicly; every registrant is e-mailed. */
    @Transactional
    void cancel(long id, Actor staff, Long departmentId, boolean administrator, long version, String rawReason) {
        Workshop w = lockForDepartment(id, departmentId, administrator);
        requireVersion(w, version);
        if (w.status() != Status.PUBLISHED || w.over()) {
            throw new InvalidInputException("cancelReason", "validation.ws.notCancellable");
        }
        String reason = Inputs.required("cancelReason", rawReason, 2000);
        jdbc.sql("update ws_workshop set status = 'CANCELLED', cancel_reason = :r, updated_at = :now, version = version + 1 where id = :id")
                .param("r", reason).param("now", Timestamp.from(clock.instant())).param("id", id).update();
        for (Registration r : registrations(id)) {
            if (r.status() != RegistrationStatus.CANCELLED) {
                mail.send(r.email(), "wsCancelled", Locale.JAPANESE, w.title(), r.name(), w.when(), reason);
            }
        }
        audit.record(staff, "workshop.cancel", "ws_workshop", id, w.title() + " (" + reason + ")");
        index(id);
    }

    /** After the event: who attended, among those with a place. */
    @Transactional
    void attendance(long id, Actor staff, Long departmentId, boolean administrator, Set<Long> present) {
        Workshop w = lockForDepartment(id, departmentId, administrator);
        if (w.status() != Status.PUBLISHED || w.heldOn().isAfter(today())) {
            throw new InvalidInputException("attendance", "validation.ws.notHeldYet");
        }
        int marked = 0;
        for (Registration r : registrations(id)) {
            if (r.status() == RegistrationStatus.CONFIRMED) {
                boolean attended = present.contains(r.id());
                marked += attended ? 1 : 0;
                jdbc.sql("update ws_registration set attended = :a where id = :id").param("a", attended).param("id", r.id()).update();
            }
        }
        audit.record(staff, "workshop.attendance", "ws_workshop", id, marked + " attended");
    }

    /** Saves the outputs after the event; {@code publish} makes them public (both texts are then required). */
    @Transactional
    void saveOutputs(long id, Actor staff, Long departmentId, boolean administrator, long version, String rawRecord, String rawResponse,
                     boolean publish) {
        Workshop w = lockForDepartment(id, departmentId, administrator);
        if (!w.over()) {
            throw new InvalidInputException("recordText", "validation.ws.notOver");
        }
        if (w.version() != version) {
            throw new InvalidInputException("recordText", "validation.staleForm");
        }
        // Once public, the texts stay filled in: a blank save must not empty the published record.
        boolean required = publish || w.outputsPublishedAt() != null;
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String record = checks.check(() -> required ? Inputs.required("recordText", rawRecord, 20_000) : Inputs.optional("recordText", rawRecord, 20_000));
        String response = checks.check(() -> required ? Inputs.required("cityResponse", rawResponse, 10_000)
                : Inputs.optional("cityResponse", rawResponse, 10_000));
        checks.throwIfAny();
        Instant now = clock.instant();
        jdbc.sql("""
                        update ws_workshop set record_text = :r, city_response = :c, updated_at = :now, version = version + 1,
                            outputs_published_at = case when :pub then coalesce(outputs_published_at, :now) else outputs_published_at end
                        where id = :id""")
                .param("r", record).param("c", response).param("now", Timestamp.from(now)).param("pub", publish).param("id", id).update();
        audit.record(staff, publish || w.outputsPublishedAt() != null ? "workshop.outputs.publish" : "workshop.outputs.save", "ws_workshop", id, w.title());
        index(id);
    }

    /** Adds a photo or PDF record; an image needs its title, which is its alternative text. */
    @Transactional
    long addFile(long id, Actor staff, Long departmentId, boolean administrator, String filename, String rawTitle, byte[] content) {
        Workshop w = lockForDepartment(id, departmentId, administrator);
        if (w.status() == Status.DRAFT || w.status() == Status.CANCELLED) {
            throw new InvalidInputException("file", "validation.ws.filesNotYet");
        }
        String title = Inputs.optional("fileTitle", rawTitle, 200);
        String type = content == null || content.length == 0 ? null : FileTypes.documentOrImage(content);
        if (type != null && type.startsWith("image/") && title == null) {
            throw new InvalidInputException("fileTitle", "validation.ws.altRequired");
        }
        long fileId = files.save("file", FILE_OWNER, id, filename, title, content, staff.accountId(), clock.instant());
        audit.record(staff, "workshop.file.add", "ws_workshop", id, FileTypes.safeFilename(filename, "file"));
        return fileId;
    }

    @Transactional
    void deleteFile(long id, Actor staff, Long departmentId, boolean administrator, long fileId) {
        lockForDepartment(id, departmentId, administrator);
        if (files.delete(FILE_OWNER, id, fileId)) {
            audit.record(staff, "workshop.file.delete", "ws_workshop", id, String.valueOf(fileId));
        }
    }

    // ---- The public ----

    /**
     * Registers one person: a place while any is left, else the waiting list. The workshop row is locked for the
     * transaction, so two people registering for the last place at once cannot both get it.
     */
    @Transactional
    Receipt register(long id, Optional<Actor> account, String rawName, String rawEmail, String rawPhone) {
        jdbc.sql("select id from ws_workshop where id = :id and status <> 'DRAFT' for update").param("id", id).query(Long.class).optional()
                .orElseThrow(PublicComments::notFound);
        Workshop w = published(id);
        if (!w.registering()) {
            throw new InvalidInputException("register", "validation.ws.notOpen");
        }
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String name = checks.check(() -> Inputs.required("name", rawName, 100));
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
        String phone = checks.check(() -> {
            if (rawPhone == null || rawPhone.isBlank()) {
                return null;
            }
            try {
                return PhoneNumber.parse(rawPhone).format();
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("phone", "validation.phone");
            }
        });
        boolean accountRegistered = account.isPresent() && account.get().accountId() != null
                && mine(id, account.get().accountId()).isPresent();
        if (accountRegistered || email != null && jdbc.sql("""
                        select count(*) from ws_registration where workshop_id = :w and email = :e and status <> 'CANCELLED'""")
                .param("w", id).param("e", email).query(Long.class).single() > 0) {
            checks.check(() -> {
                throw new InvalidInputException("email", "validation.ws.duplicate");
            });
        }
        checks.throwIfAny();
        boolean place = w.confirmed() < w.capacity() && w.waiting() == 0;
        String token = token();
        long regId = jdbc.sql("""
                        insert into ws_registration (workshop_id, name, email, phone, account_id, status, token_hash, created_at)
                        values (:w, :n, :e, :p, :a, :s, :t, :now) returning id""")
                .param("w", id).param("n", name).param("e", email).param("p", phone).param("a", account.map(Actor::accountId).orElse(null))
                .param("s", place ? "CONFIRMED" : "WAITING").param("t", PublicComments.sha256(token)).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        String cancelLink = links.link("/participation/workshops/cancel/" + token);
        if (place) {
            mail.send(email, "wsReceipt", Locale.JAPANESE, w.title(), name, w.when(), w.place(), cancelLink);
            return new Receipt(regId, RegistrationStatus.CONFIRMED, 0);
        }
        int position = position(id, regId);
        mail.send(email, "wsWaiting", Locale.JAPANESE, w.title(), name, w.when(), w.place(), cancelLink, position);
        return new Receipt(regId, RegistrationStatus.WAITING, position);
    }

    /** The registration a cancel link stands for. */
    @Transactional(readOnly = true)
    Optional<Registration> byToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return registrationsWhere("r.token_hash = :h", Map.of("h", PublicComments.sha256(token))).stream().findFirst();
    }

    /** Cancels through the link in the receipt mail; false when it is no longer possible. */
    @Transactional
    boolean cancelByToken(String token) {
        Optional<Registration> r = byToken(token);
        return r.isPresent() && cancelRegistration(r.get());
    }

    /** A signed-in person cancels their own registration from the workshop's page. */
    @Transactional
    boolean cancelMine(long id, long accountId) {
        Optional<Registration> r = mine(id, accountId);
        return r.isPresent() && cancelRegistration(r.get());
    }

    @Transactional(readOnly = true)
    Optional<Registration> mine(long id, long accountId) {
        return registrationsWhere("r.workshop_id = :w and r.account_id = :a and r.status <> 'CANCELLED'", Map.of("w", id, "a", accountId))
                .stream().findFirst();
    }

    private boolean cancelRegistration(Registration r) {
        jdbc.sql("select id from ws_workshop where id = :id for update").param("id", r.workshopId()).query(Long.class).single();
        Workshop w = published(r.workshopId());
        String status = jdbc.sql("select status from ws_registration where id = :id").param("id", r.id()).query(String.class).single();
        if (status.equals("CANCELLED") || w.over() || w.phase() == Phase.CANCELLED) {
            return false;
        }
        Instant now = clock.instant();
        jdbc.sql("update ws_registration set status = 'CANCELLED', cancelled_at = :now where id = :id")
                .param("now", Timestamp.from(now)).param("id", r.id()).update();
        mail.send(r.email(), "wsCancelReceipt", Locale.JAPANESE, w.title(), r.name(), w.when());
        if (status.equals("CONFIRMED")) {
            moveUp(w, now);
        }
        return true;
    }

    /** The first person waiting gets the place freed and is e-mailed (with a new cancel link: only its hash is kept). */
    private void moveUp(Workshop w, Instant now) {
        Optional<Registration> first = registrationsWhere("r.workshop_id = :w and r.status = 'WAITING'", Map.of("w", w.id())).stream().findFirst();
        if (first.isEmpty()) {
            return;
        }
        Registration r = first.get();
        String token = token();
        jdbc.sql("update ws_registration set status = 'CONFIRMED', moved_up_at = :now, token_hash = :t where id = :id")
                .param("now", Timestamp.from(now)).param("t", PublicComments.sha256(token)).param("id", r.id()).update();
        mail.send(r.email(), "wsMovedUp", Locale.JAPANESE, w.title(), r.name(), w.when(), w.place(),
                links.link("/participation/workshops/cancel/" + token));
        audit.record("workshop.movedUp", "ws_registration", r.id(), w.title());
    }

    // Published in the transaction of the change, so that the index follows only what was committed.
    private void index(long id) {
        events.publishEvent(new jp.kyodo.search.SearchDocumentChanged(WorkshopSearchSource.document(published(id))));
    }

    @Transactional(readOnly = true)
    List<Workshop> publicList() {
        return workshops("where status <> 'DRAFT' order by held_on, starts_at", Map.of());
    }

    @Transactional(readOnly = true)
    Workshop published(long id) {
        return workshops("where id = :id and status <> 'DRAFT'", Map.of("id", id)).stream().findFirst().orElseThrow(PublicComments::notFound);
    }

    @Transactional(readOnly = true)
    List<ParticipationFiles.File> files(long id) {
        return files.list(FILE_OWNER, id);
    }

    /** A file for the public: only once the outputs are published. */
    @Transactional(readOnly = true)
    Optional<ParticipationFiles.File> publicFile(long id, long fileId) {
        Workshop w = published(id);
        return w.phase() == Phase.RECORDS ? files.load(FILE_OWNER, id, fileId) : Optional.empty();
    }

    @Transactional(readOnly = true)
    Optional<ParticipationFiles.File> staffFile(long id, Long departmentId, boolean administrator, long fileId) {
        forDepartment(id, departmentId, administrator);
        return files.load(FILE_OWNER, id, fileId);
    }

    // ---- The department's views ----

    @Transactional(readOnly = true)
    List<Workshop> forDepartment(Long departmentId, boolean administrator) {
        return administrator ? workshops("order by held_on desc, id desc", Map.of())
                : workshops("where department_id = :d order by held_on desc, id desc", Map.of("d", departmentId == null ? -1L : departmentId));
    }

    @Transactional(readOnly = true)
    Workshop forDepartment(long id, Long departmentId, boolean administrator) {
        Workshop w = workshops("where id = :id", Map.of("id", id)).stream().findFirst().orElseThrow(PublicComments::notFound);
        if (!administrator && (departmentId == null || w.departmentId() != departmentId)) {
            throw PublicComments.notFound();
        }
        return w;
    }

    /** Every registration (places in order, then the waiting list in order, then cancellations), for the department. */
    @Transactional(readOnly = true)
    List<Registration> registrations(long id) {
        return registrationsWhere("r.workshop_id = :w", Map.of("w", id));
    }

    // ---- Helpers ----

    private Workshop lockForDepartment(long id, Long departmentId, boolean administrator) {
        jdbc.sql("select id from ws_workshop where id = :id for update").param("id", id).query(Long.class).optional()
                .orElseThrow(PublicComments::notFound);
        return forDepartment(id, departmentId, administrator);
    }

    private static void requireVersion(Workshop w, long version) {
        if (w.version() != version) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
    }

    private int position(long workshopId, long registrationId) {
        return jdbc.sql("select count(*) from ws_registration where workshop_id = :w and status = 'WAITING' and id <= :id")
                .param("w", workshopId).param("id", registrationId).query(Integer.class).single();
    }

    private List<Registration> registrationsWhere(String where, Map<String, Object> params) {
        var spec = jdbc.sql("""
                select r.*, case when r.status = 'WAITING' then (select count(*) from ws_registration x
                    where x.workshop_id = r.workshop_id and x.status = 'WAITING' and x.id <= r.id) else 0 end as position
                from ws_registration r""" + " where " + where
                + " order by case r.status when 'CONFIRMED' then 0 when 'WAITING' then 1 else 2 end, r.id");
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec.query((rs, i) -> new Registration(rs.getLong("id"), rs.getLong("workshop_id"), rs.getString("name"), rs.getString("email"),
                rs.getString("phone"), (Long) rs.getObject("account_id"), RegistrationStatus.valueOf(rs.getString("status")),
                (Boolean) rs.getObject("attended"), rs.getTimestamp("created_at").toInstant(), rs.getInt("position"))).list();
    }

    private List<Workshop> workshops(String where, Map<String, Object> params) {
        var spec = jdbc.sql("""
                select w.*, (select count(*) from ws_registration r where r.workshop_id = w.id and r.status = 'CONFIRMED') as confirmed,
                    (select count(*) from ws_registration r where r.workshop_id = w.id and r.status = 'WAITING') as waiting
                from ws_workshop w""" + " " + where);
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), city.zone());
        LocalDate today = now.toLocalDate();
        return spec.query((rs, i) -> {
            Status status = Status.valueOf(rs.getString("status"));
            LocalDate held = rs.getDate("held_on").toLocalDate();
            LocalTime starts = rs.getTime("starts_at").toLocalTime();
            LocalTime ends = rs.getTime("ends_at").toLocalTime();
            LocalDate opens = rs.getDate("registration_opens_on") == null ? null : rs.getDate("registration_opens_on").toLocalDate();
            LocalDate closes = rs.getDate("registration_closes_on").toLocalDate();
            Instant outputs = rs.getTimestamp("outputs_published_at") == null ? null : rs.getTimestamp("outputs_published_at").toInstant();
            int capacity = rs.getInt("capacity");
            int confirmed = rs.getInt("confirmed");
            int waiting = rs.getInt("waiting");
            Phase phase;
            if (status == Status.DRAFT) {
                phase = Phase.DRAFT;
            } else if (status == Status.CANCELLED) {
                phase = Phase.CANCELLED;
            } else if (outputs != null) {
                phase = Phase.RECORDS;
            } else if (now.isAfter(held.atTime(ends))) {
                phase = Phase.ENDED;
            } else if (today.isAfter(closes) || !now.isBefore(held.atTime(starts))) {
                // Registration and cancellation stop when the deadline passes or the event begins, whichever is first.
                phase = Phase.CLOSED;
            } else if (opens != null && today.isBefore(opens)) {
                phase = Phase.UPCOMING;
            } else {
                phase = confirmed < capacity && waiting == 0 ? Phase.OPEN : Phase.WAITLIST;
            }
            long departmentId = rs.getLong("department_id");
            return new Workshop(rs.getLong("id"), departmentId, accounts.department(departmentId).map(DepartmentView::name).orElse(""),
                    rs.getString("title"), rs.getString("theme"), held, starts, ends, rs.getString("place"), capacity, rs.getString("target"),
                    opens, closes, rs.getString("notes"), status, rs.getString("cancel_reason"), rs.getString("record_text"),
                    rs.getString("city_response"), outputs, rs.getLong("version"), confirmed, waiting, phase);
        }).list();
    }

    private static LocalTime time(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(field, "validation.required");
        }
        String s = TextNormalizer.normalizeWidth(raw).strip().replace('：', ':').replace("時", ":").replace("分", "");
        if (s.endsWith(":")) {
            s = s + "00";
        }
        if (!s.matches("([01]?[0-9]|2[0-3]):[0-5][0-9]")) {
            throw new InvalidInputException(field, "validation.ws.time");
        }
        String[] parts = s.split(":");
        return LocalTime.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
