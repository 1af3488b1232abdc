package jp.kyodo.volunteering;

import static jp.kyodo.TestMailServer.awaitMail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import java.sql.Time;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.kyodo.IntegrationTest;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.shared.InvalidInputException;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A group posts and publishes an opportunity, residents find it (filters and a kana keyword) and apply; the group
 * decides with e-mails that reveal no address, messages go through the portal, hours are confirmed after the shift
 * and the resident downloads the certificate. Capacity holds under concurrent acceptances; hiding takes a post off the
 * public pages and the search.
 */
@IntegrationTest
class OpportunityIntegrationTest {

    @Autowired jp.kyodo.TestPeople people;
    @Autowired MockMvc mvc;
    @Autowired GreenMail greenMail;
    @Autowired JdbcClient jdbc;
    @Autowired Opportunities opportunities;
    @Autowired OpportunityModeration moderation;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    @AfterEach
    void forgetRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void groupPostsPublishesAndResidentsFindItByKana() throws Exception {
        String tag = tag();
        SignedInUser manager = account("vol-mgr");
        SignedInUser stranger = account("vol-stranger");
        SignedInUser otherManager = account("vol-other");
        long group = registeredGroup(jdbc, "ほんじょう子育てネット" + tag, manager.accountId());
        registeredGroup(jdbc, "よその会" + tag, otherManager.accountId());
        LocalDate today = opportunities.today();
        String title = "子育てサロン見守り" + tag;

        // Only a manager of a registered group may post.
        mvc.perform(get("/my/volunteering/opportunities/new").with(user(stranger)))
                .andExpect(content().string(Matchers.containsString("登録団体(登録が有効な団体)の代表者・担当者")));
        mvc.perform(post("/my/volunteering/opportunities/new").with(csrf()).with(user(stranger)).param("title", title))
                .andExpect(status().isNotFound());

        // Mistakes are named next to their fields and what was typed is kept.
        mvc.perform(post("/my/volunteering/opportunities/new").with(csrf()).with(user(manager)).param("title", title).param("description", "")
                        .param("place", "本庄市民活動センター").param("area", "honjo").param("shift1Date", today.plusDays(10).toString())
                        .param("shift1Start", "13:00").param("shift1End", "12:00").param("shift1Capacity", "0")
                        .param("applyBy", today.plusDays(11).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"description-error\"")))
                .andExpect(content().string(Matchers.containsString("分野を1つ以上選んでください")))
                .andExpect(content().string(Matchers.containsString("終了時刻は開始時刻より後にしてください")))
                .andExpect(content().string(Matchers.containsString("までの数字で入力してください")))
                .andExpect(content().string(Matchers.containsString("応募締切日は最後の活動日以前にしてください")))
                .andExpect(content().string(Matchers.containsString("value=\"" + title + "\"")));
        mvc.perform(post("/my/volunteering/opportunities/new").with(csrf()).with(user(manager)).param("title", title))
                .andExpect(content().string(Matchers.containsString("日程を1つ以上入力してください")));

        long id = postOpportunity(manager, title, today, "kosodate", true);
        mvc.perform(get("/volunteering/" + id)).andExpect(status().isNotFound());
        // Another group's manager cannot see or manage it.
        mvc.perform(get("/my/volunteering/opportunities/" + id).with(user(otherManager))).andExpect(status().isNotFound());
        mvc.perform(post("/my/volunteering/opportunities/" + id + "/publish").with(csrf()).with(user(otherManager)).param("version", "0"))
                .andExpect(status().isNotFound());
        // A stale form is refused.
        mvc.perform(post("/my/volunteering/opportunities/" + id + "/publish").with(csrf()).with(user(manager)).param("version", "7"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("ほかの人がこの内容を更新しました")));
        publish(manager, id);
        mvc.perform(get("/volunteering/" + id)).andExpect(status().isOk()).andExpect(content().string(Matchers.containsString(title)))
                .andExpect(content().string(Matchers.containsString("/volunteering/report/opportunity/" + id)))
                .andExpect(content().string(Matchers.containsString("残り")));

