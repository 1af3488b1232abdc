package jp.kyodo.support;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.accounts.DepartmentView;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.documents.PdfDocuments;
import jp.kyodo.groups.Groups;
import jp.kyodo.notifications.MailOutbox;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.ClusterJobs;
import jp.kyodo.shared.Inputs;
import jp.kyodo.shared.InvalidInputException;
import jp.kyodo.shared.JapaneseDates;
import jp.kyodo.shared.PhoneNumber;
import jp.kyodo.shared.TextNormalizer;
import jp.kyodo.shared.Yen;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * 後援・共催: an organiser applies at least the set number of days before the event; the department concerned
 * checks the criteria and approves (with conditions) or refuses with reasons, issuing a notice; approval can be
 * withdrawn with a reason; a report is due after the event, with accounts when a fee was charged.
 */
@Service
class Events {

    /** The criteria the department checks (後援等の承認基準). */
    static final List<String> CRITERIA = List.of("publicBenefit", "openToAll", "reasonableFee", "notPolitical", "notReligious",
            "notForProfit", "noAntisocial", "safeVenue", "ableOrganiser");

    private final JdbcClient jdbc;
    private final jp.kyodo.shared.FileStorage files;
    private final Accounts accounts;
    private final Groups groups;
    private final MailOutbox mail;
    private final AuditLog audit;
    private final Clock clock;
    private final CityProfile city;
    private final SupportSettings settings;
    private final PdfDocuments pdf;
    private final ClusterJobs jobs;

    Events(JdbcClient jdbc, jp.kyodo.shared.FileStorage files, Accounts accounts, Groups groups, MailOutbox mail, AuditLog audit, Clock clock, CityProfile city,
           SupportSettings settings, PdfDocuments pdf, ClusterJobs jobs) {
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.files = files;
        this.accounts = accounts;
        this.groups = groups;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
        this.city = city;
        this.settings = settings;
        this.pdf = pdf;
    }

    enum Kind { ENDORSEMENT, COHOSTING }

