package jp.kyodo.volunteering;

import static jp.kyodo.TestMailServer.awaitMail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestMailServer;
import jp.kyodo.TestPeople;
import jp.kyodo.accounts.SignedInUser;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A resident who follows a field hears of a new opportunity in it (in the portal and by mail); one who does not, does
 * not. The decision on their application is mailed once and also waits in their notification centre.
 */
@IntegrationTest
class OpportunityNoticeIntegrationTest {

    @Autowired TestPeople people;
    @Autowired MockMvc mvc;
    @Autowired GreenMail greenMail;
    @Autowired JdbcClient jdbc;
    @Autowired Opportunities opportunities;

    @Test
    void followersOfTheFieldHearOfANewOpportunity() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        SignedInUser manager = people.account("vol-notice-mgr", null);
        SignedInUser follower = people.account("vol-notice-follower", null);
        SignedInUser other = people.account("vol-notice-other", null);
        long group = people.registeredGroup("川をきれいにする会" + tag, manager.accountId());
        mvc.perform(post("/account/follows").with(csrf()).with(user(follower)).param("topic", "field:seiso"));
        // The other follows a different field only.
        mvc.perform(post("/account/follows").with(csrf()).with(user(other)).param("topic", "field:matsuri"));

        LocalDate today = opportunities.today();
        String title = "河川敷の清掃" + tag;
        long id = opportunities.create(manager, Map.of("groupId", String.valueOf(group), "title", title, "description", "ごみ拾い",
                "place", "小山川河川敷", "area", "kodama", "shift1Date", today.plusDays(9).toString(), "shift1Start", "9:00",
                "shift1End", "11:00", "shift1Capacity", "10", "applyBy", today.plusDays(8).toString()), List.of("seiso"));
        // Nothing is announced for a draft.
        assertThat(notices(follower, title)).isZero();
        opportunities.publish(id, manager, 0);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (notices(follower, title) == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(notices(follower, title)).isEqualTo(1);
        assertThat(notices(other, title)).isZero();
        assertThat(awaitMail(greenMail, follower.email(), title)).contains("/volunteering/" + id).contains("ボランティア募集");
        mvc.perform(get("/notifications").with(user(follower))).andExpect(content().string(Matchers.containsString(title)))
                .andExpect(content().string(Matchers.containsString("ボランティア募集：")));
        mvc.perform(get("/").with(user(follower))).andExpect(content().string(Matchers.containsString("お知らせ（未読 1 件）")));
        mvc.perform(get("/notifications").with(user(other))).andExpect(content().string(Matchers.not(Matchers.containsString(title))));

        // The follower applies and is accepted: the decision mail (sent as before, once) also waits in the centre.
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        try {
            long shift = opportunities.managed(id, manager.accountId()).shifts().getFirst().id();
            long application = opportunities.apply(id, follower, String.valueOf(shift), null);
            opportunities.decide(id, application, manager, Opportunities.Decision.ACCEPT);
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
        awaitMail(greenMail, follower.email(), "ボランティアへの参加が決まりました");
        assertThat(jdbc.sql("select count(*) from notice where account_id = :a and title like 'ボランティアへの参加が決まりました%' and mailed_apart")
                .param("a", follower.accountId()).query(Long.class).single()).isEqualTo(1);
        assertThat(TestMailServer.count(greenMail, follower.email(), "ボランティアへの参加が決まりました")).isEqualTo(1);
        mvc.perform(get("/").with(user(follower))).andExpect(content().string(Matchers.containsString("お知らせ（未読 2 件）")));
    }

    private long notices(SignedInUser person, String title) {
        return jdbc.sql("select count(*) from notice where account_id = :a and title = :t").param("a", person.accountId())
                .param("t", title).query(Long.class).single();
    }
}
