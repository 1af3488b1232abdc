package jp.kyodo.training;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.accounts.DepartmentView;
import jp.kyodo.accounts.PortalUrls;
import jp.kyodo.accounts.Role;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.documents.PdfDocuments;
import jp.kyodo.groups.Groups;
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
 * 講座・講習会: a department publishes a course (a series of sessions); signed-in people register for the whole series
 * and go on a waiting list when it is full; a cancellation moves the first waiting person up in the same transaction.
 * The department records attendance per session; those who attended enough sessions get a completion certificate, and
 * everyone who took part may answer a short feedback survey once.
 */
@Service
class Courses {

    /** How many session rows the course form offers. */
    static final int MAX_SESSIONS = 8;

    enum Status { DRAFT, PUBLISHED }

    /** Who the course is for; STAFF courses (職員研修) accept only city staff. */
    enum Target { RESIDENTS, GROUPS, STAFF }

    /** Where a course stands for the public. */
    enum Phase { DRAFT, UPCOMING, OPEN, WAITLIST, CLOSED, ENDED }

    enum RegistrationStatus { CONFIRMED, WAITING, CANCELLED }

    private final JdbcClient jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Accounts accounts;
    private final Groups groups;
    private final MailOutbox mail;
    private final AuditLog audit;
    private final Clock clock;
    private final CityProfile city;
    private final PortalUrls links;
    private final PdfDocuments pdf;
    private final BigDecimal completionRatio;
    private final int cancelDaysBefore;

    Courses(JdbcClient jdbc, Accounts accounts, Groups groups, MailOutbox mail, AuditLog audit, Clock clock, CityProfile city, PortalUrls links,
            PdfDocuments pdf, @Value("${kyodo.training.completion-ratio:0.8}") BigDecimal completionRatio,
            @Value("${kyodo.training.cancel-days-before:3}") int cancelDaysBefore,
            org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.accounts = accounts;
        this.groups = groups;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
        this.city = city;
        this.links = links;
        this.pdf = pdf;
        this.completionRatio = completionRatio;
        this.cancelDaysBefore = cancelDaysBefore;
    }

    record Session(long id, int number, LocalDate heldOn, LocalTime startsAt, LocalTime endsAt, String topic) {

