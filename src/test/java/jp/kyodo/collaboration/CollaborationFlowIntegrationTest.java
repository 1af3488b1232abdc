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
import java.time.LocalDate;
import jp.kyodo.IntegrationTest;
import jp.kyodo.accounts.SignedInUser;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A department publishes a theme and finds a partner; the group consults, writes and submits a proposal; three
 * members screen it (one with a conflict of interest); the secretariat adopts it and the public sees the result.
 */
@IntegrationTest
class CollaborationFlowIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired GreenMail greenMail;
    @Autowired JdbcClient jdbc;
    @Autowired CollaborationTestData data;
    @Autowired ProposalRepository proposals;

    @Test
    void themeConsultationProposalScreeningAdoption() throws Exception {
        String tag = CollaborationTestData.tag();
        long kosodate = data.department("子育て支援課", false);
        long secretariat = data.department("市民活動推進課", true);
        SignedInUser staff = data.account("theme-staff", kosodate, "STAFF");
        SignedInUser admin = data.account("secretariat-admin", secretariat, "STAFF", "ADMIN");
        SignedInUser manager = data.account("proposer", null);
        String groupName = "子ども食堂ひだまり" + tag;
        long groupId = data.registeredGroup(groupName, manager.accountId(), "子ども食堂を開き、孤食を防ぎ、地域の居場所をつくる", "kosodate");
        data.registeredGroup("将棋同好会" + tag, data.account("other", null).accountId(), "将棋を楽しむ", "bunka");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));

        // The department drafts a theme: mistakes are named by their fields and everything typed stays.
        String title = "子どもの居場所づくり" + tag;
        mvc.perform(post("/staff/collaboration/calls/new").param("origin", "CITY").with(csrf()).with(user(staff))
                        .param("title", title).param("fiscalYear", "2027").param("background", "")
                        .param("expectedOutcome", "子どもの孤食が減る").param("budgetCap", "たくさん").param("forms", "COMMISSION")
                        .param("applicationOpens", today.minusDays(1).toString()).param("applicationCloses", today.minusDays(5).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("金額は数字で入力してください")))
                .andExpect(content().string(Matchers.containsString("募集締切日は募集開始日より後にしてください")))
                .andExpect(content().string(Matchers.containsString("value=\"たくさん\"")));
        String location = mvc.perform(post("/staff/collaboration/calls/new").param("origin", "CITY").with(csrf()).with(user(staff))
                        .param("title", title).param("fiscalYear", "2027").param("background", "共働き世帯が増え、夕食を一人で食べる子どもが増えている。")
                        .param("expectedOutcome", "子ども食堂などの居場所で、孤食が減る。").param("budgetCap", "５００，０００円")
                        .param("forms", "COMMISSION", "SUBSIDY").param("fieldCodes", "kosodate").param("areaCode", "honjo")
                        .param("applicationOpens", today.minusDays(1).toString()).param("applicationCloses", today.plusDays(30).toString())
                        .param("consultationDeadline", today.plusDays(20).toString()).param("firstScreeningOn", today.plusDays(40).toString()))
                .andReturn().getResponse().getRedirectedUrl();
        long callId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(get("/collaboration/calls/" + callId)).andExpect(status().isNotFound());
        mvc.perform(post("/staff/collaboration/calls/" + callId + "/publish").with(csrf()).with(user(staff)).param("version", version(callId)))
                .andExpect(redirectedUrl("/staff/collaboration/calls/" + callId));
        mvc.perform(get("/collaboration")).andExpect(content().string(Matchers.containsString(title)));
        mvc.perform(get("/collaboration/calls/" + callId)).andExpect(content().string(Matchers.containsString("500,000円")));

        // Partner finding: the children's group ranks, with its field and shared words as the reason; the chess club does not.
        String page = mvc.perform(get("/staff/collaboration/calls/" + callId).with(user(staff))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(groupName).contains("子育て支援").contains("子ども、居場所、食堂").doesNotContain("将棋同好会" + tag);
        mvc.perform(post("/staff/collaboration/calls/" + callId + "/invite").with(csrf()).with(user(staff)).param("groupId", String.valueOf(groupId)))
                .andExpect(redirectedUrl("/staff/collaboration/calls/" + callId + "#partners"));
        assertThat(awaitMail(greenMail, manager.getUsername(), "提案のお願い")).contains(title);
        // Another department's staff cannot open it.
        SignedInUser stranger = data.account("other-staff", data.department("道路課", false), "STAFF");
        mvc.perform(get("/staff/collaboration/calls/" + callId).with(user(stranger))).andExpect(status().isNotFound());

        // The group starts a proposal and writes it step by step.
        String started = mvc.perform(post("/my/proposals/new").param("call", String.valueOf(callId)).with(csrf()).with(user(manager))
                        .param("groupId", String.valueOf(groupId)).param("title", "ひだまり子ども食堂"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(started).matches("/my/proposals/\\d+/step/1");
        long id = Long.parseLong(started.split("/")[3]);
        mvc.perform(step(manager, id, 1).param("title", "ひだまり子ども食堂").param("purpose", "孤食を防ぐ").param("content", "毎週土曜に食堂を開く")
                        .param("periodFrom", "2027-04-01").param("periodTo", "2027-03-31").param("form", "ENDORSEMENT"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("終了日は開始日以降にしてください")))
                .andExpect(content().string(Matchers.containsString("この募集で選べる協働の形態を選んでください")));
        mvc.perform(step(manager, id, 1).param("title", "ひだまり子ども食堂").param("purpose", "孤食を防ぐ").param("content", "毎週土曜に食堂を開く")
                        .param("periodFrom", "令和9年4月1日").param("periodTo", "2028-03-31").param("form", "COMMISSION").param("place", "中央公民館"))
                .andExpect(redirectedUrl("/my/proposals/" + id + "/step/2"));
        mvc.perform(step(manager, id, 2).param("roles[0].task", "食堂の運営").param("roles[0].groupPart", "調理と見守り")
                        .param("roles[0].cityPart", "会場の確保と広報").param("roles[1].task", "").param("roles[2].task", "ふりかえり"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("団体の役割か市の役割の少なくとも一方を書いてください")));
        mvc.perform(step(manager, id, 2).param("roles[0].task", "食堂の運営").param("roles[0].groupPart", "調理と見守り")
                        .param("roles[0].cityPart", "会場の確保と広報"))
                .andExpect(redirectedUrl("/my/proposals/" + id + "/step/3"));
        // A negative amount is named on its row; the row keeps what was typed.
        mvc.perform(step(manager, id, 3).param("budget[0].kind", "INCOME").param("budget[0].item", "参加費").param("budget[0].amount", "-500")
                        .param("budget[0].bearer", "GROUP"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("金額にマイナスは使えません")))
                .andExpect(content().string(Matchers.containsString("value=\"-500\"")));
        // Full-width amounts with separators are read; the budget does not balance yet (1,000 short).
        mvc.perform(step(manager, id, 3)
                        .param("budget[0].kind", "INCOME").param("budget[0].item", "参加費").param("budget[0].amount", "３０，０００円").param("budget[0].bearer", "GROUP")
                        .param("budget[1].kind", "EXPENSE").param("budget[1].item", "食材費").param("budget[1].amount", "400,000").param("budget[1].bearer", "CITY")
                        .param("budget[2].kind", "EXPENSE").param("budget[2].item", "会場費").param("budget[2].amount", "31000").param("budget[2].bearer", "GROUP"))
                .andExpect(redirectedUrl("/my/proposals/" + id + "/step/4"));
        Proposal saved = proposals.findById(id).orElseThrow();
        assertThat(saved.incomeTotal()).isEqualTo(30_000);
        assertThat(saved.cityShare()).isEqualTo(400_000);
        assertThat(saved.expenseTotal()).isEqualTo(431_000);
        mvc.perform(step(manager, id, 4).param("targets[0].kind", "OUTCOME").param("targets[0].description", "参加した子どもの満足度")
                        .param("targets[0].value", "80%以上").param("pioneering", "地域の農家と連携"))
                .andExpect(redirectedUrl("/my/proposals/" + id));

        // Submitting is refused, naming every reason: no consultation answered, budget not balanced.
        mvc.perform(post("/my/proposals/" + id + "/submit").with(csrf()).with(user(manager)).param("version", pversion(id)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("事前相談で回答を受けてから提出してください")))
                .andExpect(content().string(Matchers.containsString("一致しません")));

        // Consultation: the group asks, the department answers.
        mvc.perform(post("/my/proposals/" + id + "/consultation").with(csrf()).with(user(manager)).param("body", "会場について相談したいです。"))
                .andExpect(redirectedUrl("/my/proposals/" + id + "#consultation"));
        assertThat(proposals.findById(id).orElseThrow().status()).isEqualTo(ProposalStatus.CONSULTING);
        assertThat(awaitMail(greenMail, staff.getUsername(), "事前相談の申込み")).contains("ひだまり子ども食堂");
        mvc.perform(get("/staff/collaboration").with(user(staff))).andExpect(content().string(Matchers.containsString("回答待ち")));
        mvc.perform(post("/staff/collaboration/proposals/" + id + "/consultation").with(csrf()).with(user(staff))
                        .param("body", "中央公民館の調理室が使えます。"))
                .andExpect(redirectedUrl("/staff/collaboration/proposals/" + id + "#consultation"));
        assertThat(awaitMail(greenMail, manager.getUsername(), "市から回答")).contains("ひだまり子ども食堂");

        // The budget is balanced; the proposal is submitted and becomes read-only.
        mvc.perform(step(manager, id, 3)
                        .param("budget[0].kind", "INCOME").param("budget[0].item", "参加費").param("budget[0].amount", "31,000").param("budget[0].bearer", "GROUP")
                        .param("budget[1].kind", "EXPENSE").param("budget[1].item", "食材費").param("budget[1].amount", "400,000").param("budget[1].bearer", "CITY")
                        .param("budget[2].kind", "EXPENSE").param("budget[2].item", "会場費").param("budget[2].amount", "31000").param("budget[2].bearer", "GROUP"))
                .andExpect(redirectedUrl("/my/proposals/" + id + "/step/4"));
        // A second tab still holding the old version is told, and nothing is overwritten.
        mvc.perform(post("/my/proposals/" + id + "/step/1").with(csrf()).with(user(manager)).param("version", "0")
                        .param("title", "古いタブ").param("purpose", "x").param("content", "x").param("periodFrom", "2027-04-01")
                        .param("periodTo", "2027-05-01").param("form", "COMMISSION"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("ほかの人がこの内容を更新しました")))
                .andExpect(content().string(Matchers.containsString("古いタブ")));
        mvc.perform(post("/my/proposals/" + id + "/submit").with(csrf()).with(user(manager)).param("version", pversion(id)))
                .andExpect(redirectedUrl("/my/proposals/" + id));
        assertThat(proposals.findById(id).orElseThrow().status()).isEqualTo(ProposalStatus.SUBMITTED);
        assertThat(awaitMail(greenMail, manager.getUsername(), "提案を受け付けました")).contains("ひだまり子ども食堂");
        mvc.perform(step(manager, id, 1).param("title", "変更").param("purpose", "x").param("content", "x").param("periodFrom", "2027-04-01")
                        .param("periodTo", "2027-05-01").param("form", "COMMISSION"))
                .andExpect(content().string(Matchers.containsString("提出後の提案は変更できません")));

        // Screening: three members, one of whom declares a conflict of interest.
        SignedInUser m1 = data.account("member-a", null, "COMMITTEE");
        SignedInUser m2 = data.account("member-b", null, "COMMITTEE");
        SignedInUser m3 = data.account("member-c", null, "COMMITTEE");
        String round = mvc.perform(post("/admin/screenings").with(csrf()).with(user(admin)).param("callId", String.valueOf(callId))
                        .param("stage", "DOCUMENTS").param("aggregation", "MEAN").param("thresholdPercent", "60").param("preset", "MOTOSU"))
                .andReturn().getResponse().getRedirectedUrl();
        long roundId = Long.parseLong(round.substring(round.lastIndexOf('/') + 1));
        mvc.perform(post("/admin/screenings/" + roundId + "/members").with(csrf()).with(user(admin)).param("version", rversion(roundId))
                        .param("member", String.valueOf(m1.accountId()), String.valueOf(m2.accountId()), String.valueOf(m3.accountId())))
                .andExpect(redirectedUrl("/admin/screenings/" + roundId));
        // Not while the call still accepts proposals; the department closes it first.
        mvc.perform(post("/admin/screenings/" + roundId + "/start").with(csrf()).with(user(admin)).param("version", rversion(roundId)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("募集の受付中は審査を始められません")));
        mvc.perform(post("/staff/collaboration/calls/" + callId + "/close").with(csrf()).with(user(staff)).param("version", version(callId)))
                .andExpect(redirectedUrl("/staff/collaboration/calls/" + callId));
        mvc.perform(post("/admin/screenings/" + roundId + "/start").with(csrf()).with(user(admin)).param("version", rversion(roundId)))
                .andExpect(redirectedUrl("/admin/screenings/" + roundId));
        assertThat(proposals.findById(id).orElseThrow().status()).isEqualTo(ProposalStatus.IN_SCREENING);
        assertThat(awaitMail(greenMail, m1.getUsername(), "審査をお願いします")).contains("/committee/screenings/" + roundId);
        // Withdrawal is no longer possible.
        mvc.perform(post("/my/proposals/" + id + "/withdraw").with(csrf()).with(user(manager)).param("version", pversion(id)))
                .andExpect(redirectedUrl("/my/proposals/" + id));
        assertThat(proposals.findById(id).orElseThrow().status()).isEqualTo(ProposalStatus.IN_SCREENING);

        String sheet = "/committee/screenings/" + roundId + "/proposals/" + id;
        mvc.perform(get(sheet).with(user(m1))).andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("主体性・積極性")));
        mvc.perform(get(sheet).with(user(manager))).andExpect(status().isForbidden());
        mvc.perform(post(sheet + "/conflict").with(csrf()).with(user(m1)).param("reason", "団体の役員を務めているため"))
                .andExpect(redirectedUrl("/committee/screenings/" + roundId));
        // Member 2 saves half a sheet as a draft; submitting it needs every criterion.
        var criteria = jdbc.sql("select id from collab_screening_criterion where screening_id = :s order by seq").param("s", roundId)
                .query(Long.class).list();
        mvc.perform(score(m2, roundId, id, 0).param("points[" + criteria.get(0) + "]", "8").param("draft", "1"))
                .andExpect(redirectedUrl(sheet));
        mvc.perform(score(m2, roundId, id, 1).param("points[" + criteria.get(0) + "]", "8").param("submit", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("すべての評価項目に点数を入れてください")));
        mvc.perform(score(m2, roundId, id, 1).param("points[" + criteria.get(0) + "]", "11").param("submit", "1"))
                .andExpect(content().string(Matchers.containsString("0から10までの数字で入力してください")));
        // Totals: member 2 gives 8 × 6 = 48, member 3 gives 6 × 6 = 36; mean 42 of 60 = 70 %.
        MockHttpServletRequestBuilder full2 = score(m2, roundId, id, 1).param("submit", "1");
        MockHttpServletRequestBuilder full3 = score(m3, roundId, id, 0).param("submit", "1");
        for (Long c : criteria) {
            full2.param("points[" + c + "]", "８");
            full3.param("points[" + c + "]", "6");
        }
        mvc.perform(full2).andExpect(redirectedUrl(sheet));
        // Member 2 sees others' scores only after submitting: member 3 has not yet.
        mvc.perform(get(sheet).with(user(m3))).andExpect(content().string(Matchers.not(Matchers.containsString("ほかの委員の採点"))));
        mvc.perform(full3).andExpect(redirectedUrl(sheet));
        mvc.perform(get(sheet).with(user(m3))).andExpect(content().string(Matchers.containsString("ほかの委員の採点")));

        String results = mvc.perform(get("/admin/screenings/" + roundId).with(user(admin))).andReturn().getResponse().getContentAsString();
        assertThat(results).contains("42点 / 60点(70%)").contains("目安以上").contains("利害関係による除外 1 人");

        // Deciding waits for the scoring to close; then the secretariat adopts it, the group is told, and the public
        // results show it with its scores.
        mvc.perform(post("/admin/screenings/" + roundId + "/proposals/" + id + "/decision").with(csrf()).with(user(admin))
                        .param("version", pversion(id)).param("decision", "ADOPTED").param("reason", "早すぎる決定"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("採点を締め切ってから決定してください")));
        mvc.perform(get("/collaboration/results")).andExpect(content().string(Matchers.not(Matchers.containsString("ひだまり子ども食堂"))));
        mvc.perform(post("/admin/screenings/" + roundId + "/close").with(csrf()).with(user(admin)).param("version", rversion(roundId)))
                .andExpect(redirectedUrl("/admin/screenings/" + roundId));
        // A late sheet after the close is refused.
        mvc.perform(score(m1, roundId, id, 0).param("points[" + criteria.get(0) + "]", "5").param("draft", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("採点の期間ではありません")));
        mvc.perform(post("/admin/screenings/" + roundId + "/proposals/" + id + "/decision").with(csrf()).with(user(admin))
                        .param("version", pversion(id)).param("decision", "CONDITIONALLY_ADOPTED").param("reason", "地域のニーズが高い"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("入力してください")));
        mvc.perform(post("/admin/screenings/" + roundId + "/proposals/" + id + "/decision").with(csrf()).with(user(admin))
                        .param("version", pversion(id)).param("decision", "ADOPTED").param("reason", "地域のニーズが高く、実現性もある"))
                .andExpect(redirectedUrl("/admin/screenings/" + roundId + "#ranking"));
        assertThat(proposals.findById(id).orElseThrow().status()).isEqualTo(ProposalStatus.ADOPTED);
        assertThat(awaitMail(greenMail, manager.getUsername(), "審査結果")).contains("採択").contains("地域のニーズが高く");
        mvc.perform(get("/collaboration/results"))
                .andExpect(content().string(Matchers.containsString("ひだまり子ども食堂")))
                .andExpect(content().string(Matchers.containsString(groupName)))
                .andExpect(content().string(Matchers.containsString("42点 / 60点")))
                .andExpect(content().string(Matchers.containsString("400,000円")));
        assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'collab_proposal' and record_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isGreaterThanOrEqualTo(8);
    }

    private MockHttpServletRequestBuilder step(SignedInUser who, long id, int step) {
        return post("/my/proposals/" + id + "/step/" + step).with(csrf()).with(user(who)).param("version", pversion(id));
    }

    private MockHttpServletRequestBuilder score(SignedInUser who, long round, long proposal, long version) {
        return post("/committee/screenings/" + round + "/proposals/" + proposal + "/score").with(csrf()).with(user(who))
                .param("version", String.valueOf(version));
    }

    private String version(long callId) {
        return String.valueOf(jdbc.sql("select version from collab_call where id = :id").param("id", callId).query(Long.class).single());
    }

    private String pversion(long id) {
        return String.valueOf(proposals.findById(id).orElseThrow().version());
    }

    private String rversion(long id) {
        return String.valueOf(jdbc.sql("select version from collab_screening where id = :id").param("id", id).query(Long.class).single());
    }
}