        // Filters and the keyword in kana.
        awaitListed("こそだて", title);
        awaitListed("コソダテ", title);
        mvc.perform(get("/volunteering").param("q", "ぱとろーる" + tag)).andExpect(content().string(Matchers.not(Matchers.containsString(title))));
        mvc.perform(get("/volunteering").param("field", "kosodate").param("area", "honjo").param("beginners", "true"))
                .andExpect(content().string(Matchers.containsString(title)));
        mvc.perform(get("/volunteering").param("field", "bohan")).andExpect(content().string(Matchers.not(Matchers.containsString(title))));
        mvc.perform(get("/volunteering").param("students", "true")).andExpect(content().string(Matchers.not(Matchers.containsString(title))));
        mvc.perform(get("/volunteering").param("from", today.plusDays(11).toString()))
                .andExpect(content().string(Matchers.not(Matchers.containsString(title))));
        mvc.perform(get("/volunteering").param("from", today.plusDays(9).toString()).param("to", today.plusDays(10).toString()))
                .andExpect(content().string(Matchers.containsString(title)));
        mvc.perform(get("/volunteering").param("from", "あした")).andExpect(content().string(Matchers.containsString("日付を正しく入力してください")));

        // Hidden by staff: gone from the public page and the search; the owner sees it marked with the reason.
        assertThat(moderation.post(id)).get().extracting(ModeratedPosts.Post::path).isEqualTo("/volunteering/" + id);
        moderation.hide(id, "営利目的の勧誘", Instant.now());
        assertThat(moderation.post(id)).get().extracting(ModeratedPosts.Post::hidden).isEqualTo(true);
        mvc.perform(get("/volunteering/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/volunteering")).andExpect(content().string(Matchers.not(Matchers.containsString(title))));
        awaitHiddenFromSearch("こそだて", id);
        mvc.perform(get("/my/volunteering/opportunities/" + id).with(user(manager)))
                .andExpect(content().string(Matchers.containsString("非表示"))).andExpect(content().string(Matchers.containsString("営利目的の勧誘")));
        moderation.unhide(id);
        awaitListed("こそだて", title);

        // Closing takes it out of the list.
        long version = opportunities.managed(id, manager.accountId()).version();
        mvc.perform(post("/my/volunteering/opportunities/" + id + "/close").with(csrf()).with(user(manager)).param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/volunteering")).andExpect(content().string(Matchers.not(Matchers.containsString(title))));
        assertThat(jdbc.sql("select action from audit_entry where record_type = 'vol_opportunity' and record_id = :id order by id")
                .param("id", String.valueOf(id)).query(String.class).list())
                .containsSubsequence("opportunity.create", "opportunity.publish", "opportunity.hide", "opportunity.unhide", "opportunity.close");
        assertThat(group).isPositive();
    }

