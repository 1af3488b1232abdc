package jp.kyodo.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;



import java.time.Instant;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Staff sign in with a code from an authenticator app once they have set one up: until the code is accepted every
 * page sends them back to the code page; a code is good once; five wrong codes end the sign-in; the session id changes
 * at each step; an administrator can clear a lost app. "Log out everywhere" ends every session of a person.
 */
@IntegrationTest
class SecondFactorIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired JdbcClient jdbc;

    @Test
    void staffSetUpAnAppAndThenSignInWithItsCodes() throws Exception {
        SignedInUser staff = people.account("totp-staff", null, "STAFF");

        // Without an app (the second factor is optional in tests), the password is enough.
        MockHttpSession session = login(staff.getUsername());
        assertThat(get(session, "/staff").getResponse().getStatus()).isEqualTo(200);

        // Setting up: a wrong code is refused next to the field, the right one enables the app.
        assertThat(get(session, "/account").getResponse().getContentAsString()).contains("/account/second-factor");
        String page = get(session, "/account/second-factor").getResponse().getContentAsString();
        String secret = (String) session.getAttribute(SecondFactorController.NEW_SECRET);
        assertThat(page).contains(secret.substring(0, 4)).contains("otpauth://totp/");
        String wrong = post(session, "/account/second-factor", "code", "000000").getResponse().getContentAsString();
        assertThat(wrong).contains("確認コードが正しくありません").contains("id=\"code-error\"");
        long step = Totp.step(Instant.now());
        MvcResult enabled = post(session, "/account/second-factor", "code", Totp.code(secret, step));
        assertThat(enabled.getResponse().getRedirectedUrl()).isEqualTo("/account");
        assertThat(jdbc.sql("select totp_enabled_at is not null from account where id = :id").param("id", staff.accountId())
                .query(Boolean.class).single()).isTrue();

        // The next sign-in stops at the code page; every other page sends the person back there.
        MockHttpSession second = new MockHttpSession();
        String before = second.getId();
        MvcResult password = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login").session(second).with(csrf())
                .param("username", staff.getUsername()).param("password", TestPeople.PASSWORD)).andReturn();
        assertThat(password.getResponse().getRedirectedUrl()).isEqualTo("/login/second-factor");
        for (String path : new String[] {"/staff", "/account", "/admin", "/my/groups"}) {
            assertThat(get(second, path).getResponse().getRedirectedUrl()).as(path).isEqualTo("/login/second-factor");
        }
        // The code already used is refused (a code is good once); the next one is accepted.
        assertThat(post(second, "/login/second-factor", "code", Totp.code(secret, step)).getResponse().getContentAsString())
                .contains("確認コードが正しくありません");
        MvcResult passed = post(second, "/login/second-factor", "code", Totp.code(secret, step + 1));
        assertThat(passed.getResponse().getRedirectedUrl()).isEqualTo("/staff");
        assertThat(second.getId()).isNotEqualTo(before);
        assertThat(get(second, "/staff").getResponse().getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("select action from audit_entry where record_type = 'account' and record_id = :id order by id")
                .param("id", String.valueOf(staff.accountId())).query(String.class).list())
                .contains("account.secondFactor.enabled", "account.secondFactor.failed", "account.secondFactor.passed");

        // Five wrong codes end the sign-in.
        MockHttpSession third = new MockHttpSession();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login").session(third).with(csrf()).param("username", staff.getUsername()).param("password", TestPeople.PASSWORD));
        MvcResult last = null;
        for (int i = 0; i < SecondFactor.MAX_FAILURES; i++) {
            last = post(third, "/login/second-factor", "code", "12345" + i);
        }
        assertThat(last.getResponse().getRedirectedUrl()).isEqualTo("/login");
        assertThat(get(third, "/staff").getResponse().getStatus()).isIn(302, 401, 403);
        assertThat(get(third, "/staff").getResponse().getRedirectedUrl()).doesNotContain("second-factor");

        // An administrator clears the app of a lost phone: the staff member's sessions end.
        SignedInUser admin = people.account("totp-admin", null, "STAFF", "ADMIN");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/admin/staff/{id}/second-factor/reset", staff.accountId()).with(csrf())
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(admin)));
        assertThat(jdbc.sql("select totp_secret is null from account where id = :id").param("id", staff.accountId())
                .query(Boolean.class).single()).isTrue();
        assertThat(get(second, "/staff").getResponse().getRedirectedUrl()).contains("/login");
    }

    @Test
    void logOutEverywhereEndsEverySessionOfThePerson() throws Exception {
        SignedInUser resident = people.account("everywhere", null);
        MockHttpSession phone = login(resident.getUsername());
        MockHttpSession office = login(resident.getUsername());
        assertThat(get(phone, "/account").getResponse().getStatus()).isEqualTo(200);
        assertThat(get(office, "/account").getResponse().getStatus()).isEqualTo(200);

        MvcResult ended = post(office, "/account/sessions/end");
        assertThat(ended.getResponse().getRedirectedUrl()).isEqualTo("/login");

        assertThat(get(phone, "/account").getResponse().getRedirectedUrl()).contains("/login");
        assertThat(get(office, "/account").getResponse().getRedirectedUrl()).contains("/login");
        // Signing in again works.
        assertThat(get(login(resident.getUsername()), "/account").getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void theSessionIdChangesAtLogin() throws Exception {
        SignedInUser resident = people.account("fixation", null);
        MockHttpSession session = new MockHttpSession();
        String before = session.getId();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/login").session(session));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login").session(session).with(csrf()).param("username", resident.getUsername()).param("password", TestPeople.PASSWORD));
        assertThat(session.getId()).isNotEqualTo(before);
    }

    private MockHttpSession login(String email) throws Exception {
        MockHttpSession session = new MockHttpSession();
        MvcResult result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login").session(session).with(csrf()).param("username", email).param("password", TestPeople.PASSWORD))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
        return session;
    }

    private MvcResult get(MockHttpSession session, String path) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path).session(session)).andReturn();
    }

    private MvcResult post(MockHttpSession session, String path, String... params) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path).session(session).with(csrf());
        for (int i = 0; i + 1 < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andReturn();
    }
}
