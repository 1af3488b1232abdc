package jp.kyodo.notifications;

/** Where a mail in the outbox stands. */
public enum MailStatus {
    /** Waiting to be sent (or kept because no SMTP server is configured). */
    PENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Given up after the maximum number of attempts. */
    FAILED
}
