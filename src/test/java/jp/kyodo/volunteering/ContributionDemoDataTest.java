package jp.kyodo.volunteering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.kyodo.IntegrationTest;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.groups.Groups;
import jp.kyodo.shared.CityProfile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo offers and needs load into the real schema (rolled back) and produce the suggestions they were written for. */
@IntegrationTest
class ContributionDemoDataTest {

    @Autowired org.springframework.core.env.Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired Groups groups;
    @Autowired TransactionTemplate tx;
    @Autowired Clock clock;
    @Autowired CityProfile city;
    @Autowired PasswordEncoder encoder;
    @Autowired Contributions contributions;

    @Test
    void loadsSixOffersSixNeedsAConversationAndACooperation() {
        tx.executeWithoutResult(status -> {
            String t = ContributionIntegrationTest.tag();
            long staff = ContributionIntegrationTest.account(jdbc, encoder, "cd-staff-" + t + "@example.jp", "職員");
            long resident = ContributionIntegrationTest.account(jdbc, encoder, "cd-res-" + t + "@example.jp", "市民");
            Map<String, Long> ids = new HashMap<>();
            List<String> businesses = List.of(ContributionDemoData.CONSTRUCTION, ContributionDemoData.BANK, ContributionDemoData.SWEETS,
                    ContributionDemoData.IT, ContributionDemoData.SPORTS_CLUB);
            for (String name : ContributionDemoData.GROUPS) {
                long manager = name.equals(ContributionDemoData.SALON) ? resident : staff;
                ids.put(name, ContributionIntegrationTest.group(jdbc, businesses.contains(name) ? "BUSINESS" : "CIVIC", name, manager, "honjo"));
            }
            new ContributionDemoData(jdbc, accounts, groups, tx, clock, city, environment).load(ids, staff, resident);

            List<Long> groupIds = List.copyOf(ids.values());
            assertThat(jdbc.sql("select count(*) from vol_offer where group_id in (:g) and status = 'PUBLISHED'").param("g", groupIds)
                    .query(Long.class).single()).isEqualTo(6);
            assertThat(jdbc.sql("select kind from vol_offer where group_id in (:g)").param("g", groupIds).query(String.class).list())
                    .contains("ROAD_SUPPORT", "HOMETOWN_TAX", "VENUE", "SKILL", "STAFF_VOLUNTEERING", "SPONSORSHIP");
            List<Contributions.Need> needs = contributions.publicNeeds(null, null, null).stream().filter(n -> groupIds.contains(n.groupId())).toList();
            assertThat(needs).hasSize(6);
            // Every need gets a suggestion, and the ones the demo tells a story about come first.
            for (Contributions.Need n : needs) {
                assertThat(contributions.offersFor(n, Locale.JAPANESE)).as(n.title()).isNotEmpty();
            }
            assertThat(top(needs, "親子サロンのチラシを印刷したい")).isEqualTo("チラシ・ポスターのデザインと印刷をお手伝いします");
            assertThat(top(needs, "日本語教室の会場を探しています")).isEqualTo("本店2階の会議室を市民活動に無料でお貸しします");
            assertThat(top(needs, "北泉まつりの協賛を募っています")).isEqualTo("地域のまつり・文化行事に協賛します");
            assertThat(top(needs, "少年サッカー大会の運営スタッフを募集しています")).isEqualTo("スポーツ大会の運営に社員ボランティアを派遣します");
            assertThat(jdbc.sql("select count(*) from vol_conv_message m join vol_conversation c on c.id = m.conversation_id where c.other_group_id in (:g)")
                    .param("g", groupIds).query(Long.class).single()).isEqualTo(5);
            assertThat(jdbc.sql("select count(*) from vol_cooperation where group_id in (:g)").param("g", groupIds).query(Long.class).single())
                    .isEqualTo(1);
            status.setRollbackOnly();
        });
    }

    private String top(List<Contributions.Need> needs, String title) {
        Contributions.Need need = needs.stream().filter(n -> n.title().equals(title)).findFirst().orElseThrow();
        return contributions.offersFor(need, Locale.JAPANESE).getFirst().title();
    }
}
