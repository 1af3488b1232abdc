package jp.kyodo.collaboration;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.groups.Groups;
import jp.kyodo.notifications.MailOutbox;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.CollaborationForm;
import jp.kyodo.shared.FileTypes;
import jp.kyodo.shared.Inputs;
import jp.kyodo.shared.InvalidInputException;
import jp.kyodo.shared.Yen;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A group's side of a proposal: it is started for a published call by a person who manages a group, written step by
 * step with a draft saved at each, submitted inside the call's period by a registered group, and withdrawn until
 * screening starts. Every step is audited and both sides are told by mail.
 */
@Service
class ProposalWork {

    static final int TEXT_MAX = 4000;

    private final ProposalRepository proposals;
    private final CallRepository calls;
    private final CallManagement callManagement;
    private final Groups groups;
    private final Accounts accounts;
    private final MailOutbox mail;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final jp.kyodo.shared.FileStorage files;
    private final Clock clock;
    private final CollaborationSettings settings;

    ProposalWork(ProposalRepository proposals, CallRepository calls, CallManagement callManagement, Groups groups, Accounts accounts,
                 MailOutbox mail, AuditLog audit, JdbcClient jdbc, jp.kyodo.shared.FileStorage files, Clock clock, CollaborationSettings settings) {
        this.proposals = proposals;
        this.calls = calls;
        this.callManagement = callManagement;
        this.groups = groups;
        this.accounts = accounts;
        this.mail = mail;
        this.audit = audit;
        this.jdbc = jdbc;
        this.files = files;
        this.clock = clock;
        this.settings = settings;
    }

    @Transactional
    long start(Actor actor, long callId, String rawGroupId, String rawTitle) {
        Call call = calls.findById(callId).filter(c -> c.status() == CallStatus.PUBLISHED).orElseThrow(CallManagement::notFound);
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        Long groupId = checks.check(() -> {
            try {
                long id = Long.parseLong(rawGroupId == null ? "" : rawGroupId);
                if (!groups.manages(id, actor.accountId())) {
                    throw new NumberFormatException();
                }
                return id;
            } catch (NumberFormatException e) {
                throw new InvalidInputException("groupId", "validation.proposal.group");
            }
        });
        String title = checks.check(() -> Inputs.required("title", rawTitle, 200));
        checks.throwIfAny();
        if (callManagement.today().isAfter(call.applicationCloses())) {
            throw new InvalidInputException("title", "validation.proposal.closed");
        }
        Proposal p = proposals.save(Proposal.draft(callId, groupId, title, actor.accountId(), clock.instant()));
        audit.record(actor, "proposal.create", "collab_proposal", p.id(), title);
        return p.id();
    }

    @Transactional(readOnly = true)
    List<ProposalView> mine(long accountId) {
        List<Long> ids = groups.managedBy(accountId).stream().map(Groups.GroupProfile::id).toList();
        return ids.isEmpty() ? List.of() : proposals.findByGroupIdInOrderByUpdatedAtDesc(ids).stream().map(this::view).toList();
    }

    /** A proposal for one of its group's managing people; for anyone else, not found. */
    @Transactional(readOnly = true)
    ProposalView forGroup(long proposalId, long accountId) {
        return view(owned(proposalId, accountId));
    }

    @Transactional(readOnly = true)
    ProposalForm form(long proposalId, long accountId) {
        return ProposalForm.of(owned(proposalId, accountId));
    }

    // ---- Steps ----

