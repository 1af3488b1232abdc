package jp.kyodo.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;
import java.time.Instant;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * An administrator changing someone's rights a while after signing in is asked for the password again; the form's
 * fields are carried through the question, so the change is made once the password is right, and not before.
 */
@IntegrationTest
class RecentPasswordIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired JdbcClient jdbc;
    @Autowired RecentPassword recent;

    @BeforeEach
    void on() {
        recent.enabled(true);
    }

    @AfterEach
    void off() {
        recent.enabled(false);
    }

    @Test
    void aChangeOfRightsLongAfterSignInAsksForThePasswordAgainAndKeepsTheForm() throws Exception {
        long department = people.department("再認証課", false);
        SignedInUser admin = people.account("reauth-admin", department, "STAFF", "ADMIN");
        SignedInUser clerk = people.account("reauth-clerk", department, "STAFF");
        MockHttpSession session = new MockHttpSession();
        mvc.perform(MockMvcRequestBuilders.post("/login").session(session).with(csrf())
                .param("username", admin.getUsername()).param("password", TestPeople.PASSWORD));

        // Just signed in: the change goes through at once.
        assertThat(update(session, clerk, department, "STAFF", "COMMITTEE").getResponse().getRedirectedUrl()).isEqualTo("/admin/staff");
        assertThat(roles(clerk)).contains("COMMITTEE");

        // Twenty minutes later: asked for the password, with everything typed kept in the form.
        session.setAttribute(RecentPassword.AT, Instant.now().minus(Duration.ofMinutes(20)));
        MvcResult asked = update(session, clerk, department, "STAFF");
        assertThat(asked.getResponse().getRedirectedUrl()).isEqualTo("/account/reauthenticate");
        String page = prompt(session);
        assertThat(page).contains("パスワードの再入力").contains("name=\"_currentPassword\"")
                .contains("name=\"roles\" value=\"STAFF\"").contains("name=\"name\" value=\"reauth-clerk\"")
                .contains("action=\"/admin/staff/" + clerk.accountId() + "\"");
        assertThat(roles(clerk)).as("nothing changed yet").contains("COMMITTEE");

        // A wrong password: asked again, still nothing changed.
        update(session, clerk, department, "STAFF", RecentPassword.PASSWORD_PARAMETER, "wrong-password-9");
        String wrong = prompt(session);
        assertThat(wrong).contains("パスワードが正しくありません").contains("id=\"current-password-error\"");
        assertThat(roles(clerk)).contains("COMMITTEE");

        // The right password: the change carried through is made.
        MvcResult done = update(session, clerk, department, "STAFF", RecentPassword.PASSWORD_PARAMETER, TestPeople.PASSWORD);
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/admin/staff");
        assertThat(roles(clerk)).doesNotContain("COMMITTEE");
        assertThat(jdbc.sql("select action from audit_entry where record_type = 'account' and record_id = :id order by id")
                .param("id", String.valueOf(admin.accountId())).query(String.class).list())
                .contains("account.reauthentication.failed", "account.reauthenticated");

        // And for the next quarter of an hour it is not asked again.
        assertThat(update(session, clerk, department, "STAFF", "COMMITTEE").getResponse().getRedirectedUrl()).isEqualTo("/admin/staff");
    }

    private MvcResult update(MockHttpSession session, SignedInUser clerk, long department, String... rolesThenParams) throws Exception {
        long version = jdbc.sql("select version from account where id = :id").param("id", clerk.accountId()).query(Long.class).single();
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post("/admin/staff/{id}", clerk.accountId()).session(session).with(csrf())
                .param("name", "reauth-clerk").param("departmentId", String.valueOf(department)).param("enabled", "true")
                .param("version", String.valueOf(version));
        for (int i = 0; i < rolesThenParams.length; i++) {
            if (rolesThenParams[i].startsWith("_")) {
                request.param(rolesThenParams[i], rolesThenParams[++i]);
            } else {
                request.param("roles", rolesThenParams[i]);
            }
        }
        return mvc.perform(request).andReturn();
    }

    private String prompt(MockHttpSession session) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get("/account/reauthenticate").session(session)).andReturn().getResponse().getContentAsString();
    }

    private java.util.List<String> roles(SignedInUser who) {
        return jdbc.sql("select role from account_role where account_id = :id").param("id", who.accountId()).query(String.class).list();
    }
}
