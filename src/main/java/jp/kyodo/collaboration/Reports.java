package jp.kyodo.collaboration;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.groups.Groups;
import jp.kyodo.notifications.MailOutbox;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.ClusterJobs;
import jp.kyodo.shared.FileTypes;
import jp.kyodo.shared.Inputs;
import jp.kyodo.shared.InvalidInputException;
import jp.kyodo.shared.JapaneseDates;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The project's interim look-back (中間ふりかえり) and completion report (実績報告): the group writes what was done,
 * the participants, the outcome against each target, photos and the actual amount of every budget line; the
 * department accepts or returns it. Deadlines follow the agreed period; reminders go out two weeks before.
 */
@Service
class Reports {

    enum Kind { INTERIM, COMPLETION }

    enum Status { DRAFT, SUBMITTED, RETURNED, ACCEPTED }

    static final int REMIND_DAYS_BEFORE = 14;

    private final JdbcClient jdbc;
    private final jp.kyodo.shared.FileStorage files;
    private final Projects projects;
    private final ProjectRepository projectRepository;
    private final Groups groups;
    private final MailOutbox mail;
    private final AuditLog audit;
    private final Clock clock;
    private final CityProfile city;
    private final CollaborationSettings settings;
    private final ClusterJobs jobs;

    Reports(JdbcClient jdbc, jp.kyodo.shared.FileStorage files, Projects projects, ProjectRepository projectRepository, Groups groups, MailOutbox mail, AuditLog audit,
            Clock clock, CityProfile city, CollaborationSettings settings, ClusterJobs jobs) {
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.files = files;
        this.projects = projects;
        this.projectRepository = projectRepository;
        this.groups = groups;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
        this.city = city;
        this.settings = settings;
    }

    /** A report as pages show it, with the budget compared to the actual amounts. */
    record ReportView(long id, Kind kind, Status status, LocalDate dueOn, String activities, Integer participants,
                      Map<Integer, String> outcomes, Map<Integer, Long> actuals, String returnMessage, Instant submittedAt, long version,
                      boolean overdue, List<ProposalView.Attachment> photos, BudgetComparison.Comparison comparison) {

        public boolean editable() {
            return status == Status.DRAFT || status == Status.RETURNED;
        }
    }

    /** Deadlines: the interim at the middle of the period, the completion report a set number of days after its end. */
    @EventListener
    void onStart(Projects.ProjectStarted started) {
        LocalDate from = started.periodFrom();
        LocalDate to = started.periodTo();
        LocalDate middle = from.plusDays(ChronoUnit.DAYS.between(from, to) / 2);
        Instant now = clock.instant();
        insert(started.projectId(), Kind.INTERIM, middle, now);
        insert(started.projectId(), Kind.COMPLETION, to.plusDays(settings.completionReportDays()), now);
    }

    /** Creates the report, or (after a change of period) moves the deadline of one not yet filed, reminding again. */
    private void insert(long projectId, Kind kind, LocalDate due, Instant now) {
        jdbc.sql("""
                        insert into collab_report (project_id, kind, status, due_on, updated_at) values (:p, :k, 'DRAFT', :due, :now)
                        on conflict (project_id, kind) do update set due_on = excluded.due_on, reminded_on = null
                        where collab_report.status in ('DRAFT', 'RETURNED') and collab_report.due_on <> excluded.due_on""")
                .param("p", projectId).param("k", kind.name()).param("due", due).param("now", Timestamp.from(now)).update();
    }

    /** Where one report of a project stands: what the staff overview shows, without the report's content. */
    record Standing(Kind kind, Status status, LocalDate dueOn, boolean overdue) {
    }

    /** The reports of several projects, by project, interim first, as {@link #of(long)} orders them; one query. */
    @Transactional(readOnly = true)
    Map<Long, List<Standing>> standings(java.util.Collection<Long> projectIds) {
        Map<Long, List<Standing>> out = new HashMap<>();
        if (projectIds.isEmpty()) {
            return out;
        }
        LocalDate today = today();
        jdbc.sql("""
                        select project_id, kind, status, due_on from collab_report where project_id = any(:p)
                        order by project_id, case kind when 'INTERIM' then 0 else 1 end""")
                .param("p", projectIds.toArray(Long[]::new))
                .query((rs, i) -> {
                    Status status = Status.valueOf(rs.getString(3));
                    LocalDate due = rs.getDate(4).toLocalDate();
                    boolean overdue = status != Status.ACCEPTED && status != Status.SUBMITTED && today.isAfter(due);
                    return out.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                            .add(new Standing(Kind.valueOf(rs.getString(2)), status, due, overdue));
                }).list();
        return out;
    }

