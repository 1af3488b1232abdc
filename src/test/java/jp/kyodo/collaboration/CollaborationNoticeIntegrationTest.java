package jp.kyodo.collaboration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A published call reaches who follows every call or the call's field, once each, and not who follows another field. */
@IntegrationTest
class CollaborationNoticeIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired CollaborationTestData data;

    @Test
    void aPublishedCallReachesItsFollowers() throws Exception {
        String tag = CollaborationTestData.tag();
        long department = data.department("子育て支援課" + tag, false);
        SignedInUser staff = data.account("call-notice-staff", department, "STAFF");
        SignedInUser fieldFollower = data.account("call-notice-field", null);
        SignedInUser allFollower = data.account("call-notice-all", null);
        SignedInUser otherField = data.account("call-notice-other", null);
        follow(fieldFollower, "field:kosodate");
        follow(fieldFollower, "theme:all");
        follow(allFollower, "theme:all");
        follow(otherField, "field:bunka");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
        String title = "子どもの居場所づくり" + tag;
        String location = mvc.perform(post("/staff/collaboration/calls/new").param("origin", "CITY").with(csrf()).with(user(staff))
                        .param("title", title).param("fiscalYear", "2027").param("background", "孤食が増えている。")
                        .param("expectedOutcome", "孤食が減る。").param("budgetCap", "500000")
                        .param("forms", "COMMISSION").param("fieldCodes", "kosodate").param("areaCode", "honjo")
                        .param("applicationOpens", today.minusDays(1).toString()).param("applicationCloses", today.plusDays(30).toString())
                        .param("consultationDeadline", today.plusDays(20).toString()).param("firstScreeningOn", today.plusDays(40).toString()))
                .andReturn().getResponse().getRedirectedUrl();
        long callId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(notices(allFollower, title)).as("nothing for a draft").isZero();
        mvc.perform(post("/staff/collaboration/calls/" + callId + "/publish").with(csrf()).with(user(staff)).param("version", "0"))
                .andExpect(status().is3xxRedirection());

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while ((notices(fieldFollower, title) == 0 || notices(allFollower, title) == 0) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(notices(fieldFollower, title)).as("one notice though two topics match").isEqualTo(1);
        assertThat(notices(allFollower, title)).isEqualTo(1);
        assertThat(notices(otherField, title)).isZero();
        assertThat(jdbc.sql("select link from notice where account_id = :a and title = :t").param("a", allFollower.accountId())
                .param("t", title).query(String.class).single()).isEqualTo("/collaboration/calls/" + callId);
    }

    private void follow(SignedInUser person, String topic) throws Exception {
        mvc.perform(post("/account/follows").with(csrf()).with(user(person)).param("topic", topic)).andExpect(status().is3xxRedirection());
    }

    private long notices(SignedInUser person, String title) {
        return jdbc.sql("select count(*) from notice where account_id = :a and title = :t").param("a", person.accountId())
                .param("t", title).query(Long.class).single();
    }
}
