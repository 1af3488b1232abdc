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
    private final java.time.Duration retention;

    MailOutbox(OutboxMails mails, OutboxSender sender, MessageSource messages, CityProfile city, AuditLog audit, Clock clock,
               @org.springframework.beans.factory.annotation.Value("${kyodo.mail.retention:90d}") java.time.Duration retention) {
        this.mails = mails;
        this.sender = sender;
        this.messages = messages;
        this.city = city;
        this.audit = audit;
        this.clock = clock;
        this.retention = retention;
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

    /**
     * Like {@link #send}, for a person whose data the portal erases: the mail leaves the outbox as soon as it is sent,
     * so their address is kept nowhere (the farewell mail of a deleted account).
     */
    @Transactional
    public void sendAndForget(String recipient, String key, Locale locale, Object... args) {
        String subject = messages.getMessage("mail." + key + ".subject", args, locale);
        String body = messages.getMessage("mail." + key + ".body", args, locale);
        save(OutboxMail.erasedWhenSent(recipient, "[" + city.portalTitle(locale) + "] " + subject, body + "\n\n" + signature(locale), clock.instant()));
    }

    /** Queues a mail as it is. */
    @Transactional
    public void queue(String recipient, String subject, String body) {
        save(new OutboxMail(recipient, subject, body, clock.instant()));
    }

    private void save(OutboxMail mail) {
        mails.save(mail);
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

    /**
     * A mail as an administrator reads it, and the reading recorded. Its links carry live tokens only while no
     * SMTP server is configured (the newcomer's way to follow a confirmation link); otherwise they are hidden, so
     * that reading the outbox never lets anyone act as the recipient.
     */
    @Transactional
    public java.util.Optional<OutboxMessage> readAsAdministrator(long id) {
        return mails.findById(id).map(mail -> {
            audit.record("mail.read", "mail", id, null);
            OutboxMessage message = mail.toMessage();
            return smtpConfigured() ? message.withoutTokens() : message;
        });
    }

    /** Sent mail is kept for a while (for questions about it) and then deleted, with the personal data in it. */
    @org.springframework.scheduling.annotation.Scheduled(cron = "${kyodo.mail.purge-cron:0 30 3 * * *}")
    @Transactional
    public void purgeSent() {
        mails.deleteSentBefore(clock.instant().minus(retention));
    }

    /** Puts a failed mail back in the queue; false when it is not failed (any more), e.g. after a second click. */
    @Transactional
    public boolean retry(long id) {
        OutboxMail mail = mails.findById(id).orElseThrow(() -> new IllegalArgumentException("No mail " + id));
        if (!mail.retry(clock.instant())) {
            return false;
        }
        audit.record("mail.retry", "mail", id, null);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sender.wake();
            }
        });
        return true;
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