    @Transactional(readOnly = true)
    List<ReportView> of(long projectId) {
        List<ProposalLines.Budget> budget = projects.proposalOf(projectId).budget();
        LocalDate today = today();
        return jdbc.sql("""
                        select id, kind, status, due_on, activities, participants, return_message, submitted_at, version
                        from collab_report where project_id = :p order by case kind when 'INTERIM' then 0 else 1 end""")
                .param("p", projectId)
                .query((rs, i) -> new Object[] {rs.getLong(1), Kind.valueOf(rs.getString(2)), Status.valueOf(rs.getString(3)),
                        rs.getDate(4).toLocalDate(), rs.getString(5), (Integer) rs.getObject(6), rs.getString(7),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(), rs.getLong(9)})
                .list().stream().map(r -> {
                    long id = (Long) r[0];
                    Map<Integer, String> outcomes = new HashMap<>();
                    jdbc.sql("select target_seq, achieved from collab_report_outcome where report_id = :r").param("r", id)
                            .query((rs, i) -> outcomes.put(rs.getInt(1), rs.getString(2))).list();
                    Map<Integer, Long> actuals = new HashMap<>();
                    jdbc.sql("select budget_seq, amount from collab_report_actual where report_id = :r").param("r", id)
                            .query((rs, i) -> actuals.put(rs.getInt(1), rs.getLong(2))).list();
                    Status status = (Status) r[2];
                    LocalDate due = (LocalDate) r[3];
                    boolean overdue = status != Status.ACCEPTED && status != Status.SUBMITTED && today.isAfter(due);
                    return new ReportView(id, (Kind) r[1], status, due, (String) r[4], (Integer) r[5], outcomes, actuals, (String) r[6],
                            (Instant) r[7], (Long) r[8], overdue, Attachments.list(jdbc, "report", id),
                            // Midway, spending below the plan is expected: only the completion report marks differences.
                            BudgetComparison.compare(budget, actuals, r[1] == Kind.COMPLETION ? settings.differenceTolerancePercent() : Integer.MAX_VALUE / 200));
                }).toList();
    }

