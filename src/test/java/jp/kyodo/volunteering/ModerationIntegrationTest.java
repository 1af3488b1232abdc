package jp.kyodo.volunteering;

import static jp.kyodo.TestMailServer.awaitMail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import java.time.LocalDate;
import java.util.UUID;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestPeople;
import jp.kyodo.accounts.SignedInUser;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Reports and moderation on a real post: anyone reports (once, within a limit), the secretariat sees the reports,
 * hides the post with a reason (gone from the public page and list, the owner sees why), shows it again; other staff
 * cannot; every decision is audited.
 */
@IntegrationTest
class ModerationIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired GreenMail greenMail;
    @Autowired JdbcClient jdbc;
    @Autowired TestPeople people;
    @Autowired Opportunities opportunities;

    @Test
    void reportHideAndShowAgain() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long secretariat = jdbc.sql("select id from department where secretariat and active order by id limit 1").query(Long.class).optional()
                .orElseGet(() -> people.department("市民活動推進課", true));
        SignedInUser moderator = people.account("mod-staff", secretariat, "STAFF");
        SignedInUser otherStaff = people.account("mod-other", people.department("道路課", false), "STAFF");
        SignedInUser manager = people.account("mod-manager", null);
        SignedInUser reporter = people.account("mod-reporter", null);
        long group = people.registeredGroup("見守りの会" + tag, manager.accountId());
        LocalDate today = LocalDate.now();
        String title = "公園の清掃ボランティア" + tag;
        String location = mvc.perform(post("/my/volunteering/opportunities/new").with(csrf()).with(user(manager)).param("groupId", String.valueOf(group))
                        .param("title", title).param("description", "公園のごみを拾います。").param("place", "中央公園").param("area", "honjo")
                        .param("fields", "seiso").param("shift1Date", today.plusDays(10).toString()).param("shift1Start", "9:00")
                        .param("shift1End", "11:00").param("shift1Capacity", "10").param("applyBy", today.plusDays(8).toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        // A draft is nobody else's business: not even its title shows through the report page.
        mvc.perform(get("/volunteering/report/opportunity/" + id)).andExpect(status().isNotFound());
        long version = opportunities.managed(id, manager.accountId()).version();
        mvc.perform(post("/my/volunteering/opportunities/" + id + "/publish").with(csrf()).with(user(manager)).param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/volunteering/" + id)).andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("不適切な内容を報告する")));

        // A report without a reason is named next to the field; "other" needs details; then it is received, once.
        mvc.perform(post("/volunteering/report/opportunity/" + id).with(csrf()).with(user(reporter)).param("details", "怪しい"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("報告の理由を選んでください")))
                .andExpect(content().string(Matchers.containsString("怪しい")));
        mvc.perform(post("/volunteering/report/opportunity/" + id).with(csrf()).with(user(reporter)).param("reason", "OTHER"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("field__error")));
        mvc.perform(post("/volunteering/report/opportunity/" + id).with(csrf()).with(user(reporter)).param("reason", "SPAM"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/volunteering/report/opportunity/" + id).with(csrf()).with(user(reporter)).param("reason", "SPAM"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("すでに報告いただいています")));
        // Without an account too; the reporter is known only by a key, never shown.
        mvc.perform(post("/volunteering/report/opportunity/" + id).with(csrf()).with(r -> {
                    r.setRemoteAddr("2001:db8:1:2::99");
                    return r;
                }).param("reason", "PERSONAL_DATA").param("details", "電話番号が載っている"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select reporter_key from vol_report where post_id = :id and reporter_id is null").param("id", id).query(String.class).single())
                .startsWith("network:").doesNotContain("2001");
        mvc.perform(get("/volunteering/report/opportunity/999999999")).andExpect(status().isNotFound());
        mvc.perform(get("/volunteering/report/nothing/" + id)).andExpect(status().isNotFound());

        // The queue: the secretariat only.
        mvc.perform(get("/staff/volunteering/moderation").with(user(otherStaff))).andExpect(status().isNotFound());
        mvc.perform(post("/staff/volunteering/moderation/opportunity/" + id + "/hide").with(csrf()).with(user(otherStaff)).param("hideReason-opportunity-" + id, "x"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/staff/volunteering/moderation").with(user(moderator))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(title)))
                .andExpect(content().string(Matchers.containsString("電話番号が載っている")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("mod-reporter"))));
        mvc.perform(post("/staff/volunteering/moderation/opportunity/" + id + "/hide").with(csrf()).with(user(moderator)))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("field__error")));
        mvc.perform(post("/staff/volunteering/moderation/opportunity/" + id + "/hide").with(csrf()).with(user(moderator))
                        .param("hideReason-opportunity-" + id, "個人の電話番号が載っているため"))
                .andExpect(status().is3xxRedirection());

        // Hidden: gone publicly and from the list; its owner sees the reason; a new report is not possible.
        mvc.perform(get("/volunteering/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/volunteering")).andExpect(content().string(Matchers.not(Matchers.containsString(title))));
        mvc.perform(get("/volunteering/report/opportunity/" + id)).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from vol_report where post_id = :id and post_type = 'opportunity' and status = 'HIDDEN'").param("id", id)
                .query(Integer.class).single()).isEqualTo(2);
        mvc.perform(get("/staff/volunteering/moderation").with(user(moderator))).andExpect(content().string(Matchers.not(Matchers.containsString(title))));
        mvc.perform(get("/staff/volunteering/moderation").param("show", "all").with(user(moderator)))
                .andExpect(content().string(Matchers.containsString(title))).andExpect(content().string(Matchers.containsString("表示に戻す")));
        mvc.perform(post("/staff/volunteering/moderation/opportunity/" + id + "/unhide").with(csrf()).with(user(moderator)).param("show", "all"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/volunteering/" + id)).andExpect(status().isOk());

        // Reported again and dismissed: the post stays.
        SignedInUser second = people.account("mod-second", null);
        mvc.perform(post("/volunteering/report/opportunity/" + id).with(csrf()).with(user(second)).param("reason", "MISLEADING"))
                .andExpect(status().is3xxRedirection());
        awaitMail(greenMail, people.email(moderator.accountId()), "投稿への報告がありました");
        mvc.perform(post("/staff/volunteering/moderation/opportunity/" + id + "/dismiss").with(csrf()).with(user(moderator))
                        .param("dismissNote-opportunity-" + id, "内容を確認し、問題ありませんでした"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/volunteering/" + id)).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from audit_entry where action like 'moderation.%' and actor_id = :a").param("a", moderator.accountId())
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void reportsAreLimitedPerNetwork() throws Exception {
        SignedInUser manager = people.account("modl-manager", null);
        long group = people.registeredGroup("報告の会" + UUID.randomUUID().toString().substring(0, 6), manager.accountId());
        long[] ids = new long[11];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = jdbc.sql("""
                            insert into vol_opportunity (group_id, title, description, place, apply_by, status, created_by, created_at, updated_at)
                            values (:g, :t, '説明', '場所', current_date + 10, 'PUBLISHED', :by, now(), now()) returning id""")
                    .param("g", group).param("t", "募集" + i).param("by", manager.accountId()).query(Long.class).single();
        }
        for (int i = 0; i < 10; i++) {
            mvc.perform(post("/volunteering/report/opportunity/" + ids[i]).with(csrf()).with(r -> {
                        r.setRemoteAddr("198.51.100.7");
                        return r;
                    }).param("reason", "SPAM"))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(post("/volunteering/report/opportunity/" + ids[10]).with(csrf()).with(r -> {
                    r.setRemoteAddr("198.51.100.7");
                    return r;
                }).param("reason", "SPAM"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("短い時間に多くの報告がありました")));
    }
}
