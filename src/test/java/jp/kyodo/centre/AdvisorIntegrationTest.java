package jp.kyodo.centre;

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
import jp.kyodo.accounts.SignedInUser;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Advisors from profile to record: the secretariat registers advisors, a group's manager requests a consultation, the
 * secretariat assigns an advisor whose expertise fits, records what was advised, and the group reads it; nobody else
 * sees the request.
 */
@IntegrationTest
class AdvisorIntegrationTest {

    @Autowired jp.kyodo.TestPeople people;
    @Autowired MockMvc mvc;
    @Autowired GreenMail greenMail;
    @Autowired JdbcClient jdbc;
    @Autowired Advisors advisors;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    @Test
    void fromRequestToRecord() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long secretariat = jdbc.sql("select id from department where secretariat and active order by id limit 1").query(Long.class).optional()
                .orElseGet(() -> jdbc.sql("insert into department (code, name, secretariat, active, created_at) values (:c, '市民活動推進課', true, true, now()) returning id")
                        .param("c", "adv-s-" + tag).query(Long.class).single());
        long other = jdbc.sql("insert into department (code, name, secretariat, active, created_at) values (:c, '道路課', false, true, now()) returning id")
                .param("c", "adv-o-" + tag).query(Long.class).single();
        SignedInUser staff = people.account("adv-staff", secretariat, "STAFF");
        SignedInUser outsider = people.account("adv-outsider", other, "STAFF");
        SignedInUser manager = people.account("adv-manager", null, null);
        SignedInUser stranger = people.account("adv-stranger", null, null);
        long group = people.registeredGroup("相談する会" + tag, manager.accountId());
        LocalDate today = advisors.today();

