package jp.kyodo.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals the audit log into a hash chain and checks it.
 *
 * <p>Entries are written by the transactions they describe, which commit in any order; a job on one node at a time
 * (a transaction-scoped advisory lock) seals the committed entries every few seconds, in the order of their ids: each
 * gets the next {@code chain_seq} and {@code chain_hash = SHA-256(previous hash, the entry's content)}. The database
 * refuses to change or delete an entry (trigger {@code audit_entry_append_only}); someone who could get round that
 * (the database's owner) would still have to recompute every later hash, and {@link #verify} finds any entry whose
 * hash does not follow. The head hash it prints can be written down elsewhere (a ticket, a mail to the auditor) to
 * pin the chain at that moment.
 *
 * <p>The person's name ({@code actor_name}) is outside the hash, because it is erased when they delete their account;
 * the account number is inside. The summary is inside through its digest ({@code summary_digest}, taken at sealing):
 * when a deletion rewrites a summary that names the person, it marks it {@code summary_erased}, and the check then
 * takes the digest as sealed instead of recomputing it from the text.
 */
@Component
public class AuditChain {

    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);
    static final String GENESIS = "0".repeat(64);
    private static final int BATCH = 500;
    private static final long LOCK = 0x6b796f646f417564L; // "kyodoAud"

    /** What a check found. {@code firstBroken} is the chain position of the first entry that does not follow, or null. */
    public record Verification(long checked, long unsealed, Long firstBroken, String headHash) {
        public boolean intact() {
            return firstBroken == null;
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    AuditChain(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Scheduled(fixedDelayString = "${kyodo.audit.seal-interval:PT2S}", initialDelayString = "${kyodo.audit.seal-interval:PT2S}")
    void sealJob() {
        try {
            seal();
        } catch (RuntimeException e) {
            log.warn("Sealing the audit log failed; it is tried again: {}", e.toString());
        }
    }

    /** Seals every committed unsealed entry; returns how many. Nothing when another node is sealing. */
    public int seal() {
        int sealed = 0;
        while (true) {
            Integer batch = transactions.execute(status -> sealBatch());
            if (batch == null || batch == 0) {
                return sealed;
            }
            sealed += batch;
        }
    }

    private int sealBatch() {
        if (!jdbc.sql("select pg_try_advisory_xact_lock(:k)").param("k", LOCK).query(Boolean.class).single()) {
            return 0;
        }
        var head = jdbc.sql("select chain_seq, chain_hash from audit_entry where chain_seq is not null order by chain_seq desc limit 1")
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}).optional();
        long seq = head.map(h -> (Long) h[0]).orElse(0L);
        String previous = head.map(h -> (String) h[1]).orElse(GENESIS);
        List<Entry> entries = jdbc.sql("""
                        select id, occurred_at, actor_id, action, record_type, record_id, summary from audit_entry
                        where chain_seq is null order by id limit :n""")
                .param("n", BATCH).query((rs, i) -> Entry.of(rs, digest(rs.getString(7)))).list();
        for (Entry entry : entries) {
            seq++;
            previous = hash(previous, entry);
            jdbc.sql("update audit_entry set chain_seq = :s, chain_hash = :h, summary_digest = :d where id = :id")
                    .param("s", seq).param("h", previous).param("d", entry.summaryDigest()).param("id", entry.id()).update();
        }
        return entries.size();
    }

    /** Recomputes the whole chain from the first entry. */
    public Verification verify() {
        return transactions.execute(status -> {
            long[] checked = {0};
            Long[] broken = {null};
            String[] previous = {GENESIS};
            jdbc.sql("""
                            select id, occurred_at, actor_id, action, record_type, record_id, summary, chain_seq, chain_hash,
                                   summary_digest, summary_erased
                            from audit_entry where chain_seq is not null order by chain_seq""")
                    .query(rs -> {
                        long seq = rs.getLong(8);
                        if (broken[0] == null) {
                            String sealed = rs.getString(10);
                            // An erased summary is taken as sealed; any other must still be the text that was sealed.
                            boolean textHolds = rs.getBoolean(11) || digest(rs.getString(7)).equals(sealed);
                            String expected = hash(previous[0], Entry.of(rs, sealed));
                            if (seq != checked[0] + 1 || !textHolds || !expected.equals(rs.getString(9))) {
                                broken[0] = seq;
                            }
                        }
                        previous[0] = rs.getString(9);
                        checked[0]++;
                    });
            long unsealed = jdbc.sql("select count(*) from audit_entry where chain_seq is null").query(Long.class).single();
            return new Verification(checked[0], unsealed, broken[0], previous[0]);
        });
    }

    static String hash(String previous, Entry entry) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous.getBytes(StandardCharsets.US_ASCII));
            // Each field with its length, so that no two different entries give the same bytes; the summary by its digest.
            for (String field : entry.fields()) {
                byte[] bytes = field == null ? null : field.getBytes(StandardCharsets.UTF_8);
                sha.update((bytes == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                if (bytes != null) {
                    sha.update(bytes);
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SHA-256 of a summary as sealed (null stands for no summary). */
    static String digest(String summary) {
        try {
            byte[] bytes = summary == null ? new byte[] {0} : ("s" + summary).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The part of an entry the chain covers. */
    record Entry(long id, String occurredAt, String actorId, String action, String recordType, String recordId, String summaryDigest) {

        static Entry of(ResultSet rs, String summaryDigest) throws SQLException {
            // Microseconds, as PostgreSQL keeps them, so the value read back is the value hashed.
            String at = rs.getTimestamp(2).toInstant().truncatedTo(ChronoUnit.MICROS).toString();
            long actor = rs.getLong(3);
            String actorId = rs.wasNull() ? null : Long.toString(actor);
            return new Entry(rs.getLong(1), at, actorId, rs.getString(4), rs.getString(5), rs.getString(6), summaryDigest);
        }

        List<String> fields() {
            return java.util.Arrays.asList(Long.toString(id), occurredAt, actorId, action, recordType, recordId, summaryDigest);
        }
    }
}
