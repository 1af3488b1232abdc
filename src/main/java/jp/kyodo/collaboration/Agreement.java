package jp.kyodo.collaboration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of a project's agreement (協定書). A draft is edited by the department and commented on by both sides;
 * each side confirms it (who and when are kept); an edit after a confirmation clears it, so that both always
 * confirm the same text. Confirmed by both, it is SIGNED; a later signed version (a change) SUPERSEDES it.
 */
@Entity
@Table(name = "collab_agreement")
class Agreement {

    enum Status { DRAFT, SIGNED, SUPERSEDED }

    /** The clauses. */
    record Clauses(String purpose, LocalDate periodFrom, LocalDate periodTo, String roles, String costSharing, String informationSharing,
                   String personalData, String outputs, String changeTermination) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long projectId;
    private int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    private String purpose;
    private LocalDate periodFrom;
    private LocalDate periodTo;
    private String roles;
    private String costSharing;
    private String informationSharing;
    private String personalData;
    private String outputs;
    private String changeTermination;
    private String changeReason;
    private Long cityConfirmedBy;
    private String cityConfirmedName;
    private Instant cityConfirmedAt;
    private Long groupConfirmedBy;
    private String groupConfirmedName;
    private Instant groupConfirmedAt;
    private Long createdBy;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected Agreement() {
    }

    static Agreement draft(long projectId, int number, Clauses clauses, String changeReason, long createdBy, Instant now) {
        Agreement a = new Agreement();
        a.projectId = projectId;
        a.number = number;
        a.status = Status.DRAFT;
        a.changeReason = changeReason;
        a.createdBy = createdBy;
        a.createdAt = now;
        a.set(clauses, now);
        return a;
    }

    void edit(Clauses clauses, Instant now) {
        requireDraft();
        set(clauses, now);
        // The text changed: a confirmation given to the earlier text no longer holds.
        cityConfirmedBy = null;
        cityConfirmedName = null;
        cityConfirmedAt = null;
        groupConfirmedBy = null;
        groupConfirmedName = null;
        groupConfirmedAt = null;
    }

    private void set(Clauses c, Instant now) {
        purpose = c.purpose();
        periodFrom = c.periodFrom();
        periodTo = c.periodTo();
        roles = c.roles();
        costSharing = c.costSharing();
        informationSharing = c.informationSharing();
        personalData = c.personalData();
        outputs = c.outputs();
        changeTermination = c.changeTermination();
        updatedAt = now;
    }

    /** The department confirms; returns whether the agreement is now signed by both. */
    boolean confirmByCity(long accountId, String name, Instant now) {
        requireDraft();
        cityConfirmedBy = accountId;
        cityConfirmedName = name;
        cityConfirmedAt = now;
        return signIfBoth(now);
    }

    /** The group's representative confirms; returns whether the agreement is now signed by both. */
    boolean confirmByGroup(long accountId, String name, Instant now) {
        requireDraft();
        groupConfirmedBy = accountId;
        groupConfirmedName = name;
        groupConfirmedAt = now;
        return signIfBoth(now);
    }

    private boolean signIfBoth(Instant now) {
        updatedAt = now;
        if (cityConfirmedAt != null && groupConfirmedAt != null) {
            status = Status.SIGNED;
            return true;
        }
        return false;
    }

    void supersede(Instant now) {
        if (status != Status.SIGNED) {
            throw new IllegalStateException("Only a signed agreement is superseded");
        }
        status = Status.SUPERSEDED;
        updatedAt = now;
    }

    private void requireDraft() {
        if (status != Status.DRAFT) {
            throw new IllegalStateException("Agreement version " + number + " is " + status);
        }
    }

    Clauses clauses() {
        return new Clauses(purpose, periodFrom, periodTo, roles, costSharing, informationSharing, personalData, outputs, changeTermination);
    }

    Long id() { return id; }
    Long projectId() { return projectId; }
    int number() { return number; }
    Status status() { return status; }
    String changeReason() { return changeReason; }
    String cityConfirmedName() { return cityConfirmedName; }
    Instant cityConfirmedAt() { return cityConfirmedAt; }
    String groupConfirmedName() { return groupConfirmedName; }
    Instant groupConfirmedAt() { return groupConfirmedAt; }
    Instant updatedAt() { return updatedAt; }
    long version() { return version; }
}
