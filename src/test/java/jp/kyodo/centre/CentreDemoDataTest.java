package jp.kyodo.centre;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import jp.kyodo.IntegrationTest;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.groups.Groups;
import jp.kyodo.shared.CityProfile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo fortnight of bookings loads into the real schema (rolled back): paid and unpaid, by groups and a person, and a block. */
@IntegrationTest
class CentreDemoDataTest {

    @Autowired org.springframework.core.env.Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired Groups groups;
    @Autowired TransactionTemplate tx;
    @Autowired Clock clock;
    @Autowired CityProfile city;
    @Autowired CentreSettings settings;
    @Autowired UserDetailsService users;

    @Test
    void loadsAFortnightOfBookings() {
        tx.executeWithoutResult(status -> {
            CentreTestData data = new CentreTestData(jdbc, users, settings, "x");
            long resident = data.accountId("ct-demo", "本庄 太郎", null);
            long group = data.group("本庄駅前にぎわいの会" + CentreTestData.tag(), resident, "REGISTERED");
            // As on an empty database.
            jdbc.sql("delete from centre_booking").update();
            jdbc.sql("delete from centre_block").update();
            CentreDemoData demo = new CentreDemoData(jdbc, accounts, groups, tx, clock, city, settings, environment);
            int made = demo.load(resident);
            assertThat(made).isGreaterThanOrEqualTo(8);
            Map<String, Long> byStatus = jdbc.sql("select status, count(*) from centre_booking group by status")
                    .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(byStatus).containsKey("PAID");
            assertThat(byStatus.getOrDefault("BOOKED", 0L) + byStatus.get("PAID")).isEqualTo(made);
            assertThat(jdbc.sql("select count(*) from centre_booking where group_id = :g").param("g", group).query(Long.class).single()).isPositive();
            assertThat(jdbc.sql("select count(*) from centre_booking where group_id is null").query(Long.class).single()).isPositive();
            assertThat(jdbc.sql("select count(*) from centre_booking where fee = rate * extract(hour from ends_at - starts_at)")
                    .query(Long.class).single()).isEqualTo(made);
            status.setRollbackOnly();
        });
    }
}
