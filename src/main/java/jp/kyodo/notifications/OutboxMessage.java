package jp.kyodo.notifications;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A read-only view of a mail in the outbox. */
public record OutboxMessage(Long id, String recipient, String subject, String body, MailStatus status,
                            int attempts, String lastError, Instant createdAt, Instant sentAt) {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

    private static final Pattern TOKEN = Pattern.compile("(token=)[A-Za-z0-9_\\-]+");

    /** The same mail with the one-time tokens in its links hidden. */
    public OutboxMessage withoutTokens() {
        return new OutboxMessage(id, recipient, subject, TOKEN.matcher(body).replaceAll("$1********"), status, attempts,
                lastError, createdAt, sentAt);
    }

    /** The links in the body, so that an administrator can follow them when no SMTP server is configured. */
    public List<String> links() {
        Matcher m = URL.matcher(body);
        return m.results().map(r -> r.group()).toList();
    }
}
