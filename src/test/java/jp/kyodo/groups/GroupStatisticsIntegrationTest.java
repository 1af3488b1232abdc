package jp.kyodo.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestPeople;
import jp.kyodo.accounts.SignedInUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The secretariat's figures of the registry are counted by the database: a listed group adds one to its type, each of
 * its fields and its area; an expired or pending one adds nothing; registrations ending this year are listed soonest
 * first, a hundred at most, with the total.
 */
@IntegrationTest
class GroupStatisticsIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired JdbcClient jdbc;
    @Autowired GroupRegistry registry;

    @Test
    void figuresCountListedGroupsByTypeFieldAndArea() throws Exception {
        // The registry belongs to the secretariat (市民活動推進課).
        SignedInUser staff = people.account("stats-staff", people.department("統計の事務局", true), "STAFF");
        String field = jdbc.sql("select code from activity_field order by code limit 1").query(String.class).single();
        GroupRegistry.Statistics before = registry.statistics();

        SignedInUser manager = people.account("stats-manager", null);
        long listed = people.registeredGroup("統計の会", manager.accountId());
        jdbc.sql("insert into civic_group_field (group_id, field_code) values (:g, :f)").param("g", listed).param("f", field).update();
        long expired = people.registeredGroup("期限切れの会", manager.accountId());
        jdbc.sql("update civic_group set valid_until = current_date - 1 where id = :id").param("id", expired).update();
        long ending = people.registeredGroup("今年度末の会", manager.accountId());
        jdbc.sql("update civic_group set valid_until = current_date where id = :id").param("id", ending).update();

        GroupRegistry.Statistics after = registry.statistics();
        assertThat(after.listed()).isEqualTo(before.listed() + 2);
        assertThat(after.byType().get(GroupType.CIVIC)).isEqualTo(before.byType().get(GroupType.CIVIC) + 2);
        String fieldName = jdbc.sql("select name from activity_field where code = :c").param("c", field).query(String.class).single();
        assertThat(after.byField().get(fieldName)).isEqualTo(before.byField().get(fieldName) + 1);
        String areaName = jdbc.sql("select name from activity_area where code = 'honjo'").query(String.class).single();
        assertThat(after.byArea().get(areaName)).isEqualTo(before.byArea().get(areaName) + 2);
        assertThat(after.expiringTotal()).isGreaterThanOrEqualTo(before.expiringTotal() + 2);
        assertThat(after.expiringThisYear()).hasSizeLessThanOrEqualTo(GroupRegistry.EXPIRING_SHOWN);
        assertThat(after.expiringThisYear().stream().map(GroupView::validUntil).toList()).isSorted();
        if (after.expiringTotal() <= GroupRegistry.EXPIRING_SHOWN) {
            assertThat(after.expiringThisYear().stream().map(GroupView::id).toList()).contains(expired, ending);
        }

        String page = mvc.perform(get("/staff/groups/statistics").with(user(staff))).andReturn().getResponse().getContentAsString();
        Matcher listedCount = Pattern.compile("掲載中[^0-9]*([0-9,]+)").matcher(page);
        assertThat(listedCount.find()).isTrue();
        assertThat(Long.parseLong(listedCount.group(1).replace(",", ""))).isEqualTo(after.listed());
        if (after.expiringTotal() <= GroupRegistry.EXPIRING_SHOWN) {
            assertThat(page).contains("今年度末の会");
        }
    }
}
