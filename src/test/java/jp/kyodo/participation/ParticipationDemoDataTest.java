package jp.kyodo.participation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.UUID;
import jp.kyodo.IntegrationTest;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.shared.CityProfile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo public comments and councils load into the real schema: one draft open for comment, one result published
 * without personal data, two councils with members, an open call that meets the rules (three weeks or more).
 */
@IntegrationTest
class ParticipationDemoDataTest {

    @Autowired org.springframework.core.env.Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired TransactionTemplate tx;
    @Autowired Clock clock;
    @Autowired CityProfile city;
    @Autowired PublicComments comments;
    @Autowired Councils councils;

    @Test
    void loadsOpenAndClosedCommentsTwoCouncilsAndAnOpenCall() {
        long secretariat = jdbc.sql("insert into department (code, name, secretariat, active, created_at) values (:c, '市民活動推進課', false, true, now()) returning id")
                .param("c", "pd-" + UUID.randomUUID().toString().substring(0, 8)).query(Long.class).single();
        tx.executeWithoutResult(status -> {
            new ParticipationDemoData(jdbc, accounts, tx, clock, city, environment).load(1L, secretariat, null);
            var demo = comments.forDepartment(secretariat, false);
            var station = comments.publicList().stream().filter(p -> p.title().equals("本庄駅周辺まちづくり計画(案)")).findFirst().orElseThrow();
            assertThat(station.phase()).isEqualTo(PublicComments.Phase.OPEN);
            assertThat(station.sections()).hasSize(3);
            var plan = demo.stream().filter(p -> p.title().equals("第3次本庄市市民協働推進計画(案)")).findFirst().orElseThrow();
            assertThat(plan.phase()).isEqualTo(PublicComments.Phase.RESULT);
            assertThat(comments.counts(plan.id())).containsExactly(4L, 5L);
            var views = comments.views(plan.id());
            assertThat(views).hasSize(3).anyMatch(PublicComments.View::changed);
            assertThat(views.stream().mapToInt(PublicComments.View::comments).sum()).isEqualTo(5);
            String published = views.stream().map(v -> v.summary() + v.cityView() + v.changeNote()).reduce("", String::concat);
            assertThat(published).doesNotContain("協働 一郎").doesNotContain("児玉町4-4").doesNotContain("@example.jp");

            var demoCouncils = councils.forDepartment(secretariat, false);
            assertThat(demoCouncils).extracting(Councils.Council::name).contains("本庄市市民協働推進審議会");
            assertThat(councils.councils()).extracting(Councils.Council::name).contains("本庄市環境審議会");
            long kyodo = demoCouncils.get(0).id();
            assertThat(councils.members(kyodo, false)).hasSize(7).allMatch(Councils.Member::current);
            assertThat(councils.meetings(kyodo)).hasSize(2);
            var call = councils.calls(kyodo, false).getFirst();
            assertThat(call.phase()).isEqualTo(Councils.CallPhase.OPEN);
            assertThat(java.time.temporal.ChronoUnit.DAYS.between(call.opensOn(), call.closesOn()) + 1).isGreaterThanOrEqualTo(21);
            assertThat(call.termStart()).isAfter(call.closesOn());
            status.setRollbackOnly();
        });
    }
}
