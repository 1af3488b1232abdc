package jp.kyodo.groups;

import static jp.kyodo.TestMailServer.awaitMail;
import static jp.kyodo.TestMailServer.firstLink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import jp.kyodo.IntegrationTest;
import jp.kyodo.accounts.SignedInUser;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A person's address, phone and e-mail are published only with that person's own consent per field: the applicant
 * asks, the person answers through a mailed link (or is the applicant, or tells the secretariat on paper).
 */
@IntegrationTest
class ConsentIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired GreenMail greenMail;
    @Autowired JdbcClient jdbc;
    @Autowired GroupTestData data;
    @Autowired CivicGroups groups;
    @Autowired GroupRegistry registry;

    @Test
    void eachPersonAnswersForThemselvesAndAChangedDetailNeedsAnAnswerAgain() throws Exception {
        String tag = GroupTestData.tag();
        SignedInUser applicant = data.account("consent-applicant", "RESIDENT");
        SignedInUser staff = data.account("consent-staff", "STAFF");
        String kawa = "kawa-" + tag + "@example.jp";
        String name = "同意確認の会" + tag;
        // The applicant is the representative (her own address); the contact person is somebody else.
        long id = data.readyDraft(name, applicant.accountId(),
                new Person("本人 花子", null, null, "本庄市本人町1-" + tag, "0495-11-" + tag.substring(0, 4).replaceAll("[^0-9]", "2"),
                        applicant.getUsername(), true, true, false),
                new Person("川辺 次郎", null, null, null, "090-2222-3333", kawa, false, true, true));
        mvc.perform(post("/my/groups/" + id + "/apply/5").with(csrf()).with(user(applicant)).param("version", String.valueOf(data.version(id)))
                        .param("declaresActiveInCity", "true").param("declaresNoPolitical", "true").param("declaresNoReligious", "true")
                        .param("declaresNoAntisocial", "true"))
                .andExpect(redirectedUrl("/my/groups/" + id));

        CivicGroup submitted = groups.findById(id).orElseThrow();
        assertThat(submitted.representative().addressPublication()).isEqualTo(Person.Publication.PUBLIC);
        assertThat(submitted.representative().phonePublication()).isEqualTo(Person.Publication.PUBLIC);
        assertThat(submitted.contact().phonePublication()).isEqualTo(Person.Publication.AWAITING_CONSENT);
        assertThat(submitted.contact().emailPublication()).isEqualTo(Person.Publication.AWAITING_CONSENT);
        assertThat(registry.history(id)).extracting(GroupRegistry.HistoryLine::event).contains("consentGiven", "consentRequested");
        mvc.perform(get("/my/groups/" + id).with(user(applicant)))
                .andExpect(content().string(Matchers.containsString("確認メールを送り直す")));

        // The contact person's link shows exactly what is asked; a page shown before the details changed is refused.
        String mail = awaitMail(greenMail, kawa, "連絡先の公開についての確認");
        assertThat(mail).contains(name).contains("電話番号・メールアドレス");
        String path = path(firstLink(mail));
        String page = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("090-2222-3333").contains(kawa).doesNotContain("本人町");
        mvc.perform(post(path).with(csrf()).param("fingerprint", "stale").param("phone", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("団体が連絡先の内容を変更しました")));
        assertThat(groups.findById(id).orElseThrow().contact().phonePublication()).isEqualTo(Person.Publication.AWAITING_CONSENT);

        // He agrees to the phone and not to the e-mail.
        mvc.perform(post(path).with(csrf()).param("fingerprint", fingerprint(page)).param("phone", "true"))
                .andExpect(content().string(Matchers.containsString("回答を記録しました")));
        CivicGroup answered = groups.findById(id).orElseThrow();
        assertThat(answered.contact().phonePublication()).isEqualTo(Person.Publication.PUBLIC);
        assertThat(answered.contact().emailPublication()).isEqualTo(Person.Publication.DECLINED);
        assertThat(audit(id, "group.consent.answer")).isEqualTo(1);

        // Approved: the public page shows what each person agreed to, and nothing else.
        mvc.perform(post("/staff/groups/" + id + "/approve").with(csrf()).with(user(staff)).param("version", String.valueOf(data.version(id))))
                .andExpect(redirectedUrl("/staff/groups/" + id));
        mvc.perform(get("/groups/" + id))
                .andExpect(content().string(Matchers.containsString("本庄市本人町1-" + tag)))
                .andExpect(content().string(Matchers.containsString("090-2222-3333")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(kawa))))
                .andExpect(content().string(Matchers.not(Matchers.containsString(applicant.getUsername()))));

        // A change notice gives him a new phone: the old answer does not cover it, so he is asked again.
        mvc.perform(post("/my/groups/" + id + "/change/3").with(csrf()).with(user(applicant)).param("version", String.valueOf(data.version(id)))
                        .param("rep.name", "本人 花子").param("rep.address", "本庄市本人町1-" + tag).param("rep.phone", "0495-11-1111")
                        .param("rep.email", applicant.getUsername()).param("rep.publishAddress", "true").param("rep.publishPhone", "true")
                        .param("contact.name", "川辺 次郎").param("contact.phone", "090-4444-5555").param("contact.email", kawa)
                        .param("contact.publishPhone", "true").param("contact.publishEmail", "true"))
                .andExpect(redirectedUrl("/my/groups/" + id));
        long change = jdbc.sql("select id from civic_group_change where group_id = :g and status = 'PENDING'").param("g", id)
                .query(Long.class).single();
        mvc.perform(post("/staff/groups/" + id + "/changes/" + change + "/accept").with(csrf()).with(user(staff)))
                .andExpect(redirectedUrl("/staff/groups/" + id));
        CivicGroup changed = groups.findById(id).orElseThrow();
        // Her own new phone: she filled in the notice herself, so her ticks are her answer.
        assertThat(changed.representative().phonePublication()).isEqualTo(Person.Publication.PUBLIC);
        assertThat(changed.contact().phonePublication()).isEqualTo(Person.Publication.AWAITING_CONSENT);
        assertThat(changed.contact().emailPublication()).isEqualTo(Person.Publication.DECLINED);
        mvc.perform(get("/groups/" + id)).andExpect(content().string(Matchers.not(Matchers.containsString("090-4444-5555"))));
        String second = awaitMail(greenMail, kawa, "連絡先の公開についての確認", 2);
        assertThat(second).contains("電話番号");

        // He tells the secretariat by telephone instead; the record is audited under the staff member's name.
        mvc.perform(post("/staff/groups/" + id + "/consent").with(csrf()).with(user(staff)).param("version", String.valueOf(data.version(id)))
                        .param("role", "contact").param("phone", "true"))
                .andExpect(redirectedUrl("/staff/groups/" + id));
        mvc.perform(get("/groups/" + id)).andExpect(content().string(Matchers.containsString("090-4444-5555")));
        assertThat(jdbc.sql("select actor_id from audit_entry where action = 'group.consent.record' and record_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(staff.accountId());
        // The mailed link no longer works once the secretariat has recorded his answer.
        mvc.perform(get(path(firstLink(second)))).andExpect(content().string(Matchers.containsString("このリンクは使えなくなりました")));
    }

    @Test
    void resendingIsLimitedAndAStrangersLinkIsUnknown() throws Exception {
        String tag = GroupTestData.tag();
        SignedInUser applicant = data.account("consent-resend", "RESIDENT");
        String other = "other-" + tag + "@example.jp";
        long id = data.readyDraft("再送確認の会" + tag, applicant.accountId(),
                new Person("別人 三郎", null, null, null, "090-5555-6666", other, false, true, false),
                new Person("申請 者", null, null, null, null, applicant.getUsername(), false, false, false));
        mvc.perform(post("/my/groups/" + id + "/apply/5").with(csrf()).with(user(applicant)).param("version", String.valueOf(data.version(id)))
                        .param("declaresActiveInCity", "true").param("declaresNoPolitical", "true").param("declaresNoReligious", "true")
                        .param("declaresNoAntisocial", "true"))
                .andExpect(redirectedUrl("/my/groups/" + id));
        awaitMail(greenMail, other, "連絡先の公開についての確認");
        // Pressing "send again" the same day sends nothing more.
        mvc.perform(post("/my/groups/" + id + "/consent/resend").with(csrf()).with(user(applicant)))
                .andExpect(redirectedUrl("/my/groups/" + id));
        assertThat(jdbc.sql("select count(*) from civic_group_consent_request where group_id = :g").param("g", id)
                .query(Long.class).single()).isEqualTo(1);
        // Somebody else cannot press it, and a made-up link leads nowhere.
        SignedInUser stranger = data.account("consent-stranger", "RESIDENT");
        mvc.perform(post("/my/groups/" + id + "/consent/resend").with(csrf()).with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/consent/not-a-real-token")).andExpect(status().isNotFound());
    }

    private long audit(long id, String action) {
        return jdbc.sql("select count(*) from audit_entry where action = :a and record_id = :id")
                .param("a", action).param("id", String.valueOf(id)).query(Long.class).single();
    }

    private static String path(String link) {
        return link.substring(link.indexOf("/consent/"));
    }

    private static String fingerprint(String page) {
        return page.replaceAll("(?s).*name=\"fingerprint\" value=\"([^\"]+)\".*", "$1");
    }
}