    /**
     * The group saves a report (a draft, or submitted for the department's check). Submission needs what was done,
     * the participants and, for the completion report, the actual amount of every budget line.
     */
    @Transactional
    void save(long projectId, Projects.Viewer viewer, Kind kind, ReportForm form, boolean submit) {
        Project project = projectRepository.lockById(projectId).orElseThrow(CallManagement::notFound);
        projects.roleOf(projectId, viewer, Projects.Role.GROUP);
        if (project.status() != ProjectStatus.RUNNING) {
            throw new InvalidInputException("version", "validation.report.notRunning");
        }
        long id = reportId(projectId, kind);
        var row = jdbc.sql("select status, version from collab_report where id = :id").param("id", id)
                .query((rs, i) -> new Object[] {Status.valueOf(rs.getString(1)), rs.getLong(2)}).single();
        if (!(row[0] == Status.DRAFT || row[0] == Status.RETURNED)) {
            throw new InvalidInputException("version", "validation.report.notEditable");
        }
        if ((Long) row[1] != form.getVersion()) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
        Proposal p = projects.proposalOf(projectId);
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String activities = checks.check(() -> submit ? Inputs.required("activities", form.getActivities(), 8000)
                : Inputs.optional("activities", form.getActivities(), 8000));
        Integer participants = checks.check(() -> {
            Integer v = Inputs.integer("participants", form.getParticipants(), 0, 10_000_000);
            if (v == null && submit) {
                throw new InvalidInputException("participants", "validation.required");
            }
            return v;
        });
        Map<Integer, String> outcomes = new HashMap<>();
        for (int i = 0; i < p.targets().size(); i++) {
            int index = i;
            String raw = i < form.getOutcomes().size() ? form.getOutcomes().get(i) : null;
            outcomes.put(i, checks.check(() -> submit ? Inputs.required("outcomes[" + index + "]", raw, 300)
                    : Inputs.optional("outcomes[" + index + "]", raw, 300)));
        }
        Map<Integer, Long> actuals = new HashMap<>();
        for (int i = 0; i < p.budget().size(); i++) {
            int index = i;
            String raw = i < form.getActuals().size() ? form.getActuals().get(i) : null;
            Long amount = checks.check(() -> Inputs.yen("actuals[" + index + "]", raw));
            if (amount == null && submit && kind == Kind.COMPLETION && !checks.failed("actuals[" + i + "]")) {
                checks.check(() -> {
                    throw new InvalidInputException("actuals[" + index + "]", "validation.report.actualRequired");
                });
            }
            if (amount != null) {
                actuals.put(i, amount);
            }
        }
        checks.throwIfAny();
        Instant now = clock.instant();
        jdbc.sql("""
                        update collab_report set activities = :a, participants = :n, status = :s, submitted_at = :sub, updated_at = :now,
                            version = version + 1 where id = :id""")
                .param("a", activities).param("n", participants).param("s", submit ? "SUBMITTED" : row[0].toString())
                .param("sub", submit ? Timestamp.from(now) : null).param("now", Timestamp.from(now)).param("id", id).update();
        jdbc.sql("delete from collab_report_outcome where report_id = :id").param("id", id).update();
        outcomes.forEach((seq, text) -> {
            if (text != null) {
                jdbc.sql("insert into collab_report_outcome (report_id, target_seq, achieved) values (:r, :s, :t)")
                        .param("r", id).param("s", seq).param("t", text).update();
            }
        });
        jdbc.sql("delete from collab_report_actual where report_id = :id").param("id", id).update();
        actuals.forEach((seq, amount) -> jdbc.sql("insert into collab_report_actual (report_id, budget_seq, amount) values (:r, :s, :a)")
                .param("r", id).param("s", seq).param("a", amount).update());
        if (submit) {
            audit.record(viewer.actor(), "report.submit", "collab_project", projectId, kind.name());
            projects.tellOtherSide(projectId, Projects.Role.GROUP, "reportSubmitted");
        }
    }

