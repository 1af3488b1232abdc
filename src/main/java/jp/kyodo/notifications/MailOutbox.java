package jp.kyodo.notifications;

import java.time.Clock;
import java.util.Locale;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.shared.CityProfile;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues e-mail in the outbox inside the caller's transaction: a mail exists exactly when the change that
 * caused it commits, and the sender delivers it afterwards, retrying while the SMTP server is away.
 */
@Service
public class MailOutbox {

    private final OutboxMails mails;
    private final OutboxSender sender;
    private final MessageSource messages;
    private final CityProfile city;
    private final AuditLog audit;
    private final Clock clock;

    MailOutbox(OutboxMails mails, OutboxSender sender, MessageSource messages, CityProfile city, AuditLog audit, Clock clock) {
        this.mails = mails;
        this.sender = sender;
        this.messages = messages;
        this.city = city;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Composes a mail from the message bundle ({@code mail.<key>.subject} and {@code mail.<key>.body}, with the
     * arguments), adds the city's signature, and queues it.
     */
    @Transactional
    public void send(String recipient, String key, Locale locale, Object... args) {
        String subject = messages.getMessage("mail." + key + ".subject", args, locale);
        String body = messages.getMessage("mail." + key + ".body", args, locale);
        queue(recipient, "[" + city.portalTitle(locale) + "] " + subject, body + "\n\n" + signature(locale));
    }

    /** Queues a mail as it is. */
    @Transactional
    public void queue(String recipient, String subject, String body) {
        mails.save(new OutboxMail(recipient, subject, body, clock.instant()));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sender.wake();
                }
            });
        }
    }

    @Transactional(readOnly = true)
    public Page<OutboxMessage> search(MailStatus status, String recipient, Pageable pageable) {
        String pattern = recipient == null || recipient.isBlank() ? null : "%" + recipient.trim().toLowerCase(Locale.ROOT) + "%";
        return mails.search(status, pattern, pageable).map(OutboxMail::toMessage);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<OutboxMessage> find(long id) {
        return mails.findById(id).map(OutboxMail::toMessage);
    }

    /** Puts a failed mail back in the queue. */
    @Transactional
    public void retry(long id) {
        OutboxMail mail = mails.findById(id).orElseThrow(() -> new IllegalArgumentException("No mail " + id));
        mail.retry(clock.instant());
        audit.record("mail.retry", "mail", id, null);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sender.wake();
            }
        });
    }

    public boolean smtpConfigured() {
        return sender.enabled();
    }

    private String signature(Locale locale) {
        return "――――――――――――――――――――\n"
                + city.portalTitle(locale) + "\n"
                + city.cityName(locale) + " " + city.divisionName(locale) + "\n"
                + "〒" + city.postalCode() + " " + city.addressText(locale) + "\n"
                + "TEL " + city.phone() + " / E-mail " + city.email() + "\n"
                + messages.getMessage("mail.signature.noreply", null, locale);
    }
}
