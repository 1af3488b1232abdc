package jp.kyodo.accounts;

import static jp.kyodo.TestMailServer.awaitMail;
import static jp.kyodo.TestMailServer.firstLink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.icegreen.greenmail.util.GreenMail;
import java.net.URI;
import java.util.EnumSet;
import jp.kyodo.IntegrationTest;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.audit.AuditQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Pageable;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Sign-up, login, password reset, e-mail change and deletion against the real database and SMTP server. */
@IntegrationTest
@Import(AccountTestData.class)
class AccountsIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired GreenMail greenMail;
    @Autowired AccountTestData data;
    @Autowired AccountRepository accounts;
    @Autowired AuditLog audit;

    @Test
    void signUpMailsALinkThatActivatesTheAccount() throws Exception {
        String email = AccountTestData.uniqueEmail("signup");
        mvc.perform(post("/signup").with(csrf())
                        .param("name", "本庄　花子").param("email", email.toUpperCase())
                        .param("password", "a-long-pass-phrase").param("passwordConfirmation", "a-long-pass-phrase"))
                .andExpect(redirectedUrl("/signup/sent"));

        Account pending = accounts.findByEmail(email).orElseThrow();
        assertThat(pending.status()).isEqualTo(AccountStatus.PENDING_VERIFICATION);
        assertThat(pending.name()).isEqualTo("本庄 花子");
        mvc.perform(formLogin("/login").user("username", email).password("a-long-pass-phrase"))
                .andExpect(unauthenticated());

        String mail = awaitMail(greenMail, email, "メールアドレスの確認");
        assertThat(mail).contains("本庄 花子 様").contains("市民活動推進課");
        mvc.perform(get(pathOf(firstLink(mail))))
                .andExpect(status().isOk())
                .andExpect(model().attribute("verified", true))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("登録が完了しました")));

        mvc.perform(formLogin("/login").user("username", email).password("a-long-pass-phrase"))
                .andExpect(authenticated().withRoles("RESIDENT"));
        // The link works once only.
        mvc.perform(get(pathOf(firstLink(mail)))).andExpect(model().attribute("verified", false));
    }

    @Test
    void signingUpWithARegisteredAddressSendsANoticeAndRevealsNothing() throws Exception {
        String email = AccountTestData.uniqueEmail("taken");
        Account existing = data.resident(email);
        mvc.perform(post("/signup").with(csrf())
                        .param("name", "別の人").param("email", email)
                        .param("password", "another-pass-phrase").param("passwordConfirmation", "another-pass-phrase"))
                .andExpect(redirectedUrl("/signup/sent"));
        assertThat(awaitMail(greenMail, email, "ご登録について")).contains("すでに登録されています");
        assertThat(data.reload(existing.id()).name()).isEqualTo("市民 花子");
    }

    @Test
    void invalidSignUpShowsJapaneseMessagesAndKeepsWhatWasTyped() throws Exception {
        MvcResult result = mvc.perform(post("/signup").with(csrf())
                        .param("name", "山田 次郎").param("email", "not-an-address")
                        .param("password", "short").param("passwordConfirmation", "short"))
                .andExpect(status().isOk())
                .andExpect(view().name("accounts/signup"))
                .andExpect(model().attributeHasFieldErrors("form", "email"))
                .andReturn();
        String html = result.getResponse().getContentAsString();
        assertThat(html).contains("メールアドレスの形式が正しくありません").contains("value=\"山田 次郎\"").contains("value=\"not-an-address\"");
        // Every mistake is reported at once, not one per submission.
        assertThat(html).contains("パスワードは10文字以上で入力してください。");
        mvc.perform(post("/signup").with(csrf()).param("name", "").param("email", "abc").param("password", "x").param("passwordConfirmation", "y"))
                .andExpect(model().attributeHasFieldErrors("form", "name", "email", "password"));
        assertThat(html).doesNotContain("value=\"short\"");

        mvc.perform(post("/signup").with(csrf())
                        .param("name", "山田 次郎").param("email", AccountTestData.uniqueEmail("short"))
                        .param("password", "short").param("passwordConfirmation", "short"))
                .andExpect(model().attributeHasFieldErrorCode("form", "password", "validation.password.short"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("パスワードは10文字以上で入力してください。")));
    }

    @Test
    void fullWidthAddressSignsInToo() throws Exception {
        String email = AccountTestData.uniqueEmail("width");
        data.resident(email);
        String fullWidth = email.chars().mapToObj(c -> c >= '!' && c <= '~' ? String.valueOf((char) (c + 0xFEE0)) : String.valueOf((char) c))
                .reduce("", String::concat);
        mvc.perform(formLogin("/login").user("username", fullWidth).password(AccountTestData.PASSWORD))
                .andExpect(authenticated());
    }

    @Test
    void wrongPasswordKeepsTheAddressAndRepeatedFailuresLockTheAccount() throws Exception {
        String email = AccountTestData.uniqueEmail("lock");
        data.resident(email);
        MockHttpSession session = new MockHttpSession();
        mvc.perform(loginForm(email, "wrong-password").session(session))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login").session(session))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("メールアドレスまたはパスワードが正しくありません。")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"" + email + "\"")));

        for (int i = 0; i < 4; i++) {
            mvc.perform(formLogin("/login").user("username", email).password("wrong-password"));
        }
        MockHttpSession locked = new MockHttpSession();
        mvc.perform(loginForm(email, AccountTestData.PASSWORD).session(locked))
                .andExpect(unauthenticated());
        mvc.perform(get("/login").session(locked))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("一時的にロックされています")));
        assertThat(audit.search(new AuditQuery(null, "account.login.locked", "account", null, null, null), Pageable.unpaged()))
                .isNotEmpty();
    }

    @Test
    void passwordResetByMail() throws Exception {
        String email = AccountTestData.uniqueEmail("reset");
        data.resident(email);
        mvc.perform(post("/password/forgot").with(csrf()).param("email", email))
                .andExpect(redirectedUrl("/password/forgot/sent"));
        // An unknown address gets the same answer.
        mvc.perform(post("/password/forgot").with(csrf()).param("email", AccountTestData.uniqueEmail("nobody")))
                .andExpect(redirectedUrl("/password/forgot/sent"));

        String link = pathOf(firstLink(awaitMail(greenMail, email, "パスワードの再設定")));
        String token = link.substring(link.indexOf("token=") + 6);
        mvc.perform(get(link)).andExpect(model().attribute("usable", true));
        mvc.perform(post("/password/reset").with(csrf()).param("token", token)
                        .param("password", "brand-new-secret").param("passwordConfirmation", "different-secret"))
                .andExpect(model().attributeHasFieldErrorCode("form", "passwordConfirmation", "validation.password.mismatch"));
        mvc.perform(post("/password/reset").with(csrf()).param("token", token)
                        .param("password", "brand-new-secret").param("passwordConfirmation", "brand-new-secret"))
                .andExpect(redirectedUrl("/login"));

        mvc.perform(formLogin("/login").user("username", email).password(AccountTestData.PASSWORD)).andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user("username", email).password("brand-new-secret")).andExpect(authenticated());
        mvc.perform(get(link)).andExpect(model().attribute("usable", false));
        assertThat(awaitMail(greenMail, email, "パスワードを変更しました")).contains("心当たりのない場合");
    }

    @Test
    void emailChangeTakesEffectWhenTheNewAddressIsConfirmed() throws Exception {
        String email = AccountTestData.uniqueEmail("old");
        String newEmail = AccountTestData.uniqueEmail("new");
        Account account = data.resident(email);
        MockHttpSession session = login(email);
        mvc.perform(post("/account/email").with(csrf()).session(session)
                        .param("email", newEmail).param("currentPassword", "wrong"))
                .andExpect(model().attributeHasFieldErrorCode("form", "currentPassword", "validation.currentPassword"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"" + newEmail + "\"")));
        mvc.perform(post("/account/email").with(csrf()).session(session)
                        .param("email", newEmail).param("currentPassword", AccountTestData.PASSWORD))
                .andExpect(redirectedUrl("/account/email/sent"));
        assertThat(awaitMail(greenMail, email, "メールアドレスの変更手続き")).contains(newEmail);
        assertThat(data.reload(account.id()).email()).isEqualTo(email);

        mvc.perform(get(pathOf(firstLink(awaitMail(greenMail, newEmail, "新しいメールアドレスの確認")))))
                .andExpect(model().attribute("changed", true));
        assertThat(data.reload(account.id()).email()).isEqualTo(newEmail);
        mvc.perform(formLogin("/login").user("username", newEmail).password(AccountTestData.PASSWORD)).andExpect(authenticated());
    }

    @Test
    void profileIsNormalizedAndAStaleFormKeepsTheInput() throws Exception {
        String email = AccountTestData.uniqueEmail("profile");
        Account account = data.resident(email);
        MockHttpSession session = login(email);
        long version = data.reload(account.id()).version();
        mvc.perform(post("/account/profile").with(csrf()).session(session)
                        .param("name", "市民 花子").param("nameKana", "しみん　はなこ").param("postalCode", "３６７－８５０１")
                        .param("address", "埼玉県本庄市本庄３－５－３").param("phone", "０４９５（２５）１１１１")
                        .param("version", String.valueOf(version)))
                .andExpect(redirectedUrl("/account"));
        Profile saved = data.reload(account.id()).profile();
        assertThat(saved.nameKana()).isEqualTo("シミン　ハナコ");
        assertThat(saved.postalCode().format()).isEqualTo("367-8501");
        assertThat(saved.address()).isEqualTo("埼玉県本庄市本庄3-5-3");
        assertThat(saved.phone().display()).isEqualTo("0495-25-1111");

        // The same form sent again with the old version: someone changed the record meanwhile.
        mvc.perform(post("/account/profile").with(csrf()).session(session)
                        .param("name", "市民 花子(更新)").param("version", String.valueOf(version)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("ほかの人がこの内容を更新しました")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"市民 花子(更新)\"")));

        mvc.perform(post("/account/profile").with(csrf()).session(session)
                        .param("name", "市民 花子").param("postalCode", "12-34").param("phone", "0495-25-1111")
                        .param("version", String.valueOf(data.reload(account.id()).version())))
                .andExpect(model().attributeHasFieldErrorCode("form", "postalCode", "validation.postalCode"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"0495-25-1111\"")));
    }

    @Test
    void deletionErasesPersonalDataAndIsAudited() throws Exception {
        String email = AccountTestData.uniqueEmail("delete");
        Account account = data.resident(email);
        MockHttpSession session = login(email);
        mvc.perform(post("/account/delete").with(csrf()).session(session).param("currentPassword", AccountTestData.PASSWORD))
                .andExpect(model().attributeHasFieldErrorCode("form", "confirmed", "validation.delete.confirm"));
        mvc.perform(post("/account/delete").with(csrf()).session(session)
                        .param("currentPassword", AccountTestData.PASSWORD).param("confirmed", "true"))
                .andExpect(redirectedUrl("/"));

        Account deleted = data.reload(account.id());
        assertThat(deleted.status()).isEqualTo(AccountStatus.DELETED);
        assertThat(deleted.email()).doesNotContain(email);
        assertThat(deleted.profile().address()).isNull();
        assertThat(deleted.passwordHash()).isNull();
        mvc.perform(formLogin("/login").user("username", email).password(AccountTestData.PASSWORD)).andExpect(unauthenticated());
        assertThat(audit.search(new AuditQuery(null, "account.delete", "account", account.id().toString(), null, null), Pageable.unpaged()))
                .hasSize(1);
        assertThat(awaitMail(greenMail, email, "アカウントを削除しました")).contains("市民 花子");
    }

    @Test
    void administratorsInviteStaffWhoSetTheirPasswordFromTheMail() throws Exception {
        Account admin = data.staff(AccountTestData.uniqueEmail("admin"), EnumSet.of(Role.ADMIN, Role.STAFF));
        MockHttpSession session = login(admin.email());
        String email = AccountTestData.uniqueEmail("invited");
        mvc.perform(post("/admin/staff/new").with(csrf()).session(session)
                        .param("name", "新任 職員").param("email", email).param("roles", "STAFF"))
                .andExpect(model().attributeHasFieldErrorCode("form", "departmentId", "validation.department.required"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"新任 職員\"")));
        mvc.perform(post("/admin/staff/new").with(csrf()).session(session)
                        .param("name", "新任 職員").param("email", email).param("roles", "STAFF")
                        .param("departmentId", admin.departmentId().toString()))
                .andExpect(redirectedUrl("/admin/staff"));

        String link = pathOf(firstLink(awaitMail(greenMail, email, "アカウントのご案内")));
        String token = link.substring(link.indexOf("token=") + 6);
        mvc.perform(post("/password/reset").with(csrf()).param("token", token)
                .param("password", "first-staff-password").param("passwordConfirmation", "first-staff-password"));
        mvc.perform(formLogin("/login").user("username", email).password("first-staff-password"))
                .andExpect(authenticated().withRoles("RESIDENT", "STAFF"));
        assertThat(audit.search(new AuditQuery(admin.name(), "account.invite", null, null, null, null), Pageable.unpaged()))
                .isNotEmpty();
    }

    @Test
    void anAdministratorCannotRemoveTheirOwnAdministratorRole() throws Exception {
        Account admin = data.staff(AccountTestData.uniqueEmail("self"), EnumSet.of(Role.ADMIN, Role.STAFF));
        MockHttpSession session = login(admin.email());
        mvc.perform(post("/admin/staff/" + admin.id()).with(csrf()).session(session)
                        .param("name", admin.name()).param("roles", "STAFF").param("enabled", "true")
                        .param("departmentId", admin.departmentId().toString())
                        .param("version", String.valueOf(data.reload(admin.id()).version())))
                .andExpect(model().attributeHasFieldErrorCode("form", "roles", "validation.ownAdministrator"));
        assertThat(data.reload(admin.id()).roles()).contains(Role.ADMIN);
    }

    @Test
    void pagesAreGuardedByRole() throws Exception {
        mvc.perform(get("/account")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/admin").with(user(new SignedInUser(data.resident(AccountTestData.uniqueEmail("guard")), false)))
                        .accept("text/html"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/staff").with(user(new SignedInUser(
                        data.staff(AccountTestData.uniqueEmail("staff"), EnumSet.of(Role.STAFF)), false))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/audit").with(user(new SignedInUser(
                        data.staff(AccountTestData.uniqueEmail("adm"), EnumSet.of(Role.ADMIN)), false))))
                .andExpect(status().isOk());
        // A form without its CSRF token is refused.
        mvc.perform(post("/signup").param("name", "x")).andExpect(status().isForbidden());
    }

    @Test
    void stoppingOrDemotingStaffTakesEffectOnTheirOpenSession() throws Exception {
        Account admin = data.staff(AccountTestData.uniqueEmail("boss"), EnumSet.of(Role.ADMIN, Role.STAFF));
        Account colleague = data.staff(AccountTestData.uniqueEmail("colleague"), EnumSet.of(Role.ADMIN, Role.STAFF));
        MockHttpSession adminSession = login(admin.email());
        MockHttpSession colleagueSession = login(colleague.email());
        mvc.perform(get("/admin/staff").session(colleagueSession)).andExpect(status().isOk());

        // Administrator rights removed: the colleague's open session loses them at once.
        mvc.perform(post("/admin/staff/" + colleague.id()).with(csrf()).session(adminSession)
                        .param("name", colleague.name()).param("roles", "STAFF").param("enabled", "true")
                        .param("departmentId", colleague.departmentId().toString())
                        .param("version", String.valueOf(data.reload(colleague.id()).version())))
                .andExpect(redirectedUrl("/admin/staff"));
        mvc.perform(get("/admin/staff").session(colleagueSession)).andExpect(status().isForbidden());
        mvc.perform(get("/account").session(colleagueSession)).andExpect(status().isOk());

        // Account stopped: the session ends.
        mvc.perform(post("/admin/staff/" + colleague.id()).with(csrf()).session(adminSession)
                        .param("name", colleague.name()).param("roles", "STAFF")
                        .param("departmentId", colleague.departmentId().toString())
                        .param("version", String.valueOf(data.reload(colleague.id()).version())))
                .andExpect(redirectedUrl("/admin/staff"));
        mvc.perform(get("/account").session(colleagueSession)).andExpect(redirectedUrl("/login"));
        MockHttpSession stopped = new MockHttpSession();
        mvc.perform(loginForm(colleague.email(), AccountTestData.PASSWORD).session(stopped)).andExpect(unauthenticated());
        mvc.perform(get("/login").session(stopped))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("利用が停止されています")));
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsButNotThisOne() throws Exception {
        String email = AccountTestData.uniqueEmail("sessions");
        data.resident(email);
        MockHttpSession here = login(email);
        MockHttpSession thief = login(email);
        mvc.perform(post("/account/password").with(csrf()).session(here)
                        .param("currentPassword", AccountTestData.PASSWORD)
                        .param("password", "a-completely-new-one").param("passwordConfirmation", "a-completely-new-one"))
                .andExpect(redirectedUrl("/account"));
        mvc.perform(get("/account").session(here)).andExpect(status().isOk());
        mvc.perform(get("/account").session(thief)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void linksInMailAreNeverBuiltFromAStrangersHostHeader() throws Exception {
        String email = AccountTestData.uniqueEmail("host");
        data.resident(email);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mvc.perform(post("/password/forgot").with(csrf()).param("email", email)
                        .with(request -> {
                            request.setServerName("evil.example");
                            return request;
                        })))
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .rootCause().hasMessageContaining("KYODO_BASE_URL");
        assertThat(greenMailTo(email)).isZero();
    }

    @Test
    void aStaleFormCanBeSavedOnPurposeAfterTheWarning() throws Exception {
        String email = AccountTestData.uniqueEmail("stale");
        Account account = data.resident(email);
        MockHttpSession session = login(email);
        long old = data.reload(account.id()).version();
        mvc.perform(post("/account/profile").with(csrf()).session(session).param("name", "一回目").param("version", String.valueOf(old)))
                .andExpect(redirectedUrl("/account"));
        MvcResult warned = mvc.perform(post("/account/profile").with(csrf()).session(session)
                        .param("name", "二回目").param("version", String.valueOf(old)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("ほかの人がこの内容を更新しました")))
                .andReturn();
        String current = String.valueOf(data.reload(account.id()).version());
        assertThat(warned.getResponse().getContentAsString()).contains("name=\"version\" value=\"" + current + "\"");
        mvc.perform(post("/account/profile").with(csrf()).session(session).param("name", "二回目").param("version", current))
                .andExpect(redirectedUrl("/account"));
        assertThat(data.reload(account.id()).name()).isEqualTo("二回目");
    }

    @Test
    void anUnconfirmedAccountIsOnlyNamedAsSuchToWhoeverKnowsItsPassword() throws Exception {
        String email = AccountTestData.uniqueEmail("pending");
        mvc.perform(post("/signup").with(csrf()).param("name", "未確認 さん").param("email", email)
                .param("password", "pending-password-1").param("passwordConfirmation", "pending-password-1"));
        MockHttpSession guess = new MockHttpSession();
        mvc.perform(loginForm(email, "a-wrong-guess").session(guess));
        mvc.perform(get("/login").session(guess))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("メールアドレスまたはパスワードが正しくありません。")));
        MockHttpSession owner = new MockHttpSession();
        mvc.perform(loginForm(email, "pending-password-1").session(owner));
        mvc.perform(get("/login").session(owner))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("メールアドレスの確認が済んでいません")));
        // A second sign-up for the pending address cannot replace its password.
        mvc.perform(post("/signup").with(csrf()).param("name", "乗っ取り").param("email", email)
                .param("password", "attacker-password").param("passwordConfirmation", "attacker-password"));
        Account pending = accounts.findByEmail(email).orElseThrow();
        mvc.perform(get(pathOf(firstLink(awaitMail(greenMail, email, "メールアドレスの確認", 2))))).andExpect(model().attribute("verified", true));
        mvc.perform(formLogin("/login").user("username", email).password("attacker-password")).andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user("username", email).password("pending-password-1")).andExpect(authenticated());
        assertThat(data.reload(pending.id()).name()).isEqualTo("未確認 さん");
    }

    private long greenMailTo(String email) throws Exception {
        Thread.sleep(1500);
        return java.util.Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    private MockHttpSession login(String email) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user("username", email).password(AccountTestData.PASSWORD))
                .andExpect(authenticated()).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder loginForm(String email, String password) {
        return post("/login").with(csrf()).param("username", email).param("password", password);
    }

    private static String pathOf(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