    /** The department accepts a submitted report, or returns it with what to correct; the accepted completion report completes the project. */
    @Transactional
    void decide(long projectId, Projects.Viewer viewer, Kind kind, long version, boolean accept, String rawMessage) {
        Project project = projectRepository.lockById(projectId).orElseThrow(CallManagement::notFound);
        projects.roleOf(projectId, viewer, Projects.Role.CITY);
        if (project.status() != ProjectStatus.RUNNING) {
            throw new InvalidInputException("version", "validation.report.notRunning");
        }
        long id = reportId(projectId, kind);
        if (accept && kind == Kind.COMPLETION) {
            // The project ends with its completion report: the look-back and any change of agreement come first.
            boolean interimAccepted = jdbc.sql("select count(*) from collab_report where project_id = :p and kind = 'INTERIM' and status = 'ACCEPTED'")
                    .param("p", projectId).query(Long.class).single() > 0;
            if (!interimAccepted) {
                throw new InvalidInputException("version", "validation.report.interimFirst");
            }
            if (projects.changeOpen(projectId)) {
                throw new InvalidInputException("version", "validation.report.changeOpen");
            }
        }
        String message = accept ? Inputs.optional("message", rawMessage, 4000) : Inputs.required("message", rawMessage, 4000);
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                        update collab_report set status = :s, return_message = :m, decided_by = :by, decided_at = :now, updated_at = :now,
                            version = version + 1
                        where id = :id and status = 'SUBMITTED' and version = :v""")
                .param("s", accept ? "ACCEPTED" : "RETURNED").param("m", accept ? null : message).param("by", viewer.actor().accountId())
                .param("now", Timestamp.from(now)).param("id", id).param("v", version).update();
        if (updated == 0) {
            throw new InvalidInputException("version", "validation.report.decidedMeanwhile");
        }
        if (accept && kind == Kind.COMPLETION && project.status() == ProjectStatus.RUNNING) {
            project.complete(now);
        }
        audit.record(viewer.actor(), accept ? "report.accept" : "report.return", "collab_project", projectId, kind.name());
        projects.tellOtherSide(projectId, Projects.Role.CITY, accept ? "reportAccepted" : "reportReturned");
    }

    @Transactional
    void addPhoto(long projectId, Projects.Viewer viewer, Kind kind, String filename, byte[] content) {
        Project project = projectRepository.lockById(projectId).orElseThrow(CallManagement::notFound);
        projects.roleOf(projectId, viewer, Projects.Role.GROUP);
        long id = reportId(projectId, kind);
        String status = jdbc.sql("select status from collab_report where id = :id").param("id", id).query(String.class).single();
        if (project.status() != ProjectStatus.RUNNING || !(status.equals("DRAFT") || status.equals("RETURNED"))) {
            throw new InvalidInputException("photo", "validation.report.notEditable");
        }
        if (content == null || content.length == 0) {
            throw new InvalidInputException("photo", "validation.file.empty");
        }
        if (content.length > settings.maxAttachmentSize().toBytes()) {
            throw new InvalidInputException("photo", "validation.file.tooLarge", settings.maxAttachmentSize().toMegabytes());
        }
        String type = FileTypes.documentOrImage(content);
        if (type == null || !type.startsWith("image/")) {
            throw new InvalidInputException("photo", "validation.report.photoType");
        }
        long count = jdbc.sql("select count(*) from collab_file where owner_type = 'report' and owner_id = :id").param("id", id)
                .query(Long.class).single();
        if (count >= settings.maxAttachments()) {
            throw new InvalidInputException("photo", "validation.file.tooMany", settings.maxAttachments());
        }
        // Report photos become public with the project: they lose where and by whom they were taken.
        content = jp.kyodo.shared.ImageMetadata.strip(content);
        String name = jp.kyodo.shared.FileTypes.safeFilename(filename, "photo");
        Attachments.save(jdbc, files, "report", id, name.length() > 200 ? name.substring(0, 200) : name, type, content, viewer.actor().accountId(),
                clock.instant());
        audit.record(viewer.actor(), "report.photo", "collab_project", projectId, kind.name());
    }

    /** A photo of a report, for whoever may see the project (the caller checks). */
    java.util.Optional<Attachments.Stored> photo(long projectId, long fileId) {
        return jdbc.sql("select id from collab_report where project_id = :p").param("p", projectId).query(Long.class).list().stream()
                .map(r -> Attachments.load(jdbc, files, "report", r, fileId)).flatMap(java.util.Optional::stream).findFirst();
    }

    /** Reminds the group two weeks before a report is due, once; returns how many reminders went out. */
    @Transactional
    int remind(LocalDate today) {
        List<Object[]> due = jdbc.sql("""
                        select r.id, r.project_id, r.kind, r.due_on from collab_report r join collab_project p on p.id = r.project_id
                        where p.status = 'RUNNING' and r.status in ('DRAFT', 'RETURNED') and r.reminded_on is null and r.due_on <= :limit""")
                .param("limit", today.plusDays(REMIND_DAYS_BEFORE))
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate()}).list();
        for (Object[] r : due) {
            Proposal p = projects.proposalOf((Long) r[1]);
            for (String email : groups.managerEmails(p.groupId())) {
                mail.send(email, "reportReminder", Locale.JAPANESE, p.title(),
                        new org.springframework.context.support.DefaultMessageSourceResolvable("collab.report.kind." + r[2]),
                        JapaneseDates.format((LocalDate) r[3]), String.valueOf(r[1]));
            }
            jdbc.sql("update collab_report set reminded_on = :d where id = :id").param("d", today).param("id", r[0]).update();
        }
        return due.size();
    }

    @Scheduled(cron = "${kyodo.collaboration.reminder-cron:0 0 7 * * *}", zone = "${kyodo.city.zone}")
    void remindDaily() {
        jobs.runOnce("collaboration.report-reminders", () -> remind(today()));
    }

    private long reportId(long projectId, Kind kind) {
        return jdbc.sql("select id from collab_report where project_id = :p and kind = :k").param("p", projectId).param("k", kind.name())
                .query(Long.class).optional().orElseThrow(CallManagement::notFound);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(city.zone()));
    }
}
