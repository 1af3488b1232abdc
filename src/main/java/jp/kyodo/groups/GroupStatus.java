package jp.kyodo.groups;

/** Where a group's registration stands. */
public enum GroupStatus {
    /** Being filled in by the applicant. */
    DRAFT,
    /** Waiting for the secretariat's review. */
    SUBMITTED,
    /** Returned to the applicant for correction. */
    RETURNED,
    /** Registered and listed in the directory. */
    REGISTERED,
    /** Refused, with a reason. */
    REFUSED,
    /** Not renewed in time: out of the directory, history kept. */
    EXPIRED,
    /** Dissolved by the group (廃止届). */
    DISSOLVED,
    /** Cancelled by the city, with a reason. */
    CANCELLED;

    /** Whether the applicant may still edit the application. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
