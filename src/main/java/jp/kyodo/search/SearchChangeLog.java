package jp.kyodo.search;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the index of every portal node in step with changes made on the others. Each search event is written to
 * {@code search_change} in the transaction that published it; every node reads the log about once a second and
 * indexes each changed record as its source tells it now. A node's own events are applied a second time that way,
 * harmlessly. Sequence numbers are handed out before commit, so a change committed late may carry a number below one
 * already read: the poller also re-reads the last {@link #LOOK_BACK} and skips the rows it applied.
 */
@Component
class SearchChangeLog {

    private static final Logger log = LoggerFactory.getLogger(SearchChangeLog.class);
    static final Duration LOOK_BACK = Duration.ofSeconds(30);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final SearchIndex index;
    private final Duration retention;
    /** The highest sequence number applied; -1 before the first poll, which replays the whole log once. */
    private volatile long lastSeen = -1;
    /** Sequence numbers applied within the look-back window, so that re-reading it applies nothing twice. */
    private final Set<Long> applied = new HashSet<>();

    SearchChangeLog(JdbcClient jdbc, SearchIndex index, @Value("${kyodo.search.change-retention:1d}") Duration retention) {
        this.jdbc = jdbc;
        this.index = index;
        this.retention = retention;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void record(SearchDocumentChanged event) {
        insert(event.document().type(), event.document().id());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void record(SearchDocumentRemoved event) {
        insert(event.type(), event.id());
    }

    private void insert(String type, String id) {
        jdbc.sql("insert into search_change (type, id) values (:type, :id)").param("type", type).param("id", id).update();
    }

    /**
     * Applies the changes this node has not seen. At the first run after a start that is the whole log (a day), so a
     * node that was stopped for less than that catches up with what the others changed meanwhile.
     */
    @Scheduled(fixedDelayString = "${kyodo.search.change-poll-interval:1s}", initialDelayString = "${kyodo.search.change-poll-interval:1s}")
    synchronized void poll() {
        try {
            if (lastSeen >= 0) {
                List<Change> window = jdbc.sql("""
                                select seq, type, id from search_change
                                where seq <= :last and at >= clock_timestamp() - make_interval(secs => :lookBack) order by seq""")
                        .param("last", lastSeen).param("lookBack", LOOK_BACK.toSeconds()).query(SearchChangeLog::change).list();
                applied.retainAll(window.stream().map(Change::seq).collect(Collectors.toSet()));
                apply(window.stream().filter(c -> !applied.contains(c.seq())).toList());
            }
            List<Change> fresh;
            do {
                fresh = jdbc.sql("select seq, type, id from search_change where seq > :last order by seq limit :batch")
                        .param("last", Math.max(lastSeen, 0)).param("batch", BATCH).query(SearchChangeLog::change).list();
                apply(fresh);
                lastSeen = fresh.stream().mapToLong(Change::seq).reduce(Math.max(lastSeen, 0), Math::max);
            } while (fresh.size() == BATCH);
        } catch (RuntimeException e) {
            log.warn("Search change log could not be read; next try in a moment", e);
        }
    }

    /** Indexes each changed record once, however many rows name it. */
    private void apply(List<Change> changes) {
        Map<String, Change> records = new LinkedHashMap<>();
        for (Change c : changes) {
            records.put(c.type() + "\u0000" + c.id(), c);
            applied.add(c.seq());
        }
        for (Change c : records.values()) {
            try {
                index.followCurrent(c.type(), c.id());
            } catch (RuntimeException e) {
                // One record that cannot be read must not hold up the log; a rebuild at /admin/search repairs it.
                log.warn("Search change {} of {} {} could not be applied", c.seq(), c.type(), c.id(), e);
            }
        }
    }

    /** The highest sequence number this node applied; -1 before its first poll. */
    long lastSeen() {
        return lastSeen;
    }

    private static Change change(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Change(rs.getLong(1), rs.getString(2), rs.getString(3));
    }

    /** Deletes log rows older than the retention; every node may do it, the result is the same. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void prune() {
        int deleted = jdbc.sql("delete from search_change where at < clock_timestamp() - make_interval(secs => :secs)")
                .param("secs", retention.toSeconds()).update();
        if (deleted > 0) {
            log.debug("{} search changes pruned", deleted);
        }
    }

    private record Change(long seq, String type, String id) {
    }
}