    /** An application as pages show it. */
    record EventView(long id, Kind kind, long applicantId, Long groupId, String organiserName, String organiserAddress,
                     String organiserRepresentative, String organiserPhone, String organiserEmail, String officers, String eventName,
                     String purpose, LocalDate startsOn, LocalDate endsOn, String venue, String target, Integer expectedParticipants,
                     long fee, String outline, Long budgetIncome, Long budgetExpense, long departmentId, String departmentName,
                     EventStatus status, String checklist, String conditions, String decisionReason, Instant decidedAt, String noticeNumber,
                     LocalDate reportDueOn, String reportText, Integer reportParticipants, Long reportIncome, Long reportExpense,
                     Instant reportSubmittedAt, long version, boolean reportOverdue) {

        public boolean checked(String criterion) {
            return checklist != null && List.of(checklist.split(",")).contains(criterion);
        }
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(city.zone()));
    }

    /** The last day an application for an event starting on {@code startsOn} may arrive. */
    LocalDate deadlineFor(LocalDate startsOn) {
        return startsOn.minusDays(settings.eventDeadlineDays());
    }

    @Transactional
    long apply(Actor actor, EventForm f) {
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        Kind kind = checks.check(() -> {
            try {
                return Kind.valueOf(f.getKind() == null ? "" : f.getKind());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("kind", "validation.required");
            }
        });
        Long groupId = checks.check(() -> {
            if (f.getGroupId() == null || f.getGroupId().isBlank()) {
                return null;
            }
            try {
                long id = Long.parseLong(f.getGroupId());
                if (!groups.manages(id, actor.accountId())) {
                    throw new NumberFormatException();
                }
                return id;
            } catch (NumberFormatException e) {
                throw new InvalidInputException("groupId", "validation.proposal.group");
            }
        });
        String organiser = checks.check(() -> Inputs.required("organiserName", f.getOrganiserName(), 200));
        String address = checks.check(() -> Inputs.required("organiserAddress", f.getOrganiserAddress(), 300));
        String representative = checks.check(() -> Inputs.required("organiserRepresentative", f.getOrganiserRepresentative(), 100));
        String phone = checks.check(() -> {
            if (f.getOrganiserPhone() == null || f.getOrganiserPhone().isBlank()) {
                throw new InvalidInputException("organiserPhone", "validation.required");
            }
            try {
                return PhoneNumber.parse(f.getOrganiserPhone()).display();
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("organiserPhone", "validation.phone");
            }
        });
        String email = checks.check(() -> {
            String e = Inputs.optional("organiserEmail", f.getOrganiserEmail(), 254);
            if (e != null && !jp.kyodo.shared.Inputs.isEmailAddress(TextNormalizer.emailAddress(e))) {
                throw new InvalidInputException("organiserEmail", "validation.email");
            }
            return e == null ? null : TextNormalizer.emailAddress(e);
        });
        String officers = checks.check(() -> Inputs.optional("officers", f.getOfficers(), 2000));
        String eventName = checks.check(() -> Inputs.required("eventName", f.getEventName(), 200));
        String purpose = checks.check(() -> Inputs.required("purpose", f.getPurpose(), 4000));
        LocalDate starts = checks.check(() -> Inputs.requiredDate("startsOn", f.getStartsOn()));
        LocalDate ends = checks.check(() -> Inputs.requiredDate("endsOn", f.getEndsOn()));
        String venue = checks.check(() -> Inputs.required("venue", f.getVenue(), 300));
        String target = checks.check(() -> Inputs.optional("target", f.getTarget(), 300));
        Integer participants = checks.check(() -> Inputs.integer("expectedParticipants", f.getExpectedParticipants(), 1, 1_000_000));
        Long fee = checks.check(() -> Inputs.yen("fee", f.getFee()));
        String outline = checks.check(() -> Inputs.required("outline", f.getOutline(), 4000));
        Long income = checks.check(() -> Inputs.yen("budgetIncome", f.getBudgetIncome()));
        Long expense = checks.check(() -> Inputs.yen("budgetExpense", f.getBudgetExpense()));
        DepartmentView department = checks.check(() -> {
            try {
                return accounts.department(Long.parseLong(f.getDepartmentId() == null ? "" : f.getDepartmentId()))
                        .filter(DepartmentView::active).orElseThrow(NumberFormatException::new);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("departmentId", "validation.required");
            }
        });
        if (starts != null && ends != null && ends.isBefore(starts)) {
            checks.check(() -> {
                throw new InvalidInputException("endsOn", "validation.proposal.periodOrder");
            });
        }
        // The deadline is checked before anything is saved, and the message names the last possible day.
        if (starts != null && today().isAfter(deadlineFor(starts))) {
            checks.check(() -> {
                throw new InvalidInputException("startsOn", "validation.event.deadline", settings.eventDeadlineDays(),
                        JapaneseDates.format(deadlineFor(starts)));
            });
        }
        if (fee != null && fee > 0 && (income == null || expense == null)) {
            checks.check(() -> {
                throw new InvalidInputException(income == null ? "budgetIncome" : "budgetExpense", "validation.event.budgetNeeded");
            });
        }
        checks.throwIfAny();
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into support_event (kind, applicant_id, group_id, organiser_name, organiser_address, organiser_representative,
                            organiser_phone, organiser_email, officers, event_name, purpose, starts_on, ends_on, venue, target,
                            expected_participants, fee, outline, budget_income, budget_expense, department_id, status, created_at, updated_at)
                        values (:kind, :applicant, :group, :name, :address, :rep, :phone, :email, :officers, :event, :purpose, :starts, :ends,
                            :venue, :target, :participants, :fee, :outline, :income, :expense, :dept, 'SUBMITTED', :now, :now) returning id""")
                .param("kind", kind.name()).param("applicant", actor.accountId()).param("group", groupId).param("name", organiser)
                .param("address", address).param("rep", representative).param("phone", phone).param("email", email).param("officers", officers)
                .param("event", eventName).param("purpose", purpose).param("starts", starts).param("ends", ends).param("venue", venue)
                .param("target", target).param("participants", participants).param("fee", fee == null ? 0 : fee).param("outline", outline)
                .param("income", income).param("expense", expense).param("dept", department.id()).param("now", Timestamp.from(now))
                .query(Long.class).single();
        audit.record(actor, "event.apply", "support_event", id, kind + " " + eventName);
        for (String to : accounts.departmentEmails(department.id())) {
            mail.send(to, "eventApplied", Locale.JAPANESE, eventName, organiser, String.valueOf(id));
        }
        applicantMail(actor.accountId(), "eventReceived", eventName);
        return id;
    }

    @Transactional(readOnly = true)
    List<EventView> mine(long accountId) {
        return query("where applicant_id = :a order by created_at desc", Map.of("a", accountId));
    }

    @Transactional(readOnly = true)
    EventView forApplicant(long id, long accountId) {
        EventView e = find(id);
        if (e.applicantId() != accountId) {
            throw notFound();
        }
        return e;
    }

    /** The applications a department handles (the secretariat sees all), those awaiting a decision or late first. */
    @Transactional(readOnly = true)
    List<EventView> forStaff(Long departmentId, boolean administrator) {
        return administrator ? query("order by created_at desc", Map.of())
                : query("where department_id = :d order by created_at desc", Map.of("d", departmentId == null ? -1L : departmentId));
    }

    @Transactional(readOnly = true)
    EventView forStaff(long id, Long departmentId, boolean administrator) {
        EventView e = find(id);
        if (!administrator && (departmentId == null || e.departmentId() != departmentId)) {
            throw notFound();
        }
        return e;
    }

    /** Approved events for the public: coming ones and those of the last three months. */
    @Transactional(readOnly = true)
    List<EventView> publicList() {
        return query("where status in ('APPROVED', 'REPORTED', 'CLOSED') and ends_on >= :since order by starts_on",
                Map.of("since", today().minusMonths(3)));
    }

    /** The department decides: approval needs every criterion ticked; a refusal needs its reasons. */
    @Transactional
    void decide(long id, Actor staff, Long departmentId, boolean administrator, long version, boolean approve, List<String> ticked,
                String rawConditions, String rawReason) {
        EventView e = lockForStaff(id, departmentId, administrator);
        if (e.version() != version) {
            throw new InvalidInputException("version", "validation.decision.decidedMeanwhile");
        }
        if (e.applicantId() == staff.accountId()) {
            throw new InvalidInputException("version", "validation.support.ownApplication");
        }
        EventStatus next = move(e.status(), approve ? EventStatus.Move.APPROVE : EventStatus.Move.REFUSE);
        List<String> checked = ticked == null ? List.of() : ticked.stream().filter(CRITERIA::contains).distinct().toList();
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String conditions = checks.check(() -> Inputs.optional("conditions", rawConditions, 4000));
        String reason = checks.check(() -> approve ? Inputs.optional("reason", rawReason, 4000) : Inputs.required("reason", rawReason, 4000));
        if (approve && checked.size() < CRITERIA.size()) {
            checks.check(() -> {
                throw new InvalidInputException("criteria", "validation.event.criteria");
            });
        }
        checks.throwIfAny();
        Instant now = clock.instant();
        String number = approve ? JapaneseDates.format(today()).substring(0, JapaneseDates.format(today()).indexOf('年') + 1)
                .replaceAll("\\(.*", "") + (e.kind() == Kind.ENDORSEMENT ? "後援" : "共催") + "第" + id + "号" : null;
        jdbc.sql("""
                        update support_event set status = :s, checklist = :c, conditions = :cond, decision_reason = :r, decided_by = :by,
                            decided_at = :now, notice_number = :n, report_due_on = :due, updated_at = :now, version = version + 1 where id = :id""")
                .param("s", next.name()).param("c", String.join(",", checked)).param("cond", conditions).param("r", reason)
                .param("by", staff.accountId()).param("now", Timestamp.from(now)).param("n", number)
                .param("due", approve ? e.endsOn().plusDays(settings.eventReportDays()) : null).param("id", id).update();
        audit.record(staff, approve ? "event.approve" : "event.refuse", "support_event", id, number);
        applicantMail(e.applicantId(), approve ? "eventApproved" : "eventRefused", e.eventName(), reason == null ? "" : reason,
                conditions == null ? "" : conditions);
    }

    /** The city withdraws its approval (the event changed its nature, say), with the reason. */
    @Transactional
    void withdraw(long id, Actor staff, Long departmentId, boolean administrator, long version, String rawReason) {
        EventView e = lockForStaff(id, departmentId, administrator);
        if (e.version() != version) {
            throw new InvalidInputException("version", "validation.decision.decidedMeanwhile");
        }
        EventStatus next = move(e.status(), EventStatus.Move.WITHDRAW);
        String reason = Inputs.required("withdrawReason", rawReason, 4000);
        jdbc.sql("update support_event set status = :s, decision_reason = :r, updated_at = :now, version = version + 1 where id = :id")
                .param("s", next.name()).param("r", reason).param("now", Timestamp.from(clock.instant())).param("id", id).update();
        audit.record(staff, "event.withdraw", "support_event", id, reason);
        applicantMail(e.applicantId(), "eventWithdrawn", e.eventName(), reason);
    }

    /** The applicant cancels an application not yet decided. */
    @Transactional
    void cancel(long id, Actor applicant, long version) {
        EventView e = lockForApplicant(id, applicant.accountId());
        if (e.version() != version) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
        EventStatus next = move(e.status(), EventStatus.Move.CANCEL);
        jdbc.sql("update support_event set status = :s, updated_at = :now, version = version + 1 where id = :id")
                .param("s", next.name()).param("now", Timestamp.from(clock.instant())).param("id", id).update();
        audit.record(applicant, "event.cancel", "support_event", id, null);
    }

    /** A document attached to an application (PDF or image, checked by content), while it is being reviewed. */
    record Document(long id, String filename, String contentType, byte[] content) {
    }

    static final int MAX_DOCUMENTS = 5;
    static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

    @Transactional
    void attach(long id, Actor applicant, String filename, byte[] content) {
        EventView e = lockForApplicant(id, applicant.accountId());
        if (e.status() != EventStatus.SUBMITTED) {
            throw new InvalidInputException("file", "validation.event.notNow");
        }
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "validation.file.empty");
        }
        if (content.length > MAX_DOCUMENT_BYTES) {
            throw new InvalidInputException("file", "validation.file.tooLarge", MAX_DOCUMENT_BYTES / 1024 / 1024);
        }
        String type = jp.kyodo.shared.FileTypes.documentOrImage(content);
        if (type == null) {
            throw new InvalidInputException("file", "validation.file.type");
        }
        if (documents(id).size() >= MAX_DOCUMENTS) {
            throw new InvalidInputException("file", "validation.file.tooMany", MAX_DOCUMENTS);
        }
        String name = jp.kyodo.shared.FileTypes.safeFilename(filename, "document");
        jp.kyodo.shared.FileStorage.Saved saved = files.save(content);
        jdbc.sql("""
                        insert into support_file (owner_type, owner_id, filename, content_type, size_bytes, content, content_key, uploaded_by, uploaded_at)
                        values ('event', :id, :n, :t, :s, :c, :key, :by, :now)""")
                .param("id", id).param("n", name.length() > 200 ? name.substring(0, 200) : name).param("t", type).param("s", content.length)
                .param("c", saved.inRow()).param("key", saved.key()).param("by", applicant.accountId()).param("now", Timestamp.from(clock.instant())).update();
        audit.record(applicant, "event.attach", "support_event", id, name);
    }

    /** The documents of an application (names only), for whoever may see it (the caller checks). */
    List<Document> documents(long id) {
        return jdbc.sql("select id, filename, content_type from support_file where owner_type = 'event' and owner_id = :id order by id")
                .param("id", id).query((rs, i) -> new Document(rs.getLong(1), rs.getString(2), rs.getString(3), null)).list();
    }

    Optional<Document> document(long id, long fileId) {
        return jdbc.sql("select id, filename, content_type, content, content_key from support_file where owner_type = 'event' and owner_id = :id and id = :f")
                .param("id", id).param("f", fileId)
                .query((rs, i) -> new Document(rs.getLong(1), rs.getString(2), rs.getString(3), files.load(rs.getBytes(4), rs.getString(5)))).optional();
    }

    /** The report after the event: what happened, participants, and the accounts when a fee was charged. */
    @Transactional
    void report(long id, Actor applicant, long version, String rawText, String rawParticipants, String rawIncome, String rawExpense) {
        EventView e = lockForApplicant(id, applicant.accountId());
        if (e.version() != version) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
        EventStatus next = move(e.status(), EventStatus.Move.REPORT);
        if (!today().isAfter(e.endsOn())) {
            throw new InvalidInputException("reportText", "validation.event.notYetHeld");
        }
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String text = checks.check(() -> Inputs.required("reportText", rawText, 4000));
        Integer participants = checks.check(() -> {
            Integer v = Inputs.integer("reportParticipants", rawParticipants, 0, 1_000_000);
            if (v == null) {
                throw new InvalidInputException("reportParticipants", "validation.required");
            }
            return v;
        });
        Long income = checks.check(() -> Inputs.yen("reportIncome", rawIncome));
        Long expense = checks.check(() -> Inputs.yen("reportExpense", rawExpense));
        if (e.fee() > 0 && (income == null || expense == null)) {
            checks.check(() -> {
                throw new InvalidInputException(income == null ? "reportIncome" : "reportExpense", "validation.event.accountsNeeded");
            });
        }
        checks.throwIfAny();
        Instant now = clock.instant();
        jdbc.sql("""
                        update support_event set status = :s, report_text = :t, report_participants = :p, report_income = :i, report_expense = :x,
                            report_submitted_at = :now, updated_at = :now, version = version + 1 where id = :id""")
                .param("s", next.name()).param("t", text).param("p", participants).param("i", income).param("x", expense)
                .param("now", Timestamp.from(now)).param("id", id).update();
        audit.record(applicant, "event.report", "support_event", id, null);
        for (String to : accounts.departmentEmails(e.departmentId())) {
            mail.send(to, "eventReported", Locale.JAPANESE, e.eventName(), e.organiserName(), String.valueOf(id));
        }
    }

    @Transactional
    void acceptReport(long id, Actor staff, Long departmentId, boolean administrator, long version) {
        EventView e = lockForStaff(id, departmentId, administrator);
        if (e.version() != version) {
            throw new InvalidInputException("version", "validation.decision.decidedMeanwhile");
        }
        EventStatus next = move(e.status(), EventStatus.Move.ACCEPT_REPORT);
        jdbc.sql("update support_event set status = :s, updated_at = :now, version = version + 1 where id = :id")
                .param("s", next.name()).param("now", Timestamp.from(clock.instant())).param("id", id).update();
        audit.record(staff, "event.report.accept", "support_event", id, null);
    }

    /** The notice of approval (承認通知書) in Japanese. */
    @Transactional(readOnly = true)
    byte[] notice(EventView e) {
        // Only an approval in force has a notice: a withdrawn one must not be printed as valid.
        if (e.noticeNumber() == null || !(e.status() == EventStatus.APPROVED || e.status() == EventStatus.REPORTED
                || e.status() == EventStatus.CLOSED)) {
            throw notFound();
        }
        return pdf.render("support/pdf/notice", Map.of("event", e, "issuedOn", e.decidedAt() == null ? today()
                : java.time.LocalDateTime.ofInstant(e.decidedAt(), city.zone()).toLocalDate()), Locale.JAPANESE);
    }

    /** Reminds organisers a week before their report is due, once; returns how many. */
    @Transactional
    int remind(LocalDate today) {
        List<EventView> due = query("where status = 'APPROVED' and reminded_on is null and ends_on < :today and report_due_on <= :limit",
                Map.of("today", today, "limit", today.plusDays(7)));
        for (EventView e : due) {
            applicantMail(e.applicantId(), "eventReportReminder", e.eventName(), JapaneseDates.format(e.reportDueOn()));
            jdbc.sql("update support_event set reminded_on = :d where id = :id").param("d", today).param("id", e.id()).update();
        }
        return due.size();
    }

    @Scheduled(cron = "${kyodo.support.reminder-cron:0 10 7 * * *}", zone = "${kyodo.city.zone}")
    void remindDaily() {
        jobs.runOnce("support.event-report-reminders", () -> remind(today()));
    }

    // ---- Helpers ----

    private static EventStatus move(EventStatus from, EventStatus.Move move) {
        try {
            return from.after(move);
        } catch (IllegalStateException e) {
            throw new InvalidInputException("version", "validation.event.notNow");
        }
    }

    private EventView lockForStaff(long id, Long departmentId, boolean administrator) {
        jdbc.sql("select id from support_event where id = :id for update").param("id", id).query(Long.class).optional().orElseThrow(Events::notFound);
        return forStaff(id, departmentId, administrator);
    }

    private EventView lockForApplicant(long id, long accountId) {
        jdbc.sql("select id from support_event where id = :id for update").param("id", id).query(Long.class).optional().orElseThrow(Events::notFound);
        return forApplicant(id, accountId);
    }

    private void applicantMail(long accountId, String key, Object... args) {
        accounts.find(accountId).ifPresent(a -> mail.send(a.email(), key, Locale.JAPANESE, args));
    }

    EventView find(long id) {
        return query("where id = :id", Map.of("id", id)).stream().findFirst().orElseThrow(Events::notFound);
    }

    private List<EventView> query(String where, Map<String, Object> params) {
        var spec = jdbc.sql("select e.* from support_event e " + where);
        for (var p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        LocalDate today = today();
        Map<Long, String> departments = new java.util.HashMap<>();
        return spec.query((rs, i) -> {
            long departmentId = rs.getLong("department_id");
            String departmentName = departments.computeIfAbsent(departmentId,
                    d -> accounts.department(d).map(DepartmentView::name).orElse(""));
            LocalDate due = rs.getDate("report_due_on") == null ? null : rs.getDate("report_due_on").toLocalDate();
            EventStatus status = EventStatus.valueOf(rs.getString("status"));
            return new EventView(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getLong("applicant_id"), (Long) rs.getObject("group_id"),
                    rs.getString("organiser_name"), rs.getString("organiser_address"), rs.getString("organiser_representative"),
                    rs.getString("organiser_phone"), rs.getString("organiser_email"), rs.getString("officers"), rs.getString("event_name"),
                    rs.getString("purpose"), rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(), rs.getString("venue"),
                    rs.getString("target"), (Integer) rs.getObject("expected_participants"), rs.getLong("fee"), rs.getString("outline"),
                    (Long) rs.getObject("budget_income"), (Long) rs.getObject("budget_expense"), rs.getLong("department_id"),
                    departmentName, status, rs.getString("checklist"), rs.getString("conditions"),
                    rs.getString("decision_reason"), rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(),
                    rs.getString("notice_number"), due, rs.getString("report_text"), (Integer) rs.getObject("report_participants"),
                    (Long) rs.getObject("report_income"), (Long) rs.getObject("report_expense"),
                    rs.getTimestamp("report_submitted_at") == null ? null : rs.getTimestamp("report_submitted_at").toInstant(),
                    rs.getLong("version"), status == EventStatus.APPROVED && due != null && today.isAfter(due));
        }).list();
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    static String yen(Long amount) {
        return amount == null ? "" : Yen.format(amount);
    }

    Optional<String> groupName(Long groupId) {
        return groupId == null ? Optional.empty() : groups.profile(groupId).map(Groups.GroupProfile::name);
    }
}
