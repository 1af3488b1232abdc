package jp.kyodo.search;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import jp.kyodo.shared.ThrottledValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This node's search metrics: the documents in its index, and how far it lags behind the change log (changes other
 * nodes, or this one, made that it has not applied yet, and the age of the oldest).
 */
@Component
class SearchMetrics implements MeterBinder {

    private final LuceneIndex lucene;
    private final SearchChangeLog changes;
    private final JdbcClient jdbc;
    private final ThrottledValue<Lag> lag;

    SearchMetrics(LuceneIndex lucene, SearchChangeLog changes, JdbcClient jdbc) {
        this.lucene = lucene;
        this.changes = changes;
        this.jdbc = jdbc;
        this.lag = new ThrottledValue<>(Duration.ofSeconds(5), this::readLag);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("kyodo.search.index.documents", lucene, LuceneIndex::size)
                .description("Documents in this node's search index").register(registry);
        Gauge.builder("kyodo.search.change.lag", lag, s -> s.get().changes())
                .description("Search changes in the log that this node has not applied yet").register(registry);
        Gauge.builder("kyodo.search.change.lag.age", lag, s -> s.get().seconds()).baseUnit("seconds")
                .description("Age of the oldest search change this node has not applied yet (0 when none)").register(registry);
    }

    private Lag readLag() {
        return jdbc.sql("""
                        select count(*), coalesce(extract(epoch from clock_timestamp() - min(at)), 0)
                        from search_change where seq > :last""")
                .param("last", changes.lastSeen())
                .query((rs, i) -> new Lag(rs.getLong(1), rs.getDouble(2))).single();
    }

    private record Lag(long changes, double seconds) {
    }
}
