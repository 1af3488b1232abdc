package jp.kyodo.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.ClusterJobs;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily digest: one mail per person listing the day's notices that are still unread and of the kinds they chose
 * to hear of in a digest. Nothing is sent to a person without such notices, and a day's digest is sent once however
 * often the job runs (a row per person and day is claimed first).
 */
@Component
class DailyDigest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final JdbcClient jdbc;
    private final Notices notices;
    private final MailOutbox outbox;
    private final MessageSource messages;
    private final CityProfile city;
    private final Clock clock;
    private final ClusterJobs jobs;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    DailyDigest(JdbcClient jdbc, Notices notices, MailOutbox outbox, MessageSource messages, CityProfile city, Clock clock,
                ClusterJobs jobs, org.springframework.transaction.support.TransactionTemplate tx) {
        this.jobs = jobs;
        this.tx = tx;
        this.jdbc = jdbc;
        this.notices = notices;
        this.outbox = outbox;
        this.messages = messages;
        this.city = city;
        this.clock = clock;
    }

    /** In the morning, yesterday's digest (the whole of that day, in the city's time zone). */
    @Scheduled(cron = "${kyodo.notices.digest-cron:0 0 7 * * *}", zone = "${kyodo.notices.digest-zone:Asia/Tokyo}")
    void sendYesterdays() {
        // Through the transaction template: a call from inside the class would bypass send's @Transactional, and each
        // person's claim and mail must commit together.
        jobs.runOnce("notifications.daily-digest", () -> tx.execute(status -> send(LocalDate.now(clock.withZone(city.zone())).minusDays(1))));
    }

    /** Sends the digests of a day; returns how many mails were queued. */
    @Transactional
    int send(LocalDate day) {
        Timestamp from = Timestamp.from(day.atStartOfDay(city.zone()).toInstant());
        Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay(city.zone()).toInstant());
        Map<Long, List<NoticeView>> perPerson = jdbc.sql("""
                        select n.id, n.account_id, n.kind, n.news, n.title, n.link, n.created_at, p.delivery from notice n
                        left join notice_preference p on p.account_id = n.account_id and p.kind = n.kind
                        where n.created_at >= :from and n.created_at < :to and n.read_at is null and not n.mailed_apart
                        order by n.account_id, n.created_at, n.id""")
                .param("from", from).param("to", to)
                .query((rs, i) -> {
                    NoticeKind kind = NoticeKind.valueOf(rs.getString("kind"));
                    String chosen = rs.getString("delivery");
                    Delivery delivery = chosen == null ? kind.defaultDelivery() : Delivery.valueOf(chosen);
                    return new Line(rs.getLong("account_id"), delivery, new NoticeView(rs.getLong("id"), kind,
                            rs.getString("news") == null ? null : Announcement.News.valueOf(rs.getString("news")), rs.getString("title"),
                            null, rs.getString("link"), rs.getTimestamp("created_at").toInstant(), null));
                }).list().stream().filter(l -> l.delivery() == Delivery.DIGEST)
                .collect(Collectors.groupingBy(Line::accountId, LinkedHashMap::new, Collectors.mapping(Line::notice, Collectors.toList())));
        int sent = 0;
        for (Map.Entry<Long, List<NoticeView>> person : perPerson.entrySet()) {
            if (claim(person.getKey(), day, person.getValue().size()) && mail(person.getKey(), day, person.getValue())) {
                sent++;
            }
        }
        return sent;
    }

    private record Line(long accountId, Delivery delivery, NoticeView notice) {
    }

    private boolean claim(long accountId, LocalDate day, int count) {
        return jdbc.sql("insert into notice_digest (account_id, day, notices, sent_at) values (:a, :d, :n, :now) on conflict do nothing")
                .param("a", accountId).param("d", day).param("n", count).param("now", Timestamp.from(clock.instant())).update() == 1;
    }

    private boolean mail(long accountId, LocalDate day, List<NoticeView> lines) {
        return notices.emailOf(accountId).map(email -> {
            StringBuilder list = new StringBuilder();
            for (NoticeView n : lines) {
                list.append("・【").append(messages.getMessage("notice.kind." + n.kind().name(), null, Notices.MAIL_LOCALE)).append("】");
                if (n.news() != null) {
                    list.append(messages.getMessage("notice.news." + n.news().name(), null, Notices.MAIL_LOCALE)).append('：');
                }
                list.append(n.title()).append('\n');
                if (n.link() != null && !n.link().isBlank()) {
                    list.append("  ").append(notices.mailLink(n.link())).append('\n');
                }
            }
            outbox.send(email, "noticeDigest", Notices.MAIL_LOCALE, DAY.format(day), lines.size(), list.toString().strip(),
                    notices.mailLink("/notifications"), notices.mailLink("/account/notifications"));
            return true;
        }).orElse(false);
    }
}
