package jp.kyodo.notifications;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import jp.kyodo.shared.ThrottledValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The mail outbox as an operator watches it: mails waiting (and how long the oldest has waited), and mails given up
 * after the last attempt. The same for every node: they share the outbox.
 */
@Component
class OutboxMetrics implements MeterBinder {

    private final ThrottledValue<Backlog> backlog;

    OutboxMetrics(JdbcClient jdbc) {
        // Both counts read partial indexes (PENDING, FAILED), not the outbox's months of sent mail.
        this.backlog = new ThrottledValue<>(Duration.ofSeconds(5), () -> jdbc.sql("""
                        select (select count(*) from mail_outbox where status = 'PENDING'),
                               (select coalesce(extract(epoch from now() - min(created_at)), 0) from mail_outbox where status = 'PENDING'),
                               (select count(*) from mail_outbox where status = 'FAILED')""")
                .query((rs, i) -> new Backlog(rs.getLong(1), rs.getDouble(2), rs.getLong(3))).single());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("kyodo.mail.outbox.pending", backlog, b -> b.get().pending())
                .description("Mails waiting in the outbox to be sent (all of them while no SMTP server is configured)").register(registry);
        Gauge.builder("kyodo.mail.outbox.oldest.pending.age", backlog, b -> b.get().oldestSeconds()).baseUnit("seconds")
                .description("How long the oldest mail waiting in the outbox has waited (0 when none)").register(registry);
        Gauge.builder("kyodo.mail.outbox.failed", backlog, b -> b.get().failed())
                .description("Mails given up after the last attempt, kept for the retention period").register(registry);
    }

    private record Backlog(long pending, double oldestSeconds, long failed) {
    }
}