    @Transactional
    void saveOutline(long proposalId, Actor actor, ProposalForm f) {
        Proposal p = editable(proposalId, actor, f.getVersion());
        Call call = calls.findById(p.callId()).orElseThrow();
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String title = checks.check(() -> Inputs.required("title", f.getTitle(), 200));
        String purpose = checks.check(() -> Inputs.required("purpose", f.getPurpose(), TEXT_MAX));
        String content = checks.check(() -> Inputs.required("content", f.getContent(), TEXT_MAX));
        String target = checks.check(() -> Inputs.optional("target", f.getTarget(), 1000));
        String capacity = checks.check(() -> Inputs.optional("capacity", f.getCapacity(), 200));
        LocalDate from = checks.check(() -> Inputs.requiredDate("periodFrom", f.getPeriodFrom()));
        LocalDate to = checks.check(() -> Inputs.requiredDate("periodTo", f.getPeriodTo()));
        String place = checks.check(() -> Inputs.optional("place", f.getPlace(), 300));
        CollaborationForm form = checks.check(() -> {
            try {
                CollaborationForm chosen = CollaborationForm.valueOf(f.getForm() == null ? "" : f.getForm());
                if (!call.forms().isEmpty() && !call.forms().contains(chosen)) {
                    throw new IllegalArgumentException();
                }
                return chosen;
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("form", "validation.proposal.form");
            }
        });
        if (from != null && to != null && to.isBefore(from)) {
            checks.check(() -> {
                throw new InvalidInputException("periodTo", "validation.proposal.periodOrder");
            });
        }
        checks.throwIfAny();
        p.editOutline(title, purpose, content, target, capacity, from, to, place, form, clock.instant());
    }

    @Transactional
    void saveRoles(long proposalId, Actor actor, ProposalForm f) {
        Proposal p = editable(proposalId, actor, f.getVersion());
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        List<ProposalLines.Role> rows = new ArrayList<>();
        for (int i = 0; i < f.getRoles().size(); i++) {
            ProposalForm.RoleRow r = f.getRoles().get(i);
            if (r == null || r.blank()) {
                continue;
            }
            String prefix = "roles[" + i + "].";
            String task = checks.check(() -> Inputs.required(prefix + "task", r.getTask(), 200));
            String groupPart = checks.check(() -> Inputs.optional(prefix + "groupPart", r.getGroupPart(), 500));
            String cityPart = checks.check(() -> Inputs.optional(prefix + "cityPart", r.getCityPart(), 500));
            if (groupPart == null && cityPart == null && !checks.failed(prefix + "groupPart") && !checks.failed(prefix + "cityPart")) {
                checks.check(() -> {
                    throw new InvalidInputException(prefix + "groupPart", "validation.proposal.roleEmpty");
                });
            }
            rows.add(new ProposalLines.Role(task, groupPart, cityPart));
        }
        checks.throwIfAny();
        p.editRoles(rows, clock.instant());
    }

    @Transactional
    void saveBudget(long proposalId, Actor actor, ProposalForm f) {
        Proposal p = editable(proposalId, actor, f.getVersion());
        p.editBudget(budgetLines(f), clock.instant());
    }

    /** The budget rows checked: amounts as people type them (１２，０００円) are read, anything else is named. */
    static List<ProposalLines.Budget> budgetLines(ProposalForm f) {
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        List<ProposalLines.Budget> rows = new ArrayList<>();
        for (int i = 0; i < f.getBudget().size(); i++) {
            ProposalForm.BudgetRow r = f.getBudget().get(i);
            if (r == null || r.blank()) {
                continue;
            }
            String prefix = "budget[" + i + "].";
            ProposalLines.BudgetKind kind = checks.check(() -> {
                try {
                    return ProposalLines.BudgetKind.valueOf(r.getKind() == null ? "" : r.getKind());
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(prefix + "kind", "validation.required");
                }
            });
            String item = checks.check(() -> Inputs.required(prefix + "item", r.getItem(), 200));
            Long amount = checks.check(() -> {
                Long v = Inputs.yen(prefix + "amount", r.getAmount());
                if (v == null) {
                    throw new InvalidInputException(prefix + "amount", "validation.required");
                }
                return v;
            });
            ProposalLines.Bearer bearer = checks.check(() -> {
                try {
                    return ProposalLines.Bearer.valueOf(r.getBearer() == null ? "" : r.getBearer());
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(prefix + "bearer", "validation.required");
                }
            });
            String note = checks.check(() -> Inputs.optional(prefix + "note", r.getNote(), 300));
            if (kind != null && amount != null && bearer != null) {
                // Income is the group's (fees, own funds, other grants); only an expense can be the city's share.
                rows.add(new ProposalLines.Budget(kind, item, amount, kind == ProposalLines.BudgetKind.INCOME ? ProposalLines.Bearer.GROUP : bearer, note));
            }
        }
        if (rows.stream().mapToLong(ProposalLines.Budget::amount).sum() > Yen.MAX) {
            checks.check(() -> {
                throw new InvalidInputException("budget", "validation.yen.tooLarge");
            });
        }
        checks.throwIfAny();
        return rows;
    }

