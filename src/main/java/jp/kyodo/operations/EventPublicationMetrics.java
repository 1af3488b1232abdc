package jp.kyodo.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import jp.kyodo.shared.ThrottledValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Events between modules that are not handled yet (Spring Modulith's registry, table {@code event_publication}): a
 * listener that keeps failing leaves its events here, and they are published again at the next start.
 */
@Component
class EventPublicationMetrics implements MeterBinder {

    private final ThrottledValue<Incomplete> incomplete;

    EventPublicationMetrics(JdbcClient jdbc) {
        this.incomplete = new ThrottledValue<>(Duration.ofSeconds(5), () -> jdbc.sql("""
                        select count(*), coalesce(extract(epoch from now() - min(publication_date)), 0)
                        from event_publication where completion_date is null""")
                .query((rs, i) -> new Incomplete(rs.getLong(1), rs.getDouble(2))).single());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("kyodo.events.incomplete", incomplete, v -> v.get().count())
                .description("Events between modules published but not yet handled by their listener").register(registry);
        Gauge.builder("kyodo.events.oldest.incomplete.age", incomplete, v -> v.get().oldestSeconds()).baseUnit("seconds")
                .description("Age of the oldest event not yet handled (0 when none)").register(registry);
    }

    private record Incomplete(long count, double oldestSeconds) {
    }
}
