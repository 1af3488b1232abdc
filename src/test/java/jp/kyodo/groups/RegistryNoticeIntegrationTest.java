package jp.kyodo.groups;

import static jp.kyodo.TestMailServer.awaitMail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import com.icegreen.greenmail.util.GreenMail;
import java.util.UUID;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestMailServer;
import jp.kyodo.TestPeople;
import jp.kyodo.accounts.SignedInUser;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The registration decision is mailed to the group's representative once, as before, and also waits in their centre. */
@IntegrationTest
class RegistryNoticeIntegrationTest {

    @Autowired TestPeople people;
    @Autowired MockMvc mvc;
    @Autowired GreenMail greenMail;
    @Autowired JdbcClient jdbc;

    @Test
    void theApprovalWaitsInTheRepresentativesNotificationCentre() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        SignedInUser representative = people.account("reg-notice-rep", null);
        SignedInUser staff = people.account("reg-notice-staff", people.department("市民活動推進課", true), "STAFF");
        long group = people.registeredGroup("ほたるの里を守る会" + tag, representative.accountId());
        jdbc.sql("update civic_group set status = 'SUBMITTED', registration_number = null, registered_on = null, valid_until = null where id = :id")
                .param("id", group).update();
        long version = jdbc.sql("select version from civic_group where id = :id").param("id", group).query(Long.class).single();

        mvc.perform(post("/staff/groups/" + group + "/approve").with(csrf()).with(user(staff)).param("version", String.valueOf(version)))
                .andExpect(redirectedUrl("/staff/groups/" + group));

        awaitMail(greenMail, representative.email(), "団体登録が完了しました");
        mvc.perform(get("/notifications").with(user(representative)))
                .andExpect(content().string(Matchers.containsString("団体登録が完了しました")))
                .andExpect(content().string(Matchers.containsString("団体の手続き")));
        assertThat(jdbc.sql("select count(*) from notice where account_id = :a and kind = 'REGISTRY' and mailed_apart and link = '/my/groups'")
                .param("a", representative.accountId()).query(Long.class).single()).isEqualTo(1);
        assertThat(TestMailServer.count(greenMail, representative.email(), "団体登録が完了しました")).isEqualTo(1);
    }
}
