package jp.kyodo.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what is due in the outbox. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several portal
 * nodes can run senders side by side without sending a mail twice.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final JavaMailSender mailSender;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String from;
    private final int maxAttempts;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mail-outbox");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean wakeQueued = new AtomicBoolean();

    OutboxSender(ObjectProvider<JavaMailSender> mailSender, JdbcClient jdbc, TransactionTemplate tx, Clock clock,
                 @Value("${kyodo.mail.from}") String from, @Value("${kyodo.mail.max-attempts}") int maxAttempts) {
        this.mailSender = mailSender.getIfAvailable();
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.from = from;
        this.maxAttempts = maxAttempts;
        if (this.mailSender == null) {
            log.info("No SMTP server configured (spring.mail.host): mails stay in the outbox; administrators read them at /admin/mails");
        }
    }

    boolean enabled() {
        return mailSender != null;
    }

    /** Asks for a send soon, after a commit that queued mail; several wakes in a row become one run. */
    void wake() {
        if (enabled() && wakeQueued.compareAndSet(false, true)) {
            worker.execute(() -> {
                wakeQueued.set(false);
                sendDue();
            });
        }
    }

    @Scheduled(fixedDelayString = "${kyodo.mail.poll-interval}", initialDelayString = "${kyodo.mail.poll-interval}")
    void poll() {
        wake();
    }

    /** Sends due mails one by one until none is left. Runs on the single worker thread (or in a test). */
    void sendDue() {
        try {
            while (Boolean.TRUE.equals(tx.execute(status -> sendOne()))) {
                // next mail
            }
        } catch (RuntimeException e) {
            log.warn("Mail outbox run stopped; it will be retried", e);
        }
    }

    /**
     * Claims one due mail, sends it and records the outcome in one short transaction: a crash before the commit
     * leaves the mail due again, and a mail's failure never undoes another's success.
     */
    private boolean sendOne() {
        List<Due> due = jdbc.sql("""
                        select id, recipient, subject, body, attempts from mail_outbox
                        where status = 'PENDING' and next_attempt_at <= :now
                        order by id limit 1 for update skip locked""")
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .query((rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list();
        if (due.isEmpty()) {
            return false;
        }
        Due mail = due.getFirst();
        try {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(mail.recipient());
            message.setSubject(mail.subject());
            message.setText(mail.body());
            mailSender.send(message);
            jdbc.sql("update mail_outbox set status = 'SENT', sent_at = :now, attempts = attempts + 1, last_error = null where id = :id")
                    .param("now", java.sql.Timestamp.from(clock.instant())).param("id", mail.id()).update();
            jdbc.sql("delete from mail_outbox where id = :id and erase_when_sent").param("id", mail.id()).update();
        } catch (RuntimeException e) {
            int attempts = mail.attempts() + 1;
            String status = attempts >= maxAttempts ? "FAILED" : "PENDING";
            jdbc.sql("""
                            update mail_outbox set status = :status, attempts = :attempts, last_error = :error,
                            next_attempt_at = :next where id = :id""")
                    .param("status", status).param("attempts", attempts)
                    .param("error", String.valueOf(e.getMessage()))
                    .param("next", java.sql.Timestamp.from(clock.instant().plus(backoff(attempts))))
                    .param("id", mail.id()).update();
            log.warn("Mail {} could not be sent (attempt {}): {}", mail.id(), attempts, e.getMessage());
        }
        return true;
    }

    /** 1, 2, 4 … minutes, at most six hours. */
    static Duration backoff(int attempts) {
        long minutes = 1L << Math.min(attempts - 1, 9);
        return Duration.ofMinutes(Math.min(minutes, 360));
    }

    private record Due(long id, String recipient, String subject, String body, int attempts) {
    }
}
