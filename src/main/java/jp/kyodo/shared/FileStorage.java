package jp.kyodo.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where the content of uploaded files is kept (documents, attachments, photos): in the row itself (PostgreSQL, the
 * default), in a directory every node shares, or in an S3-compatible store ({@code kyodo.files.store}).
 *
 * <p>A module's file table has a nullable {@code content} (bytes kept in the row) and a nullable {@code content_key}
 * (the object's key in the store), exactly one of them set. A module saves new content with {@link #save}, reads it
 * with {@link #load} and, after deleting a row, calls {@link #deleteAfterCommit}. Content already in rows stays readable
 * when the store changes, and {@link #moveToStore} moves it out (run at start-up when the store is not the database).
 *
 * <p>An object is written before the row that names it; if that transaction rolls back, the object is left without a
 * row, and {@link #sweep} removes such objects once they are a day old.
 */
public class FileStorage {

    private static final Logger log = LoggerFactory.getLogger(FileStorage.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    /** Objects younger than this are never swept: their row may not be committed yet. */
    static final Duration SWEEP_GRACE = Duration.ofDays(1);

    /** What a module stores in its row for new content: the bytes, or the key of the object holding them. */
    public record Saved(byte[] inRow, String key) {
    }

    private final ObjectStore store;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    /** {@code store} null: content stays in the rows (the database store). */
    FileStorage(ObjectStore store, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The store's name, as configured: database, directory or s3. */
    public String kind() {
        return store == null ? "database" : store.kind();
    }

    /** Keeps new content: in the row (returned as {@code inRow}) or as a new object (its {@code key}). */
    public Saved save(byte[] content) {
        if (store == null) {
            return new Saved(content, null);
        }
        String key = DAY.format(clock.instant()) + "/" + UUID.randomUUID();
        store.put(key, content);
        return new Saved(null, key);
    }

    /** A file's content from its row: the bytes kept there, or the object its key names. */
    public byte[] load(byte[] inRow, String key) {
        if (inRow != null) {
            return inRow;
        }
        if (key == null) {
            throw new IllegalStateException("A file row has neither content nor a key");
        }
        if (store == null) {
            throw new IllegalStateException("File " + key + " is in a file store, but kyodo.files.store is 'database'");
        }
        return store.get(key);
    }

    /** Removes the object once the transaction that deleted its row commits (at once outside a transaction). */
    public void deleteAfterCommit(String key) {
        if (key == null || store == null) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deleteQuietly(key);
                }
            });
        } else {
            deleteQuietly(key);
        }
    }

    private void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (RuntimeException e) {
            // The row is gone; the object is left for the sweep.
            log.warn("Could not delete file {} from the {} store: {}", key, store.kind(), e.toString());
        }
    }

    /** The tables that keep files: those with both a content and a content_key column. */
    List<String> fileTables() {
        return jdbc.sql("""
                        select c.table_name from information_schema.columns c
                        join information_schema.columns k on k.table_schema = c.table_schema and k.table_name = c.table_name
                             and k.column_name = 'content_key'
                        where c.table_schema = current_schema() and c.column_name = 'content'
                        order by c.table_name""")
                .query(String.class).list();
    }

    /**
     * Moves content kept in rows into the store, a few rows at a time, each batch in its own statement pair; returns
     * how many files moved. Safe to run on several nodes at once (rows are claimed with SKIP LOCKED).
     */
    public int moveToStore() {
        if (store == null) {
            return 0;
        }
        int moved = 0;
        for (String table : fileTables()) {
            while (true) {
                Integer batch = transactions.execute(status -> moveBatch(table));
                if (batch == null || batch == 0) {
                    break;
                }
                moved += batch;
            }
        }
        if (moved > 0) {
            log.info("Moved {} files from the database to the {} store", moved, store.kind());
        }
        return moved;
    }

    /** Moves up to 20 rows of one table; runs in the caller's transaction. */
    private int moveBatch(String table) {
        // The table name comes from the catalogue (fileTables), never from input.
        List<Long> ids = jdbc.sql("select id from " + table + " where content is not null and content_key is null limit 20 for update skip locked")
                .query(Long.class).list();
        for (long id : ids) {
            byte[] content = jdbc.sql("select content from " + table + " where id = :id").param("id", id).query(byte[].class).single();
            Saved saved = save(content);
            jdbc.sql("update " + table + " set content = null, content_key = :k where id = :id").param("k", saved.key()).param("id", id).update();
        }
        return ids.size();
    }

    /** Deletes objects that no row names and that are older than a day; returns how many. */
    public int sweep() {
        if (store == null) {
            return 0;
        }
        Set<String> named = new HashSet<>();
        for (String table : fileTables()) {
            named.addAll(jdbc.sql("select content_key from " + table + " where content_key is not null").query(String.class).list());
        }
        Instant before = clock.instant().minus(SWEEP_GRACE);
        int deleted = 0;
        for (ObjectStore.Entry entry : store.list()) {
            if (!named.contains(entry.key()) && entry.modified().isBefore(before)) {
                deleteQuietly(entry.key());
                deleted++;
            }
        }
        if (deleted > 0) {
            log.info("Swept {} files no record names from the {} store", deleted, store.kind());
        }
        return deleted;
    }
}
