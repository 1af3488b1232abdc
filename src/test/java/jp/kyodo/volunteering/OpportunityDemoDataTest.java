package jp.kyodo.volunteering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import jp.kyodo.IntegrationTest;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.groups.Groups;
import jp.kyodo.shared.CityProfile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo opportunities load into the real schema (rolled back): 15 across fields, applications in every state, a record. */
@IntegrationTest
class OpportunityDemoDataTest {

    @Autowired org.springframework.core.env.Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired Groups groups;
    @Autowired TransactionTemplate tx;
    @Autowired Clock clock;
    @Autowired CityProfile city;
    @Autowired PasswordEncoder encoder;
    @Autowired Opportunities opportunities;
    @Autowired VolunteerRecords records;

    @Test
    void loadsFifteenOpportunitiesWithApplicationsInEveryState() {
        tx.executeWithoutResult(status -> {
            String email = OpportunityIntegrationTest.account(jdbc, encoder, "vol-demo");
            long resident = accounts.findByEmail(email).orElseThrow().id();
            long own = OpportunityIntegrationTest.registeredGroup(jdbc, "デモの会", resident);
            List<Long> others = List.of(
                    OpportunityIntegrationTest.registeredGroup(jdbc, "デモ見守り隊", resident),
                    OpportunityIntegrationTest.registeredGroup(jdbc, "デモ清掃の会", resident),
                    OpportunityIntegrationTest.registeredGroup(jdbc, "デモ子ども教室", resident));
            new OpportunityDemoData(jdbc, accounts, groups, tx, clock, city, environment).load(resident, "本庄 太郎", own, others, resident);
            List<Long> all = List.of(own, others.get(0), others.get(1), others.get(2));
            assertThat(jdbc.sql("select count(*) from vol_opportunity where group_id in (:g)").param("g", all).query(Long.class).single())
                    .isEqualTo(15);
            assertThat(jdbc.sql("select distinct f.field_code from vol_opportunity_field f join vol_opportunity o on o.id = f.opportunity_id where o.group_id in (:g)")
                    .param("g", all).query(String.class).list()).contains("matsuri", "bohan", "seiso", "kosodate");
            assertThat(jdbc.sql("select distinct a.status from vol_application a join vol_opportunity o on o.id = a.opportunity_id where o.group_id in (:g)")
                    .param("g", all).query(String.class).list())
                    .containsExactlyInAnyOrder("APPLIED", "ACCEPTED", "DECLINED", "WAITLISTED", "CANCELLED");
            assertThat(jdbc.sql("select distinct status from vol_opportunity where group_id in (:g)").param("g", all).query(String.class).list())
                    .containsExactlyInAnyOrder("DRAFT", "PUBLISHED", "CLOSED");
            // The resident has a record over two fiscal years and certificates.
            List<VolunteerRecords.Year> years = records.record(resident);
            assertThat(years).hasSize(2);
            assertThat(years.stream().mapToInt(y -> y.activities().size()).sum()).isEqualTo(3);
            long app = years.getFirst().activities().getFirst().applicationId();
            assertThat(new String(records.pdf(records.forActivity(app, resident, false)), 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1))
                    .isEqualTo("%PDF");
            assertThat(opportunities.mine(resident)).hasSizeGreaterThanOrEqualTo(7);
            status.setRollbackOnly();
        });
    }
}
