package jp.kyodo.groups;

import static jp.kyodo.TestMailServer.awaitMail;
import static jp.kyodo.TestMailServer.firstLink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import java.util.UUID;
import jp.kyodo.IntegrationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A group's people invite others by e-mail and keep a manager; the public contacts a group through a relayed form. */
@IntegrationTest
class GroupPeopleAndContactIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired GreenMail greenMail;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    @Test
    void inviteByMailAcceptAsAnotherAccountAndSeeTheMembership() throws Exception {
        UserDetails manager = account("manager");
        UserDetails invitee = account("invitee");
        UserDetails stranger = account("stranger");
        String name = "防災サークル" + UUID.randomUUID().toString().substring(0, 4);
        long id = group(name, manager, null);

        mvc.perform(get("/my/groups/" + id + "/people").with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(post("/my/groups/" + id + "/people/invite").with(csrf()).with(user(stranger))
                .param("email", invitee.getUsername()).param("role", "STAFF")).andExpect(status().isNotFound());

        // A mistyped address is refused next to the field, and what was typed stays.
        mvc.perform(post("/my/groups/" + id + "/people/invite").with(csrf()).with(user(manager))
                        .param("email", "not-an-address").param("role", "STAFF"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "email"))
                .andExpect(content().string(Matchers.containsString("value=\"not-an-address\"")));

        mvc.perform(post("/my/groups/" + id + "/people/invite").with(csrf()).with(user(manager))
                        .param("email", invitee.getUsername()).param("role", "STAFF"))
                .andExpect(redirectedUrl("/my/groups/" + id + "/people"));
        mvc.perform(get("/my/groups/" + id + "/people").with(user(manager)))
                .andExpect(content().string(Matchers.containsString(invitee.getUsername())))
                .andExpect(content().string(Matchers.containsString("招待を取り消す")));
        String mail = awaitMail(greenMail, invitee.getUsername(), "メンバーへの招待");
        assertThat(mail).contains(name);
        String link = firstLink(mail);
        assertThat(link).contains("/my/groups/invitations/");
        String path = link.substring(link.indexOf("/my/groups/invitations/"));

        // Without signing in, the link leads to the login page first.
        mvc.perform(get(path)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get(path).with(user(invitee))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(name)));
        // A forwarded link does not work for another account.
        mvc.perform(post(path).with(csrf()).with(user(stranger))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("招待されたメールアドレスのアカウントでのみ")));
        mvc.perform(get("/my/groups/" + id + "/people").with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(post(path).with(csrf()).with(user(invitee))).andExpect(redirectedUrl("/my/groups"));
        mvc.perform(post(path).with(csrf()).with(user(invitee))).andExpect(redirectedUrl("/my/groups"));
        mvc.perform(get("/my/groups").with(user(invitee))).andExpect(content().string(Matchers.containsString(name)));
        mvc.perform(get("/my/groups/" + id + "/people").with(user(invitee))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("invitee さん")));
        // A used link tells a third person so, and adds nobody.
        mvc.perform(post(path).with(csrf()).with(user(stranger))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("すでに使われています")));
        mvc.perform(get("/my/groups/" + id + "/people").with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/my/groups/" + id).with(user(manager)))
                .andExpect(content().string(Matchers.containsString("招待を受けて参加しました")))
                .andExpect(content().string(Matchers.containsString("団体のメンバー")));
    }

    @Test
    void theLastManagerCanBeNeitherRemovedNorDemoted() throws Exception {
        UserDetails manager = account("solo");
        long id = group("見守り隊" + UUID.randomUUID().toString().substring(0, 4), manager, null);
        long me = accountId(manager);
        mvc.perform(post("/my/groups/" + id + "/people/" + me + "/remove").with(csrf()).with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("代表者または担当者が少なくとも1人必要です")));
        mvc.perform(post("/my/groups/" + id + "/people/" + me + "/role").with(csrf()).with(user(manager)).param("role", "MEMBER"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("代表者または担当者が少なくとも1人必要です")));
        assertThat(role(id, me)).isEqualTo("STAFF");

        // With a second manager, the first may step down to member, and then no longer manages the group.
        UserDetails second = account("second");
        jdbc.sql("insert into civic_group_member (group_id, account_id, role, joined_at) values (:g, :a, 'REPRESENTATIVE', now())")
                .param("g", id).param("a", accountId(second)).update();
        mvc.perform(post("/my/groups/" + id + "/people/" + me + "/role").with(csrf()).with(user(manager)).param("role", "MEMBER"))
                .andExpect(redirectedUrl("/my/groups/" + id));
        assertThat(role(id, me)).isEqualTo("MEMBER");
        mvc.perform(get("/my/groups/" + id + "/people").with(user(manager))).andExpect(status().isNotFound());
        mvc.perform(post("/my/groups/" + id + "/people/" + me + "/remove").with(csrf()).with(user(second)))
                .andExpect(redirectedUrl("/my/groups/" + id + "/people"));
        assertThat(role(id, me)).isNull();
    }

    @Test
    void contactFormRelaysTheMessageWithoutShowingAnyGroupAddress() throws Exception {
        UserDetails manager = account("relay");
        String contactEmail = "contact-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        String name = "花と緑の会" + UUID.randomUUID().toString().substring(0, 4);
        long id = group(name, manager, contactEmail);
        RequestPostProcessor ip = from("10.1.0.1");

        String form = mvc.perform(get("/groups/" + id + "/contact")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("このフィールドは空のままにしてください").doesNotContain(manager.getUsername()).doesNotContain(contactEmail);
        mvc.perform(get("/groups/" + id)).andExpect(content().string(Matchers.containsString("この団体に問い合わせる")));

        // Mistakes are named next to each field, and everything typed stays.
        mvc.perform(contact(id, ip).param("senderName", "山田 花子").param("senderEmail", "hanako@").param("subject", "")
                        .param("message", "x".repeat(2001)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "senderEmail", "subject", "message", "consent"))
                .andExpect(content().string(Matchers.containsString("value=\"山田 花子\"")))
                .andExpect(content().string(Matchers.containsString("value=\"hanako@\"")))
                .andExpect(content().string(Matchers.containsString("2,000文字以内で入力してください")));

        String response = mvc.perform(valid(id, ip, "hanako@example.jp", "活動に参加したいです"))
                .andExpect(redirectedUrl("/groups/" + id)).andReturn().getResponse().getContentAsString();
        assertThat(response).doesNotContain(manager.getUsername()).doesNotContain(contactEmail);
        String relayed = awaitMail(greenMail, manager.getUsername(), "へのお問い合わせ");
        assertThat(relayed).contains("hanako@example.jp").contains("山田 花子").contains("見学できますか");
        assertThat(awaitMail(greenMail, contactEmail, "へのお問い合わせ")).contains("hanako@example.jp");
        assertThat(count("hanako@example.jp")).isZero();
    }

    @Test
    void oneIpv6NetworkCountsAsOneClientAndOneGroupTakesAtMostThirtyMessagesADay() throws Exception {
        UserDetails manager = account("v6");
        long id = group("囲碁の会" + UUID.randomUUID().toString().substring(0, 4), manager, null);
        // Five messages from five addresses of one /64, with five sender addresses: the sixth is refused.
        for (int i = 1; i <= 5; i++) {
            mvc.perform(valid(id, from("2001:db8:77:1::" + i), "v6-" + i + "-" + UUID.randomUUID().toString().substring(0, 4) + "@example.jp", "件" + i))
                    .andExpect(redirectedUrl("/groups/" + id));
        }
        mvc.perform(valid(id, from("2001:db8:77:1:ffff::9"), "v6-other@example.jp", "件6")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("1時間に5件")));
        // Many senders from many networks: the group's own limit stops the flood.
        for (int i = 6; i <= 30; i++) {
            mvc.perform(valid(id, from("10.9." + i + ".1"), "flood-" + i + "-" + UUID.randomUUID().toString().substring(0, 4) + "@example.jp", "件" + i))
                    .andExpect(redirectedUrl("/groups/" + id));
        }
        mvc.perform(valid(id, from("10.9.99.1"), "late@example.jp", "件31")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("この団体へのお問い合わせが集中している")));
    }

    @Test
    void theSixthMessageWithinAnHourIsRefusedAndNothingIsSent() throws Exception {
        UserDetails manager = account("limit");
        long id = group("読書会" + UUID.randomUUID().toString().substring(0, 4), manager, null);
        String sender = "busy-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        for (int i = 1; i <= 5; i++) {
            mvc.perform(valid(id, from("10.2.0." + i), sender, "質問" + i)).andExpect(redirectedUrl("/groups/" + id));
        }
        mvc.perform(valid(id, from("10.2.0.9"), sender, "質問6")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("1時間に5件")))
                .andExpect(content().string(Matchers.containsString("質問6")));
        // The same limit holds for one client address with different sender addresses.
        RequestPostProcessor ip = from("10.3.0.1");
        for (int i = 1; i <= 5; i++) {
            mvc.perform(valid(id, ip, "someone" + i + "-" + UUID.randomUUID().toString().substring(0, 4) + "@example.jp", "件" + i))
                    .andExpect(redirectedUrl("/groups/" + id));
        }
        mvc.perform(valid(id, ip, "another@example.jp", "件6")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("1時間に5件")));
        awaitMail(greenMail, manager.getUsername(), "へのお問い合わせ", 10);
        Thread.sleep(500);
        assertThat(count(manager.getUsername())).isEqualTo(10);
    }

    @Test
    void aFilledTrapFieldIsDroppedSilentlyAndStrangeGroupsAreNotFound() throws Exception {
        UserDetails manager = account("trap");
        long id = group("体操クラブ" + UUID.randomUUID().toString().substring(0, 4), manager, null);
        mvc.perform(valid(id, from("10.4.0.1"), "bot@example.jp", "スパム").param("homepage", "http://spam.example"))
                .andExpect(redirectedUrl("/groups/" + id));
        Thread.sleep(1000);
        assertThat(count(manager.getUsername())).isZero();
        assertThat(jdbc.sql("select count(*) from civic_group_contact_message where group_id = :g").param("g", id)
                .query(Long.class).single()).isZero();

        long draft = group("下書きの会", manager, null);
        jdbc.sql("update civic_group set status = 'DRAFT', registration_number = null where id = :id").param("id", draft).update();
        mvc.perform(get("/groups/" + draft + "/contact")).andExpect(status().isNotFound());
        mvc.perform(valid(draft, from("10.4.0.2"), "a@example.jp", "x")).andExpect(status().isNotFound());
    }

    private MockHttpServletRequestBuilder valid(long id, RequestPostProcessor ip, String email, String subject) {
        return contact(id, ip).param("senderName", "山田 花子").param("senderEmail", email).param("subject", subject)
                .param("message", "次の活動を見学できますか。").param("consent", "true");
    }

    private MockHttpServletRequestBuilder contact(long id, RequestPostProcessor ip) {
        return post("/groups/" + id + "/contact").with(csrf()).with(ip);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private long count(String recipient) {
        return jp.kyodo.TestMailServer.count(greenMail, recipient, "");
    }

    private String role(long groupId, long accountId) {
        return jdbc.sql("select role from civic_group_member where group_id = :g and account_id = :a")
                .param("g", groupId).param("a", accountId).query(String.class).optional().orElse(null);
    }

    private long accountId(UserDetails who) {
        return jdbc.sql("select id from account where email = :e").param("e", who.getUsername()).query(Long.class).single();
    }

    /** A registered, listed group managed by one account. */
    private long group(String name, UserDetails manager, String contactEmail) {
        long managerId = accountId(manager);
        long id = jdbc.sql("""
                        insert into civic_group (type, name, status, registration_number, registered_on, valid_until, rep_name,
                            contact_name, contact_email, created_by, created_at, updated_at)
                        values ('CIVIC', :name, 'REGISTERED', :number, current_date, current_date + 365, '代表 太郎', '連絡 花子',
                            :contact, :by, now(), now()) returning id""")
                .param("name", name).param("number", "T-" + UUID.randomUUID().toString().substring(0, 8))
                .param("contact", contactEmail).param("by", managerId).query(Long.class).single();
        jdbc.sql("insert into civic_group_member (group_id, account_id, role, joined_at) values (:g, :a, 'STAFF', now())")
                .param("g", id).param("a", managerId).update();
        return id;
    }

    private UserDetails account(String prefix) {
        String email = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        long id = jdbc.sql("""
                        insert into account (email, password_hash, name, status, created_at, updated_at, email_verified_at)
                        values (:email, :hash, :name, 'ACTIVE', now(), now(), now()) returning id""")
                .param("email", email).param("hash", encoder.encode("test-password-1")).param("name", prefix + " さん")
                .query(Long.class).single();
        jdbc.sql("insert into account_role (account_id, role) values (:id, 'RESIDENT')").param("id", id).update();
        return users.loadUserByUsername(email);
    }
}
