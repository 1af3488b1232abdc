package jp.kyodo.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import jp.kyodo.StatementCounter;
import jp.kyodo.TestMailServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo resident 本庄 太郎 (shimin@example.jp) has records in every module, written by the modules' own demo loaders:
 * deleting the account leaves their e-mail, name, phone and address in no table, and keeps the city's records. It runs in
 * the demo-data context of StatementCountIntegrationTest (one start-up for both) and rolls back, so the demo stays whole.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kyodo.demo-data=true")
@AutoConfigureMockMvc
@Import({TestMailServer.class, StatementCounter.class})
class DemoResidentDeletionTest {

    private static final String EMAIL = "shimin@example.jp";
    private static final String NAME = "本庄 太郎";
    private static final String PHONE = "090-1234-5678";
    private static final String ADDRESS = "埼玉県本庄市中央1-2-3";

    @Autowired JdbcClient jdbc;
    @Autowired SelfService selfService;

    @Test
    @Transactional
    void deletingTheDemoResidentLeavesThemInNoTable() {
        long id = jdbc.sql("select id from account where email = :e").param("e", EMAIL).query(Long.class).single();
        assertThat(PersonSearch.tablesHolding(jdbc, EMAIL, NAME, PHONE, ADDRESS)).as("the demo resident is found before").hasSizeGreaterThan(10);
        long proposals = count("select count(*) from collab_proposal where created_by = :id", id);
        long hours = count("select count(*) from vol_application where account_id = :id and hours is not null", id);
        long bookings = count("select count(*) from centre_booking where account_id = :id and status = 'PAID'", id);
        assertThat(proposals + hours + bookings).isPositive();

        selfService.delete(id, "kyodo-demo-2026");

        assertThat(PersonSearch.tablesHolding(jdbc, EMAIL, NAME, PHONE, ADDRESS)).isEmpty();
        assertThat(count("select count(*) from collab_proposal where created_by = :id", id)).isEqualTo(proposals);
        assertThat(count("select count(*) from vol_application where account_id = :id and hours is not null", id)).isEqualTo(hours);
        assertThat(count("select count(*) from centre_booking where account_id = :id and status = 'PAID'", id)).isEqualTo(bookings);
    }

    private long count(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }
}
