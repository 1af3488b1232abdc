package jp.kyodo.collaboration;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.documents.PdfDocuments;
import jp.kyodo.groups.Groups;
import jp.kyodo.notifications.MailOutbox;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.FiscalYear;
import jp.kyodo.shared.Inputs;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adopted proposals as projects: who may see and do what, the agreement from draft to signature and its changes,
 * publication of the evaluated project, its case study draft, and the secretariat's overview.
 */
@Service
class Projects {

    private final ProjectRepository projects;
    private final AgreementRepository agreements;
    private final ProposalRepository proposals;
    private final CallRepository calls;
    private final ProposalWork work;
    private final Groups groups;
    private final Accounts accounts;
    private final MailOutbox mail;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final CityProfile city;
    private final PdfDocuments pdf;
    private final org.springframework.context.ApplicationEventPublisher events;

    Projects(ProjectRepository projects, AgreementRepository agreements, ProposalRepository proposals, CallRepository calls, ProposalWork work,
             Groups groups, Accounts accounts, MailOutbox mail, AuditLog audit, JdbcClient jdbc, Clock clock, CityProfile city, PdfDocuments pdf,
             org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.projects = projects;
        this.agreements = agreements;
        this.proposals = proposals;
        this.calls = calls;
        this.work = work;
        this.groups = groups;
        this.accounts = accounts;
        this.mail = mail;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.city = city;
        this.pdf = pdf;
    }

    /** Who is looking at a project, and so what they may do. */
    enum Role { GROUP, CITY, COMMITTEE }

    /** A person acting on projects: their account and what the city knows of them. */
    record Viewer(Actor actor, Long departmentId, boolean administrator, boolean committee) {
    }

    /** An agreement version as pages show it. */
    record AgreementView(long id, int number, Agreement.Status status, Agreement.Clauses clauses, String changeReason, String cityConfirmedName,
                         Instant cityConfirmedAt, String groupConfirmedName, Instant groupConfirmedAt, long version, List<Comment> comments) {
    }

    /** A comment on an agreement draft. */
    record Comment(String side, String authorName, String body, Instant createdAt) {
    }

    /** A project with its proposal and agreements (newest first). */
    record ProjectView(long id, ProjectStatus status, ProposalView proposal, List<AgreementView> agreements, Instant startedAt,
                       Instant publishedAt, long version) {

        /** The version in force, if any. */
        public AgreementView signed() {
            return agreements.stream().filter(a -> a.status() == Agreement.Status.SIGNED).findFirst().orElse(null);
        }

        /** The draft being prepared or changed, if any. */
        public AgreementView draft() {
            return agreements.stream().filter(a -> a.status() == Agreement.Status.DRAFT).findFirst().orElse(null);
        }
    }

    // ---- Opening, access and views ----

    /** Called when a proposal is adopted: the project and the first draft of its agreement, from the proposal. */
    void open(Proposal p, Actor by, Instant now) {
        if (projects.findByProposalId(p.id()).isPresent()) {
            return;
        }
        Project project = projects.save(Project.of(p.id(), now));
        agreements.save(Agreement.draft(project.id(), 1, draftClauses(p), null, by.accountId(), now));
        audit.record(by, "project.open", "collab_project", project.id(), "proposal #" + p.id());
    }

