package jp.kyodo.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Limits on how often an action may be taken per account (or address) and per client network, counted in the
 * database so that every portal node counts the same actions. Keys are stored hashed: the table holds no address.
 */
@Component
public class RateLimits {

    /** Rows older than this are deleted as new ones come: no limit looks further back. */
    private static final Duration KEPT = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final Clock clock;

    RateLimits(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The key counting for a client address: its network, IPv6 by its /64. None for the machine itself: a loopback
     * address is the portal's own host or a reverse proxy whose forwarded address is not trusted, and limiting it
     * would limit every client at once (the per-account limits still apply).
     */
    public static String network(String clientAddress) {
        if (clientAddress == null || clientAddress.isBlank() || loopback(clientAddress)) {
            return null;
        }
        return "network:" + ClientNetwork.of(clientAddress);
    }

    private static boolean loopback(String address) {
        String a = address.replaceAll("^\\[|\\]$", "");
        return a.startsWith("127.") || a.equals("::1") || a.equals("0:0:0:0:0:0:0:1");
    }

    /** The key counting for an account. */
    public static String account(long accountId) {
        return "account:" + accountId;
    }

    /** The key counting for an e-mail address as typed (trimmed, lower case). */
    public static String email(String email) {
        return "email:" + (email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Counts one action under each key, unless any key already reached {@code limit} actions within {@code window}:
     * then nothing is counted and false is returned. Counting and checking happen under one lock per bucket.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public boolean tryCount(String bucket, int limit, Duration window, String... keys) {
        if (limit <= 0) {
            return true;
        }
        Instant now = clock.instant();
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(:key)) locked").param("key", lockKey(bucket)).query(Integer.class).single();
        Set<String> hashes = new LinkedHashSet<>();
        for (String key : keys) {
            if (key != null && !key.isBlank()) {
                hashes.add(sha256(bucket + "|" + key));
            }
        }
        Timestamp since = Timestamp.from(now.minus(window));
        for (String hash : hashes) {
            long recent = jdbc.sql("select count(*) from rate_limit_event where bucket = :b and key_hash = :k and happened_at > :since")
                    .param("b", bucket).param("k", hash).param("since", since).query(Long.class).single();
            if (recent >= limit) {
                return false;
            }
        }
        jdbc.sql("delete from rate_limit_event where bucket = :b and happened_at < :old")
                .param("b", bucket).param("old", Timestamp.from(now.minus(KEPT.compareTo(window) > 0 ? KEPT : window))).update();
        for (String hash : hashes) {
            jdbc.sql("insert into rate_limit_event (bucket, key_hash, happened_at) values (:b, :k, :at)")
                    .param("b", bucket).param("k", hash).param("at", Timestamp.from(now)).update();
        }
        return true;
    }

    /** Whether any key has reached the limit, without counting anything (a login refused before the password is checked). */
    @Transactional(readOnly = true)
    public boolean reached(String bucket, int limit, Duration window, String... keys) {
        if (limit <= 0) {
            return false;
        }
        Timestamp since = Timestamp.from(clock.instant().minus(window));
        for (String key : keys) {
            if (key == null || key.isBlank()) {
                continue;
            }
            long recent = jdbc.sql("select count(*) from rate_limit_event where bucket = :b and key_hash = :k and happened_at > :since")
                    .param("b", bucket).param("k", sha256(bucket + "|" + key)).param("since", since).query(Long.class).single();
            if (recent >= limit) {
                return true;
            }
        }
        return false;
    }

    /** Counts one action under each key, whatever the counts are (a failed login). */
    @Transactional
    public void count(String bucket, String... keys) {
        Instant now = clock.instant();
        for (String key : keys) {
            if (key != null && !key.isBlank()) {
                jdbc.sql("insert into rate_limit_event (bucket, key_hash, happened_at) values (:b, :k, :at)")
                        .param("b", bucket).param("k", sha256(bucket + "|" + key)).param("at", Timestamp.from(now)).update();
            }
        }
    }

    private static long lockKey(String bucket) {
        return 0x5261746500000000L ^ bucket.hashCode();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