        /** E.g. "令和8年(2026年)7月4日(土) 13:30〜15:30". */
        public String when() {
            return JapaneseDates.format(heldOn) + "(" + heldOn.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.JAPANESE) + ") "
                    + startsAt + "〜" + endsAt;
        }
    }

    record Course(long id, long departmentId, String departmentName, String title, String description, String lecturer, String place,
                  Target target, int capacity, int fee, LocalDate opensOn, LocalDate closesOn, LocalDate cancelDeadline, Status status,
                  long version, int confirmed, int waiting, List<Session> sessions, Phase phase, int requiredSessions) {

        public LocalDate firstDay() {
            return sessions.getFirst().heldOn();
        }

        public LocalDate lastDay() {
            return sessions.getLast().heldOn();
        }

        public int remaining() {
            return Math.max(0, capacity - confirmed);
        }

        /** Whether people may register now (a place or the waiting list). */
        public boolean registering() {
            return phase == Phase.OPEN || phase == Phase.WAITLIST;
        }

        /** Whether the last session is over, so that the survey is open. */
        public boolean over() {
            return phase == Phase.ENDED;
        }
    }

    /** A registration as the department and the person see it. */
    record Registration(long id, long courseId, Long accountId, String name, String email, Long groupId, String groupName,
                        RegistrationStatus status, Instant createdAt, Instant promotedAt, int position, int attended, boolean answered) {
    }

    /** What a registration gave: a place, or a position on the waiting list. */
    record Receipt(long registrationId, RegistrationStatus status, int position) {
    }

    /** A registration of the person with its course, for "わたしの講座". */
    record MyCourse(Registration registration, Course course, boolean completed, boolean mayCancel, boolean mayAnswer) {
    }

    /** The survey's results for staff: counts of each answer 1..5, averages and the comments without names. */
    record SurveyResults(int answers, int[] satisfaction, int[] usefulness, double satisfactionAverage, double usefulnessAverage,
                         List<String> comments) {
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(city.zone()));
    }

    /** Sessions needed for completion: the configured share of all sessions, rounded up (0.8 of 5 is 4). */
    int requiredSessions(int sessions) {
        return completionRatio.multiply(BigDecimal.valueOf(sessions)).setScale(0, RoundingMode.CEILING).intValueExact();
    }

    /** The last day a confirmed registrant may cancel: the course's own date, else a number of days before it starts. */
    LocalDate cancelDeadline(Course c) {
        return c.cancelDeadline() != null ? c.cancelDeadline() : c.firstDay().minusDays(cancelDaysBefore);
    }

    // ---- The department ----

    @Transactional
    long create(Actor staff, long departmentId, Map<String, String> form) {
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String title = checks.check(() -> Inputs.required("title", form.get("title"), 200));
        String description = checks.check(() -> Inputs.required("description", form.get("description"), 4000));
        String lecturer = checks.check(() -> Inputs.required("lecturer", form.get("lecturer"), 200));
        String place = checks.check(() -> Inputs.required("place", form.get("place"), 300));
        Target target = checks.check(() -> {
            try {
                return Target.valueOf(String.valueOf(form.get("target")));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("target", "validation.course.target");
            }
        });
        Integer capacity = checks.check(() -> {
            Integer c = Inputs.integer("capacity", form.get("capacity"), 1, 10_000);
            if (c == null) {
                throw new InvalidInputException("capacity", "validation.required");
            }
            return c;
        });
        Integer fee = checks.check(() -> {
            Long yen = Inputs.yen("fee", form.get("fee"));
            if (yen != null && (yen < 0 || yen > 1_000_000)) {
                throw new InvalidInputException("fee", "validation.range", 0, 1_000_000);
            }
            return yen == null ? 0 : yen.intValue();
        });
        LocalDate opens = checks.check(() -> Inputs.date("opensOn", form.get("opensOn")));
        LocalDate closes = checks.check(() -> Inputs.requiredDate("closesOn", form.get("closesOn")));
        LocalDate cancelBy = checks.check(() -> Inputs.date("cancelDeadline", form.get("cancelDeadline")));
        List<SessionInput> sessions = new ArrayList<>();
        for (int n = 1; n <= MAX_SESSIONS; n++) {
            String p = "session" + n;
            String rawDate = form.get(p + "Date");
            String rawStarts = form.get(p + "Starts");
            String rawEnds = form.get(p + "Ends");
            String rawTopic = form.get(p + "Topic");
            if (blank(rawDate) && blank(rawStarts) && blank(rawEnds) && blank(rawTopic)) {
                continue;
            }
            LocalDate date = checks.check(() -> Inputs.requiredDate(p + "Date", rawDate));
            LocalTime starts = checks.check(() -> time(p + "Starts", rawStarts));
            LocalTime ends = checks.check(() -> time(p + "Ends", rawEnds));
            String topic = checks.check(() -> Inputs.optional(p + "Topic", rawTopic, 200));
            if (starts != null && ends != null && !ends.isAfter(starts)) {
                checks.check(() -> {
                    throw new InvalidInputException(p + "Ends", "validation.course.endsBeforeStarts");
                });
            }
            if (date != null && date.isBefore(today())) {
                checks.check(() -> {
                    throw new InvalidInputException(p + "Date", "validation.course.past");
                });
            }
            sessions.add(new SessionInput(date, starts, ends, topic));
        }
        if (sessions.isEmpty()) {
            checks.check(() -> {
                throw new InvalidInputException("session1Date", "validation.course.noSessions");
            });
        }
        LocalDate first = sessions.stream().map(SessionInput::date).filter(d -> d != null).min(Comparator.naturalOrder()).orElse(null);
        if (first != null && closes != null && closes.isAfter(first)) {
            checks.check(() -> {
                throw new InvalidInputException("closesOn", "validation.course.closesAfterStart");
            });
        }
        if (opens != null && closes != null && opens.isAfter(closes)) {
            checks.check(() -> {
                throw new InvalidInputException("opensOn", "validation.course.opensAfterCloses");
            });
        }
        if (first != null && cancelBy != null && cancelBy.isAfter(first)) {
            checks.check(() -> {
                throw new InvalidInputException("cancelDeadline", "validation.course.cancelAfterStart");
            });
        }
        checks.throwIfAny();
        Timestamp now = Timestamp.from(clock.instant());
        long id = jdbc.sql("""
                        insert into training_course (department_id, title, description, lecturer, place, target, capacity, fee,
                            application_opens_on, application_closes_on, cancel_deadline, status, created_by, created_at, updated_at)
                        values (:d, :title, :desc, :lecturer, :place, :target, :cap, :fee, :opens, :closes, :cancel, 'DRAFT', :by, :now, :now)
                        returning id""")
                .param("d", departmentId).param("title", title).param("desc", description).param("lecturer", lecturer).param("place", place)
                .param("target", target.name()).param("cap", capacity).param("fee", fee).param("opens", opens).param("closes", closes)
                .param("cancel", cancelBy).param("by", staff.accountId()).param("now", now).query(Long.class).single();
        sessions.sort(Comparator.comparing(SessionInput::date).thenComparing(SessionInput::starts));
        for (int i = 0; i < sessions.size(); i++) {
            SessionInput s = sessions.get(i);
            jdbc.sql("""
                            insert into training_session (course_id, number, held_on, starts_at, ends_at, topic)
                            values (:c, :n, :d, :s, :e, :t)""")
                    .param("c", id).param("n", i + 1).param("d", s.date()).param("s", Time.valueOf(s.starts())).param("e", Time.valueOf(s.ends()))
                    .param("t", s.topic()).update();
        }
        audit.record(staff, "course.create", "training_course", id, title);
        return id;
    }

    private record SessionInput(LocalDate date, LocalTime starts, LocalTime ends, String topic) {
    }

    @Transactional
    void publish(long id, Actor staff, Long departmentId, boolean administrator, long version) {
        Course c = lockForDepartment(id, departmentId, administrator);
        requireVersion(c, version);
        if (c.status() != Status.DRAFT) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
        jdbc.sql("update training_course set status = 'PUBLISHED', updated_at = :now, version = version + 1 where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        audit.record(staff, "course.publish", "training_course", id, c.title());
        // Published in the transaction of the change, so that the index follows only what was committed.
        events.publishEvent(new jp.kyodo.search.SearchDocumentChanged(CourseSearchSource.document(published(id))));
    }

    /** Records who attended one session (replacing what was recorded before); only confirmed registrants count. */
    @Transactional
    void attendance(long id, long sessionId, Actor staff, Long departmentId, boolean administrator, Set<Long> present) {
        Course c = lockForDepartment(id, departmentId, administrator);
        Session s = c.sessions().stream().filter(x -> x.id() == sessionId).findFirst().orElseThrow(Courses::notFound);
        if (s.heldOn().isAfter(today())) {
            throw new InvalidInputException("attended", "validation.course.sessionNotHeld");
        }
        jdbc.sql("delete from training_attendance where session_id = :s").param("s", sessionId).update();
        int count = 0;
        for (Registration r : registrations(id)) {
            if (r.status() == RegistrationStatus.CONFIRMED && present.contains(r.id())) {
                jdbc.sql("insert into training_attendance (session_id, registration_id) values (:s, :r)")
                        .param("s", sessionId).param("r", r.id()).update();
                count++;
            }
        }
        audit.record(staff, "course.attendance", "training_course", id, "第" + s.number() + "回 " + count + "人");
    }

    /** The department cancels someone's registration (e.g. on request by telephone); the first waiting person moves up. */
    @Transactional
    void cancelByStaff(long id, long registrationId, Actor staff, Long departmentId, boolean administrator) {
        Course c = lockForDepartment(id, departmentId, administrator);
        Registration r = registration(registrationId).filter(x -> x.courseId() == id).orElseThrow(Courses::notFound);
        if (r.status() == RegistrationStatus.CANCELLED || c.over()) {
            throw new InvalidInputException("registration", "validation.course.notCancellable");
        }
        cancel(c, r, true);
        audit.record(staff, "course.registration.cancel", "training_course", id, r.name() + "(" + r.status() + ")");
    }

    @Transactional(readOnly = true)
    List<Course> forDepartment(Long departmentId, boolean administrator) {
        return administrator ? courses("order by c.id desc", Map.of())
                : courses("where c.department_id = :d order by c.id desc", Map.of("d", departmentId == null ? -1L : departmentId));
    }

    @Transactional(readOnly = true)
    Course forDepartment(long id, Long departmentId, boolean administrator) {
        Course c = courses("where c.id = :id", Map.of("id", id)).stream().findFirst().orElseThrow(Courses::notFound);
        if (!administrator && (departmentId == null || c.departmentId() != departmentId)) {
            throw notFound();
        }
        return c;
    }

    /** Every registration: places in order, then the waiting list in order, then cancellations. */
    @Transactional(readOnly = true)
    List<Registration> registrations(long id) {
        return registrationsWhere("r.course_id = :c", Map.of("c", id));
    }

    /** Registration ids present at each session, by session id. */
    @Transactional(readOnly = true)
    Map<Long, Set<Long>> attendance(long id) {
        Map<Long, Set<Long>> present = new HashMap<>();
        jdbc.sql("""
                        select a.session_id, a.registration_id from training_attendance a join training_session s on s.id = a.session_id
                        where s.course_id = :c""")
                .param("c", id).query(rs -> {
                    present.computeIfAbsent(rs.getLong(1), k -> new java.util.HashSet<>()).add(rs.getLong(2));
                });
        return present;
    }

    @Transactional(readOnly = true)
    SurveyResults survey(long id) {
        int[] satisfaction = new int[5];
        int[] usefulness = new int[5];
        List<String> comments = new ArrayList<>();
        int[] total = new int[1];
        jdbc.sql("""
                        select f.satisfaction, f.usefulness, f.comment from training_feedback f
                        join training_registration r on r.id = f.registration_id where r.course_id = :c order by f.answered_at, f.registration_id""")
                .param("c", id).query(rs -> {
                    satisfaction[rs.getInt(1) - 1]++;
                    usefulness[rs.getInt(2) - 1]++;
                    total[0]++;
                    String comment = rs.getString(3);
                    if (comment != null && !comment.isBlank()) {
                        comments.add(comment);
                    }
                });
        return new SurveyResults(total[0], satisfaction, usefulness, average(satisfaction), average(usefulness), comments);
    }

    private static double average(int[] counts) {
        int n = 0;
        int sum = 0;
        for (int i = 0; i < counts.length; i++) {
            n += counts[i];
            sum += counts[i] * (i + 1);
        }
        return n == 0 ? 0 : Math.round(sum * 10.0 / n) / 10.0;
    }

    // ---- The public and the registrant ----

    @Transactional(readOnly = true)
    List<Course> publicList() {
        return courses("where c.status = 'PUBLISHED' order by c.id", Map.of()).stream()
                .sorted(Comparator.comparing(Course::firstDay)).toList();
    }

    @Transactional(readOnly = true)
    Course published(long id) {
        return courses("where c.id = :id and c.status = 'PUBLISHED'", Map.of("id", id)).stream().findFirst().orElseThrow(Courses::notFound);
    }

    /** The groups a person may register on behalf of (for courses aimed at groups). */
    @Transactional(readOnly = true)
    List<Groups.GroupProfile> groupsOf(long accountId) {
        return groups.managedBy(accountId);
    }

    /**
     * Registers a signed-in person for the whole series: a place while any is left, else the waiting list. The course
     * row is locked for the transaction, so however many register at the same moment the capacity is never exceeded
     * and the waiting list keeps the order in which they came.
     */
    @Transactional
    Receipt register(long id, SignedInUser user, String rawGroupId) {
        jdbc.sql("select id from training_course where id = :id and status = 'PUBLISHED' for update").param("id", id).query(Long.class)
                .optional().orElseThrow(Courses::notFound);
        Course c = published(id);
        if (c.phase() == Phase.UPCOMING) {
            throw new InvalidInputException("register", "validation.course.notYetOpen");
        }
        if (!c.registering()) {
            throw new InvalidInputException("register", "validation.course.closed");
        }
        if (c.target() == Target.STAFF && !user.has(Role.STAFF)) {
            throw new InvalidInputException("register", "validation.course.staffOnly");
        }
        if (mine(id, user.accountId()).isPresent()) {
            throw new InvalidInputException("register", "validation.course.duplicate");
        }
        Long groupId = null;
        String groupName = null;
        if (c.target() == Target.GROUPS && !blank(rawGroupId)) {
            Groups.GroupProfile g = groups.managedBy(user.accountId()).stream().filter(x -> String.valueOf(x.id()).equals(rawGroupId.strip()))
                    .findFirst().orElseThrow(() -> new InvalidInputException("groupId", "validation.course.group"));
            groupId = g.id();
            groupName = g.name();
        }
        boolean place = c.confirmed() < c.capacity() && c.waiting() == 0;
        long regId = jdbc.sql("""
                        insert into training_registration (course_id, account_id, name, email, group_id, group_name, status, created_at)
                        values (:c, :a, :n, :e, :g, :gn, :s, :now) returning id""")
                .param("c", id).param("a", user.accountId()).param("n", user.displayName()).param("e", user.email()).param("g", groupId)
                .param("gn", groupName).param("s", place ? "CONFIRMED" : "WAITING").param("now", Timestamp.from(clock.instant()))
                .query(Long.class).single();
        String myCourses = links.link("/my/courses");
        String first = c.sessions().getFirst().when();
        if (place) {
            mail.send(user.email(), "courseReceipt", Locale.JAPANESE, c.title(), user.displayName(), first, c.place(), myCourses,
                    JapaneseDates.format(cancelDeadline(c)));
            return new Receipt(regId, RegistrationStatus.CONFIRMED, 0);
        }
        int position = position(id, regId);
        mail.send(user.email(), "courseWaiting", Locale.JAPANESE, c.title(), user.displayName(), first, c.place(), myCourses, position);
        return new Receipt(regId, RegistrationStatus.WAITING, position);
    }

    /** The person cancels their own registration: a place until the cancellation deadline, the waiting list until the end. */
    @Transactional
    void cancelMine(long registrationId, long accountId) {
        Registration r = registration(registrationId).filter(x -> x.accountId() != null && x.accountId() == accountId)
                .orElseThrow(Courses::notFound);
        jdbc.sql("select id from training_course where id = :id for update").param("id", r.courseId()).query(Long.class).single();
        Course c = published(r.courseId());
        Registration current = registration(registrationId).orElseThrow();
        if (current.status() == RegistrationStatus.CANCELLED || c.over()) {
            throw new InvalidInputException("cancel", "validation.course.notCancellable");
        }
        if (current.status() == RegistrationStatus.CONFIRMED && today().isAfter(cancelDeadline(c))) {
            throw new InvalidInputException("cancel", "validation.course.cancelDeadline", JapaneseDates.format(cancelDeadline(c)));
        }
        cancel(c, current, false);
    }

    /** Cancels (the course row is locked by the caller) and, when a place was freed, moves the first waiting person up. */
    private void cancel(Course c, Registration r, boolean byStaff) {
        Instant now = clock.instant();
        jdbc.sql("update training_registration set status = 'CANCELLED', cancelled_at = :now, cancelled_by_staff = :staff where id = :id")
                .param("now", Timestamp.from(now)).param("staff", byStaff).param("id", r.id()).update();
        mail.send(r.email(), byStaff ? "courseCancelledByStaff" : "courseCancelReceipt", Locale.JAPANESE, c.title(), r.name());
        if (r.status() == RegistrationStatus.CONFIRMED) {
            promote(c, now);
        }
    }

    private void promote(Course c, Instant now) {
        Optional<Registration> first = registrationsWhere("r.course_id = :c and r.status = 'WAITING'", Map.of("c", c.id())).stream().findFirst();
        if (first.isEmpty()) {
            return;
        }
        Registration r = first.get();
        jdbc.sql("update training_registration set status = 'CONFIRMED', promoted_at = :now where id = :id")
                .param("now", Timestamp.from(now)).param("id", r.id()).update();
        mail.send(r.email(), "coursePromoted", Locale.JAPANESE, c.title(), r.name(), c.sessions().getFirst().when(), c.place(),
                links.link("/my/courses"));
        audit.record("course.promoted", "training_registration", r.id(), c.title());
    }

    @Transactional(readOnly = true)
    Optional<Registration> mine(long courseId, long accountId) {
        return registrationsWhere("r.course_id = :c and r.account_id = :a and r.status <> 'CANCELLED'", Map.of("c", courseId, "a", accountId))
                .stream().findFirst();
    }

    /** "わたしの講座": every live registration of the person, and the cancelled ones of courses not yet over. */
    @Transactional(readOnly = true)
    List<MyCourse> myCourses(long accountId) {
        List<MyCourse> result = new ArrayList<>();
        LocalDate today = today();
        for (Registration r : registrationsWhere("r.account_id = :a", Map.of("a", accountId))) {
            Course c = courses("where c.id = :id", Map.of("id", r.courseId())).getFirst();
            if (r.status() == RegistrationStatus.CANCELLED && c.over()) {
                continue;
            }
            boolean live = r.status() != RegistrationStatus.CANCELLED && !c.over();
            boolean mayCancel = live && (r.status() == RegistrationStatus.WAITING || !today.isAfter(cancelDeadline(c)));
            boolean mayAnswer = c.over() && r.status() == RegistrationStatus.CONFIRMED && !r.answered();
            result.add(new MyCourse(r, c, completed(c, r), mayCancel, mayAnswer));
        }
        result.sort(Comparator.comparing((MyCourse m) -> m.course().firstDay()).reversed());
        return result;
    }

    boolean completed(Course c, Registration r) {
        return r.status() == RegistrationStatus.CONFIRMED && r.attended() >= c.requiredSessions();
    }

    /** The person answers the survey once, after the last session. */
    @Transactional
    void answer(long registrationId, long accountId, Map<String, String> form) {
        Registration r = registration(registrationId).filter(x -> x.accountId() != null && x.accountId() == accountId)
                .orElseThrow(Courses::notFound);
        Course c = published(r.courseId());
        if (!c.over() || r.status() != RegistrationStatus.CONFIRMED) {
            throw new InvalidInputException("survey", "validation.course.surveyClosed");
        }
        if (r.answered()) {
            throw new InvalidInputException("survey", "validation.course.surveyDone");
        }
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        Integer satisfaction = checks.check(() -> score("satisfaction", form.get("satisfaction")));
        Integer usefulness = checks.check(() -> score("usefulness", form.get("usefulness")));
        String comment = checks.check(() -> Inputs.optional("comment", form.get("comment"), 2000));
        checks.throwIfAny();
        int inserted = jdbc.sql("""
                        insert into training_feedback (registration_id, satisfaction, usefulness, comment, answered_at)
                        values (:r, :s, :u, :c, :now) on conflict (registration_id) do nothing""")
                .param("r", registrationId).param("s", satisfaction).param("u", usefulness).param("c", comment)
                .param("now", Timestamp.from(clock.instant())).update();
        if (inserted == 0) {
            throw new InvalidInputException("survey", "validation.course.surveyDone");
        }
    }

    /** A registration of the person, with its course, for the survey page; 404 for anyone else's. */
    @Transactional(readOnly = true)
    MyCourse myRegistration(long registrationId, long accountId) {
        return myCourses(accountId).stream().filter(m -> m.registration().id() == registrationId).findFirst().orElseThrow(Courses::notFound);
    }

    /** The certificate's data for the person's own registration, only once completed. */
    @Transactional(readOnly = true)
    Certificate certificateFor(long registrationId, long accountId) {
        Registration r = registration(registrationId).filter(x -> x.accountId() != null && x.accountId() == accountId)
                .orElseThrow(Courses::notFound);
        return certificate(r);
    }

    /** The certificate's data for staff of the course's department. */
    @Transactional(readOnly = true)
    Certificate certificateForStaff(long id, long registrationId, Long departmentId, boolean administrator) {
        forDepartment(id, departmentId, administrator);
        Registration r = registration(registrationId).filter(x -> x.courseId() == id).orElseThrow(Courses::notFound);
        return certificate(r);
    }

    /** What a completion certificate (修了証) says. */
    record Certificate(String number, String name, String courseTitle, LocalDate firstDay, LocalDate lastDay, int sessions, int attended,
                       String departmentName, LocalDate issuedOn) {

        /** E.g. "令和8年7月4日 〜 令和8年8月1日", as certificates write dates (和暦). */
        public String period() {
            return JapaneseDates.formatWareki(firstDay) + " 〜 " + JapaneseDates.formatWareki(lastDay);
        }

        public String issued() {
            return JapaneseDates.formatWareki(issuedOn);
        }
    }

    /** The certificate as a PDF, in Japanese. */
    byte[] certificatePdf(Certificate certificate) {
        return pdf.render("training/pdf/certificate", Map.of("certificate", certificate), Locale.JAPANESE);
    }

    private Certificate certificate(Registration r) {
        Course c = courses("where c.id = :id", Map.of("id", r.courseId())).getFirst();
        if (c.status() != Status.PUBLISHED || !completed(c, r)) {
            throw notFound();
        }
        // The year the course ended, the course and the registration: unique, and the same whenever it is printed again.
        String number = c.lastDay().getYear() + "-" + String.format("%03d", c.id()) + "-" + String.format("%05d", r.id());
        return new Certificate(number, r.name(), c.title(), c.firstDay(), c.lastDay(), c.sessions().size(), r.attended(), c.departmentName(),
                today().isBefore(c.lastDay()) ? c.lastDay() : today());
    }

    // ---- Helpers ----

    private Course lockForDepartment(long id, Long departmentId, boolean administrator) {
        jdbc.sql("select id from training_course where id = :id for update").param("id", id).query(Long.class).optional()
                .orElseThrow(Courses::notFound);
        return forDepartment(id, departmentId, administrator);
    }

    private static void requireVersion(Course c, long version) {
        if (c.version() != version) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
    }

    private int position(long courseId, long registrationId) {
        return jdbc.sql("select count(*) from training_registration where course_id = :c and status = 'WAITING' and id <= :id")
                .param("c", courseId).param("id", registrationId).query(Integer.class).single();
    }

    private Optional<Registration> registration(long id) {
        return registrationsWhere("r.id = :id", Map.of("id", id)).stream().findFirst();
    }

    private List<Registration> registrationsWhere(String where, Map<String, Object> params) {
        var spec = jdbc.sql("""
                select r.*, case when r.status = 'WAITING' then (select count(*) from training_registration x
                    where x.course_id = r.course_id and x.status = 'WAITING' and x.id <= r.id) else 0 end as position,
                    (select count(*) from training_attendance a where a.registration_id = r.id) as attended,
                    exists (select 1 from training_feedback f where f.registration_id = r.id) as answered
                from training_registration r""" + " where " + where
                + " order by case r.status when 'CONFIRMED' then 0 when 'WAITING' then 1 else 2 end, r.id");
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec.query((rs, i) -> new Registration(rs.getLong("id"), rs.getLong("course_id"), (Long) rs.getObject("account_id"),
                rs.getString("name"), rs.getString("email"), (Long) rs.getObject("group_id"), rs.getString("group_name"),
                RegistrationStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("promoted_at") == null ? null : rs.getTimestamp("promoted_at").toInstant(), rs.getInt("position"),
                rs.getInt("attended"), rs.getBoolean("answered"))).list();
    }

    private List<Course> courses(String where, Map<String, Object> params) {
        var spec = jdbc.sql("""
                select c.*, (select count(*) from training_registration r where r.course_id = c.id and r.status = 'CONFIRMED') as confirmed,
                    (select count(*) from training_registration r where r.course_id = c.id and r.status = 'WAITING') as waiting
                from training_course c""" + " " + where);
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        List<Course> raw = spec.query((rs, i) -> {
            long departmentId = rs.getLong("department_id");
            return new Course(rs.getLong("id"), departmentId, "", rs.getString("title"), rs.getString("description"), rs.getString("lecturer"),
                    rs.getString("place"), Target.valueOf(rs.getString("target")), rs.getInt("capacity"), rs.getInt("fee"),
                    date(rs.getDate("application_opens_on")), date(rs.getDate("application_closes_on")), date(rs.getDate("cancel_deadline")),
                    Status.valueOf(rs.getString("status")), rs.getLong("version"), rs.getInt("confirmed"), rs.getInt("waiting"), List.of(),
                    Phase.DRAFT, 0);
        }).list();
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), city.zone());
        LocalDate today = now.toLocalDate();
        List<Course> result = new ArrayList<>();
        // The sessions of all the courses found, in one query (not one per course).
        Map<Long, List<Session>> sessionsOf = new HashMap<>();
        if (!raw.isEmpty()) {
            jdbc.sql("select * from training_session where course_id = any(:c) order by course_id, number")
                    .param("c", raw.stream().map(Course::id).toArray(Long[]::new))
                    .query((rs, i) -> sessionsOf.computeIfAbsent(rs.getLong("course_id"), k -> new ArrayList<>())
                            .add(new Session(rs.getLong("id"), rs.getInt("number"), rs.getDate("held_on").toLocalDate(),
                                    rs.getTime("starts_at").toLocalTime(), rs.getTime("ends_at").toLocalTime(), rs.getString("topic"))))
                    .list();
        }
        for (Course c : raw) {
            List<Session> sessions = List.copyOf(sessionsOf.getOrDefault(c.id(), List.of()));
            Session last = sessions.getLast();
            Phase phase;
            if (c.status() == Status.DRAFT) {
                phase = Phase.DRAFT;
            } else if (now.isAfter(last.heldOn().atTime(last.endsAt()))) {
                phase = Phase.ENDED;
            } else if (today.isAfter(c.closesOn())) {
                phase = Phase.CLOSED;
            } else if (c.opensOn() != null && today.isBefore(c.opensOn())) {
                phase = Phase.UPCOMING;
            } else {
                phase = c.confirmed() < c.capacity() && c.waiting() == 0 ? Phase.OPEN : Phase.WAITLIST;
            }
            String department = accounts.department(c.departmentId()).map(DepartmentView::name).orElse("");
            result.add(new Course(c.id(), c.departmentId(), department, c.title(), c.description(), c.lecturer(), c.place(), c.target(),
                    c.capacity(), c.fee(), c.opensOn(), c.closesOn(), c.cancelDeadline(), c.status(), c.version(), c.confirmed(), c.waiting(),
                    sessions, phase, requiredSessions(sessions.size())));
        }
        return result;
    }

    private static LocalDate date(java.sql.Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static Integer score(String field, String raw) {
        if (blank(raw)) {
            throw new InvalidInputException(field, "validation.course.choose");
        }
        Integer v = Inputs.integer(field, raw, 1, 5);
        return v;
    }

    private static LocalTime time(String field, String raw) {
        if (blank(raw)) {
            throw new InvalidInputException(field, "validation.required");
        }
        String s = TextNormalizer.normalizeWidth(raw).strip().replace('：', ':').replace("時", ":").replace("分", "");
        if (s.endsWith(":")) {
            s = s + "00";
        }
        if (!s.matches("([01]?[0-9]|2[0-3]):[0-5][0-9]")) {
            throw new InvalidInputException(field, "validation.course.time");
        }
        String[] parts = s.split(":");
        return LocalTime.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
