package jp.kyodo.collaboration;

import static jp.kyodo.TestMailServer.awaitMail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.kyodo.IntegrationTest;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.shared.CollaborationForm;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An adopted proposal's project: the agreement drafted, commented, confirmed by both sides (the group through its
 * representative), changed; interim and completion reports returned and accepted; the three evaluations; publication.
 * Nobody outside the project sees it before publication.
 */
@IntegrationTest
class ProjectLifecycleIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired GreenMail greenMail;
    @Autowired JdbcClient jdbc;
    @Autowired CollaborationTestData data;
    @Autowired CallRepository calls;
    @Autowired ProposalRepository proposals;
    @Autowired ProjectRepository projects;
    @Autowired Projects projectService;
    @Autowired Reports reports;
    @Autowired TransactionTemplate tx;

    @Test
    void agreementReportsEvaluationAndPublication() throws Exception {
        String tag = CollaborationTestData.tag();
        long dept = data.department("文化振興課", false);
        SignedInUser staff = data.account("project-staff", dept, "STAFF");
        SignedInUser admin = data.account("project-admin", data.department("市民活動推進課", true), "STAFF", "ADMIN");
        SignedInUser rep = data.account("project-rep", null);
        SignedInUser helper = data.account("project-helper", null);
        SignedInUser stranger = data.account("project-stranger", null);
        SignedInUser otherStaff = data.account("project-other-staff", data.department("道路課", false), "STAFF");
        SignedInUser member = data.account("project-member", null, "COMMITTEE");
        long group = data.registeredGroup("アートの会" + tag, rep.accountId(), "アートイベントを開く", "geijutsu");
        jdbc.sql("insert into civic_group_member (group_id, account_id, role, joined_at) values (:g, :a, 'STAFF', now())")
                .param("g", group).param("a", helper.accountId()).update();
        long projectId = data.adoptedProject(dept, group, rep, staff, tag);
        String my = "/my/projects/" + projectId;
        String city = "/staff/collaboration/projects/" + projectId;

        // Only the project's people see it before publication.
        mvc.perform(get(my).with(user(rep))).andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("協定書(案)")));
        mvc.perform(get(my).with(user(stranger))).andExpect(status().isNotFound());
        // The people of another group do not see it either, nor can they act on it.
        SignedInUser otherGroup = data.account("project-other-group", null);
        data.registeredGroup("別の会" + tag, otherGroup.accountId(), "別の活動", "geijutsu");
        mvc.perform(get(my).with(user(otherGroup))).andExpect(status().isNotFound());
        mvc.perform(post(my + "/agreement/confirm").with(csrf()).with(user(otherGroup)).param("version", agreementVersion(projectId)))
                .andExpect(status().isNotFound());
        mvc.perform(get(city).with(user(otherStaff))).andExpect(status().isNotFound());
        mvc.perform(get(city).with(user(stranger))).andExpect(status().isForbidden());
        // Committee members see a project only once it is completed.
        mvc.perform(get("/committee/projects/" + projectId).with(user(member))).andExpect(status().isNotFound());
        mvc.perform(get("/collaboration/projects/" + projectId)).andExpect(status().isNotFound());
        mvc.perform(post(my + "/agreement/comment").with(csrf()).with(user(stranger)).param("body", "横から")).andExpect(status().isNotFound());
        mvc.perform(get(my + "/agreement.pdf").with(user(stranger))).andExpect(status().isNotFound());

        // The department edits the draft: a period across fiscal years is refused by the field.
        mvc.perform(post(city + "/agreement").with(csrf()).with(user(staff)).param("version", agreementVersion(projectId))
                        .param("purpose", "対等な立場で芸術祭を開く").param("periodFrom", "2027-04-01").param("periodTo", "2028-04-30")
                        .param("roles", "・会場設営\n  団体:設営\n  市:会場確保").param("costSharing", "市は20万円を負担する")
                        .param("informationSharing", "情報を共有する").param("personalData", "適正に扱う").param("outputs", "共有とする")
                        .param("changeTermination", "協議する"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("同じ年度のうち")))
                .andExpect(content().string(Matchers.containsString("対等な立場で芸術祭を開く")));
        mvc.perform(post(city + "/agreement").with(csrf()).with(user(staff)).param("version", agreementVersion(projectId))
                        .param("purpose", "対等な立場で芸術祭を開く").param("periodFrom", "2027-04-01").param("periodTo", "2028-03-31")
                        .param("roles", "・会場設営\n  団体:設営と運営\n  市:会場確保と広報").param("costSharing", "市は20万円を負担する")
                        .param("informationSharing", "情報を共有する").param("personalData", "適正に扱う").param("outputs", "共有とする")
                        .param("changeTermination", "協議する"))
                .andExpect(redirectedUrl(city + "#agreement"));
        mvc.perform(post(my + "/agreement/comment").with(csrf()).with(user(rep)).param("body", "広報の分担を確認したいです"))
                .andExpect(redirectedUrl(my + "#agreement"));
        assertThat(awaitMail(greenMail, staff.getUsername(), "意見がありました")).contains("アートフェスタ");

        // Both confirm; a group member who is not the representative cannot confirm for the group.
        mvc.perform(post(city + "/agreement/confirm").with(csrf()).with(user(staff)).param("version", agreementVersion(projectId)))
                .andExpect(redirectedUrl(city + "#agreement"));
        mvc.perform(post(my + "/agreement/confirm").with(csrf()).with(user(helper)).param("version", agreementVersion(projectId)))
                .andExpect(redirectedUrl(my + "#agreement"));
        assertThat(projects.findById(projectId).orElseThrow().status()).isEqualTo(ProjectStatus.AGREEMENT);
        mvc.perform(post(my + "/agreement/confirm").with(csrf()).with(user(rep)).param("version", agreementVersion(projectId)))
                .andExpect(redirectedUrl(my + "#agreement"));
        assertThat(projects.findById(projectId).orElseThrow().status()).isEqualTo(ProjectStatus.RUNNING);
        assertThat(awaitMail(greenMail, rep.getUsername(), "協定が成立しました")).contains("アートフェスタ");
        byte[] pdf = mvc.perform(get(my + "/agreement.pdf").with(user(rep))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("協働事業協定書").contains("役割分担").contains("会場確保と広報").contains("アートの会" + tag);
        }

        // A change: proposed by the group, edited by the department, confirmed by both; version 1 is kept as superseded.
        mvc.perform(post(my + "/agreement/change").with(csrf()).with(user(rep)).param("reason", "会場の変更"))
                .andExpect(redirectedUrl(my + "#agreement"));
        mvc.perform(post(city + "/agreement/confirm").with(csrf()).with(user(staff)).param("version", agreementVersion(projectId)))
                .andExpect(redirectedUrl(city + "#agreement"));
        mvc.perform(post(my + "/agreement/confirm").with(csrf()).with(user(rep)).param("version", agreementVersion(projectId)))
                .andExpect(redirectedUrl(my + "#agreement"));
        assertThat(jdbc.sql("select string_agg(status, ',' order by number) from collab_agreement where project_id = :p").param("p", projectId)
                .query(String.class).single()).isEqualTo("SUPERSEDED,SIGNED");

        // The interim look-back: a word for an amount is named; returned once, then accepted.
        mvc.perform(post(my + "/reports/INTERIM").with(csrf()).with(user(rep)).param("version", reportVersion(projectId, "INTERIM"))
                        .param("activities", "準備会を3回開いた").param("participants", "45").param("outcomes[0]", "満足度85%")
                        .param("actuals[0]", "たくさん").param("submit", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("金額は数字で入力してください")))
                .andExpect(content().string(Matchers.containsString("準備会を3回開いた")));
        mvc.perform(post(my + "/reports/INTERIM").with(csrf()).with(user(rep)).param("version", reportVersion(projectId, "INTERIM"))
                        .param("activities", "準備会を3回開いた").param("participants", "45").param("outcomes[0]", "満足度85%").param("submit", "1"))
                .andExpect(redirectedUrl(my + "#report-INTERIM"));
        mvc.perform(post(city + "/reports/INTERIM/decision").with(csrf()).with(user(staff)).param("version", reportVersion(projectId, "INTERIM"))
                        .param("message", "参加者の内訳を書いてください"))
                .andExpect(redirectedUrl(city + "#report-INTERIM"));
        assertThat(awaitMail(greenMail, rep.getUsername(), "修正のお願い")).contains("アートフェスタ");
        mvc.perform(post(my + "/reports/INTERIM").with(csrf()).with(user(rep)).param("version", reportVersion(projectId, "INTERIM"))
                        .param("activities", "準備会を3回開いた(大人30人、子ども15人)").param("participants", "45").param("outcomes[0]", "満足度85%")
                        .param("submit", "1"))
                .andExpect(redirectedUrl(my + "#report-INTERIM"));
        mvc.perform(post(city + "/reports/INTERIM/decision").with(csrf()).with(user(staff)).param("version", reportVersion(projectId, "INTERIM"))
                        .param("accept", "1"))
                .andExpect(redirectedUrl(city + "#report-INTERIM"));

        // Evaluation cannot start before the completion report is accepted.
        mvc.perform(post(my + "/evaluation").with(csrf()).with(user(rep)).param("version", "0").param("scores[EQUALITY]", "4"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("実績報告が受理された後")));

        // The completion report needs every actual amount; the comparison marks the line far from its budget.
        mvc.perform(post(my + "/reports/COMPLETION").with(csrf()).with(user(rep)).param("version", reportVersion(projectId, "COMPLETION"))
                        .param("activities", "芸術祭を開いた").param("participants", "320").param("outcomes[0]", "満足度90%").param("submit", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("すべての行の決算額が必要です")));
        mvc.perform(post(my + "/reports/COMPLETION").with(csrf()).with(user(rep)).param("version", reportVersion(projectId, "COMPLETION"))
                        .param("activities", "芸術祭を開いた").param("participants", "320").param("outcomes[0]", "満足度90%")
                        .param("actuals[0]", "15,000").param("actuals[1]", "２００，０００").param("actuals[2]", "38000").param("submit", "1"))
                .andExpect(redirectedUrl(my + "#report-COMPLETION"));
        mvc.perform(get(city).with(user(staff)))
                .andExpect(content().string(Matchers.containsString("予算と大きく異なる")))
                .andExpect(content().string(Matchers.containsString("127%")));
        mvc.perform(post(city + "/reports/COMPLETION/decision").with(csrf()).with(user(staff)).param("version", reportVersion(projectId, "COMPLETION"))
                        .param("accept", "1"))
                .andExpect(redirectedUrl(city + "#report-COMPLETION"));
        assertThat(projects.findById(projectId).orElseThrow().status()).isEqualTo(ProjectStatus.COMPLETED);

        // Evaluations: the committee waits for both sides; each side sees the other only once both have submitted.
        mvc.perform(evaluation("/committee/projects/" + projectId, member, 3)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("団体と担当課の評価がそろってから")));
        mvc.perform(evaluation(my, rep, 4).param("comment", "市の広報が大きな力になった")).andExpect(redirectedUrl(my + "#evaluation"));
        mvc.perform(get(city).with(user(staff))).andExpect(content().string(Matchers.not(Matchers.containsString("市の広報が大きな力になった"))));
        mvc.perform(evaluation(city, staff, 3).param("comment", "団体の企画力が高かった")).andExpect(redirectedUrl(city + "#evaluation"));
        mvc.perform(get(my).with(user(rep))).andExpect(content().string(Matchers.containsString("団体の企画力が高かった")));
        mvc.perform(evaluation("/committee/projects/" + projectId, member, 4)).andExpect(redirectedUrl("/committee/projects/" + projectId + "#evaluation"));
        // Combined: 0.2 × 4 + 0.2 × 3 + 0.6 × 4 = 3.8, seen by the secretariat; the committee's scores stay out of the
        // group's sight until publication.
        mvc.perform(get(city).with(user(admin))).andExpect(content().string(Matchers.containsString("3.80")));
        mvc.perform(get(my).with(user(rep))).andExpect(content().string(Matchers.not(Matchers.containsString("3.80"))));
        // The committee evaluates; it neither sees the agreement's forms nor confirms for anyone.
        mvc.perform(post("/committee/projects/" + projectId + "/agreement/change").with(csrf()).with(user(member)).param("reason", "委員が変更"))
                .andExpect(status().isNotFound());

        // The secretariat publishes; the public page tells the story; a case study draft follows.
        mvc.perform(post(city + "/publish").with(csrf()).with(user(admin))
                        .param("version", String.valueOf(projects.findById(projectId).orElseThrow().version())))
                .andExpect(redirectedUrl(city));
        mvc.perform(get("/collaboration/projects/" + projectId))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("アートフェスタ")))
                .andExpect(content().string(Matchers.containsString("会場確保と広報")))
                .andExpect(content().string(Matchers.containsString("3.80")))
                .andExpect(content().string(Matchers.containsString("団体の企画力が高かった")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("contact-"))));
        mvc.perform(post(city + "/case-study").with(csrf()).with(user(admin))).andExpect(redirectedUrl(city + "#case-study"));
        assertThat(jdbc.sql("select title from collab_case_study where project_id = :p").param("p", projectId).query(String.class).single())
                .contains("アートフェスタ");
        mvc.perform(get("/staff/collaboration/projects").with(user(admin))).andExpect(content().string(Matchers.containsString("アートフェスタ")));
    }

    @Test
    void aReportDueWithinTwoWeeksIsRemindedOnce() {
        String tag = CollaborationTestData.tag();
        long dept = data.department("環境推進課", false);
        SignedInUser staff = data.account("remind-staff", dept, "STAFF");
        SignedInUser rep = data.account("remind-rep", null);
        long group = data.registeredGroup("見守りの会" + tag, rep.accountId(), "見守り", "bohan");
        long projectId = data.adoptedProject(dept, group, rep, staff, tag);
        tx.executeWithoutResult(s -> projects.findById(projectId).orElseThrow().start(Instant.now()));
        reports.onStart(new Projects.ProjectStarted(projectId, LocalDate.of(2027, 4, 1), LocalDate.of(2027, 9, 30)));
        // The interim look-back is due in the middle of the period (1 April + 182 / 2 days = 1 July 2027): reminded
        // from 17 June, once; the completion report 30 days after the end (30 October).
        assertThat(jdbc.sql("select due_on from collab_report where project_id = :p and kind = 'INTERIM'").param("p", projectId)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2027, 7, 1));
        assertThat(jdbc.sql("select due_on from collab_report where project_id = :p and kind = 'COMPLETION'").param("p", projectId)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2027, 10, 30));
        reports.remind(LocalDate.of(2027, 6, 16));
        assertThat(jdbc.sql("select count(*) from collab_report where project_id = :p and reminded_on is not null").param("p", projectId)
                .query(Long.class).single()).isZero();
        reports.remind(LocalDate.of(2027, 6, 17));
        reports.remind(LocalDate.of(2027, 6, 18));
        assertThat(awaitMail(greenMail, rep.getUsername(), "期限が近づいています")).contains("中間ふりかえり").contains("令和9年(2027年)7月1日");
        assertThat(jp.kyodo.TestMailServer.count(greenMail, rep.getUsername(), "期限が近づいています")).isEqualTo(1);
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder evaluation(String base, SignedInUser who, int score) {
        long projectId = Long.parseLong(base.substring(base.lastIndexOf('/') + 1));
        String side = base.startsWith("/my") ? "GROUP" : base.startsWith("/staff") ? "CITY" : "COMMITTEE";
        long account = "COMMITTEE".equals(side) ? who.accountId() : 0;
        String version = String.valueOf(jdbc.sql("select version from collab_evaluation where project_id = :p and side = :s and account_id = :a")
                .param("p", projectId).param("s", side).param("a", account).query(Long.class).optional().orElse(0L));
        var request = post(base + "/evaluation").with(csrf()).with(user(who)).param("version", version).param("submit", "1");
        for (EvaluationMath.Axis axis : EvaluationMath.Axis.values()) {
            request.param("scores[" + axis + "]", String.valueOf(score));
        }
        return request;
    }

    private String agreementVersion(long projectId) {
        return String.valueOf(jdbc.sql("select version from collab_agreement where project_id = :p and status = 'DRAFT'").param("p", projectId)
                .query(Long.class).single());
    }

    private String reportVersion(long projectId, String kind) {
        return String.valueOf(jdbc.sql("select version from collab_report where project_id = :p and kind = :k").param("p", projectId)
                .param("k", kind).query(Long.class).single());
    }
}
