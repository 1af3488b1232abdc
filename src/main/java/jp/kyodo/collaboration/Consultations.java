package jp.kyodo.collaboration;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.accounts.DepartmentView;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.groups.Groups;
import jp.kyodo.notifications.MailOutbox;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.FileTypes;
import jp.kyodo.shared.Inputs;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prior consultation (事前相談): the group asks the department that would be its partner about a draft proposal,
 * and they exchange messages and files. For the yearly call the secretariat receives it and may route it to the
 * department concerned. The department's first answer is what the submission rule looks for.
 */
@Service
class Consultations {

    static final int MESSAGE_MAX = 4000;

    private final ProposalRepository proposals;
    private final CallRepository calls;
    private final ProposalWork work;
    private final Groups groups;
    private final Accounts accounts;
    private final MailOutbox mail;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final jp.kyodo.shared.FileStorage files;
    private final Clock clock;
    private final CollaborationSettings settings;
    private final jp.kyodo.shared.CityProfile city;

    Consultations(ProposalRepository proposals, CallRepository calls, ProposalWork work, Groups groups, Accounts accounts,
                  MailOutbox mail, AuditLog audit, JdbcClient jdbc, jp.kyodo.shared.FileStorage files, Clock clock, CollaborationSettings settings,
                  jp.kyodo.shared.CityProfile city) {
        this.city = city;
        this.proposals = proposals;
        this.calls = calls;
        this.work = work;
        this.groups = groups;
        this.accounts = accounts;
        this.mail = mail;
        this.audit = audit;
        this.jdbc = jdbc;
        this.files = files;
        this.clock = clock;
        this.settings = settings;
    }

    enum Side { GROUP, CITY }

    /** A consultation and its messages, oldest first. */
    record ConsultationView(long id, long proposalId, String proposalTitle, String groupName, String callTitle, Long departmentId,
                            String departmentName, Instant openedAt, Instant cityRepliedAt, List<Message> messages) {
        public boolean awaitingCity() {
            return !messages.isEmpty() && messages.getLast().side() == Side.GROUP;
        }
    }

    /** A message with its files. */
    record Message(long id, Side side, String authorName, String body, Instant createdAt, List<ProposalView.Attachment> files) {
    }

    /** The group opens the consultation about its draft with a first message. */
    @Transactional
    void open(long proposalId, Actor actor, String rawBody, String filename, byte[] file) {
        // A double click must not open two consultations: the second waits here and then finds the proposal consulting.
        proposals.lockById(proposalId);
        Proposal p = work.owned(proposalId, actor.accountId());
        if (p.status() != ProposalStatus.DRAFT) {
            throw new InvalidInputException("body", "validation.consultation.notDraft");
        }
        String body = Inputs.required("body", rawBody, MESSAGE_MAX);
        String type = checkFile(file);
        Call call = calls.findById(p.callId()).orElseThrow();
        if (call.consultationDeadline() != null && today().isAfter(call.consultationDeadline())) {
            throw new InvalidInputException("body", "validation.consultation.closed");
        }
        Instant now = clock.instant();
        p.consult(now);
        long id = jdbc.sql("""
                        insert into collab_consultation (proposal_id, department_id, opened_by, opened_at)
                        values (:p, :d, :by, :at) returning id""")
                .param("p", p.id()).param("d", call.departmentId()).param("by", actor.accountId()).param("at", Timestamp.from(now))
                .query(Long.class).single();
        addMessage(id, Side.GROUP, actor, body, filename, file, type, now);
        audit.record(actor, "consultation.open", "collab_proposal", p.id(), null);
        tellCity(call.departmentId(), p, "consultationOpened");
    }

    /** A message from either side; the department's first one records that the group has been answered. */
    @Transactional
    void post(long proposalId, Actor actor, Side side, CallManagement.Editor editor, String rawBody, String filename, byte[] file) {
        ConsultationRow c = row(proposalId).orElseThrow(CallManagement::notFound);
        Proposal p = proposals.findById(proposalId).orElseThrow(CallManagement::notFound);
        if (side == Side.GROUP) {
            work.owned(proposalId, actor.accountId());
        } else if (!mayAnswer(editor, c)) {
            throw CallManagement.notFound();
        }
        if (p.status() != ProposalStatus.CONSULTING && p.status() != ProposalStatus.SUBMITTED) {
            throw new InvalidInputException("body", "validation.consultation.closedForProposal");
        }
        String body = Inputs.required("body", rawBody, MESSAGE_MAX);
        String type = checkFile(file);
        Instant now = clock.instant();
        addMessage(c.id(), side, actor, body, filename, file, type, now);
        if (side == Side.CITY) {
            jdbc.sql("update collab_consultation set city_replied_at = coalesce(city_replied_at, :at) where id = :id")
                    .param("at", Timestamp.from(now)).param("id", c.id()).update();
            String groupName = groups.profile(p.groupId()).map(Groups.GroupProfile::name).orElse("");
            for (String email : groups.managerEmails(p.groupId())) {
                mail.send(email, "consultationAnswered", Locale.JAPANESE, groupName, p.title());
            }
        } else {
            tellCity(c.departmentId(), p, "consultationMessage");
        }
        audit.record(actor, side == Side.CITY ? "consultation.answer" : "consultation.message", "collab_proposal", proposalId, null);
    }

    /** The secretariat passes a consultation on to the department concerned. */
    @Transactional
    void route(long proposalId, CallManagement.Editor editor, long departmentId) {
        if (!editor.administrator()) {
            throw CallManagement.notFound();
        }
        ConsultationRow c = row(proposalId).orElseThrow(CallManagement::notFound);
        DepartmentView department = accounts.department(departmentId).filter(DepartmentView::active)
                .orElseThrow(() -> new InvalidInputException("departmentId", "validation.required"));
        jdbc.sql("update collab_consultation set department_id = :d where id = :id").param("d", department.id()).param("id", c.id()).update();
        audit.record(editor.actor(), "consultation.route", "collab_proposal", proposalId, department.name());
        tellCity(department.id(), proposals.findById(proposalId).orElseThrow(), "consultationRouted");
    }

