package jp.kyodo.participation;

import static jp.kyodo.TestMailServer.awaitMail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.kyodo.IntegrationTest;
import jp.kyodo.accounts.SignedInUser;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A council and a call for public members from the department's side and the applicants': members and minutes
 * published, eligibility checked on submission, essays scored, a lottery anyone can redo, applicants notified, the
 * chosen added to the members; nothing but names and numbers published.
 */
@IntegrationTest
class CouncilIntegrationTest {

    @Autowired jp.kyodo.TestPeople people;
    @Autowired MockMvc mvc;
    @Autowired GreenMail greenMail;
    @Autowired JdbcClient jdbc;
    @Autowired Councils councils;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    @Test
    void councilCallSelectionAndPublication() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long dept = jdbc.sql("insert into department (code, name, secretariat, active, created_at) values (:c, '環境推進課', false, true, now()) returning id")
                .param("c", "cn-" + tag).query(Long.class).single();
        SignedInUser staff = people.account("cn-staff", dept, "STAFF");
        SignedInUser rater = people.account("cn-rater", dept, "STAFF");
        SignedInUser outsider = people.account("cn-outsider", null, "STAFF");
        LocalDate today = councils.today();

        // The council, a member and minutes with a PDF.
        String location = mvc.perform(post("/staff/participation/councils/new").with(csrf()).with(user(staff)).param("name", "環境審議会" + tag)
                        .param("purpose", "環境基本計画について調査審議する。").param("basis", "本庄市環境基本条例").param("seats", "12").param("termYears", "2"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long councilId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(get("/staff/participation/councils/" + councilId).with(user(outsider))).andExpect(status().isNotFound());
        mvc.perform(post("/staff/participation/councils/" + councilId + "/members").with(csrf()).with(user(staff)).param("memberName", "環境 花子")
                        .param("memberRole", "CHAIR").param("memberCategory", "EXPERT").param("affiliation", "○○大学")
                        .param("termStart", today.minusYears(1).toString()).param("termEnd", today.minusDays(2).toString() + "x"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("環境 花子")))
                .andExpect(content().string(Matchers.containsString("field__error")));
        mvc.perform(post("/staff/participation/councils/" + councilId + "/members").with(csrf()).with(user(staff)).param("memberName", "環境 花子")
                        .param("memberRole", "CHAIR").param("memberCategory", "EXPERT").param("affiliation", "○○大学")
                        .param("termStart", today.minusYears(1).toString()).param("termEnd", today.plusYears(1).toString()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(multipart("/staff/participation/councils/" + councilId + "/meetings")
                        .file(new MockMultipartFile("minutesFile", "第1回会議録.pdf", "application/pdf", "%PDF-1.4 minutes".getBytes()))
                        .with(csrf()).with(user(staff)).param("heldOn", today.minusDays(30).toString()).param("meetingTitle", "第1回環境審議会")
                        .param("minutes", "計画の骨子について意見を交わした。"))
                .andExpect(status().is3xxRedirection());
        String councilPage = mvc.perform(get("/participation/councils/" + councilId)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("環境 花子")))
                .andExpect(content().string(Matchers.containsString("会長")))
                .andExpect(content().string(Matchers.containsString("計画の骨子について意見を交わした。")))
                .andReturn().getResponse().getContentAsString();
        String fileLink = councilPage.replaceAll("(?s).*href=\"(/participation/councils/" + councilId + "/meetings/[0-9]+/files/[0-9]+)\".*", "$1");
        mvc.perform(get(fileLink)).andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(content().bytes("%PDF-1.4 minutes".getBytes()));

        // A call: two weeks is too short; three weeks with essay scoring and a lottery among those above 60.
        MockHttpServletRequestBuilder call = post("/staff/participation/councils/" + councilId + "/calls/new").with(csrf()).with(user(staff))
                .param("places", "2").param("opensOn", today.minusDays(1).toString()).param("termStart", today.plusDays(60).toString())
                .param("termEnd", today.plusDays(60).plusYears(2).toString()).param("minAge", "20").param("residenceShown", "true")
                .param("residence", "true").param("essayTheme", "わたしが考える本庄の環境").param("essayLimit", "800").param("method", "BOTH")
                .param("passMark", "60");
        mvc.perform(call.param("closesOn", today.plusDays(12).toString())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("募集期間は21日以上にしてください(いまは14日)")));
        location = mvc.perform(post("/staff/participation/councils/" + councilId + "/calls/new").with(csrf()).with(user(staff))
                        .param("places", "2").param("opensOn", today.minusDays(1).toString()).param("closesOn", today.plusDays(20).toString())
                        .param("termStart", today.plusDays(60).toString()).param("termEnd", today.plusDays(60).plusYears(2).toString())
                        .param("minAge", "20").param("residenceShown", "true").param("residence", "true")
                        .param("essayTheme", "わたしが考える本庄の環境").param("essayLimit", "800").param("method", "BOTH").param("passMark", "60"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long callId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(get("/participation/councils/calls/" + callId)).andExpect(status().isNotFound());
        mvc.perform(post("/staff/participation/councils/calls/" + callId + "/publish").with(csrf()).with(user(staff)).param("version", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/participation/councils/calls/" + callId)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("募集中")))
                .andExpect(content().string(Matchers.containsString("応募にはログインが必要です")));

        // Eligibility on submission: each problem next to its field, what was typed kept.
        SignedInUser young = people.account("cn-young", null, null);
        String essay800 = "環".repeat(400) + "\n\r\n" + "a".repeat(400);
        mvc.perform(apply(callId, young, "若者 一郎", today.plusDays(60).minusYears(20).plusDays(1), "熊谷市本町1-1", "環".repeat(801)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("歳以上の方が応募できます")))
                .andExpect(content().string(Matchers.containsString("市内に住んでいる方が応募できます")))
                .andExpect(content().string(Matchers.containsString("作文は800字以内にしてください(いまは801字)")))
                .andExpect(content().string(Matchers.containsString("若者 一郎")));
        // Exactly 800 characters (full-width and half-width alike, line breaks not counted) and 20 on the day the term starts.
        mvc.perform(apply(callId, young, "若者 一郎", today.plusDays(60).minusYears(20), "本庄市駅前町1-1", essay800))
                .andExpect(status().is3xxRedirection());
        mvc.perform(apply(callId, young, "若者 一郎", today.plusDays(60).minusYears(20), "本庄市駅前町1-1", essay800))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("すでに応募しています")));
        awaitMail(greenMail, emailOf(young), "公募委員への応募を受け付けました");

        // A member of another council, and a past public member of this one, are refused.
        SignedInUser otherMember = people.account("cn-other", null, null);
        long otherCouncil = jdbc.sql("insert into council (department_id, name, purpose, seats, term_years, created_at, updated_at) values (:d, '他の審議会', '他', 10, 2, now(), now()) returning id")
                .param("d", dept).query(Long.class).single();
        memberRow(otherCouncil, otherMember.accountId(), "EXPERT", today.plusYears(3));
        mvc.perform(apply(callId, otherMember, "他 委員", LocalDate.of(1970, 1, 1), "本庄市中央1-1", "環境をよくしたい。"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("他の審議会等の委員を務めている方は応募できません")));
        SignedInUser pastMember = people.account("cn-past", null, null);
        memberRow(councilId, pastMember.accountId(), "PUBLIC", today.minusYears(2));
        mvc.perform(apply(callId, pastMember, "過去 委員", LocalDate.of(1970, 1, 1), "本庄市中央1-2", "環境をよくしたい。"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("公募委員を務めたことがある方は応募できません")));

        List<SignedInUser> applicants = new ArrayList<>(List.of(young));
        for (int i = 0; i < 4; i++) {
            SignedInUser a = people.account("cn-app" + i, null, null);
            mvc.perform(apply(callId, a, "応募 " + i + "郎" + tag, LocalDate.of(1980 + i, 5, 1), "本庄市千代田" + i + "-" + tag, "わたしの考え " + i))
                    .andExpect(status().is3xxRedirection());
            applicants.add(a);
        }
        mvc.perform(post("/staff/participation/councils/calls/" + callId + "/lottery").with(csrf()).with(user(staff)).param("version", "1")
                        .param("seed", "1-2-3"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("募集の締切後")));

        // The call closes: two raters score; one application stays below the pass mark.
        jdbc.sql("update council_call set opens_on = :o, closes_on = :c where id = :id").param("o", today.minusDays(30))
                .param("c", today.minusDays(1)).param("id", callId).update();
        List<Councils.Application> apps = councils.applications(callId, null);
        assertThat(apps).hasSize(5);
        long version = councils.publishedCall(callId).version();
        mvc.perform(post("/staff/participation/councils/calls/" + callId + "/lottery").with(csrf()).with(user(staff)).param("version", String.valueOf(version))
                        .param("seed", "1-2-3"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("評点のない応募が5件あります")));
        for (Councils.Application a : apps) {
            int base = a.number().endsWith("-002") ? 40 : 70;
            score(staff, callId, a.id(), String.valueOf(base));
            score(rater, callId, a.id(), String.valueOf(base + 10));
        }
        mvc.perform(post("/staff/participation/councils/calls/" + callId + "/score").with(csrf()).with(user(rater)).param("application", String.valueOf(apps.get(0).id()))
                        .param("score" + apps.get(0).id(), "101"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("0から100")));
        assertThat(councils.applications(callId, null)).filteredOn(a -> a.number().endsWith("-002")).singleElement()
                .satisfies(a -> assertThat(a.averageScore()).isEqualTo(45.0));
        Councils.Call before = councils.publishedCall(callId);
        assertThat(councils.lotteryEntrants(before)).hasSize(4).noneMatch(a -> a.number().endsWith("-002"));

        // The public lottery; a second draw is refused; the result is what anyone computes from the seed and numbers.
        mvc.perform(post("/staff/participation/councils/calls/" + callId + "/lottery").with(csrf()).with(user(staff))
                        .param("version", String.valueOf(before.version())).param("seed", "3-8-1-5"))
                .andExpect(status().is3xxRedirection());
        Councils.Call drawn = councils.publishedCall(callId);
        // The announced value, joined with a random part made at the draw, is the published seed.
        assertThat(drawn.lotterySeed()).matches("3-8-1-5/[0-9a-f]{16}");
        assertThat(drawn.entries()).hasSize(4).doesNotContain(callId + "-002");
        mvc.perform(post("/staff/participation/councils/calls/" + callId + "/lottery").with(csrf()).with(user(staff))
                        .param("version", String.valueOf(drawn.version())).param("seed", "9-9-9"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("抽選はすでに行いました")));
        List<String> expected = Lottery.winners(drawn.lotterySeed(), drawn.entries(), 2);
        // Scores are frozen once the lottery is drawn.
        mvc.perform(post("/staff/participation/councils/calls/" + callId + "/score").with(csrf()).with(user(rater)).param("application", String.valueOf(apps.get(0).id()))
                        .param("score" + apps.get(0).id(), "10"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("抽選の後は評点を変えられません")));
        mvc.perform(post("/staff/participation/councils/calls/" + callId + "/decide").with(csrf()).with(user(staff))
                        .param("version", String.valueOf(drawn.version() - 1)))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("ほかの人がこの内容を更新しました")));
        mvc.perform(post("/staff/participation/councils/calls/" + callId + "/decide").with(csrf()).with(user(staff))
                        .param("version", String.valueOf(drawn.version())))
                .andExpect(status().is3xxRedirection());
        assertThat(councils.selectedNumbers(callId)).containsExactlyInAnyOrderElementsOf(expected);
        mvc.perform(post("/staff/participation/councils/calls/" + callId + "/decide").with(csrf()).with(user(staff))
                        .param("version", String.valueOf(drawn.version())))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from council_member where call_id = :k").param("k", callId).query(Integer.class).single()).isEqualTo(2);

        // Every applicant is told; the chosen become public members for the call's term.
        for (Councils.Application a : councils.applications(callId, null)) {
            String email = emailOf(a.accountId());
            awaitMail(greenMail, email, "公募委員の選考結果");
            assertThat(a.status()).isEqualTo(expected.contains(a.number()) ? Councils.ApplicationStatus.SELECTED : Councils.ApplicationStatus.NOT_SELECTED);
        }
        assertThat(jdbc.sql("select count(*) from council_member where council_id = :c and category = 'PUBLIC' and call_id = :k")
                .param("c", councilId).param("k", callId).query(Integer.class).single()).isEqualTo(2);

        // The result page: the seed, the method, the order and numbers; no birth date, address, phone or unchosen name.
        String result = mvc.perform(get("/participation/councils/calls/" + callId)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(result).contains("選考結果を公表", drawn.lotterySeed(), "SHA-256", Lottery.key(drawn.lotterySeed(), drawn.entries().get(0)));
        for (String n : expected) {
            assertThat(result).contains("受付番号 " + n);
        }
        for (Councils.Application a : councils.applications(callId, null)) {
            assertThat(result).doesNotContain(a.address()).doesNotContain(a.phone()).doesNotContain(a.name());
        }
        String members = mvc.perform(get("/participation/councils/" + councilId)).andReturn().getResponse().getContentAsString();
        for (Councils.Application a : councils.applications(callId, null)) {
            assertThat(members).doesNotContain(a.address()).doesNotContain(a.phone());
            if (a.status() == Councils.ApplicationStatus.NOT_SELECTED) {
                assertThat(members).doesNotContain(a.name());
            } else {
                assertThat(members).contains(a.name());
            }
        }
        assertThat(jdbc.sql("select count(*) from audit_entry where action like 'council.%' and actor_id = :a").param("a", staff.accountId())
                .query(Integer.class).single()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void essayOnlyCallIsDecidedByTheDepartmentWithinThePlaces() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long dept = jdbc.sql("insert into department (code, name, secretariat, active, created_at) values (:c, '福祉課', false, true, now()) returning id")
                .param("c", "cs-" + tag).query(Long.class).single();
        SignedInUser staff = people.account("cs-staff", dept, "STAFF");
        LocalDate today = councils.today();
        long councilId = jdbc.sql("insert into council (department_id, name, purpose, seats, term_years, created_at, updated_at) values (:d, :n, '福祉', 10, 2, now(), now()) returning id")
                .param("d", dept).param("n", "福祉審議会" + tag).query(Long.class).single();
        long callId = jdbc.sql("""
                        insert into council_call (council_id, places, opens_on, closes_on, term_start, term_end, min_age, residence, essay_theme,
                            essay_limit, method, status, created_at, updated_at)
                        values (:c, 1, :o, :cl, :ts, :te, 18, false, 'テーマ', 400, 'SCORE', 'PUBLISHED', now(), now()) returning id""")
                .param("c", councilId).param("o", today.minusDays(1)).param("cl", today.plusDays(20)).param("ts", today.plusDays(40))
                .param("te", today.plusDays(40).plusYears(2)).query(Long.class).single();
        SignedInUser a = people.account("cs-a", null, null);
        SignedInUser b = people.account("cs-b", null, null);
        // Residence not required by this call: an address outside the city is accepted.
        mvc.perform(apply(callId, a, "福祉 一子", LocalDate.of(1990, 1, 1), "熊谷市本町1-1", "考え")).andExpect(status().is3xxRedirection());
        mvc.perform(apply(callId, b, "福祉 二子", LocalDate.of(1991, 1, 1), "本庄市本町1-1", "考え")).andExpect(status().is3xxRedirection());
        // Withdrawn while open, the application leaves the selection.
        mvc.perform(post("/my/councils/calls/" + callId + "/withdraw").with(csrf()).with(user(b))).andExpect(status().is3xxRedirection());
        // Withdrawn, one may apply again under the same number; then withdraw for good.
        mvc.perform(apply(callId, b, "福祉 二子", LocalDate.of(1991, 1, 1), "本庄市本町1-1", "考え直した")).andExpect(status().is3xxRedirection());
        assertThat(councils.myApplication(callId, b.accountId()).orElseThrow().status()).isEqualTo(Councils.ApplicationStatus.SUBMITTED);
        mvc.perform(post("/my/councils/calls/" + callId + "/withdraw").with(csrf()).with(user(b))).andExpect(status().is3xxRedirection());
        jdbc.sql("update council_call set opens_on = :o, closes_on = :c where id = :id").param("o", today.minusDays(30))
                .param("c", today.minusDays(1)).param("id", callId).update();
        List<Councils.Application> apps = councils.applications(callId, null);
        long aId = apps.stream().filter(x -> x.accountId() == a.accountId()).findFirst().orElseThrow().id();
        long bId = apps.stream().filter(x -> x.accountId() == b.accountId()).findFirst().orElseThrow().id();
        long version = councils.publishedCall(callId).version();
        mvc.perform(post("/staff/participation/councils/calls/" + callId + "/decide").with(csrf()).with(user(staff)).param("version", String.valueOf(version))
                        .param("chosen", String.valueOf(bId)))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("受付中の応募ではありません")));
        mvc.perform(post("/staff/participation/councils/calls/" + callId + "/lottery").with(csrf()).with(user(staff)).param("version", String.valueOf(version))
                        .param("seed", "1"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("作文の審査だけで選びます")));
        mvc.perform(post("/staff/participation/councils/calls/" + callId + "/decide").with(csrf()).with(user(staff)).param("version", String.valueOf(version))
                        .param("chosen", String.valueOf(aId)))
                .andExpect(status().is3xxRedirection());
        assertThat(councils.applications(callId, null)).extracting(Councils.Application::status)
                .containsExactlyInAnyOrder(Councils.ApplicationStatus.SELECTED, Councils.ApplicationStatus.WITHDRAWN);
        awaitMail(greenMail, emailOf(a), "公募委員の選考結果");
    }

    private MockHttpServletRequestBuilder apply(long callId, SignedInUser who, String name, LocalDate birth, String address, String essay) {
        return post("/my/councils/calls/" + callId + "/apply").with(csrf()).with(user(who)).param("name", name).param("furigana", "しみん")
                .param("birthDate", birth.toString()).param("address", address).param("phone", "0495-00-1234").param("essay", essay)
                .param("declares", "true");
    }

    private void score(SignedInUser who, long callId, long applicationId, String score) throws Exception {
        mvc.perform(post("/staff/participation/councils/calls/" + callId + "/score").with(csrf()).with(user(who))
                        .param("application", String.valueOf(applicationId)).param("score" + applicationId, score))
                .andExpect(status().is3xxRedirection());
    }

    private void memberRow(long councilId, long accountId, String category, LocalDate termEnd) {
        jdbc.sql("""
                        insert into council_member (council_id, name, role, category, term_start, term_end, account_id, created_at)
                        values (:c, '委員', 'MEMBER', :cat, :s, :e, :a, now())""")
                .param("c", councilId).param("cat", category).param("s", termEnd.minusYears(2)).param("e", termEnd).param("a", accountId).update();
    }

    private String emailOf(SignedInUser user) {
        return emailOf(user.accountId());
    }

    private String emailOf(long accountId) {
        return jdbc.sql("select email from account where id = :id").param("id", accountId).query(String.class).single();
    }

    @Test
    void lateDraftsCannotShortenTheCallAndACallWithoutApplicantsEnds() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long dept = jdbc.sql("insert into department (code, name, secretariat, active, created_at) values (:c, '企画課', false, true, now()) returning id")
                .param("c", "cl-" + tag).query(Long.class).single();
        SignedInUser staff = people.account("cl-staff", dept, "STAFF");
        LocalDate today = councils.today();
        long councilId = jdbc.sql("insert into council (department_id, name, purpose, seats, term_years, created_at, updated_at) values (:d, :n, '企画', 10, 2, now(), now()) returning id")
                .param("d", dept).param("n", "総合計画審議会" + tag).query(Long.class).single();
        // Prepared for three weeks from the 1st, published on the 10th: residents would have eleven days.
        long callId = jdbc.sql("""
                        insert into council_call (council_id, places, opens_on, closes_on, term_start, term_end, min_age, residence, essay_theme,
                            essay_limit, method, status, created_at, updated_at)
                        values (:c, 2, :o, :cl, :ts, :te, 20, true, 'テーマ', 800, 'LOTTERY', 'DRAFT', now(), now()) returning id""")
                .param("c", councilId).param("o", today.minusDays(10)).param("cl", today.plusDays(10)).param("ts", today.plusDays(40))
                .param("te", today.plusDays(40).plusYears(2)).query(Long.class).single();
        mvc.perform(post("/staff/participation/councils/calls/" + callId + "/publish").with(csrf()).with(user(staff)).param("version", "0"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("募集期間は21日以上にしてください(いまは11日)")));
        jdbc.sql("update council_call set closes_on = :c where id = :id").param("c", today.plusDays(20)).param("id", callId).update();
        mvc.perform(post("/staff/participation/councils/calls/" + callId + "/publish").with(csrf()).with(user(staff)).param("version", "0"))
                .andExpect(status().is3xxRedirection());
        // Nobody applies; after the close the call is decided with nobody chosen.
        jdbc.sql("update council_call set opens_on = :o, closes_on = :c where id = :id").param("o", today.minusDays(30))
                .param("c", today.minusDays(1)).param("id", callId).update();
        long version = councils.publishedCall(callId).version();
        mvc.perform(post("/staff/participation/councils/calls/" + callId + "/decide").with(csrf()).with(user(staff)).param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());
        assertThat(councils.publishedCall(callId).phase()).isEqualTo(Councils.CallPhase.DECIDED);
        mvc.perform(get("/participation/councils/calls/" + callId)).andExpect(content().string(Matchers.containsString("0人を選びました")));
        // A member whose term has not begun (declined the appointment) leaves the list; a current one ends today.
        long incoming = jdbc.sql("""
                        insert into council_member (council_id, name, role, category, term_start, term_end, created_at)
                        values (:c, '辞退 する', 'MEMBER', 'PUBLIC', :s, :e, now()) returning id""")
                .param("c", councilId).param("s", today.plusDays(30)).param("e", today.plusYears(2)).query(Long.class).single();
        mvc.perform(get("/participation/councils/" + councilId)).andExpect(content().string(Matchers.containsString("就任予定")));
        mvc.perform(post("/staff/participation/councils/" + councilId + "/members/" + incoming + "/end").with(csrf()).with(user(staff)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/participation/councils/" + councilId)).andExpect(content().string(Matchers.not(Matchers.containsString("辞退 する"))));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'council.member.remove' and actor_id = :a").param("a", staff.accountId())
                .query(Integer.class).single()).isEqualTo(1);
    }
}