    @Transactional
    void saveTargets(long proposalId, Actor actor, ProposalForm f) {
        Proposal p = editable(proposalId, actor, f.getVersion());
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        List<ProposalLines.Target> rows = new ArrayList<>();
        for (int i = 0; i < f.getTargets().size(); i++) {
            ProposalForm.TargetRow r = f.getTargets().get(i);
            if (r == null || r.blank()) {
                continue;
            }
            String prefix = "targets[" + i + "].";
            ProposalLines.TargetKind kind = checks.check(() -> {
                try {
                    return ProposalLines.TargetKind.valueOf(r.getKind() == null ? "" : r.getKind());
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(prefix + "kind", "validation.required");
                }
            });
            String description = checks.check(() -> Inputs.required(prefix + "description", r.getDescription(), 300));
            String value = checks.check(() -> Inputs.optional(prefix + "value", r.getValue(), 100));
            rows.add(new ProposalLines.Target(kind, description, value));
        }
        String pioneering = checks.check(() -> Inputs.optional("pioneering", f.getPioneering(), TEXT_MAX));
        String prospects = checks.check(() -> Inputs.optional("prospects", f.getProspects(), TEXT_MAX));
        checks.throwIfAny();
        p.editTargets(rows, pioneering, prospects, clock.instant());
    }

    // ---- Attachments ----

