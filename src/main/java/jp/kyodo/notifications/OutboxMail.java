package jp.kyodo.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A mail in the outbox. */
@Entity
@Table(name = "mail_outbox")
class OutboxMail {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MailStatus status;

    private int attempts;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "erase_when_sent")
    private boolean eraseWhenSent;

    protected OutboxMail() {
    }

    OutboxMail(String recipient, String subject, String body, Instant now) {
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.status = MailStatus.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** A mail deleted from the outbox once it is sent. */
    static OutboxMail erasedWhenSent(String recipient, String subject, String body, Instant now) {
        OutboxMail mail = new OutboxMail(recipient, subject, body, now);
        mail.eraseWhenSent = true;
        return mail;
    }

    /** Puts a failed mail back in the queue, as an administrator asks after fixing the cause. */
    boolean retry(Instant now) {
        if (status != MailStatus.FAILED) {
            return false;
        }
        status = MailStatus.PENDING;
        attempts = 0;
        nextAttemptAt = now;
        return true;
    }

    Long id() {
        return id;
    }

    MailStatus status() {
        return status;
    }

    OutboxMessage toMessage() {
        return new OutboxMessage(id, recipient, subject, body, status, attempts, lastError, createdAt, sentAt);
    }
}
