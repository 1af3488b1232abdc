package jp.kyodo.support;

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
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** An endorsement from application to approval notice, withdrawal rules and post-event report; the deadline refuses late ones. */
@IntegrationTest
class EventFlowIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired GreenMail greenMail;
    @Autowired JdbcClient jdbc;
    @Autowired Events events;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    @Test
    void lateApplicationsAreRefusedAndAnApprovedEventReportsAfterwards() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long dept = jdbc.sql("insert into department (code, name, secretariat, active, created_at) values (:c, '生涯学習課', false, true, now()) returning id")
                .param("c", "ev-" + tag).query(Long.class).single();
        SignedInUser staff = account("event-staff", dept, "STAFF");
        SignedInUser other = account("event-other", null, null);
        SignedInUser organiser = account("event-organiser", null, null);
        LocalDate today = events.today();

        // 20 days ahead is too late (30 are needed): refused before anything is saved, with the last possible day.
        mvc.perform(apply(organiser, dept, today.plusDays(20), "地域の音楽祭" + tag))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("30日前")))
                .andExpect(content().string(Matchers.containsString("value=\"地域の音楽祭" + tag + "\"")));
        assertThat(count(tag)).isZero();
        String location = mvc.perform(apply(organiser, dept, today.plusDays(45), "地域の音楽祭" + tag))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(awaitMail(greenMail, staff.getUsername(), "後援・共催の申請がありました")).contains("地域の音楽祭");
        mvc.perform(get("/my/applications/events/" + id).with(user(other))).andExpect(status().isNotFound());
        // Documents: checked by content, seen by the applicant and the department only.
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/my/applications/events/" + id + "/documents")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "chirashi.pdf", "application/pdf", "<html>".getBytes()))
                        .with(csrf()).with(user(organiser)))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("problem", "validation.file.type"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/my/applications/events/" + id + "/documents")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "企画書.pdf", "application/pdf", "%PDF-1.4\n%%EOF".getBytes()))
                        .with(csrf()).with(user(organiser)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("notice", "notice.event.attached"));
        long fileId = jdbc.sql("select id from support_file where owner_type = 'event' and owner_id = :id").param("id", id).query(Long.class).single();
        mvc.perform(get("/staff/support/events/" + id + "/documents/" + fileId).with(user(staff))).andExpect(status().isOk());
        mvc.perform(get("/my/applications/events/" + id + "/documents/" + fileId).with(user(other))).andExpect(status().isNotFound());

        // Approval needs every criterion; then the notice PDF names the event.
        mvc.perform(post("/staff/support/events/" + id + "/approve").with(csrf()).with(user(staff)).param("version", "0")
                        .param("criteria", "publicBenefit", "openToAll"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("すべての基準を確認")));
        MockHttpServletRequestBuilder approve = post("/staff/support/events/" + id + "/approve").with(csrf()).with(user(staff))
                .param("version", "0").param("conditions", "会場の収容人数を守ること");
        for (String c : Events.CRITERIA) {
            approve.param("criteria", c);
        }
        mvc.perform(approve).andExpect(status().is3xxRedirection());
        assertThat(awaitMail(greenMail, organiser.getUsername(), "後援・共催を承認しました")).contains("地域の音楽祭");
        byte[] pdf = mvc.perform(get("/my/applications/events/" + id + "/notice.pdf").with(user(organiser)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("後援承認通知書").contains("地域の音楽祭" + tag).contains("会場の収容人数");
        }
        mvc.perform(get("/support/events")).andExpect(content().string(Matchers.containsString("地域の音楽祭" + tag)));

        // The report cannot come before the event; once held (moved to the past here), it is filed and checked.
        mvc.perform(post("/my/applications/events/" + id + "/report").with(csrf()).with(user(organiser)).param("version", "1")
                        .param("reportText", "開催しました").param("reportParticipants", "120"))
                .andExpect(content().string(Matchers.containsString("催しの開催後に報告してください")));
        jdbc.sql("update support_event set starts_on = :d, ends_on = :d, report_due_on = :due where id = :id")
                .param("d", today.minusDays(40)).param("due", today.minusDays(10)).param("id", id).update();
        mvc.perform(get("/staff/support").with(user(staff))).andExpect(content().string(Matchers.containsString("実施報告の期限を過ぎている催しが")));
        mvc.perform(post("/my/applications/events/" + id + "/report").with(csrf()).with(user(organiser)).param("version", "1")
                        .param("reportText", "開催しました。来場者の満足度は高かった。").param("reportParticipants", "120"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/staff/support/events/" + id + "/accept-report").with(csrf()).with(user(staff)).param("version", "2"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status from support_event where id = :id").param("id", id).query(String.class).single()).isEqualTo("CLOSED");
        assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'support_event' and record_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isGreaterThanOrEqualTo(4);
    }

    private MockHttpServletRequestBuilder apply(SignedInUser who, long dept, LocalDate date, String name) {
        return post("/my/applications/events/new").with(csrf()).with(user(who)).param("kind", "ENDORSEMENT").param("organiserName", "音楽の会")
                .param("organiserAddress", "本庄市中央1-1-1").param("organiserRepresentative", "音楽 太郎").param("organiserPhone", "0495-22-1111")
                .param("eventName", name).param("purpose", "音楽で交流する").param("startsOn", date.toString()).param("endsOn", date.toString())
                .param("venue", "市民文化会館").param("outline", "合唱と演奏").param("departmentId", String.valueOf(dept));
    }

    private long count(String tag) {
        return jdbc.sql("select count(*) from support_event where event_name like :n").param("n", "%" + tag).query(Long.class).single();
    }

    private SignedInUser account(String prefix, Long dept, String role) {
        String email = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        long id = jdbc.sql("""
                        insert into account (email, password_hash, name, status, department_id, created_at, updated_at, email_verified_at)
                        values (:e, :h, :n, 'ACTIVE', :d, now(), now(), now()) returning id""")
                .param("e", email).param("h", encoder.encode("test-password-1")).param("n", prefix).param("d", dept).query(Long.class).single();
        jdbc.sql("insert into account_role (account_id, role) values (:id, 'RESIDENT')").param("id", id).update();
        if (role != null) {
            jdbc.sql("insert into account_role (account_id, role) values (:id, :r)").param("id", id).param("r", role).update();
        }
        return (SignedInUser) users.loadUserByUsername(email);
    }
}
