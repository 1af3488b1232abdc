package jp.kyodo.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.kyodo.shared.DemoContent;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo notices for the demo resident (some unread) pointing at the other modules' demo records, what they follow, and
 * their mail choices. It runs after the other modules' demo content and only reads their tables to find the records
 * (notifications may not call those modules).
 */
@Component
@Order(90)
class NoticeDemoData extends DemoContent {

    private final JdbcClient jdbc;
    private final Clock clock;

    NoticeDemoData(TransactionTemplate tx, JdbcClient jdbc, Environment environment, Clock clock) {
        super(tx, jdbc, environment);
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    protected List<String> demoTables() {
        return List.of("notice", "notice_follow", "notice_preference");
    }

    @Override
    protected void loadDemo() {
        Optional<Long> resident = first("select id from account where email = 'shimin@example.jp'");
        resident.ifPresent(this::load);
    }

    /** The demo resident's notices (two unread), follows and mail choices. */
    void load(long me) {
        Instant now = clock.instant();
        first("select id from vol_opportunity where status = 'PUBLISHED' and hidden_at is null order by id").ifPresent(id ->
                notice(me, NoticeKind.VOLUNTEERING, Announcement.News.NEW_OPPORTUNITY, title("select title from vol_opportunity where id = " + id),
                        null, "/volunteering/" + id, now.minus(Duration.ofHours(3)), null));
        first("select id from collab_call where status <> 'DRAFT' order by id desc").ifPresent(id ->
                notice(me, NoticeKind.COLLABORATION, Announcement.News.NEW_CALL, title("select title from collab_call where id = " + id),
                        null, "/collaboration/calls/" + id, now.minus(Duration.ofDays(1)), null));
        first("select id from pc_procedure where status = 'RESULT_PUBLISHED' order by id").ifPresent(id ->
                notice(me, NoticeKind.PARTICIPATION, Announcement.News.RESULTS, title("select title from pc_procedure where id = " + id),
                        null, "/participation/comments/" + id, now.minus(Duration.ofDays(4)), now.minus(Duration.ofDays(3))));
        notice(me, NoticeKind.TRAINING, null, "市民活動センターの年末年始の休館のお知らせ", "12月29日から1月3日まで休館します。",
                "/centre", now.minus(Duration.ofDays(6)), now.minus(Duration.ofDays(5)));
        follow(me, Announcement.ALL_THEMES, now);
        jdbc.sql("select code from activity_field where active order by sort_order limit 1").query(String.class).optional()
                .ifPresent(code -> follow(me, Announcement.field(code), now));
        first("select id from civic_group where status = 'REGISTERED' order by id").ifPresent(id -> follow(me, "group:" + id, now));
        prefer(me, NoticeKind.VOLUNTEERING, Delivery.DIGEST);
        prefer(me, NoticeKind.PARTICIPATION, Delivery.NONE);
    }

    private Optional<Long> first(String sql) {
        return jdbc.sql(sql + " limit 1").query((rs, n) -> rs.getObject(1)).optional()
                .map(v -> v instanceof Number number ? number.longValue() : null);
    }

    private String title(String sql) {
        return jdbc.sql(sql).query(String.class).single();
    }

    private void notice(long account, NoticeKind kind, Announcement.News news, String title, String body, String link, Instant created,
                        Instant read) {
        jdbc.sql("""
                        insert into notice (account_id, kind, news, title, body, link, created_at, read_at)
                        values (:a, :k, :n, :t, :b, :l, :c, :r)""")
                .param("a", account).param("k", kind.name()).param("n", news == null ? null : news.name()).param("t", title).param("b", body).param("l", link)
                .param("c", Timestamp.from(created)).param("r", read == null ? null : Timestamp.from(read)).update();
    }

    private void follow(long account, String topic, Instant now) {
        jdbc.sql("insert into notice_follow (account_id, topic, created_at) values (:a, :t, :now) on conflict do nothing")
                .param("a", account).param("t", topic).param("now", Timestamp.from(now)).update();
    }

    private void prefer(long account, NoticeKind kind, Delivery delivery) {
        jdbc.sql("insert into notice_preference (account_id, kind, delivery) values (:a, :k, :d)")
                .param("a", account).param("k", kind.name()).param("d", delivery.name()).update();
    }
}