    @Transactional(readOnly = true)
    Optional<ConsultationView> forGroup(long proposalId, long accountId) {
        work.owned(proposalId, accountId);
        return row(proposalId).map(this::view);
    }

    /** A proposal's consultation, for a city page that has already checked the proposal may be seen. */
    @Transactional(readOnly = true)
    Optional<ConsultationView> ofProposal(long proposalId) {
        return row(proposalId).map(this::view);
    }

    /** Whether the editor's department (or the secretariat) answers this consultation. */
    @Transactional(readOnly = true)
    boolean answers(long proposalId, CallManagement.Editor editor) {
        return row(proposalId).map(r -> mayAnswer(editor, r)).orElse(false);
    }

    /** The consultations a department (or, for administrators, the whole city) handles, those awaiting an answer first. */
    @Transactional(readOnly = true)
    List<ConsultationView> forCity(CallManagement.Editor editor) {
        List<ConsultationRow> rows = jdbc.sql("select id, proposal_id, department_id, opened_at, city_replied_at from collab_consultation order by opened_at desc")
                .query((rs, i) -> new ConsultationRow(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant())).list();
        return rows.stream().filter(r -> mayAnswer(editor, r)).map(this::view)
                .sorted(java.util.Comparator.comparing(ConsultationView::awaitingCity).reversed()).toList();
    }

    @Transactional(readOnly = true)
    Optional<Attachments.Stored> file(long proposalId, long messageId, long fileId) {
        ConsultationRow c = row(proposalId).orElseThrow(CallManagement::notFound);
        boolean ofThisConsultation = jdbc.sql("select count(*) from collab_consultation_message where id = :m and consultation_id = :c")
                .param("m", messageId).param("c", c.id()).query(Long.class).single() > 0;
        return ofThisConsultation ? Attachments.load(jdbc, files, "message", messageId, fileId) : Optional.empty();
    }

    private boolean mayAnswer(CallManagement.Editor editor, ConsultationRow c) {
        return editor != null && (editor.administrator() || (editor.departmentId() != null && editor.departmentId().equals(c.departmentId())));
    }

    private record ConsultationRow(long id, long proposalId, Long departmentId, Instant openedAt, Instant cityRepliedAt) {
    }

    private Optional<ConsultationRow> row(long proposalId) {
        return jdbc.sql("select id, proposal_id, department_id, opened_at, city_replied_at from collab_consultation where proposal_id = :p")
                .param("p", proposalId)
                .query((rs, i) -> new ConsultationRow(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
                .optional();
    }

    private ConsultationView view(ConsultationRow c) {
        Proposal p = proposals.findById(c.proposalId()).orElseThrow();
        Call call = calls.findById(p.callId()).orElseThrow();
        List<Message> messages = jdbc.sql("""
                        select id, side, author_name, body, created_at from collab_consultation_message
                        where consultation_id = :c order by created_at, id""")
                .param("c", c.id())
                .query((rs, i) -> new Message(rs.getLong(1), Side.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), List.of())).list()
                .stream().map(m -> new Message(m.id(), m.side(), m.authorName(), m.body(), m.createdAt(), Attachments.list(jdbc, "message", m.id())))
                .toList();
        String department = c.departmentId() == null ? "" : accounts.department(c.departmentId()).map(DepartmentView::name).orElse("");
        String groupName = groups.profile(p.groupId()).map(Groups.GroupProfile::name).orElse("");
        return new ConsultationView(c.id(), p.id(), p.title(), groupName, call.title(), c.departmentId(), department, c.openedAt(),
                c.cityRepliedAt(), messages);
    }

    private void addMessage(long consultationId, Side side, Actor actor, String body, String filename, byte[] file, String type, Instant now) {
        long messageId = jdbc.sql("""
                        insert into collab_consultation_message (consultation_id, side, author_id, author_name, body, created_at)
                        values (:c, :side, :by, :name, :body, :at) returning id""")
                .param("c", consultationId).param("side", side.name()).param("by", actor.accountId()).param("name", actor.displayName())
                .param("body", body).param("at", Timestamp.from(now)).query(Long.class).single();
        if (type != null) {
            String name = jp.kyodo.shared.FileTypes.safeFilename(filename, "attachment");
            Attachments.save(jdbc, files, "message", messageId, name.length() > 200 ? name.substring(0, 200) : name, type, file,
                    actor.accountId(), now);
        }
    }

    /** A file is optional; when given it must be a PDF or image within the size limit. */
    private String checkFile(byte[] file) {
        if (file == null || file.length == 0) {
            return null;
        }
        if (file.length > settings.maxAttachmentSize().toBytes()) {
            throw new InvalidInputException("file", "validation.file.tooLarge", settings.maxAttachmentSize().toMegabytes());
        }
        String type = FileTypes.documentOrImage(file);
        if (type == null) {
            throw new InvalidInputException("file", "validation.file.type");
        }
        return type;
    }

    private void tellCity(Long departmentId, Proposal p, String key) {
        if (departmentId == null) {
            return;
        }
        String groupName = groups.profile(p.groupId()).map(Groups.GroupProfile::name).orElse("");
        for (String email : accounts.departmentEmails(departmentId)) {
            mail.send(email, key, Locale.JAPANESE, groupName, p.title(), String.valueOf(p.id()));
        }
    }

    private java.time.LocalDate today() {
        return java.time.LocalDate.now(clock.withZone(city.zone()));
    }
}
