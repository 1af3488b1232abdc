package jp.kyodo.participation;

import static jp.kyodo.TestMailServer.awaitMail;
import static jp.kyodo.TestMailServer.firstLink;
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
 * A public comment from the draft to the published result: a short period needs its reason, a comment without an
 * account counts once its e-mail is confirmed, and the result carries no personal data.
 */
@IntegrationTest
class PublicCommentIntegrationTest {

    @Autowired jp.kyodo.TestPeople people;
    @Autowired MockMvc mvc;
    @Autowired GreenMail greenMail;
    @Autowired JdbcClient jdbc;
    @Autowired PublicComments comments;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    @Test
    void fromDraftToResultWithoutPersonalData() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long dept = jdbc.sql("insert into department (code, name, secretariat, active, created_at) values (:c, '都市計画課', false, true, now()) returning id")
                .param("c", "pc-" + tag).query(Long.class).single();
        SignedInUser staff = people.account("pc-staff", dept, "STAFF");
        SignedInUser resident = people.account("pc-resident", null, null);
        LocalDate today = comments.today();
        String title = "本庄駅北口周辺まちづくり計画(案)" + tag;

        // Ten days without a reason is refused by the field; with a reason it is kept.
        mvc.perform(post("/staff/participation/comments/new").with(csrf()).with(user(staff)).param("title", title).param("purpose", "駅周辺の将来像")
                        .param("opensOn", today.minusDays(1).toString()).param("closesOn", today.plusDays(8).toString())
                        .param("heading0", "第1章 現状と課題").param("body0", "駅前の空き店舗が増えている。"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("30日以上が原則です(いまは10日)")));
        String location = mvc.perform(post("/staff/participation/comments/new").with(csrf()).with(user(staff)).param("title", title)
                        .param("purpose", "駅周辺の将来像").param("opensOn", today.minusDays(1).toString()).param("closesOn", today.plusDays(30).toString())
                        .param("paperCopies", "市役所2階 情報公開コーナー")
                        .param("heading0", "第1章 現状と課題").param("body0", "駅前の空き店舗が増えている。")
                        .param("heading1", "第2章 駐車場の整備").param("body1", "北口に駐車場を設ける。"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(get("/participation/comments/" + id)).andExpect(status().isNotFound());
        mvc.perform(post("/staff/participation/comments/" + id + "/publish").with(csrf()).with(user(staff)).param("version", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/participation/comments/" + id)).andExpect(content().string(Matchers.containsString("意見募集中")));
        long section2 = jdbc.sql("select id from pc_section where procedure_id = :p and seq = 2").param("p", id).query(Long.class).single();

        // Without an account: mistakes are named; then the comment waits for the e-mail to be confirmed.
        mvc.perform(post("/participation/comments/" + id).with(csrf()).param("body", "駐車場を増やしてほしい").param("name", "").param("address", "")
                        .param("email", "x@"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("市との関わりを選んでください")))
                .andExpect(content().string(Matchers.containsString("駐車場を増やしてほしい")));
        String visitorEmail = "visitor-" + tag + "@example.jp";
        mvc.perform(post("/participation/comments/" + id).with(csrf()).param("sectionId", String.valueOf(section2))
                        .param("body", "駐車場を増やしてほしい").param("name", "北口 一郎").param("address", "本庄市駅前町1-" + tag)
                        .param("email", visitorEmail).param("eligibility", "LIVE").param("declares", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(count(id, "RECEIVED")).isZero();
        String link = firstLink(awaitMail(greenMail, visitorEmail, "意見の提出の確認"));
        String path = link.substring(link.indexOf("/participation/"));
        mvc.perform(get(path)).andExpect(content().string(Matchers.containsString("意見を提出する")));
        assertThat(count(id, "RECEIVED")).as("opening the link alone does not submit").isZero();
        mvc.perform(post(path).with(csrf())).andExpect(content().string(Matchers.containsString("受け付けました")));
        assertThat(awaitMail(greenMail, visitorEmail, "意見を受け付けました")).contains(title);
        // With an account: received at once.
        mvc.perform(post("/participation/comments/" + id).with(csrf()).with(user(resident)).param("sectionId", String.valueOf(section2))
                        .param("body", "駐車場より駐輪場を").param("name", "駅南 花子").param("address", "本庄市南町2-" + tag)
                        .param("eligibility", "WORK").param("declares", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(count(id, "RECEIVED")).isEqualTo(2);

        // After the period: group, answer, publish.
        jdbc.sql("update pc_procedure set opens_on = :o, closes_on = :c where id = :id")
                .param("o", today.minusDays(40)).param("c", today.minusDays(2)).param("id", id).update();
        var ids = jdbc.sql("select id from pc_comment where procedure_id = :p and status = 'RECEIVED' order by id").param("p", id).query(Long.class).list();
        mvc.perform(post("/staff/participation/comments/" + id + "/result").with(csrf()).with(user(staff)).param("version", "1"))
                .andExpect(content().string(Matchers.containsString("市の考え方がまだない意見が2件あります")));
        mvc.perform(post("/staff/participation/comments/" + id + "/group").with(csrf()).with(user(staff))
                        .param("group[" + ids.get(0) + "]", "駐車場").param("group[" + ids.get(1) + "]", "駐車場"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/staff/participation/comments/" + id + "/view").with(csrf()).with(user(staff)).param("groupKey", "駐車場")
                        .param("summary", "北口の駐車場・駐輪場を充実してほしい。").param("cityView", "駐輪場も併せて整備します。")
                        .param("changed", "true").param("changeNote", "第2章に駐輪場の整備を加えました。"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/staff/participation/comments/" + id + "/result").with(csrf()).with(user(staff)).param("version", "1")
                        .param("resultNote", "いただいた意見を踏まえ、計画を一部修正しました。"))
                .andExpect(status().is3xxRedirection());
        String result = mvc.perform(get("/participation/comments/" + id)).andReturn().getResponse().getContentAsString();
        assertThat(result).contains("結果を公表").contains("2人から2件").contains("駐輪場も併せて整備します").contains("第2章に駐輪場の整備を加えました");
        for (String secret : new String[] {"北口 一郎", "駅南 花子", "駅前町1-" + tag, "南町2-" + tag, visitorEmail, resident.getUsername(),
                "駐車場を増やしてほしい"}) {
            assertThat(result).as("the result publishes no personal data nor the raw comment").doesNotContain(secret);
        }
        assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'pc_procedure' and record_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void draftDocumentsAreCheckedAndPublishedWithTheDraft() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long dept = jdbc.sql("insert into department (code, name, secretariat, active, created_at) values (:c, '都市計画課', false, true, now()) returning id")
                .param("c", "pcd-" + tag).query(Long.class).single();
        SignedInUser staff = people.account("pcd-staff", dept, "STAFF");
        SignedInUser other = people.account("pcd-other", null, "STAFF");
        LocalDate today = comments.today();
        String location = mvc.perform(post("/staff/participation/comments/new").with(csrf()).with(user(staff)).param("title", "計画(案)" + tag)
                        .param("purpose", "趣旨").param("opensOn", today.toString()).param("closesOn", today.plusDays(30).toString())
                        .param("heading0", "第1章").param("body0", "本文"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        // A file that is not a PDF or image is refused next to the field; the title typed is kept.
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/staff/participation/comments/" + id + "/files")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "plan.pdf", "application/pdf", "<html>not a pdf".getBytes()))
                        .with(csrf()).with(user(staff)).param("fileTitle", "計画(案)全文"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("計画(案)全文")))
                .andExpect(content().string(Matchers.containsString("field__error")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/staff/participation/comments/" + id + "/files")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "plan.pdf", "application/pdf", "%PDF-1.7 plan".getBytes()))
                        .with(csrf()).with(user(other)).param("fileTitle", "計画(案)全文"))
                .andExpect(status().isNotFound());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/staff/participation/comments/" + id + "/files")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "plan.pdf", "application/pdf", "%PDF-1.7 plan".getBytes()))
                        .with(csrf()).with(user(staff)).param("fileTitle", "計画(案)全文"))
                .andExpect(status().is3xxRedirection());
        long fileId = jdbc.sql("select id from participation_file where owner_type = 'pc_procedure' and owner_id = :id").param("id", id)
                .query(Long.class).single();
        // Not public before the draft is.
        mvc.perform(get("/participation/comments/" + id + "/files/" + fileId)).andExpect(status().isNotFound());
        mvc.perform(post("/staff/participation/comments/" + id + "/publish").with(csrf()).with(user(staff)).param("version", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/participation/comments/" + id)).andExpect(content().string(Matchers.containsString("計画(案)全文 (PDF 1KB)")));
        mvc.perform(get("/participation/comments/" + id + "/files/" + fileId)).andExpect(status().isOk())
                .andExpect(content().bytes("%PDF-1.7 plan".getBytes()));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'publicComment.attach' and record_id = :id").param("id", String.valueOf(id))
                .query(Integer.class).single()).isEqualTo(1);
    }

    private long count(long id, String status) {
        return jdbc.sql("select count(*) from pc_comment where procedure_id = :p and status = :s").param("p", id).param("s", status)
                .query(Long.class).single();
    }
}
