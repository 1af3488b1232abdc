package jp.kyodo.collaboration;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.kyodo.shared.CollaborationForm;

/**
 * A group's proposal for a call. Its life is one state machine:
 * <pre>
 * DRAFT ──consult──▶ CONSULTING
 * DRAFT | CONSULTING ──submit──▶ SUBMITTED ──startScreening──▶ IN_SCREENING ──decide──▶ ADOPTED | CONDITIONALLY_ADOPTED | NOT_ADOPTED
 * DRAFT | CONSULTING | SUBMITTED ──withdraw──▶ WITHDRAWN
 * </pre>
 * Every other move is refused. The group edits only a draft (or one under consultation).
 */
@Entity
@Table(name = "collab_proposal")
class Proposal {

    static final int STEPS = 5;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long callId;
    private Long groupId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProposalStatus status;

    private int draftStep;
    private String title;
    private String purpose;
    private String content;
    private String target;
    private String capacity;
    private LocalDate periodFrom;
    private LocalDate periodTo;
    private String place;
    @Enumerated(EnumType.STRING)
    private CollaborationForm form;
    private String pioneering;
    private String prospects;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "collab_proposal_role", joinColumns = @JoinColumn(name = "proposal_id"))
    @OrderColumn(name = "seq")
    private List<ProposalLines.Role> roles = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "collab_proposal_budget", joinColumns = @JoinColumn(name = "proposal_id"))
    @OrderColumn(name = "seq")
    private List<ProposalLines.Budget> budget = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "collab_proposal_target", joinColumns = @JoinColumn(name = "proposal_id"))
    @OrderColumn(name = "seq")
    private List<ProposalLines.Target> targets = new ArrayList<>();

    private long requestedAmount;
    private String decisionReason;
    private String conditions;
    private Instant submittedAt;
    private Instant decidedAt;
    private Long createdBy;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected Proposal() {
    }

    static Proposal draft(long callId, long groupId, String title, long createdBy, Instant now) {
        Proposal p = new Proposal();
        p.callId = callId;
        p.groupId = groupId;
        p.title = title;
        p.status = ProposalStatus.DRAFT;
        p.draftStep = 1;
        p.createdBy = createdBy;
        p.createdAt = now;
        p.updatedAt = now;
        return p;
    }

    // ---- The group's edits, step by step ----

    void editOutline(String title, String purpose, String content, String target, String capacity, LocalDate from, LocalDate to,
                     String place, CollaborationForm form, Instant now) {
        requireEditable();
        this.title = title;
        this.purpose = purpose;
        this.content = content;
        this.target = target;
        this.capacity = capacity;
        this.periodFrom = from;
        this.periodTo = to;
        this.place = place;
        this.form = form;
        touch(2, now);
    }

    void editRoles(List<ProposalLines.Role> roles, Instant now) {
        requireEditable();
        this.roles = new ArrayList<>(roles);
        touch(3, now);
    }

    void editBudget(List<ProposalLines.Budget> lines, Instant now) {
        requireEditable();
        this.budget = new ArrayList<>(lines);
        this.requestedAmount = cityShare();
        touch(4, now);
    }

    void editTargets(List<ProposalLines.Target> targets, String pioneering, String prospects, Instant now) {
        requireEditable();
        this.targets = new ArrayList<>(targets);
        this.pioneering = pioneering;
        this.prospects = prospects;
        touch(5, now);
    }

    private void touch(int reached, Instant now) {
        draftStep = Math.max(draftStep, Math.min(reached, STEPS));
        updatedAt = now;
    }

    // ---- Budget figures: always computed from the lines, never stored apart from them ----

    long incomeTotal() {
        return budget.stream().filter(b -> b.kind() == ProposalLines.BudgetKind.INCOME).mapToLong(ProposalLines.Budget::amount).sum();
    }

    long expenseTotal() {
        return budget.stream().filter(b -> b.kind() == ProposalLines.BudgetKind.EXPENSE).mapToLong(ProposalLines.Budget::amount).sum();
    }

    /** The expenses the city is asked to bear: the amount requested. */
    long cityShare() {
        return budget.stream().filter(b -> b.kind() == ProposalLines.BudgetKind.EXPENSE && b.bearer() == ProposalLines.Bearer.CITY)
                .mapToLong(ProposalLines.Budget::amount).sum();
    }

    /** Income and the city's share together cover the expenses exactly (収支が一致する). */
    boolean balanced() {
        return incomeTotal() + cityShare() == expenseTotal();
    }

    // ---- The state machine ----

    void consult(Instant now) {
        require(status == ProposalStatus.DRAFT, "consult");
        status = ProposalStatus.CONSULTING;
        updatedAt = now;
    }

    void submit(Instant now) {
        require(status == ProposalStatus.DRAFT || status == ProposalStatus.CONSULTING, "submit");
        status = ProposalStatus.SUBMITTED;
        submittedAt = now;
        updatedAt = now;
    }

    void withdraw(Instant now) {
        require(status == ProposalStatus.DRAFT || status == ProposalStatus.CONSULTING || status == ProposalStatus.SUBMITTED, "withdraw");
        status = ProposalStatus.WITHDRAWN;
        updatedAt = now;
    }

    void startScreening(Instant now) {
        require(status == ProposalStatus.SUBMITTED, "startScreening");
        status = ProposalStatus.IN_SCREENING;
        updatedAt = now;
    }

    void decide(ProposalStatus decision, String reason, String conditions, Instant now) {
        require(status == ProposalStatus.IN_SCREENING, "decide");
        if (!decision.decided()) {
            throw new IllegalArgumentException("Not a decision: " + decision);
        }
        if (decision == ProposalStatus.CONDITIONALLY_ADOPTED && (conditions == null || conditions.isBlank())) {
            throw new IllegalArgumentException("Conditional adoption needs its conditions");
        }
        status = decision;
        decisionReason = reason;
        this.conditions = decision == ProposalStatus.CONDITIONALLY_ADOPTED ? conditions : null;
        decidedAt = now;
        updatedAt = now;
    }

    private void requireEditable() {
        if (!status.editable()) {
            throw new IllegalMoveException("edit", status);
        }
    }

    private void require(boolean allowed, String move) {
        if (!allowed) {
            throw new IllegalMoveException(move, status);
        }
    }

    /** A move the proposal's state does not allow. */
    static final class IllegalMoveException extends IllegalStateException {
        private final String move;
        private final ProposalStatus from;

        IllegalMoveException(String move, ProposalStatus from) {
            super("A proposal in " + from + " cannot " + move);
            this.move = move;
            this.from = from;
        }

        String move() { return move; }
        ProposalStatus from() { return from; }
    }

    Long id() { return id; }
    Long callId() { return callId; }
    Long groupId() { return groupId; }
    ProposalStatus status() { return status; }
    int draftStep() { return draftStep; }
    String title() { return title; }
    String purpose() { return purpose; }
    String content() { return content; }
    String target() { return target; }
    String capacity() { return capacity; }
    LocalDate periodFrom() { return periodFrom; }
    LocalDate periodTo() { return periodTo; }
    String place() { return place; }
    CollaborationForm form() { return form; }
    String pioneering() { return pioneering; }
    String prospects() { return prospects; }
    List<ProposalLines.Role> roles() { return roles; }
    List<ProposalLines.Budget> budget() { return budget; }
    List<ProposalLines.Target> targets() { return targets; }
    long requestedAmount() { return requestedAmount; }
    String decisionReason() { return decisionReason; }
    String conditions() { return conditions; }
    Instant submittedAt() { return submittedAt; }
    Instant decidedAt() { return decidedAt; }
    Instant updatedAt() { return updatedAt; }
    long version() { return version; }
}
