package jp.kyodo.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The download of one's own data: only the signed-in person's, as a page and as a JSON file, each recorded in the audit log. */
@IntegrationTest
class PersonalDataDownloadTest {

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired JdbcClient jdbc;

    @Test
    void eachPersonGetsOnlyTheirOwnDataAndTheDownloadIsAudited() throws Exception {
        SignedInUser alice = people.account("alice", null);
        SignedInUser bob = people.account("bob", null);
        jdbc.sql("update account set address = '埼玉県本庄市アリス町1-1', phone = '0495-81-0001' where id = :id").param("id", alice.accountId()).update();
        jdbc.sql("insert into notice (account_id, kind, title, created_at) values (:id, 'REGISTRY', 'アリスへのお知らせ', now())")
                .param("id", alice.accountId()).update();

        String mine = mvc.perform(get("/account/data/json").with(user(alice)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/json")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(mine).contains(alice.getUsername(), "埼玉県本庄市アリス町1-1", "0495-81-0001", "アリスへのお知らせ")
                .doesNotContain(bob.getUsername());

        String theirs = mvc.perform(get("/account/data/json").with(user(bob))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(theirs).contains(bob.getUsername()).doesNotContain(alice.getUsername(), "アリス");
        // No address takes an account number: there is nothing to change to reach another person's data.
        mvc.perform(get("/account/data/json").param("accountId", String.valueOf(alice.accountId())).with(user(bob)))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("アリス"));

        String page = mvc.perform(get("/account/data").with(user(alice))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("わたしの個人データ", "埼玉県本庄市アリス町1-1", "アリスへのお知らせ", "お知らせ・送信メール", "/account/data/json");

        assertThat(jdbc.sql("""
                        select summary from audit_entry where action = 'account.data.download' and record_id = :rid and actor_id = :id
                        order by id""").param("rid", String.valueOf(alice.accountId())).param("id", alice.accountId())
                .query(String.class).list()).containsExactly("json", "html");
    }

    @Test
    void strangersAreSentToTheLoginPage() throws Exception {
        mvc.perform(get("/account/data/json")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
        mvc.perform(get("/account/data")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
    }
}