    @Transactional
    void attach(long proposalId, Actor actor, String filename, byte[] content) {
        // Two uploads at once must not both pass the count: serialize on the proposal's row.
        proposals.lockById(proposalId);
        Proposal p = editable(proposalId, actor, null);
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "validation.file.empty");
        }
        if (content.length > settings.maxAttachmentSize().toBytes()) {
            throw new InvalidInputException("file", "validation.file.tooLarge", settings.maxAttachmentSize().toMegabytes());
        }
        String type = FileTypes.documentOrImage(content);
        if (type == null) {
            throw new InvalidInputException("file", "validation.file.type");
        }
        long count = jdbc.sql("select count(*) from collab_file where owner_type = 'proposal' and owner_id = :id")
                .param("id", p.id()).query(Long.class).single();
        if (count >= settings.maxAttachments()) {
            throw new InvalidInputException("file", "validation.file.tooMany", settings.maxAttachments());
        }
        String name = jp.kyodo.shared.FileTypes.safeFilename(filename, "attachment");
        Attachments.save(jdbc, files, "proposal", p.id(), name.length() > 200 ? name.substring(0, 200) : name, type, content,
                actor.accountId(), clock.instant());
        audit.record(actor, "proposal.attach", "collab_proposal", p.id(), name);
    }

    @Transactional
    void detach(long proposalId, Actor actor, long fileId) {
        Proposal p = editable(proposalId, actor, null);
        // Another proposal's file is not found here, rather than reported as removed.
        if (!Attachments.delete(jdbc, files, "proposal", p.id(), fileId)) {
            throw CallManagement.notFound();
        }
        audit.record(actor, "proposal.detach", "collab_proposal", p.id(), "file #" + fileId);
    }

    @Transactional(readOnly = true)
    Optional<Attachments.Stored> attachment(long proposalId, long fileId) {
        return Attachments.load(jdbc, files, "proposal", proposalId, fileId);
    }

    // ---- Moves ----

    /**
     * Submits the proposal: inside the call's period, by a registered group, complete, with a balanced budget within
     * the theme's cap, and (when the setting requires it) after the department has answered the consultation.
     */
    @Transactional
    void submit(long proposalId, Actor actor, long version) {
        Proposal p = owned(proposalId, actor.accountId());
        if (p.version() != version) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
        if (!p.status().editable()) {
            throw new InvalidInputException("version", "validation.proposal.notEditable");
        }
        Call call = calls.findById(p.callId()).orElseThrow();
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        if (!call.accepting(callManagement.today())) {
            checks.check(() -> fail("version", "validation.proposal.outsidePeriod"));
        }
        if (!groups.profile(p.groupId()).map(Groups.GroupProfile::inGoodStanding).orElse(false)) {
            checks.check(() -> fail("version", "validation.proposal.groupNotRegistered"));
        }
        if (p.draftStep() < Proposal.STEPS || p.purpose() == null || p.form() == null || p.periodFrom() == null) {
            checks.check(() -> fail("version", "validation.proposal.incomplete"));
        }
        if (p.roles().isEmpty()) {
            checks.check(() -> fail("roles", "validation.proposal.noRoles"));
        }
        if (p.expenseTotal() == 0) {
            checks.check(() -> fail("budget", "validation.proposal.noBudget"));
        } else if (!p.balanced()) {
            checks.check(() -> fail("budget", "validation.proposal.unbalanced", Yen.format(p.incomeTotal()), Yen.format(p.cityShare()),
                    Yen.format(p.expenseTotal())));
        }
        if (call.budgetCap() != null && p.cityShare() > call.budgetCap()) {
            checks.check(() -> fail("budget", "validation.proposal.overCap", Yen.format(p.cityShare()), Yen.format(call.budgetCap())));
        }
        if (p.targets().isEmpty()) {
            checks.check(() -> fail("targets", "validation.proposal.noTargets"));
        }
        if (settings.consultationRequired() && !consulted(p.id())) {
            checks.check(() -> fail("version", "validation.proposal.notConsulted"));
        }
        checks.throwIfAny();
        p.submit(clock.instant());
        audit.record(actor, "proposal.submit", "collab_proposal", p.id(), Yen.format(p.cityShare()));
        String groupName = groups.profile(p.groupId()).map(Groups.GroupProfile::name).orElse("");
        for (String email : groups.managerEmails(p.groupId())) {
            mail.send(email, "proposalSubmitted", Locale.JAPANESE, groupName, p.title(), call.title());
        }
        for (String email : accounts.departmentEmails(call.departmentId())) {
            mail.send(email, "proposalSubmittedStaff", Locale.JAPANESE, groupName, p.title(), call.title(), String.valueOf(p.id()));
        }
    }

    /** Withdraws the proposal (取下げ), possible until its screening starts. */
    @Transactional
    void withdraw(long proposalId, Actor actor, long version) {
        Proposal p = owned(proposalId, actor.accountId());
        if (p.version() != version) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
        if (p.status() == ProposalStatus.IN_SCREENING || p.status().decided() || p.status() == ProposalStatus.WITHDRAWN) {
            throw new InvalidInputException("version", "validation.proposal.cannotWithdraw");
        }
        boolean wasSubmitted = p.status() == ProposalStatus.SUBMITTED;
        p.withdraw(clock.instant());
        audit.record(actor, "proposal.withdraw", "collab_proposal", p.id(), null);
        if (wasSubmitted) {
            Call call = calls.findById(p.callId()).orElseThrow();
            String groupName = groups.profile(p.groupId()).map(Groups.GroupProfile::name).orElse("");
            for (String email : accounts.departmentEmails(call.departmentId())) {
                mail.send(email, "proposalWithdrawnStaff", Locale.JAPANESE, groupName, p.title(), call.title());
            }
        }
    }

    /** Whether the department has answered the proposal's consultation. */
    boolean consulted(long proposalId) {
        return jdbc.sql("select count(*) from collab_consultation where proposal_id = :p and city_replied_at is not null")
                .param("p", proposalId).query(Long.class).single() > 0;
    }

    // ---- The city's side ----

    /**
     * A proposal for the city: the call's department, the department its consultation was routed to, or the
     * secretariat. A draft never consulted about stays the group's own.
     */
    @Transactional(readOnly = true)
    ProposalView forCity(long proposalId, CallManagement.Editor editor) {
        Proposal p = proposals.findById(proposalId).filter(this::sharedWithCity).orElseThrow(CallManagement::notFound);
        Call call = calls.findById(p.callId()).orElseThrow();
        Long consulted = jdbc.sql("select department_id from collab_consultation where proposal_id = :p").param("p", proposalId)
                .query(Long.class).optional().orElse(null);
        boolean allowed = editor.administrator() || (editor.departmentId() != null
                && (editor.departmentId().equals(call.departmentId()) || editor.departmentId().equals(consulted)));
        if (!allowed) {
            throw CallManagement.notFound();
        }
        return view(p);
    }

    /** A call's proposals the city may see (all but drafts), for its department or the secretariat. */
    @Transactional(readOnly = true)
    List<ProposalView> forCall(long callId) {
        return proposals.findByCallIdOrderByIdAsc(callId).stream().filter(this::sharedWithCity).map(this::view).toList();
    }

    /** A proposal the group has shown the city: consulted about or submitted (a draft withdrawn unseen stays private). */
    private boolean sharedWithCity(Proposal p) {
        if (p.status() != ProposalStatus.DRAFT && p.status() != ProposalStatus.WITHDRAWN) {
            return true;
        }
        return p.submittedAt() != null || jdbc.sql("select count(*) from collab_consultation where proposal_id = :p")
                .param("p", p.id()).query(Long.class).single() > 0;
    }

    // ---- Helpers ----

    Proposal owned(long proposalId, long accountId) {
        Proposal p = proposals.findById(proposalId).orElseThrow(CallManagement::notFound);
        if (!groups.manages(p.groupId(), accountId)) {
            throw CallManagement.notFound();
        }
        return p;
    }

    private Proposal editable(long proposalId, Actor actor, Long version) {
        Proposal p = owned(proposalId, actor.accountId());
        if (version != null && p.version() != version) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
        if (!p.status().editable()) {
            throw new InvalidInputException("version", "validation.proposal.notEditable");
        }
        return p;
    }

    private static <T> T fail(String field, String key, Object... args) {
        throw new InvalidInputException(field, key, args);
    }

    ProposalView view(Proposal p) {
        CallView call = callManagement.view(calls.findById(p.callId()).orElseThrow());
        Groups.GroupProfile group = groups.profile(p.groupId()).orElseThrow();
        List<ProposalView.Attachment> files = Attachments.list(jdbc, "proposal", p.id());
        return view(p, call, group, files);
    }

    /** Views of several proposals by id, as {@link #view(Proposal)} builds each, from a few queries for them all. */
    java.util.Map<Long, ProposalView> views(java.util.Collection<Proposal> ps) {
        java.util.Map<Long, ProposalView> out = new java.util.HashMap<>();
        if (ps.isEmpty()) {
            return out;
        }
        java.util.Map<Long, CallView> callViews = callManagement.viewsById(calls.findAllById(ps.stream().map(Proposal::callId).distinct().toList()));
        java.util.Map<Long, Groups.GroupProfile> profiles = groups.profiles(ps.stream().map(Proposal::groupId).toList());
        java.util.Map<Long, List<ProposalView.Attachment>> files = Attachments.listAll(jdbc, "proposal", ps.stream().map(Proposal::id).toList());
        for (Proposal p : ps) {
            out.put(p.id(), view(p, java.util.Objects.requireNonNull(callViews.get(p.callId())),
                    Optional.ofNullable(profiles.get(p.groupId())).orElseThrow(), files.getOrDefault(p.id(), List.of())));
        }
        return out;
    }

    private static ProposalView view(Proposal p, CallView call, Groups.GroupProfile group, List<ProposalView.Attachment> files) {
        return new ProposalView(p.id(), call, group, p.status(), p.draftStep(), p.title(), p.purpose(), p.content(), p.target(),
                p.capacity(), p.periodFrom(), p.periodTo(), p.place(), p.form(), p.pioneering(), p.prospects(), List.copyOf(p.roles()),
                List.copyOf(p.budget()), List.copyOf(p.targets()), p.incomeTotal(), p.expenseTotal(), p.cityShare(), p.balanced(),
                p.decisionReason(), p.conditions(), p.submittedAt(), p.decidedAt(), p.updatedAt(), p.version(), files);
    }
}
