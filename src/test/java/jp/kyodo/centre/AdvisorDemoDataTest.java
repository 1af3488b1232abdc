package jp.kyodo.centre;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import jp.kyodo.IntegrationTest;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.groups.Groups;
import jp.kyodo.groups.PublicGroup;
import jp.kyodo.shared.CityProfile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo advisors load into the real schema: two advisors, each with a past consultation on record. */
@IntegrationTest
class AdvisorDemoDataTest {

    @Autowired org.springframework.core.env.Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired Groups groups;
    @Autowired TransactionTemplate tx;
    @Autowired Clock clock;
    @Autowired CityProfile city;
    @Autowired Advisors advisors;

    @Test
    void twoAdvisorsWithPastConsultations() {
        tx.executeWithoutResult(status -> {
            List<PublicGroup> listed = List.of(group(1_000_001L, "デモの会A"), group(1_000_002L, "デモの会B"));
            new AdvisorDemoData(jdbc, accounts, groups, tx, clock, city, environment).load(1L, null, listed);
            var demo = advisors.advisors(true).stream().filter(a -> a.name().equals("岡田 涼子") || a.name().equals("杉本 大地")).toList();
            assertThat(demo).hasSize(2).allMatch(a -> a.consultations() >= 1);
            assertThat(advisors.queue(false)).filteredOn(r -> r.groupName().startsWith("デモの会"))
                    .hasSize(2).allMatch(r -> r.status() == Advisors.Status.DONE && r.advice() != null);
            status.setRollbackOnly();
        });
    }

    private static PublicGroup group(long id, String name) {
        return new PublicGroup(id, null, null, name, null, null, null, null, null, List.of(), null, null, null, null, null, null, false, false,
                null, null, null, null, null, null);
    }
}
