package jp.kyodo.groups;

import static jp.kyodo.TestMailServer.awaitMail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** A group applies, is returned for correction, resubmits, is approved, and appears in the directory. */
@IntegrationTest
class RegistryFlowIntegrationTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes();

    @Autowired MockMvc mvc;
    @Autowired GreenMail greenMail;
    @Autowired JdbcClient jdbc;
    @Autowired GroupTestData data;
    @Autowired CivicGroups groups;

    @Test
    void applyReturnResubmitApproveAndFindInTheDirectory() throws Exception {
        UserDetails applicant = data.account("applicant", "RESIDENT");
        UserDetails staff = data.account("reviewer", "STAFF");
        String tag = UUID.randomUUID().toString().substring(0, 4);
        String name = "子育てサロンひまわり" + tag;
        String aoi = "aoi-" + tag + "@example.jp";
        String sato = "sato-" + tag + "@example.jp";

        String location = mvc.perform(post("/my/groups/new").with(csrf()).with(user(applicant))
                        .param("type", "CIVIC").param("name", name).param("nameKana", "こそだてさろんひまわり"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/my/groups/\\d+/apply/1");
        long id = Long.parseLong(location.split("/")[3]);

        // Step 1 with mistakes: every one is reported and everything typed stays.
        mvc.perform(step(applicant, id, 1).param("type", "CIVIC").param("name", name).param("nameKana", "こそだてさろんひまわり")
                        .param("foundedOn", "令和99年1月1日").param("membersCount", "たくさん").param("areaCode", ""))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "foundedOn", "membersCount", "areaCode"))
                .andExpect(content().string(Matchers.containsString("value=\"たくさん\"")));
        mvc.perform(step(applicant, id, 1).param("type", "CIVIC").param("name", name).param("nameKana", "こそだてさろんひまわり")
                        .param("foundedOn", "平成27年4月1日").param("membersCount", "１２").param("membershipFee", "年額1,000円")
                        .param("areaCode", "honjo"))
                .andExpect(redirectedUrl("/my/groups/" + id + "/apply/2"));
        mvc.perform(step(applicant, id, 2).param("fieldCodes", "kosodate", "bosai")
                        .param("purpose", "乳幼児と保護者が気軽に集まれる居場所をつくる。").param("activities", "毎週水曜日に親子サロンを開いています。")
                        .param("website", "https://himawari.example.jp/").param("welcomesVolunteers", "true"))
                .andExpect(redirectedUrl("/my/groups/" + id + "/apply/3"));
        mvc.perform(step(applicant, id, 3)
                        .param("rep.name", "日向 葵").param("rep.nameKana", "ひなた あおい").param("rep.address", "埼玉県本庄市中央2-1-1")
                        .param("rep.phone", "090-1111-2222").param("rep.email", aoi).param("rep.publishPhone", "true")
                        .param("contact.name", "月見 里").param("contact.email", sato))
                .andExpect(redirectedUrl("/my/groups/" + id + "/apply/4"));

        // A file that only claims to be a PDF is refused by its content.
        mvc.perform(multipart("/my/groups/" + id + "/documents").file(new MockMultipartFile("file", "kiyaku.pdf", "application/pdf",
                        "<html>not a pdf</html>".getBytes())).param("kind", "BYLAWS").with(csrf()).with(user(applicant)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("PDF、PNG、JPEGのファイルを選んでください")));
        for (DocumentKind kind : new DocumentKind[] {DocumentKind.BYLAWS, DocumentKind.OFFICERS, DocumentKind.PLAN_BUDGET}) {
            mvc.perform(multipart("/my/groups/" + id + "/documents").file(new MockMultipartFile("file", kind + ".pdf", "application/pdf", PDF))
                    .param("kind", kind.name()).with(csrf()).with(user(applicant)))
                    .andExpect(redirectedUrl("/my/groups/" + id + "/apply/4"));
        }
        // Submitting with a document missing and a declaration unticked: both are named.
        mvc.perform(step(applicant, id, 5).param("declaresActiveInCity", "true").param("declaresNoPolitical", "true")
                        .param("declaresNoReligious", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("提出されていない書類があります")))
                .andExpect(model().attributeHasFieldErrors("form", "declaresNoAntisocial"));
        mvc.perform(multipart("/my/groups/" + id + "/documents").file(new MockMultipartFile("file", "kessan.pdf", "application/pdf", PDF))
                .param("kind", "ACCOUNTS").with(csrf()).with(user(applicant)));
        submit(applicant, id);
        assertThat(awaitMail(greenMail, applicant.getUsername(), "申請を受け付けました")).contains(name);

        // Staff returns it; the applicant corrects and resubmits.
        mvc.perform(get("/staff/groups/" + id).with(user(staff))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(aoi)));
        long version = groups.findById(id).orElseThrow().version();
        mvc.perform(post("/staff/groups/" + id + "/return").with(csrf()).with(user(staff)).param("version", String.valueOf(version))
                        .param("message", "役員名簿に代表者の氏名を記載してください。"))
                .andExpect(redirectedUrl("/staff/groups/" + id));
        assertThat(awaitMail(greenMail, applicant.getUsername(), "修正のお願い")).contains("役員名簿に代表者の氏名");
        mvc.perform(get("/my/groups/" + id + "/apply/4").with(user(applicant)))
                .andExpect(content().string(Matchers.containsString("役員名簿に代表者の氏名を記載してください。")));
        submit(applicant, id);

        // Two staff decide at once: the second is told, nothing is overwritten.
        long submitted = groups.findById(id).orElseThrow().version();
        mvc.perform(post("/staff/groups/" + id + "/approve").with(csrf()).with(user(staff)).param("version", String.valueOf(submitted)))
                .andExpect(redirectedUrl("/staff/groups/" + id));
        mvc.perform(post("/staff/groups/" + id + "/refuse").with(csrf()).with(user(staff)).param("version", String.valueOf(submitted))
                        .param("message", "遅れて押した"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("ほかの職員が処理しました")));
        CivicGroup approved = groups.findById(id).orElseThrow();
        assertThat(approved.status()).isEqualTo(GroupStatus.REGISTERED);
        assertThat(approved.registrationNumber()).matches("\\d{4}-\\d{3}");
        assertThat(awaitMail(greenMail, applicant.getUsername(), "団体登録が完了しました")).contains(approved.registrationNumber());

        // In the directory (indexed right after the approval commits), found by a kana search.
        awaitInDirectory("コソダテ", name);
        mvc.perform(get("/groups").param("q", "ｺｿﾀﾞﾃｻﾛﾝ"))
                .andExpect(content().string(Matchers.containsString(name)));
        // The applicant asked to publish the representative's phone, but only she can agree to it: private until then.
        mvc.perform(get("/groups/" + id))
                .andExpect(content().string(Matchers.containsString("日向 葵")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("090-1111-2222"))));
        String consentMail = awaitMail(greenMail, aoi, "連絡先の公開についての確認");
        assertThat(consentMail).contains(name).contains("電話番号");
        String link = jp.kyodo.TestMailServer.firstLink(consentMail);
        String consentPath = link.substring(link.indexOf("/consent/"));
        String consentPage = mvc.perform(get(consentPath)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(consentPage).contains("090-1111-2222").contains(name).doesNotContain("中央2-1-1");
        String fingerprint = consentPage.replaceAll("(?s).*name=\"fingerprint\" value=\"([^\"]+)\".*", "$1");
        mvc.perform(post(consentPath).with(csrf()).param("fingerprint", fingerprint).param("phone", "true"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("回答を記録しました")));
        mvc.perform(get("/groups/" + id))
                .andExpect(content().string(Matchers.containsString("日向 葵")))
                .andExpect(content().string(Matchers.containsString("090-1111-2222")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(aoi))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("中央2-1-1"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString(sato))))
                // Its recent activity: the public steps only, without the secretariat's messages or anyone's name.
                .andExpect(content().string(Matchers.containsString("最近の動き")))
                .andExpect(content().string(Matchers.containsString("市民活動団体として登録されました")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("役員名簿に代表者の氏名"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("reviewer"))));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'group.consent.answer' and record_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anotherPersonCannotSeeOrEditSomeoneElsesApplication() throws Exception {
        UserDetails owner = data.account("owner", "RESIDENT");
        UserDetails stranger = data.account("stranger", "RESIDENT");
        String location = mvc.perform(post("/my/groups/new").with(csrf()).with(user(owner)).param("type", "COMMUNITY").param("name", "見守り隊"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.split("/")[3]);
        mvc.perform(get("/my/groups/" + id).with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(step(stranger, id, 1).param("name", "乗っ取り")).andExpect(status().isNotFound());
        mvc.perform(get("/groups/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/staff/groups/" + id).with(user(owner))).andExpect(status().isForbidden());
    }

    private void awaitInDirectory(String query, String name) throws Exception {
        for (int i = 0; i < 100; i++) {
            String page = mvc.perform(get("/groups").param("q", query)).andReturn().getResponse().getContentAsString();
            if (page.contains(name)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " was not found in the directory by " + query);
    }

    private void submit(UserDetails applicant, long id) throws Exception {
        mvc.perform(step(applicant, id, 5).param("declaresActiveInCity", "true").param("declaresNoPolitical", "true")
                        .param("declaresNoReligious", "true").param("declaresNoAntisocial", "true"))
                .andExpect(redirectedUrl("/my/groups/" + id));
    }

    private MockHttpServletRequestBuilder step(UserDetails who, long id, int step) {
        return post("/my/groups/" + id + "/apply/" + step).with(csrf()).with(user(who))
                .param("version", String.valueOf(groups.findById(id).map(CivicGroup::version).orElse(0L)));
    }
}
