package jp.kyodo.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The in-portal notices of each person (by account id) and the notice mails their preferences ask for. Modules call
 * {@link #announce} for news that followers hear of, and {@link #notify} or {@link #recordMailed} for a person's own
 * matters. The transactional mails that modules send themselves (confirmations, password resets, receipts and
 * decisions) are not governed by preferences: a notice recorded with {@link #recordMailed} never mails again.
 */
@Service
public class Notices {

    static final int PAGE_SIZE = 20;
    static final Locale MAIL_LOCALE = Locale.JAPANESE;

    private final JdbcClient jdbc;
    private final MailOutbox outbox;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<NoticeRecipients> recipients;
    private final MessageSource messages;
    private final Clock clock;
    private final String configuredBase;
    private final org.springframework.core.env.Environment environment;

    Notices(JdbcClient jdbc, MailOutbox outbox, ApplicationEventPublisher events, ObjectProvider<NoticeRecipients> recipients,
            MessageSource messages, Clock clock, @Value("${kyodo.base-url:}") String configuredBase,
            org.springframework.core.env.Environment environment) {
        this.environment = environment;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.events = events;
        this.recipients = recipients;
        this.messages = messages;
        this.clock = clock;
        this.configuredBase = configuredBase.endsWith("/") ? configuredBase.substring(0, configuredBase.length() - 1) : configuredBase;
    }

    /**
     * Tells the followers of the announcement's topics (modules that hold an event publisher may publish the
     * {@link Announcement} themselves, to the same effect), after the caller's transaction commits and outside it (a
     * slow fan-out never holds the publisher); the event publication registry keeps it until it is done.
     */
    @Transactional
    public void announce(Announcement announcement) {
        events.publishEvent(announcement);
    }

    /** A notice about a person's own matter, mailed as their preference for its kind says. */
    @Transactional
    public void notify(long accountId, NoticeKind kind, String title, String body, String link) {
        long id = insert(accountId, kind, null, title, body, link, false);
        deliverNow(id, accountId, kind, title, body, link);
    }

    /** A notice in the portal about something the calling module has already mailed (a receipt, a decision). */
    @Transactional
    public void recordMailed(long accountId, NoticeKind kind, String title, String body, String link) {
        insert(accountId, kind, null, title, body, link, true);
    }

    /**
     * The in-portal copy of a transactional mail the calling module sends with {@link MailOutbox#send} and key
     * {@code mailKey}: the notice's title is that mail's subject (in Japanese), and it is never mailed again.
     */
    @Transactional
    public void recordMail(long accountId, NoticeKind kind, String mailKey, String link, Object... args) {
        recordMailed(accountId, kind, messages.getMessage("mail." + mailKey + ".subject", args, MAIL_LOCALE), null, link);
    }

    /** Whether the person follows the topic. */
    @Transactional(readOnly = true)
    public boolean follows(long accountId, String topic) {
        return jdbc.sql("select count(*) from notice_follow where account_id = :a and topic = :t")
                .param("a", accountId).param("t", topic).query(Long.class).single() > 0;
    }

    /** Fans an announcement out to the followers of any of its topics, each hearing of it once. */
    @Transactional
    int fanOut(Announcement a) {
        if (a.topics().isEmpty()) {
            return 0;
        }
        List<Long> followers = jdbc.sql("select distinct account_id from notice_follow where topic in (:t) order by account_id")
                .param("t", a.topics()).query(Long.class).list();
        for (long accountId : followers) {
            long id = insert(accountId, a.kind(), a.news(), a.title(), null, a.url(), false);
            String what = a.news() == null ? null : messages.getMessage("notice.news." + a.news().name(), null, MAIL_LOCALE);
            deliverNow(id, accountId, a.kind(), a.title(), what, a.url());
        }
        return followers.size();
    }

    @Transactional(readOnly = true)
    long unreadCount(long accountId) {
        return jdbc.sql("select count(*) from notice where account_id = :a and read_at is null")
                .param("a", accountId).query(Long.class).single();
    }

    @Transactional(readOnly = true)
    Page<NoticeView> list(long accountId, int page) {
        int p = Math.max(page, 0);
        long total = jdbc.sql("select count(*) from notice where account_id = :a").param("a", accountId).query(Long.class).single();
        List<NoticeView> rows = jdbc.sql("""
                        select id, kind, news, title, body, link, created_at, read_at from notice where account_id = :a
                        order by created_at desc, id desc limit :n offset :o""")
                .param("a", accountId).param("n", PAGE_SIZE).param("o", (long) p * PAGE_SIZE).query(Notices::view).list();
        return new PageImpl<>(rows, PageRequest.of(p, PAGE_SIZE), total);
    }

    /** One's own notice, marked read as it is opened; empty for anyone else's. */
    @Transactional
    Optional<NoticeView> open(long accountId, long id) {
        markRead(accountId, id);
        return jdbc.sql("select id, kind, news, title, body, link, created_at, read_at from notice where id = :id and account_id = :a")
                .param("id", id).param("a", accountId).query(Notices::view).optional();
    }

    /** Marks one's own notice read; false when it is not one's own (or does not exist). */
    @Transactional
    boolean markRead(long accountId, long id) {
        int own = jdbc.sql("select count(*) from notice where id = :id and account_id = :a")
                .param("id", id).param("a", accountId).query(Integer.class).single();
        jdbc.sql("update notice set read_at = :now where id = :id and account_id = :a and read_at is null")
                .param("now", Timestamp.from(clock.instant())).param("id", id).param("a", accountId).update();
        return own > 0;
    }

    @Transactional
    int markAllRead(long accountId) {
        return jdbc.sql("update notice set read_at = :now where account_id = :a and read_at is null")
                .param("now", Timestamp.from(clock.instant())).param("a", accountId).update();
    }

    /** The person's choice for every kind, the default where they never chose. */
    @Transactional(readOnly = true)
    Map<NoticeKind, Delivery> preferences(long accountId) {
        Map<NoticeKind, Delivery> chosen = new EnumMap<>(NoticeKind.class);
        for (NoticeKind kind : NoticeKind.values()) {
            chosen.put(kind, kind.defaultDelivery());
        }
        jdbc.sql("select kind, delivery from notice_preference where account_id = :a").param("a", accountId)
                .query((rs, n) -> Map.entry(NoticeKind.valueOf(rs.getString(1)), Delivery.valueOf(rs.getString(2))))
                .list().forEach(e -> chosen.put(e.getKey(), e.getValue()));
        return chosen;
    }

    @Transactional
    void choose(long accountId, Map<NoticeKind, Delivery> choices) {
        choices.forEach((kind, delivery) -> jdbc.sql("""
                        insert into notice_preference (account_id, kind, delivery) values (:a, :k, :d)
                        on conflict (account_id, kind) do update set delivery = excluded.delivery""")
                .param("a", accountId).param("k", kind.name()).param("d", delivery.name()).update());
    }

    @Transactional
    void follow(long accountId, String topic) {
        jdbc.sql("insert into notice_follow (account_id, topic, created_at) values (:a, :t, :now) on conflict do nothing")
                .param("a", accountId).param("t", topic).param("now", Timestamp.from(clock.instant())).update();
    }

    @Transactional
    void unfollow(long accountId, String topic) {
        jdbc.sql("delete from notice_follow where account_id = :a and topic = :t").param("a", accountId).param("t", topic).update();
    }

    @Transactional(readOnly = true)
    List<String> followed(long accountId) {
        return jdbc.sql("select topic from notice_follow where account_id = :a order by created_at, topic")
                .param("a", accountId).query(String.class).list();
    }

    /**
     * The absolute address of a portal path for a mail. Mail is also composed outside requests (fan-out, digest), so
     * the configured {@code kyodo.base-url} is used; without one (development), this machine's address.
     */
    String mailLink(String path) {
        if (path == null || path.isBlank() || !path.startsWith("/")) {
            return path == null ? "" : path;
        }
        String base = configuredBase.isBlank() ? "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080")) : configuredBase;
        return base + path;
    }

    Optional<String> emailOf(long accountId) {
        NoticeRecipients r = recipients.getIfAvailable();
        return r == null ? Optional.empty() : r.emailOf(accountId);
    }

    private long insert(long accountId, NoticeKind kind, Announcement.News news, String title, String body, String link,
                        boolean mailedApart) {
        return jdbc.sql("""
                        insert into notice (account_id, kind, news, title, body, link, created_at, mailed_apart)
                        values (:a, :k, :n, :t, :b, :l, :now, :m) returning id""")
                .param("a", accountId).param("k", kind.name()).param("n", news == null ? null : news.name()).param("t", cut(title, 300)).param("b", cut(body, 1000))
                .param("l", cut(link, 500)).param("now", Timestamp.from(clock.instant())).param("m", mailedApart)
                .query(Long.class).single();
    }

    private void deliverNow(long id, long accountId, NoticeKind kind, String title, String body, String link) {
        if (preferences(accountId).get(kind) != Delivery.IMMEDIATE) {
            return;
        }
        emailOf(accountId).ifPresent(email -> outbox.send(email, "notice", MAIL_LOCALE,
                messages.getMessage("notice.kind." + kind.name(), null, MAIL_LOCALE), title, body == null ? "" : body,
                mailLink(link), mailLink("/notifications/" + id), mailLink("/account/notifications")));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static NoticeView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        String news = rs.getString("news");
        return new NoticeView(rs.getLong("id"), NoticeKind.valueOf(rs.getString("kind")), news == null ? null : Announcement.News.valueOf(news),
                rs.getString("title"), rs.getString("body"),
                rs.getString("link"), rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
    }

    Instant now() {
        return clock.instant();
    }
}