    /** The agreement's standard clauses, filled from the proposal (model texts of Japanese cities' agreements). */
    Agreement.Clauses draftClauses(Proposal p) {
        Call call = calls.findById(p.callId()).orElseThrow();
        String groupName = groups.profile(p.groupId()).map(Groups.GroupProfile::name).orElse("");
        String department = accounts.department(call.departmentId()).map(d -> d.name()).orElse("");
        StringBuilder roles = new StringBuilder();
        for (ProposalLines.Role r : p.roles()) {
            roles.append("・").append(r.task()).append("\n  ").append(groupName).append(":").append(nz(r.groupPart()))
                    .append("\n  ").append(city.name()).append("(").append(department).append("):").append(nz(r.cityPart())).append("\n");
        }
        LocalDate from = p.periodFrom();
        LocalDate to = p.periodTo();
        if (from != null && to != null && to.isAfter(FiscalYear.of(from).end())) {
            to = FiscalYear.of(from).end(); // an agreement runs within one fiscal year
        }
        return new Agreement.Clauses(
                city.name() + "と" + groupName + "は、対等な立場で互いの特性を生かし、「" + p.title() + "」を協働して実施するため、この協定を締結する。\n" + nz(p.purpose()),
                from, to, roles.toString().strip(),
                "事業に要する経費のうち、" + city.name() + "は" + jp.kyodo.shared.Yen.format(p.cityShare()) + "を上限として負担し、その他の経費は"
                        + groupName + "が負担する。負担の方法は、別に定めるところによる。",
                "両者は、事業の実施に必要な情報を互いに提供し、共有する。事業の内容と成果は、両者が協議のうえ、市のウェブサイト等で公開する。",
                "両者は、事業の実施により知り得た個人情報を、本庄市個人情報保護条例その他の法令に従って適正に取り扱い、事業の目的以外に利用しない。",
                "事業により生じた成果物の著作権その他の権利は、両者が協議して定める。定めのないものは両者の共有とする。",
                "この協定の内容を変更するときは、両者が協議し、書面により確認する。一方が協定に違反したとき、またはやむを得ない事由により事業の継続が困難となったときは、協議のうえ協定を解除することができる。");
    }

    /** The project if the viewer has a part in it, with the part; else not found. */
    @Transactional(readOnly = true)
    Role roleOf(long projectId, Viewer viewer, Role asked) {
        Project project = projects.findById(projectId).orElseThrow(CallManagement::notFound);
        Proposal p = proposals.findById(project.proposalId()).orElseThrow();
        Call call = calls.findById(p.callId()).orElseThrow();
        boolean allowed = switch (asked) {
            case GROUP -> groups.manages(p.groupId(), viewer.actor().accountId());
            case CITY -> viewer.administrator() || (viewer.departmentId() != null && viewer.departmentId().equals(call.departmentId()));
            case COMMITTEE -> viewer.committee() && (project.status() == ProjectStatus.COMPLETED || project.status() == ProjectStatus.PUBLISHED);
        };
        if (!allowed) {
            throw CallManagement.notFound();
        }
        return asked;
    }

    @Transactional(readOnly = true)
    ProjectView view(long projectId) {
        Project project = projects.findById(projectId).orElseThrow(CallManagement::notFound);
        Proposal p = proposals.findById(project.proposalId()).orElseThrow();
        List<AgreementView> versions = agreements.findByProjectIdOrderByNumberDesc(projectId).stream().map(this::agreementView).toList();
        return new ProjectView(project.id(), project.status(), work.view(p), versions, project.startedAt(), project.publishedAt(), project.version());
    }

    /** The projects of the groups an account manages. */
    @Transactional(readOnly = true)
    List<ProjectView> mine(long accountId) {
        List<Long> ids = groups.managedBy(accountId).stream().map(Groups.GroupProfile::id).toList();
        List<ProjectView> out = new ArrayList<>();
        for (Project project : projects.findAll()) {
            Proposal p = proposals.findById(project.proposalId()).orElseThrow();
            if (ids.contains(p.groupId())) {
                out.add(view(project.id()));
            }
        }
        return out;
    }

    /** A published project for the public; anything else is not found. */
    @Transactional(readOnly = true)
    ProjectView published(long projectId) {
        Project project = projects.findById(projectId).filter(x -> x.status() == ProjectStatus.PUBLISHED).orElseThrow(CallManagement::notFound);
        return view(project.id());
    }

