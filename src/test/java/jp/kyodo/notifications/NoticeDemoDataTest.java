package jp.kyodo.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo notices load into the real schema (rolled back): some unread, follows and mail choices. */
@IntegrationTest
class NoticeDemoDataTest {

    @Autowired TestPeople people;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired Environment environment;
    @Autowired Clock clock;
    @Autowired Notices notices;

    @Test
    void theDemoResidentHasUnreadNoticesFollowsAndChoices() {
        tx.executeWithoutResult(status -> {
            long me = people.account("notice-demo", null).accountId();
            new NoticeDemoData(tx, jdbc, environment, clock).load(me);
            assertThat(notices.list(me, 0).getTotalElements()).isGreaterThanOrEqualTo(1);
            // Unread: the newest opportunity and call, where the other modules' records exist.
            long expectedUnread = exists("select 1 from vol_opportunity where status = 'PUBLISHED' and hidden_at is null")
                    + exists("select 1 from collab_call where status <> 'DRAFT'");
            assertThat(notices.unreadCount(me)).isEqualTo(expectedUnread);
            assertThat(notices.list(me, 0).getContent()).anyMatch(n -> !n.unread());
            assertThat(notices.followed(me)).contains(Announcement.ALL_THEMES);
            assertThat(notices.preferences(me)).containsEntry(NoticeKind.VOLUNTEERING, Delivery.DIGEST)
                    .containsEntry(NoticeKind.PARTICIPATION, Delivery.NONE).containsEntry(NoticeKind.COLLABORATION, Delivery.IMMEDIATE);
            status.setRollbackOnly();
        });
    }

    private long exists(String sql) {
        return jdbc.sql("select exists (" + sql + ")").query(Boolean.class).single() ? 1 : 0;
    }
}