        // Only the secretariat manages advisors; mistakes are named next to their field and what was typed stays.
        mvc.perform(get("/staff/centre/advisors").with(user(outsider))).andExpect(status().isNotFound());
        mvc.perform(post("/staff/centre/advisors/new").with(csrf()).with(user(staff)).param("name", "会計 一郎" + tag).param("profile", "会計の専門家"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("専門分野を1つ以上選んでください")))
                .andExpect(content().string(Matchers.containsString("会計 一郎" + tag)));
        mvc.perform(post("/staff/centre/advisors/new").with(csrf()).with(user(staff)).param("name", "会計 一郎" + tag).param("profile", "会計の専門家")
                        .param("expertise", "ACCOUNTING").param("expertise", "INCORPORATION"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/staff/centre/advisors/new").with(csrf()).with(user(staff)).param("name", "広報 花子" + tag).param("profile", "広報の専門家")
                        .param("expertise", "PUBLICITY"))
                .andExpect(status().is3xxRedirection());
        long accountant = jdbc.sql("select id from centre_advisor where name = :n").param("n", "会計 一郎" + tag).query(Long.class).single();
        long publicist = jdbc.sql("select id from centre_advisor where name = :n").param("n", "広報 花子" + tag).query(Long.class).single();
        // A stale edit is refused; the public list shows active advisors only.
        mvc.perform(post("/staff/centre/advisors/" + publicist + "/edit").with(csrf()).with(user(staff)).param("version", "0").param("name", "広報 花子" + tag)
                        .param("profile", "広報の専門家").param("expertise", "PUBLICITY"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/staff/centre/advisors/" + publicist + "/edit").with(csrf()).with(user(staff)).param("version", "0").param("name", "広報 花子" + tag)
                        .param("profile", "変更").param("expertise", "PUBLICITY").param("active", "true"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("ほかの人がこの内容を更新しました")));
        mvc.perform(get("/centre/advisors")).andExpect(content().string(Matchers.containsString("会計 一郎" + tag)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("広報 花子" + tag))));

        // The group's manager requests; a past date and a group they do not manage are refused.
        mvc.perform(post("/my/centre/advisors").with(csrf()).with(user(stranger)).param("groupId", String.valueOf(group)).param("topic", "ACCOUNTING")
                        .param("details", "会計の相談").param("date0", today.plusDays(5).toString()))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("団体の代表者・担当者が、団体として申し込めます")));
        mvc.perform(post("/my/centre/advisors").with(csrf()).with(user(manager)).param("groupId", String.valueOf(group)).param("topic", "ACCOUNTING")
                        .param("details", "会費と寄付の分け方を知りたい").param("date0", today.minusDays(1).toString()))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("明日以降の日付を入力してください")))
                .andExpect(content().string(Matchers.containsString("会費と寄付の分け方を知りたい")));
        mvc.perform(post("/my/centre/advisors").with(csrf()).with(user(manager)).param("groupId", String.valueOf(group)).param("topic", "ACCOUNTING")
                        .param("details", "会費と寄付の分け方を知りたい").param("date0", today.plusDays(5).toString()).param("time0", "午後")
                        .param("date1", today.plusDays(6).toString()))
                .andExpect(status().is3xxRedirection());
        long requestId = jdbc.sql("select id from centre_advisor_request where group_id = :g").param("g", group).query(Long.class).single();
        awaitMail(greenMail, people.email(manager.accountId()), "アドバイザー相談の申込みを受け付けました");
        mvc.perform(get("/staff/centre/advisors/requests/" + requestId).with(user(outsider))).andExpect(status().isNotFound());
        mvc.perform(post("/my/centre/advisors/" + requestId + "/cancel").with(csrf()).with(user(stranger))).andExpect(status().isNotFound());

        // The advisor whose expertise covers the topic is offered first; assigning tells the group.
        Advisors.Request request = advisors.request(requestId).orElseThrow();
        assertThat(advisors.suggestions(request).getFirst().covers(Advisors.Topic.ACCOUNTING)).isTrue();
        mvc.perform(post("/staff/centre/advisors/requests/" + requestId + "/assign").with(csrf()).with(user(staff)).param("version", "0")
                        .param("advisorId", String.valueOf(accountant)).param("scheduledOn", today.plusDays(5).toString()).param("scheduledTime", "25:00")
                        .param("place", "センター 相談室"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("時刻は 14:00 のように入力してください")));
        mvc.perform(post("/staff/centre/advisors/requests/" + requestId + "/assign").with(csrf()).with(user(staff)).param("version", "0")
                        .param("advisorId", String.valueOf(accountant)).param("scheduledOn", today.plusDays(5).toString()).param("scheduledTime", "14:00")
                        .param("place", "センター 相談室"))
                .andExpect(status().is3xxRedirection());
        awaitMail(greenMail, people.email(manager.accountId()), "アドバイザー相談の日時が決まりました");
        // Not recorded before it takes place.
        mvc.perform(post("/staff/centre/advisors/requests/" + requestId + "/record").with(csrf()).with(user(staff)).param("version", "1")
                        .param("advice", "収支を3区分に"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("相談の日時が来てから記録してください")));
        jdbc.sql("update centre_advisor_request set scheduled_at = now() - interval '1 day' where id = :id").param("id", requestId).update();
        mvc.perform(post("/staff/centre/advisors/requests/" + requestId + "/record").with(csrf()).with(user(staff)).param("version", "1")
                        .param("advice", "収支計算書を会費・事業収入・寄付の3区分にする。").param("followUp", "1か月後に確認"))
                .andExpect(status().is3xxRedirection());
        awaitMail(greenMail, people.email(manager.accountId()), "アドバイザー相談の記録");
        mvc.perform(get("/my/centre/advisors").with(user(manager))).andExpect(content().string(Matchers.containsString("収支計算書を会費・事業収入・寄付の3区分にする。")))
                .andExpect(content().string(Matchers.containsString("相談済み")));
        mvc.perform(get("/my/centre/advisors").with(user(stranger))).andExpect(content().string(Matchers.not(Matchers.containsString("収支計算書"))));
        mvc.perform(get("/centre/advisors")).andExpect(content().string(Matchers.not(Matchers.containsString("収支計算書"))));

        // A second request is declined with a reason, told to the group.
        mvc.perform(post("/my/centre/advisors").with(csrf()).with(user(manager)).param("groupId", String.valueOf(group)).param("topic", "OTHER")
                        .param("details", "個人的な相談").param("date0", today.plusDays(9).toString()))
                .andExpect(status().is3xxRedirection());
        long second = jdbc.sql("select id from centre_advisor_request where group_id = :g and topic = 'OTHER'").param("g", group).query(Long.class).single();
        mvc.perform(post("/staff/centre/advisors/requests/" + second + "/decline").with(csrf()).with(user(staff)).param("version", "0").param("reason", ""))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("field__error")));
        mvc.perform(post("/staff/centre/advisors/requests/" + second + "/decline").with(csrf()).with(user(staff)).param("version", "0")
                        .param("reason", "団体の活動についての相談をお受けしています。"))
                .andExpect(status().is3xxRedirection());
        awaitMail(greenMail, people.email(manager.accountId()), "アドバイザー相談について");
        assertThat(jdbc.sql("select count(*) from audit_entry where action like 'advisor.%' and actor_id = :a").param("a", staff.accountId())
                .query(Integer.class).single()).isEqualTo(6);
    }
}