    /** A page of the published projects, newest first: the work is one page's, however many there are. */
    @Transactional(readOnly = true)
    org.springframework.data.domain.Page<ProjectView> publishedPage(int page, int size) {
        var found = projects.findByStatus(ProjectStatus.PUBLISHED, org.springframework.data.domain.PageRequest.of(Math.max(page, 0), size,
                org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Order.desc("publishedAt"),
                        org.springframework.data.domain.Sort.Order.desc("id"))));
        return new org.springframework.data.domain.PageImpl<>(views(found.getContent()), found.getPageable(), found.getTotalElements());
    }

    @Transactional(readOnly = true)
    List<ProjectView> allPublished() {
        return views(projects.findByStatus(ProjectStatus.PUBLISHED)).stream()
                .sorted(Comparator.comparing(ProjectView::publishedAt).reversed()).toList();
    }

    /** As {@link #view(long)} for each project, from a few queries for them all (not a few per project). */
    List<ProjectView> views(List<Project> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, ProposalView> proposalViews = work.views(proposals.findAllById(list.stream().map(Project::proposalId).toList()));
        Map<Long, List<Agreement>> agreementsOf = new java.util.HashMap<>();
        agreements.findByProjectIdInOrderByNumberDesc(list.stream().map(Project::id).toList())
                .forEach(a -> agreementsOf.computeIfAbsent(a.projectId(), k -> new ArrayList<>()).add(a));
        Map<Long, List<Comment>> comments = new java.util.HashMap<>();
        List<Long> agreementIds = agreementsOf.values().stream().flatMap(List::stream).map(Agreement::id).toList();
        if (!agreementIds.isEmpty()) {
            jdbc.sql("""
                            select agreement_id, side, author_name, body, created_at from collab_agreement_comment
                            where agreement_id = any(:a) order by agreement_id, created_at, id""")
                    .param("a", agreementIds.toArray(Long[]::new))
                    .query((rs, i) -> comments.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Comment(rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()))).list();
        }
        return list.stream().map(project -> new ProjectView(project.id(), project.status(),
                java.util.Objects.requireNonNull(proposalViews.get(project.proposalId())),
                agreementsOf.getOrDefault(project.id(), List.of()).stream()
                        .map(a -> agreementView(a, comments.getOrDefault(a.id(), List.of()))).toList(),
                project.startedAt(), project.publishedAt(), project.version())).toList();
    }

    // ---- The agreement ----

    @Transactional
    void editAgreement(long projectId, Viewer viewer, long version, AgreementForm form) {
        Project project = projects.lockById(projectId).orElseThrow(CallManagement::notFound);
        roleOf(projectId, viewer, Role.CITY);
        requireAgreementOpen(project);
        Agreement a = currentDraft(projectId);
        if (a.version() != version) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
        a.edit(form.check(), clock.instant());
        audit.record(viewer.actor(), "agreement.edit", "collab_project", projectId, "version " + a.number());
    }

    @Transactional
    void comment(long projectId, Viewer viewer, Role side, String rawBody) {
        requireParty(side);
        Project project = projects.lockById(projectId).orElseThrow(CallManagement::notFound);
        roleOf(projectId, viewer, side);
        requireAgreementOpen(project);
        Agreement a = currentDraft(projectId);
        String body = Inputs.required("body", rawBody, 4000);
        jdbc.sql("""
                        insert into collab_agreement_comment (agreement_id, side, author_id, author_name, body, created_at)
                        values (:a, :side, :by, :name, :body, :at)""")
                .param("a", a.id()).param("side", side.name()).param("by", viewer.actor().accountId()).param("name", viewer.actor().displayName())
                .param("body", body).param("at", Timestamp.from(clock.instant())).update();
        audit.record(viewer.actor(), "agreement.comment", "collab_project", projectId, side.name());
        tellOtherSide(projectId, side, "agreementComment");
    }

    /**
     * One side confirms the draft it has read (its version must be the current one). The group confirms through its
     * representative. Once both have, the version is signed: the first starts the project; a change supersedes the
     * version it replaces.
     */
    @Transactional
    void confirm(long projectId, Viewer viewer, Role side, long version) {
        requireParty(side);
        Project project = projects.lockById(projectId).orElseThrow(CallManagement::notFound);
        roleOf(projectId, viewer, side);
        requireAgreementOpen(project);
        Agreement a = currentDraft(projectId);
        if (a.version() != version) {
            throw new InvalidInputException("version", "validation.agreement.changed");
        }
        Proposal p = proposals.findById(project.proposalId()).orElseThrow();
        if (side == Role.GROUP && !groups.represents(p.groupId(), viewer.actor().accountId())) {
            throw new InvalidInputException("version", "validation.agreement.representativeOnly");
        }
        Instant now = clock.instant();
        boolean signed = switch (side) {
            case CITY -> a.confirmByCity(viewer.actor().accountId(), viewer.actor().displayName(), now);
            case GROUP -> a.confirmByGroup(viewer.actor().accountId(), viewer.actor().displayName(), now);
            case COMMITTEE -> throw CallManagement.notFound();
        };
        audit.record(viewer.actor(), "agreement.confirm", "collab_project", projectId, side + " version " + a.number());
        if (!signed) {
            tellOtherSide(projectId, side, "agreementConfirmed");
            return;
        }
        for (Agreement other : agreements.findByProjectIdOrderByNumberDesc(projectId)) {
            if (other.id().longValue() != a.id() && other.status() == Agreement.Status.SIGNED) {
                other.supersede(now);
            }
        }
        // The first version starts the project; a change moves the deadlines of reports not yet filed with its period.
        if (project.status() == ProjectStatus.AGREEMENT) {
            project.start(now);
        }
        events.publishEvent(new ProjectStarted(projectId, a.clauses().periodFrom(), a.clauses().periodTo()));
        audit.record(viewer.actor(), "agreement.signed", "collab_project", projectId, "version " + a.number());
        tellBothSides(projectId, "agreementSigned", a.number());
    }

    /** Opens a change to the signed agreement: a new draft copying it, with the reason; both sides confirm it again. */
    @Transactional
    void requestChange(long projectId, Viewer viewer, Role side, String rawReason) {
        requireParty(side);
        Project project = projects.lockById(projectId).orElseThrow(CallManagement::notFound);
        roleOf(projectId, viewer, side);
        String reason = Inputs.required("reason", rawReason, 2000);
        List<Agreement> versions = agreements.findByProjectIdOrderByNumberDesc(projectId);
        if (versions.stream().anyMatch(v -> v.status() == Agreement.Status.DRAFT)) {
            throw new InvalidInputException("reason", "validation.agreement.draftOpen");
        }
        if (project.status() == ProjectStatus.COMPLETED || project.status() == ProjectStatus.PUBLISHED) {
            throw new InvalidInputException("reason", "validation.agreement.finished");
        }
        Agreement signed = versions.stream().filter(v -> v.status() == Agreement.Status.SIGNED).findFirst().orElseThrow();
        agreements.save(Agreement.draft(projectId, signed.number() + 1, signed.clauses(), reason, viewer.actor().accountId(), clock.instant()));
        audit.record(viewer.actor(), "agreement.change", "collab_project", projectId, reason);
        tellOtherSide(projectId, side, "agreementChangeRequested");
    }

    /** Either side withdraws a change it no longer wants: the draft goes, the signed version stays in force. */
    @Transactional
    void withdrawChange(long projectId, Viewer viewer, Role side) {
        requireParty(side);
        Project project = projects.lockById(projectId).orElseThrow(CallManagement::notFound);
        roleOf(projectId, viewer, side);
        Agreement draft = currentDraft(projectId);
        if (draft.number() == 1 || project.status() == ProjectStatus.AGREEMENT) {
            throw new InvalidInputException("version", "validation.agreement.firstDraft");
        }
        agreements.delete(draft);
        audit.record(viewer.actor(), "agreement.change.withdraw", "collab_project", projectId, "version " + draft.number());
        tellOtherSide(projectId, side, "agreementChangeWithdrawn");
    }

    /** Whether a change to the agreement is open (a completion must wait for it to be settled). */
    boolean changeOpen(long projectId) {
        return agreements.findByProjectIdOrderByNumberDesc(projectId).stream().anyMatch(a -> a.status() == Agreement.Status.DRAFT);
    }

    /** The agreement as a PDF in Japanese: the version asked for (the signed one by default). */
    @Transactional(readOnly = true)
    byte[] agreementPdf(long projectId, Integer number) {
        ProjectView project = view(projectId);
        AgreementView a = number == null ? Optional.ofNullable(project.signed()).orElse(project.draft())
                : project.agreements().stream().filter(v -> v.number() == number).findFirst().orElseThrow(CallManagement::notFound);
        String department = accounts.department(project.proposal().call().departmentId()).map(d -> d.name()).orElse("");
        return pdf.render("collaboration/pdf/agreement", Map.of("project", project, "agreement", a, "department", department,
                "issuedOn", LocalDate.now(clock.withZone(city.zone()))), Locale.JAPANESE);
    }

    // ---- Publication and case study ----

    /** The secretariat publishes an evaluated project: its page tells the whole story. */
    @Transactional
    void publish(long projectId, Viewer viewer, long version, java.util.function.BooleanSupplier evaluated) {
        if (!viewer.administrator()) {
            throw CallManagement.notFound();
        }
        Project project = projects.lockById(projectId).orElseThrow(CallManagement::notFound);
        if (project.version() != version) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
        // Judged under the lock that evaluations also take, so that none slips in after publication.
        if (project.status() != ProjectStatus.COMPLETED || !evaluated.getAsBoolean()) {
            throw new InvalidInputException("version", "validation.project.notEvaluated");
        }
        project.publish(clock.instant());
        audit.record(viewer.actor(), "project.publish", "collab_project", projectId, null);
        events.publishEvent(new jp.kyodo.search.SearchDocumentChanged(ProjectSearchSource.document(view(projectId))));
        tellBothSides(projectId, "projectPublished", 0);
    }

    /** A case study (協働事例) drafted from a published project, for the secretariat to edit before it is published. */
    @Transactional
    long draftCaseStudy(long projectId, Viewer viewer) {
        if (!viewer.administrator()) {
            throw CallManagement.notFound();
        }
        ProjectView project = view(projectId);
        if (project.status() != ProjectStatus.PUBLISHED) {
            throw new InvalidInputException("version", "validation.project.notPublished");
        }
        projects.lockById(projectId);
        Optional<Long> existing = jdbc.sql("select id from collab_case_study where project_id = :p").param("p", projectId).query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        ProposalView p = project.proposal();
        String body = String.join("\n\n",
                "【協働の相手】" + p.group().name() + "と" + p.call().departmentName(),
                "【協働の形態】" + (p.form() == null ? "" : p.form().name()),
                "【きっかけ】" + nz(p.call().background() != null ? p.call().background() : p.purpose()),
                "【取組みの内容】" + nz(p.content()),
                "【役割分担】" + (project.signed() == null ? "" : project.signed().clauses().roles()),
                "【成果】（実績報告と評価から記入してください）",
                "【協働してよかったこと・課題】（両者の評価のコメントから記入してください）");
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into collab_case_study (project_id, title, body, status, created_by, created_at, updated_at)
                        values (:p, :t, :b, 'DRAFT', :by, :now, :now) returning id""")
                .param("p", projectId).param("t", p.title() + "(" + p.group().name() + ")").param("b", body)
                .param("by", viewer.actor().accountId()).param("now", Timestamp.from(now)).query(Long.class).single();
        audit.record(viewer.actor(), "caseStudy.draft", "collab_project", projectId, "case study #" + id);
        return id;
    }

    record CaseStudy(long id, long projectId, String title, String body, String status, long updatedAtEpoch) {
    }

    @Transactional(readOnly = true)
    Optional<CaseStudy> caseStudy(long projectId) {
        return jdbc.sql("select id, project_id, title, body, status, updated_at from collab_case_study where project_id = :p").param("p", projectId)
                .query((rs, i) -> new CaseStudy(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant().toEpochMilli())).optional();
    }

    @Transactional
    void editCaseStudy(long projectId, Viewer viewer, String rawTitle, String rawBody) {
        if (!viewer.administrator()) {
            throw CallManagement.notFound();
        }
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String title = checks.check(() -> Inputs.required("title", rawTitle, 200));
        String body = checks.check(() -> Inputs.required("body", rawBody, 20_000));
        checks.throwIfAny();
        int updated = jdbc.sql("update collab_case_study set title = :t, body = :b, updated_at = :now where project_id = :p")
                .param("t", title).param("b", body).param("now", Timestamp.from(clock.instant())).param("p", projectId).update();
        if (updated == 0) {
            throw CallManagement.notFound();
        }
        audit.record(viewer.actor(), "caseStudy.edit", "collab_project", projectId, title);
    }

    // ---- Helpers ----

    /** Both sides signed the first agreement: the project runs from now, and its report deadlines follow its period. */
    record ProjectStarted(long projectId, LocalDate periodFrom, LocalDate periodTo) {
    }

    private static void requireParty(Role side) {
        if (side == Role.COMMITTEE) {
            throw CallManagement.notFound(); // the committee evaluates; the agreement is the two parties'
        }
    }

    private static void requireAgreementOpen(Project project) {
        if (project.status() != ProjectStatus.AGREEMENT && project.status() != ProjectStatus.RUNNING) {
            throw new InvalidInputException("version", "validation.agreement.finished");
        }
    }

    private Agreement currentDraft(long projectId) {
        return agreements.findByProjectIdOrderByNumberDesc(projectId).stream().filter(a -> a.status() == Agreement.Status.DRAFT).findFirst()
                .orElseThrow(() -> new InvalidInputException("version", "validation.agreement.noDraft"));
    }

    private AgreementView agreementView(Agreement a) {
        List<Comment> comments = jdbc.sql("select side, author_name, body, created_at from collab_agreement_comment where agreement_id = :a order by created_at, id")
                .param("a", a.id()).query((rs, i) -> new Comment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
                .list();
        return agreementView(a, comments);
    }

    private static AgreementView agreementView(Agreement a, List<Comment> comments) {
        return new AgreementView(a.id(), a.number(), a.status(), a.clauses(), a.changeReason(), a.cityConfirmedName(), a.cityConfirmedAt(),
                a.groupConfirmedName(), a.groupConfirmedAt(), a.version(), comments);
    }

    /** Whether the account is the representative of the project's group, who confirms the agreement for it. */
    @Transactional(readOnly = true)
    boolean represents(long projectId, long accountId) {
        return groups.represents(proposalOf(projectId).groupId(), accountId);
    }

    Proposal proposalOf(long projectId) {
        Project project = projects.findById(projectId).orElseThrow(CallManagement::notFound);
        return proposals.findById(project.proposalId()).orElseThrow();
    }

    void tellOtherSide(long projectId, Role from, String key) {
        Proposal p = proposalOf(projectId);
        Call call = calls.findById(p.callId()).orElseThrow();
        List<String> to = from == Role.GROUP ? accounts.departmentEmails(call.departmentId()) : groups.managerEmails(p.groupId());
        for (String email : to) {
            mail.send(email, key, Locale.JAPANESE, p.title(), String.valueOf(projectId));
        }
    }

    void tellBothSides(long projectId, String key, int number) {
        Proposal p = proposalOf(projectId);
        Call call = calls.findById(p.callId()).orElseThrow();
        List<String> to = new ArrayList<>(groups.managerEmails(p.groupId()));
        to.addAll(accounts.departmentEmails(call.departmentId()));
        for (String email : to) {
            mail.send(email, key, Locale.JAPANESE, p.title(), String.valueOf(projectId), number);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
