package jp.kyodo.training;

import static jp.kyodo.TestMailServer.awaitMail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jp.kyodo.IntegrationTest;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.shared.InvalidInputException;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A course from the draft to the certificate: errors next to fields, places and a waiting list in order, a
 * cancellation that moves the first waiting person up and e-mails them, the cancellation deadline, one registration
 * per person, staff training for staff only, attendance, completion and its PDF, the survey once per registration,
 * other departments kept out, and every staff action in the audit log.
 */
@IntegrationTest
class CourseIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired GreenMail greenMail;
    @Autowired JdbcClient jdbc;
    @Autowired Courses courses;
    @Autowired UserDetailsService users;

    @BeforeEach
    void request() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
    }

    @AfterEach
    void forgetRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void fromDraftToWaitingListAndPromotion() throws Exception {
        String tag = tag();
        long dept = TrainingTestData.department(jdbc, tag);
        SignedInUser staff = TrainingTestData.account(jdbc, users, "tc-staff", dept, "STAFF");
        SignedInUser otherStaff = TrainingTestData.account(jdbc, users, "tc-other", TrainingTestData.department(jdbc, tag + "x"), "STAFF");
        SignedInUser first = TrainingTestData.account(jdbc, users, "tc-first", null, null);
        SignedInUser second = TrainingTestData.account(jdbc, users, "tc-second", null, null);
        SignedInUser third = TrainingTestData.account(jdbc, users, "tc-third", null, null);
        SignedInUser fourth = TrainingTestData.account(jdbc, users, "tc-fourth", null, null);
        LocalDate today = courses.today();
        String title = "地域リーダー養成講座" + tag;

        // Mistakes are named next to their fields and what was typed is kept.
        mvc.perform(post("/staff/training/courses/new").with(csrf()).with(user(staff)).param("title", title).param("description", "")
                        .param("lecturer", "協働 太郎").param("place", "市民活動センター").param("target", "RESIDENTS").param("capacity", "0")
                        .param("closesOn", today.plusDays(20).toString()).param("session1Date", today.plusDays(10).toString())
                        .param("session1Starts", "14:00").param("session1Ends", "13:00").param("session2Date", "2026-13-40"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"session1Ends-error\"")))
                .andExpect(content().string(Matchers.containsString("終了時刻は開始時刻より後にしてください")))
                .andExpect(content().string(Matchers.containsString("申込締切日は初回の日付以前にしてください")))
                .andExpect(content().string(Matchers.containsString("までの数字で入力してください")))
                .andExpect(content().string(Matchers.containsString("id=\"description-error\"")))
                .andExpect(content().string(Matchers.containsString("value=\"" + title + "\"")))
                .andExpect(content().string(Matchers.containsString("value=\"2026-13-40\"")));
        String location = mvc.perform(post("/staff/training/courses/new").with(csrf()).with(user(staff)).params(form(title, "RESIDENTS", "2",
                        today.plusDays(10), 3)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(courses.forDepartment(id, dept, false).sessions()).hasSize(3);
        mvc.perform(get("/training/courses/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/staff/training/courses/" + id).with(user(otherStaff))).andExpect(status().isNotFound());
        mvc.perform(post("/staff/training/courses/" + id + "/publish").with(csrf()).with(user(otherStaff)).param("version", "0"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/staff/training/courses/" + id).with(user(first))).andExpect(status().isForbidden());
        mvc.perform(post("/staff/training/courses/" + id + "/publish").with(csrf()).with(user(staff)).param("version", "7"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("ほかの人がこの内容を更新しました")));
        mvc.perform(post("/staff/training/courses/" + id + "/publish").with(csrf()).with(user(staff)).param("version", "0"))
                .andExpect(status().is3xxRedirection());

        // Anonymous visitors are asked to sign in; the sign-in leads back to the course.
        mvc.perform(get("/training/courses/" + id)).andExpect(content().string(Matchers.containsString("ログインして申し込む")))
                .andExpect(content().string(Matchers.containsString("残り2人")))
                .andExpect(content().string(Matchers.containsString("無料")));
        mvc.perform(get("/my/courses/apply/" + id)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/my/courses/apply/" + id).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(courses.registrations(id)).isEmpty();

        // Two places, then the waiting list in order; the same person cannot register twice.
        register(id, first).andExpect(status().is3xxRedirection());
        assertThat(awaitMail(greenMail, first.email(), "受講を受け付けました")).contains(title);
        register(id, first).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("すでにこの講座に申し込んでいます")));
        register(id, second).andExpect(status().is3xxRedirection());
        register(id, third).andExpect(status().is3xxRedirection());
        assertThat(awaitMail(greenMail, third.email(), "キャンセル待ちを受け付けました")).contains("1番目");
        register(id, fourth).andExpect(status().is3xxRedirection());
        assertThat(awaitMail(greenMail, fourth.email(), "キャンセル待ちを受け付けました")).contains("2番目");
        mvc.perform(get("/my/courses").with(user(fourth))).andExpect(content().string(Matchers.containsString("キャンセル待ち 2番目")));
        mvc.perform(get("/training/courses/" + id).with(user(third))).andExpect(content().string(Matchers.containsString("キャンセル待ち 1番目")));
        mvc.perform(get("/training/courses/" + id)).andExpect(content().string(Matchers.containsString("キャンセル待ち受付中")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(first.email()))));
        assertThat(statuses(id)).containsExactly("CONFIRMED", "CONFIRMED", "WAITING", "WAITING");

        // The first cancels: the first waiting person moves up at once and is e-mailed; the other waits as number 1.
        long firstReg = courses.mine(id, first.accountId()).orElseThrow().id();
        mvc.perform(post("/my/courses/" + firstReg + "/cancel").with(csrf()).with(user(second))).andExpect(status().isNotFound());
        mvc.perform(post("/my/courses/" + firstReg + "/cancel").with(csrf()).with(user(first))).andExpect(status().is3xxRedirection());
        assertThat(courses.mine(id, third.accountId()).orElseThrow().status()).isEqualTo(Courses.RegistrationStatus.CONFIRMED);
        assertThat(courses.mine(id, fourth.accountId()).orElseThrow().position()).isEqualTo(1);
        assertThat(awaitMail(greenMail, third.email(), "受講できるようになりました")).contains(title);
        mvc.perform(get("/my/courses").with(user(third))).andExpect(content().string(Matchers.containsString("受講決定")))
                .andExpect(content().string(Matchers.containsString("キャンセル待ちから繰り上がりました")));

        // After the cancellation deadline a place can no longer be given back by the person, but the department can.
        jdbc.sql("update training_course set cancel_deadline = :d where id = :id").param("d", today.minusDays(1)).param("id", id).update();
        long secondReg = courses.mine(id, second.accountId()).orElseThrow().id();
        mvc.perform(post("/my/courses/" + secondReg + "/cancel").with(csrf()).with(user(second)))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("取消期限")))
                .andExpect(content().string(Matchers.containsString("を過ぎているため、取り消せません")));
        assertThat(courses.mine(id, second.accountId())).isPresent();
        mvc.perform(post("/staff/training/courses/" + id + "/registrations/" + secondReg + "/cancel").with(csrf()).with(user(otherStaff)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/staff/training/courses/" + id + "/registrations/" + secondReg + "/cancel").with(csrf()).with(user(staff)))
                .andExpect(status().is3xxRedirection());
        assertThat(courses.mine(id, second.accountId())).isEmpty();
        assertThat(courses.mine(id, fourth.accountId()).orElseThrow().status()).isEqualTo(Courses.RegistrationStatus.CONFIRMED);
        awaitMail(greenMail, fourth.email(), "受講できるようになりました");
        awaitMail(greenMail, second.email(), "申し込みを取り消しました");

        // The department sees everyone with their personal data.
        mvc.perform(get("/staff/training/courses/" + id).with(user(staff)))
                .andExpect(content().string(Matchers.containsString(third.email())))
                .andExpect(content().string(Matchers.containsString("(繰り上げ)")));
        List<String> actions = jdbc.sql("select action from audit_entry where record_type = 'training_course' and record_id = :id order by id")
                .param("id", String.valueOf(id)).query(String.class).list();
        assertThat(actions).containsSubsequence("course.create", "course.publish", "course.registration.cancel");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'course.promoted' and summary = :t").param("t", title)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void staffTrainingAcceptsOnlyStaffAndGroupCoursesAskForTheGroupOptionally() throws Exception {
        String tag = tag();
        long dept = TrainingTestData.department(jdbc, tag);
        SignedInUser staff = TrainingTestData.account(jdbc, users, "tc-st", dept, "STAFF");
        SignedInUser colleague = TrainingTestData.account(jdbc, users, "tc-colleague", TrainingTestData.department(jdbc, tag + "y"), "STAFF");
        SignedInUser resident = TrainingTestData.account(jdbc, users, "tc-res", null, null);
        long id = TrainingTestData.publishedCourse(courses, staff, dept, "職員向け協働研修" + tag, "STAFF", 5, 2);
        register(id, resident).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("職員のアカウントでのみ申し込めます")));
        assertThat(courses.registrations(id)).isEmpty();
        register(id, colleague).andExpect(status().is3xxRedirection());
        assertThat(courses.mine(id, colleague.accountId()).orElseThrow().status()).isEqualTo(Courses.RegistrationStatus.CONFIRMED);

        long groups = TrainingTestData.publishedCourse(courses, staff, dept, "団体運営講座" + tag, "GROUPS", 5, 1);
        mvc.perform(post("/my/courses/apply/" + groups).with(csrf()).with(user(resident)).param("groupId", "999999"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("選んだ団体では申し込めません")));
        mvc.perform(post("/my/courses/apply/" + groups).with(csrf()).with(user(resident)).param("groupId", ""))
                .andExpect(status().is3xxRedirection());

        // Outside the application period nobody can register.
        SignedInUser late = TrainingTestData.account(jdbc, users, "tc-late", null, null);
        long closed = TrainingTestData.publishedCourse(courses, staff, dept, "締切済み講座" + tag, "RESIDENTS", 5, 1);
        jdbc.sql("update training_course set application_closes_on = :d where id = :id").param("d", courses.today().minusDays(1))
                .param("id", closed).update();
        register(closed, late).andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("申し込みは締め切りました")));
        jdbc.sql("update training_course set application_closes_on = :c, application_opens_on = :o where id = :id")
                .param("c", courses.today().plusDays(3)).param("o", courses.today().plusDays(1)).param("id", closed).update();
        register(closed, late).andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("まだ申し込みを受け付けていません")));
    }

    @Test
    void attendanceCompletionCertificateAndSurvey() throws Exception {
        String tag = tag();
        long dept = TrainingTestData.department(jdbc, tag);
        SignedInUser staff = TrainingTestData.account(jdbc, users, "tc-att", dept, "STAFF");
        SignedInUser otherStaff = TrainingTestData.account(jdbc, users, "tc-att-other", TrainingTestData.department(jdbc, tag + "z"), "STAFF");
        List<SignedInUser> people = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            people.add(TrainingTestData.account(jdbc, users, "tc-att-" + i, null, null));
        }
        long id = TrainingTestData.publishedCourse(courses, staff, dept, "地域リーダー養成講座" + tag, "RESIDENTS", 10, 5);
        List<Long> regs = new ArrayList<>();
        for (SignedInUser p : people) {
            regs.add(courses.register(id, p, null).registrationId());
        }
        Courses.Course course = courses.published(id);
        assertThat(course.requiredSessions()).as("0.8 of 5 sessions, rounded up").isEqualTo(4);
        long firstSession = course.sessions().getFirst().id();

        // Attendance only once a session has been held; the survey only after the last.
        mvc.perform(post("/staff/training/courses/" + id + "/sessions/" + firstSession + "/attendance").with(csrf()).with(user(staff))
                        .param("attended", String.valueOf(regs.get(0))))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("まだ開催していないため")));
        mvc.perform(post("/my/courses/" + regs.get(0) + "/survey").with(csrf()).with(user(people.get(0))).param("satisfaction", "5")
                        .param("usefulness", "5"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("講座の終了後に受講者だけが回答できます")));

        jdbc.sql("update training_session set held_on = held_on - 40 where course_id = :id").param("id", id).update();
        // Person 0 attends all 5, person 1 four, person 2 three (below 4 of 5).
        for (int s = 0; s < 5; s++) {
            long sessionId = course.sessions().get(s).id();
            var request = post("/staff/training/courses/" + id + "/sessions/" + sessionId + "/attendance").with(csrf()).with(user(staff))
                    .param("attended", String.valueOf(regs.get(0)));
            if (s < 4) {
                request = request.param("attended", String.valueOf(regs.get(1)));
            }
            if (s < 3) {
                request = request.param("attended", String.valueOf(regs.get(2)));
            }
            mvc.perform(request).andExpect(status().is3xxRedirection());
        }
        mvc.perform(post("/staff/training/courses/" + id + "/sessions/" + firstSession + "/attendance").with(csrf()).with(user(otherStaff))
                        .param("attended", String.valueOf(regs.get(0))))
                .andExpect(status().isNotFound());
        assertThat(courses.registrations(id)).extracting(Courses.Registration::attended).containsExactly(5, 4, 3);

        for (int i = 0; i < 2; i++) {
            byte[] pdf = mvc.perform(get("/my/courses/" + regs.get(i) + "/certificate.pdf").with(user(people.get(i))))
                    .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                    .andReturn().getResponse().getContentAsByteArray();
            assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        }
        mvc.perform(get("/my/courses/" + regs.get(2) + "/certificate.pdf").with(user(people.get(2)))).andExpect(status().isNotFound());
        mvc.perform(get("/my/courses/" + regs.get(0) + "/certificate.pdf").with(user(people.get(2)))).andExpect(status().isNotFound());
        mvc.perform(get("/my/courses/" + regs.get(0) + "/certificate.pdf")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/staff/training/courses/" + id + "/registrations/" + regs.get(1) + "/certificate.pdf").with(user(staff)))
                .andExpect(status().isOk());
        mvc.perform(get("/staff/training/courses/" + id + "/registrations/" + regs.get(1) + "/certificate.pdf").with(user(otherStaff)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/staff/training/courses/" + id + "/registrations/" + regs.get(2) + "/certificate.pdf").with(user(staff)))
                .andExpect(status().isNotFound());
        Courses.Certificate certificate = courses.certificateFor(regs.get(0), people.get(0).accountId());
        assertThat(certificate.period()).startsWith("令和");
        assertThat(certificate.attended()).isEqualTo(5);
        mvc.perform(get("/my/courses").with(user(people.get(0)))).andExpect(content().string(Matchers.containsString("修了証(PDF)")))
                .andExpect(content().string(Matchers.containsString("受講後アンケートに答える")));
        mvc.perform(get("/my/courses").with(user(people.get(2)))).andExpect(content().string(Matchers.not(Matchers.containsString("修了証(PDF)"))));

        // The survey: errors next to the question, one answer per registration, results for staff without names.
        mvc.perform(post("/my/courses/" + regs.get(0) + "/survey").with(csrf()).with(user(people.get(0))).param("usefulness", "4")
                        .param("comment", "とても役立ちました"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("選んでください")))
                .andExpect(content().string(Matchers.containsString("とても役立ちました")));
        mvc.perform(post("/my/courses/" + regs.get(0) + "/survey").with(csrf()).with(user(people.get(0))).param("satisfaction", "5")
                        .param("usefulness", "4").param("comment", "仲間ができました"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/my/courses/" + regs.get(0) + "/survey").with(csrf()).with(user(people.get(0))).param("satisfaction", "1")
                        .param("usefulness", "1"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("回答済みです")));
        mvc.perform(post("/my/courses/" + regs.get(0) + "/survey").with(csrf()).with(user(people.get(1))).param("satisfaction", "1")
                        .param("usefulness", "1"))
                .andExpect(status().isNotFound());
        courses.answer(regs.get(1), people.get(1).accountId(), Map.of("satisfaction", "3", "usefulness", "4"));
        Courses.SurveyResults results = courses.survey(id);
        assertThat(results.answers()).isEqualTo(2);
        assertThat(results.satisfaction()).containsExactly(0, 0, 1, 0, 1);
        assertThat(results.usefulness()).containsExactly(0, 0, 0, 2, 0);
        assertThat(results.satisfactionAverage()).isEqualTo(4.0);
        assertThat(results.comments()).containsExactly("仲間ができました");
        String page = mvc.perform(get("/staff/training/courses/" + id).with(user(staff))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("受講後アンケートの結果(2件)").contains("仲間ができました");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'course.attendance' and record_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(5);
        assertThatThrownBy(() -> courses.attendance(id, firstSession, otherStaff, otherStaff.departmentId(), false, Set.of()))
                .isNotInstanceOf(InvalidInputException.class);
    }

    private org.springframework.test.web.servlet.ResultActions register(long id, SignedInUser who) throws Exception {
        return mvc.perform(post("/my/courses/apply/" + id).with(csrf()).with(user(who)));
    }

    private List<String> statuses(long id) {
        return jdbc.sql("select status from training_registration where course_id = :id order by id").param("id", id).query(String.class).list();
    }

    private static org.springframework.util.MultiValueMap<String, String> form(String title, String target, String capacity, LocalDate first,
                                                                               int sessions) {
        Map<String, String> form = new HashMap<>(TrainingTestData.form(title, target, capacity, first, sessions));
        var map = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.forEach(map::add);
        return map;
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
