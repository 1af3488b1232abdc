package jp.kyodo.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a scheduled job on one portal node at a time: the job first takes a PostgreSQL advisory lock named after it,
 * on a connection of its own, and a node that finds the lock taken skips its run. Jobs also mark what they did
 * (reminded_on, claimed digests), so a node running a moment later finds nothing left to do.
 */
@Component
public class ClusterJobs {

    private static final Logger log = LoggerFactory.getLogger(ClusterJobs.class);

    private final DataSource dataSource;

    ClusterJobs(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs the job unless another node (or thread) runs the job of that name now; returns whether it ran. */
    public boolean runOnce(String job, Runnable work) {
        long key = key(job);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!lock(connection, "select pg_try_advisory_lock(?)", key)) {
                log.info("Job {} skipped: another node runs it", job);
                return false;
            }
            try {
                work.run();
                return true;
            } finally {
                lock(connection, "select pg_advisory_unlock(?)", key);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Job lock " + job + " failed", e);
        }
    }

    private static boolean lock(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** A stable 64-bit lock key for a job name, the same on every node and every start. */
    static long key(String job) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("kyodo.job:" + job).getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < 8; i++) {
                key = (key << 8) | (digest[i] & 0xff);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
