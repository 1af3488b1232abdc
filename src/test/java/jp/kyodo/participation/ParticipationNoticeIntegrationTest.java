package jp.kyodo.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestPeople;
import jp.kyodo.accounts.SignedInUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Who follows every published result hears of a public comment's result, linked to it; nobody else does. */
@IntegrationTest
class ParticipationNoticeIntegrationTest {

    @Autowired TestPeople people;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PublicComments comments;

    @Test
    void followersOfResultsHearOfAPublicCommentResult() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long dept = people.department("環境推進課" + tag, false);
        SignedInUser staff = people.account("pcn-staff", dept, "STAFF");
        SignedInUser follower = people.account("pcn-follower", null);
        SignedInUser bystander = people.account("pcn-bystander", null);
        mvc.perform(post("/account/follows").with(csrf()).with(user(follower)).param("topic", "results:all"))
                .andExpect(status().is3xxRedirection());
        LocalDate today = comments.today();
        String title = "ごみ減量化計画(案)" + tag;
        String location = mvc.perform(post("/staff/participation/comments/new").with(csrf()).with(user(staff)).param("title", title)
                        .param("purpose", "ごみの減量").param("opensOn", today.minusDays(1).toString()).param("closesOn", today.plusDays(30).toString())
                        .param("heading0", "第1章").param("body0", "資源ごみの分別を進める。"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post("/staff/participation/comments/" + id + "/publish").with(csrf()).with(user(staff)).param("version", "0"))
                .andExpect(status().is3xxRedirection());
        jdbc.sql("update pc_procedure set opens_on = :o, closes_on = :c where id = :id")
                .param("o", today.minusDays(40)).param("c", today.minusDays(2)).param("id", id).update();
        mvc.perform(post("/staff/participation/comments/" + id + "/result").with(csrf()).with(user(staff)).param("version", "1")
                        .param("resultNote", "意見はありませんでした。"))
                .andExpect(status().is3xxRedirection());

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (notices(follower, title) == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(notices(follower, title)).isEqualTo(1);
        assertThat(jdbc.sql("select link from notice where account_id = :a and title = :t").param("a", follower.accountId())
                .param("t", title).query(String.class).single()).isEqualTo("/participation/comments/" + id);
        assertThat(notices(bystander, title)).isZero();
    }

    private long notices(SignedInUser person, String title) {
        return jdbc.sql("select count(*) from notice where account_id = :a and title = :t").param("a", person.accountId())
                .param("t", title).query(Long.class).single();
    }
}
