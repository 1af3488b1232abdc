package jp.kyodo.accounts;

/** The life of an account. */
public enum AccountStatus {
    /** Signed up, e-mail address not yet confirmed. */
    PENDING_VERIFICATION,
    ACTIVE,
    /** Stopped by an administrator. */
    DISABLED,
    /** Deleted by its owner; personal data erased. */
    DELETED
}