    @Test
    void applyDecideMessageConfirmHoursAndCertificate() throws Exception {
        String tag = tag();
        SignedInUser manager = account("vol-m");
        SignedInUser resident = account("vol-r");
        SignedInUser second = account("vol-r2");
        SignedInUser third = account("vol-r3");
        registeredGroup(jdbc, "駅前をきれいにする会" + tag, manager.accountId());
        LocalDate today = opportunities.today();
        String title = "駅前清掃" + tag;
        long id = postOpportunity(manager, title, today, "seiso", false);
        publish(manager, id);
        long shift = opportunities.managed(id, manager.accountId()).shifts().getFirst().id();

        // Applying: a shift must be chosen; then the group hears of it with the applicant's name only.
        mvc.perform(post("/my/volunteering/apply/" + id).with(csrf()).with(user(resident)).param("message", "よろしくお願いします" + tag))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("参加する日程を選んでください")))
                .andExpect(content().string(Matchers.containsString("よろしくお願いします" + tag)));
        long app = apply(resident, id, shift, "よろしくお願いします" + tag);
        String toGroup = awaitMail(greenMail, manager.getUsername(), "応募がありました");
        assertThat(toGroup).contains(title).contains("vol-r さん").doesNotContain(resident.getUsername());
        assertThat(awaitMail(greenMail, resident.getUsername(), "応募を受け付けました")).contains(title).doesNotContain(manager.getUsername());
        mvc.perform(post("/my/volunteering/apply/" + id).with(csrf()).with(user(resident)).param("shiftId", String.valueOf(shift)))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("この日程には、すでに応募しています")));
        long app2 = apply(second, id, shift, null);
        long app3 = apply(third, id, shift, null);

        // The group sees names and messages, never addresses.
        mvc.perform(get("/my/volunteering/opportunities/" + id + "/applications/" + app).with(user(manager)))
                .andExpect(content().string(Matchers.containsString("vol-r さん")))
                .andExpect(content().string(Matchers.containsString("よろしくお願いします" + tag)))
                .andExpect(content().string(Matchers.not(Matchers.containsString(resident.getUsername()))));
        mvc.perform(get("/my/volunteering/applications/" + app).with(user(second))).andExpect(status().isNotFound());

        decide(manager, id, app, "ACCEPT");
        assertThat(awaitMail(greenMail, resident.getUsername(), "参加が決まりました")).contains(title).doesNotContain(manager.getUsername())
                .doesNotContain("contact-");
        decide(manager, id, app2, "WAITLIST");
        assertThat(awaitMail(greenMail, second.getUsername(), "キャンセル待ち")).contains(title).doesNotContain(manager.getUsername());
        decide(manager, id, app3, "DECLINE");
        assertThat(awaitMail(greenMail, third.getUsername(), "応募の結果")).contains(title).doesNotContain(manager.getUsername());
        mvc.perform(post("/my/volunteering/opportunities/" + id + "/applications/" + app3 + "/decide").with(csrf()).with(user(manager))
                .param("decision", "ACCEPT")).andExpect(content().string(Matchers.containsString("すでに決定済みか取り消されている")));
        decide(manager, id, app2, "ACCEPT");
        assertThat(statusOf(app2)).isEqualTo("ACCEPTED");

        // Messages stay in the portal; the e-mail says only that one arrived, with the sender's name.
        mvc.perform(post("/my/volunteering/opportunities/" + id + "/applications/" + app + "/messages").with(csrf()).with(user(manager))
                .param("body", "集合は駅前交番の横です" + tag)).andExpect(status().is3xxRedirection());
        String toResident = awaitMail(greenMail, resident.getUsername(), "新しいメッセージ");
        assertThat(toResident).contains("駅前をきれいにする会" + tag).doesNotContain("集合は駅前交番の横です").doesNotContain(manager.getUsername())
                .doesNotContain("contact-");
        mvc.perform(post("/my/volunteering/applications/" + app + "/messages").with(csrf()).with(user(resident)).param("body", "承知しました"))
                .andExpect(status().is3xxRedirection());
        assertThat(awaitMail(greenMail, manager.getUsername(), "新しいメッセージ")).contains("vol-r さん").doesNotContain(resident.getUsername());
        mvc.perform(get("/my/volunteering/applications/" + app).with(user(resident)))
                .andExpect(content().string(Matchers.containsString("集合は駅前交番の横です" + tag)))
                .andExpect(content().string(Matchers.containsString("承知しました")));
        mvc.perform(post("/my/volunteering/applications/" + app + "/messages").with(csrf()).with(user(second)).param("body", "横入り"))
                .andExpect(status().isNotFound());

        // Hours only after the shift; then in half hours.
        mvc.perform(post("/my/volunteering/opportunities/" + id + "/shifts/" + shift + "/hours").with(csrf()).with(user(manager))
                .param("attended_" + app, "true").param("hours_" + app, "2")).andExpect(content().string(Matchers.containsString("日程が終わってから")));
        jdbc.sql("update vol_shift set held_on = :d where id = :s").param("d", today.minusDays(3)).param("s", shift).update();
        mvc.perform(post("/my/volunteering/opportunities/" + id + "/shifts/" + shift + "/hours").with(csrf()).with(user(otherManager()))
                .param("attended_" + app, "true").param("hours_" + app, "2")).andExpect(status().isNotFound());
        mvc.perform(post("/my/volunteering/opportunities/" + id + "/shifts/" + shift + "/hours").with(csrf()).with(user(manager))
                        .param("attended_" + app, "true").param("hours_" + app, "1.3"))
                .andExpect(content().string(Matchers.containsString("0.5時間単位")))
                .andExpect(content().string(Matchers.containsString("value=\"1.3\"")));
        mvc.perform(post("/my/volunteering/opportunities/" + id + "/shifts/" + shift + "/hours").with(csrf()).with(user(manager))
                .param("attended_" + app, "true").param("hours_" + app, "２.５")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select attended from vol_application where id = :a").param("a", app2).query(Boolean.class).single()).isFalse();
        mvc.perform(get("/my/volunteering").with(user(resident))).andExpect(content().string(Matchers.containsString(title)))
                .andExpect(content().string(Matchers.containsString("2.5時間")));

        // The certificate: for the resident only; not even city staff read it through the resident's pages.
        byte[] pdf = mvc.perform(get("/my/volunteering/certificates/" + app + ".pdf").with(user(resident))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
        mvc.perform(get("/my/volunteering/certificates/" + app + ".pdf").with(user(second))).andExpect(status().isNotFound());
        mvc.perform(get("/my/volunteering/certificates/" + app2 + ".pdf").with(user(second))).andExpect(status().isNotFound());
        mvc.perform(get("/my/volunteering/certificates/" + app + ".pdf").with(user(people.account("vol-staff", null, "STAFF", "ADMIN"))))
                .andExpect(status().isNotFound());
        int fy = jp.kyodo.shared.FiscalYear.of(today.minusDays(3)).startYear();
        byte[] year = mvc.perform(get("/my/volunteering/certificates/year/" + fy + ".pdf").with(user(resident))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(year, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
        mvc.perform(get("/my/volunteering/certificates/year/" + fy + ".pdf").with(user(third))).andExpect(status().isNotFound());

        assertThat(jdbc.sql("select action from audit_entry where record_type = 'vol_application' and record_id in (:ids)")
                .param("ids", List.of(String.valueOf(app), String.valueOf(app2), String.valueOf(app3))).query(String.class).list())
                .contains("opportunity.application.accepted", "opportunity.application.waitlisted", "opportunity.application.declined",
                        "opportunity.message");
        assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'vol_shift' and record_id = :s and action = 'opportunity.hours'")
                .param("s", String.valueOf(shift)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void rateLimitsAndDeadline() throws Exception {
        String tag = tag();
        SignedInUser manager = account("vol-rl-m");
        SignedInUser resident = account("vol-rl-r");
        registeredGroup(jdbc, "見守り隊" + tag, manager.accountId());
        LocalDate today = opportunities.today();
        long id = postOpportunity(manager, "通学路見守り" + tag, today, "bohan", false);
        publish(manager, id);
        List<Long> shifts = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            shifts.add(jdbc.sql("insert into vol_shift (opportunity_id, held_on, starts_at, ends_at, capacity) values (:o, :d, :s, :e, 3) returning id")
                    .param("o", id).param("d", today.plusDays(5)).param("s", Time.valueOf(LocalTime.of(7, i))).param("e", Time.valueOf(LocalTime.of(9, 0)))
                    .query(Long.class).single());
        }
        for (int i = 0; i < 10; i++) {
            apply(resident, id, shifts.get(i), null);
        }
        mvc.perform(post("/my/volunteering/apply/" + id).with(csrf()).with(user(resident)).param("shiftId", String.valueOf(shifts.get(10))))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("応募は1日に10件までです")));

        long app = jdbc.sql("select id from vol_application where account_id = :a order by id limit 1").param("a", resident.accountId())
                .query(Long.class).single();
        // The resident cancels one: the group is told, without the resident's address.
        mvc.perform(post("/my/volunteering/applications/" + app + "/cancel").with(csrf()).with(user(resident)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status from vol_application where id = :a").param("a", app).query(String.class).single()).isEqualTo("CANCELLED");
        assertThat(awaitMail(greenMail, manager.getUsername(), "取り消されました")).contains("vol-rl-r さん").doesNotContain(resident.getUsername());
        mvc.perform(post("/my/volunteering/applications/" + app + "/cancel").with(csrf()).with(user(resident)))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("この応募は取り消せません")));
        for (int i = 0; i < 20; i++) {
            jdbc.sql("insert into vol_app_message (application_id, from_group, sender_account_id, sender_name, body, created_at) values (:a, false, :s, 'x', 'x', now())")
                    .param("a", app).param("s", resident.accountId()).update();
        }
        mvc.perform(post("/my/volunteering/applications/" + app + "/messages").with(csrf()).with(user(resident)).param("body", "もう一通"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("メッセージは1時間に20件までです")))
                .andExpect(content().string(Matchers.containsString("もう一通")));

        SignedInUser late = account("vol-late");
        jdbc.sql("update vol_opportunity set apply_by = :d where id = :id").param("d", today.minusDays(1)).param("id", id).update();
        mvc.perform(post("/my/volunteering/apply/" + id).with(csrf()).with(user(late)).param("shiftId", String.valueOf(shifts.get(10))))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("応募は締め切りました")));
    }

    /** Twenty people sign up and are accepted at the same moment for a shift of five: exactly five get a place. */
    @RepeatedTest(3)
    void concurrentAcceptingNeverExceedsCapacity() throws Exception {
        String tag = tag();
        SignedInUser manager = account("vol-race-m");
        registeredGroup(jdbc, "同時の会" + tag, manager.accountId());
        LocalDate today = opportunities.today();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        long id = opportunities.create(manager, Map.of("title", "同時受け入れ" + tag, "description", "同時", "place", "市役所", "area", "honjo",
                "shift1Date", today.plusDays(5).toString(), "shift1Start", "9:00", "shift1End", "12:00", "shift1Capacity", "5",
                "applyBy", today.plusDays(4).toString()), List.of("matsuri"));
        opportunities.publish(id, manager, 0);
        long shift = opportunities.managed(id, manager.accountId()).shifts().getFirst().id();
        List<SignedInUser> residents = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            residents.add(account("vol-race-" + i));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Boolean>> results = new ArrayList<>();
        for (SignedInUser r : residents) {
            results.add(pool.submit(() -> {
                RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
                start.await();
                long app = opportunities.apply(id, r, String.valueOf(shift), null);
                try {
                    opportunities.decide(id, app, manager, Opportunities.Decision.ACCEPT);
                    return true;
                } catch (InvalidInputException e) {
                    assertThat(e.problems().getFirst().messageKey()).isEqualTo("validation.vol.shiftFull");
                    return false;
                }
            }));
        }
        start.countDown();
        int accepted = 0;
        for (Future<Boolean> f : results) {
            accepted += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertThat(accepted).isEqualTo(5);
        assertThat(jdbc.sql("select status, count(*) from vol_application where shift_id = :s group by status").param("s", shift)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list())
                .containsExactlyInAnyOrder(Map.entry("ACCEPTED", 5L), Map.entry("APPLIED", 15L));
        assertThatThrownBy(() -> opportunities.decide(id, jdbc.sql("select id from vol_application where shift_id = :s and status = 'APPLIED' limit 1")
                .param("s", shift).query(Long.class).single(), manager, Opportunities.Decision.ACCEPT)).isInstanceOf(InvalidInputException.class);
    }

    // ---- Helpers ----

    private long postOpportunity(SignedInUser manager, String title, LocalDate today, String field, boolean beginners) throws Exception {
        var request = post("/my/volunteering/opportunities/new").with(csrf()).with(user(manager)).param("title", title)
                .param("description", "乳幼児と保護者のサロンで見守りをします。").param("place", "本庄市民活動センター").param("area", "honjo")
                .param("fields", field).param("skills", "特になし").param("toBring", "エプロン")
                .param("shift1Date", today.plusDays(10).toString()).param("shift1Start", "9:00").param("shift1End", "12:00")
                .param("shift1Capacity", "3").param("applyBy", today.plusDays(8).toString());
        if (beginners) {
            request = request.param("forBeginners", "true");
        }
        String location = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private void publish(SignedInUser manager, long id) throws Exception {
        long version = opportunities.managed(id, manager.accountId()).version();
        mvc.perform(post("/my/volunteering/opportunities/" + id + "/publish").with(csrf()).with(user(manager)).param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());
    }

    private long apply(SignedInUser resident, long id, long shift, String message) throws Exception {
        var request = post("/my/volunteering/apply/" + id).with(csrf()).with(user(resident)).param("shiftId", String.valueOf(shift));
        if (message != null) {
            request = request.param("message", message);
        }
        String location = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private ResultActions decide(SignedInUser manager, long id, long app, String decision) throws Exception {
        return mvc.perform(post("/my/volunteering/opportunities/" + id + "/applications/" + app + "/decide").with(csrf()).with(user(manager))
                .param("decision", decision)).andExpect(status().is3xxRedirection());
    }

    private String statusOf(long app) {
        return jdbc.sql("select status from vol_application where id = :a").param("a", app).query(String.class).single();
    }

    private SignedInUser otherManager() {
        SignedInUser other = account("vol-om");
        registeredGroup(jdbc, "別の会" + tag(), other.accountId());
        return other;
    }

    /** The index is fed after the commit, asynchronously: waits until the keyword lists the title. */
    private void awaitListed(String q, String title) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (true) {
            String body = mvc.perform(get("/volunteering").param("q", q)).andReturn().getResponse().getContentAsString();
            if (body.contains(title)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("\"" + q + "\" did not find " + title);
            }
            Thread.sleep(100);
        }
    }

    /** Waits until the search no longer finds the opportunity. */
    private void awaitHiddenFromSearch(String q, long id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (searchIds(q).contains(String.valueOf(id))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("\"" + q + "\" still finds " + id);
            }
            Thread.sleep(100);
        }
        assertThat(opportunities.publicList(new Opportunities.Filter(q, null, null, null, null, false, false, false)))
                .extracting(Opportunities.Opportunity::id).doesNotContain(id);
    }

    @Autowired jp.kyodo.search.SearchIndex index;

    private List<String> searchIds(String q) {
        return index.search(new jp.kyodo.search.SearchQuery(Opportunities.SEARCH_TYPE, q, Map.of(), jp.kyodo.search.SearchQuery.Sort.RELEVANCE, 0, 100))
                .hits().stream().map(jp.kyodo.search.SearchResult.Hit::id).toList();
    }

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private SignedInUser account(String prefix) {
        return (SignedInUser) users.loadUserByUsername(account(jdbc, encoder, prefix));
    }

    /** A resident account with the password "test-password-1"; returns its e-mail address. */
    static String account(JdbcClient jdbc, PasswordEncoder encoder, String prefix) {
        String email = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
        long id = jdbc.sql("""
                        insert into account (email, password_hash, name, status, created_at, updated_at, email_verified_at)
                        values (:e, :h, :n, 'ACTIVE', now(), now(), now()) returning id""")
                .param("e", email).param("h", encoder.encode("test-password-1")).param("n", prefix + " さん").query(Long.class).single();
        jdbc.sql("insert into account_role (account_id, role) values (:id, 'RESIDENT')").param("id", id).update();
        return email;
    }

    /** A registered group (in good standing) represented by the account. */
    static long registeredGroup(JdbcClient jdbc, String name, long managerId) {
        String t = tag();
        long id = jdbc.sql("""
                        insert into civic_group (type, name, status, registration_number, registered_on, valid_until, rep_name, contact_name,
                            contact_email, members_count, area_code, purpose, activities, created_by, created_at, updated_at, draft_step, version)
                        values ('CIVIC', :name, 'REGISTERED', :number, current_date, current_date + 700, '代表 太郎', '連絡 花子',
                            :email, 12, 'honjo', '地域のための活動', '地域のための活動', :by, now(), now(), 5, 0) returning id""")
                .param("name", name).param("number", "V-" + t).param("email", "contact-" + t + "@example.jp").param("by", managerId)
                .query(Long.class).single();
        jdbc.sql("insert into civic_group_member (group_id, account_id, role, joined_at) values (:g, :a, 'REPRESENTATIVE', now())")
                .param("g", id).param("a", managerId).update();
        return id;
    }
}
