package jp.kyodo.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestPeople;
import jp.kyodo.accounts.SignedInUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The rate limits on sign-up, confirmation mails, password reset requests, failed logins, public comments and
 * suggestions: past the limit the form is shown again with a Japanese message (not an error page) and what was typed,
 * per address or account and per client network (an IPv6 /64); an hour later the same form goes through again.
 * Each case uses its own documentation-range network, so no other test's requests count.
 */
@IntegrationTest
class RateLimitIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestPeople people;

    @Autowired
    JdbcClient jdbc;

    @Test
    void signUpIsLimitedPerNetworkWithAMessageAndResetsAnHourLater() throws Exception {
        String network = freshNetwork();
        for (int i = 0; i < 5; i++) {
            mvc.perform(signUp(network + "::" + (i + 1), "new-" + tag() + "@example.jp"))
                    .andExpect(redirectedUrl("/signup/sent"));
        }
        // Another address of the same /64, a new e-mail: still the same network.
        String email = "sixth-" + tag() + "@example.jp";
        String page = body(mvc.perform(signUp(network + "::ffff", email)).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("登録の申込みが多すぎます(1時間に5件まで)").contains("value=\"" + email + "\"").contains("field--error");
        // Another network is not held back.
        mvc.perform(signUp(freshNetwork() + "::1", "other-" + tag() + "@example.jp")).andExpect(redirectedUrl("/signup/sent"));

        anHourPasses("signup");
        mvc.perform(signUp(network + "::ffff", email)).andExpect(redirectedUrl("/signup/sent"));
    }

    @Test
    void passwordResetAndResendAreLimitedPerAddress() throws Exception {
        String email = "reset-" + tag() + "@example.jp";
        for (int i = 0; i < 5; i++) {
            // Each request from its own network: the address alone reaches the limit.
            mvc.perform(post("/password/forgot").with(csrf()).with(from(freshNetwork() + "::1")).param("email", email))
                    .andExpect(redirectedUrl("/password/forgot/sent"));
        }
        String page = body(mvc.perform(post("/password/forgot").with(csrf()).with(from(freshNetwork() + "::1")).param("email", email))
                .andExpect(status().isOk()).andReturn());
        assertThat(page).contains("パスワード再設定の申込みが多すぎます").contains("value=\"" + email + "\"");
        anHourPasses("password-reset");
        mvc.perform(post("/password/forgot").with(csrf()).with(from(freshNetwork() + "::1")).param("email", email))
                .andExpect(redirectedUrl("/password/forgot/sent"));

        String pending = "pending-" + tag() + "@example.jp";
        String network = freshNetwork();
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/signup/resend").with(csrf()).with(from(network + "::1")).param("email", pending))
                    .andExpect(redirectedUrl("/signup/sent"));
        }
        String resend = body(mvc.perform(post("/signup/resend").with(csrf()).with(from(network + "::2")).param("email", pending))
                .andExpect(status().isOk()).andReturn());
        assertThat(resend).contains("確認メールの再送が多すぎます");
    }

    @Test
    void failedLoginsFromOneNetworkStopItsLoginsForAWhile() throws Exception {
        SignedInUser resident = people.account("rate-login", null);
        String email = people.email(resident.accountId());
        String network = freshNetwork();
        for (int i = 0; i < 30; i++) {
            // A different (unknown) address each time: no account is locked, only the network counts.
            mvc.perform(post("/login").with(csrf()).with(from(network + "::" + (i + 1))).param("username", "guess-" + i + "-" + tag() + "@example.jp")
                            .param("password", "wrong-password"))
                    .andExpect(redirectedUrl("/login?error"));
        }
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session).with(csrf()).with(from(network + "::99")).param("username", email)
                        .param("password", TestPeople.PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(body(mvc.perform(get("/login").session(session)).andExpect(status().isOk()).andReturn()))
                .contains("このネットワークからのログインの失敗が多すぎる");
        // From elsewhere the same account signs in.
        mvc.perform(post("/login").with(csrf()).with(from(freshNetwork() + "::1")).param("username", email).param("password", TestPeople.PASSWORD))
                .andExpect(redirectedUrl("/account"));

        anHourPasses("login-failure");
        mvc.perform(post("/login").with(csrf()).with(from(network + "::99")).param("username", email).param("password", TestPeople.PASSWORD))
                .andExpect(redirectedUrl("/account"));
    }

    @Test
    void publicCommentsAndSuggestionsAreLimitedPerAccountAndKeepWhatWasTyped() throws Exception {
        SignedInUser resident = people.account("rate-comment", null);
        long department = people.department("意見募集課", false);
        long procedure = jdbc.sql("""
                        insert into pc_procedure (department_id, title, purpose, opens_on, closes_on, status, created_by, created_at, updated_at)
                        values (:d, :t, '趣旨', :o, :c, 'PUBLISHED', 1, now(), now()) returning id""")
                .param("d", department).param("t", "回数制限の計画(案)" + tag()).param("o", LocalDate.now().minusDays(1))
                .param("c", LocalDate.now().plusDays(20)).query(Long.class).single();
        Function<String, MockHttpServletRequestBuilder> comment = body -> post("/participation/comments/" + procedure).with(csrf())
                .with(user(resident)).with(from(freshNetwork() + "::1")).param("body", body).param("name", "回数 太郎")
                .param("address", "本庄市本庄1-1").param("eligibility", "LIVE").param("declares", "true");
        for (int i = 0; i < 10; i++) {
            mvc.perform(comment.apply("意見その" + i)).andExpect(redirectedUrl("/participation/comments/" + procedure));
        }
        String page = body(mvc.perform(comment.apply("十一件目の意見")).andExpect(status().isOk()).andReturn());
        assertThat(page).contains("意見の提出が多すぎます(1時間に10件まで)").contains("十一件目の意見");
        anHourPasses("public-comment");
        mvc.perform(comment.apply("一時間後の意見")).andExpect(redirectedUrl("/participation/comments/" + procedure));

        // Suggestions without an account, from one network with different addresses.
        String network = freshNetwork();
        for (int i = 0; i < 5; i++) {
            mvc.perform(suggestion(network + "::" + (i + 1), "voice-" + tag() + "@example.jp", "提案" + i))
                    .andExpect(redirectedUrl("/participation/voice/sent?confirm"));
        }
        String voice = body(mvc.perform(suggestion(network + "::77", "voice-" + tag() + "@example.jp", "六件目の提案です"))
                .andExpect(status().isOk()).andReturn());
        assertThat(voice).contains("市民の声の送信が多すぎます(1時間に5件まで)").contains("六件目の提案です");
        anHourPasses("suggestion");
        mvc.perform(suggestion(network + "::77", "voice-" + tag() + "@example.jp", "六件目の提案です"))
                .andExpect(redirectedUrl("/participation/voice/sent?confirm"));
    }

    private MockHttpServletRequestBuilder signUp(String address, String email) {
        return post("/signup").with(csrf()).with(from(address)).param("name", "制限 花子").param("email", email)
                .param("password", "a-long-passphrase-2026").param("passwordConfirmation", "a-long-passphrase-2026");
    }

    private MockHttpServletRequestBuilder suggestion(String address, String email, String body) {
        return post("/participation/voice").with(csrf()).with(from(address)).param("category", "CENTRE").param("subject", "件名")
                .param("body", body).param("name", "声 次郎").param("email", email).param("wantsAnswer", "no").param("consents", "true");
    }

    /** The rows counted so far in the bucket move an hour and a minute into the past, as if that time had passed. */
    private void anHourPasses(String bucket) {
        jdbc.sql("update rate_limit_event set happened_at = happened_at - interval '61 minutes' where bucket = :b").param("b", bucket).update();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** A /64 of the IPv6 documentation range no other test uses. */
    private static String freshNetwork() {
        String hex = UUID.randomUUID().toString().replace("-", "");
        return "2001:db8:" + hex.substring(0, 4) + ":" + hex.substring(4, 8);
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
