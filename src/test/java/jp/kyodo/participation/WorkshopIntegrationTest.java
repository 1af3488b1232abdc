package jp.kyodo.participation;

import static jp.kyodo.TestMailServer.awaitMail;
import static jp.kyodo.TestMailServer.firstLink;
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
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.kyodo.IntegrationTest;
import jp.kyodo.accounts.SignedInUser;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A workshop from the draft to its published record: places, a waiting list that moves up when someone cancels by
 * the link in their mail, one registration per e-mail, no overbooking when two people take the last place at once,
 * attendance, and outputs with a photo, while no registrant's personal data ever reaches the public page.
 */
@IntegrationTest
class WorkshopIntegrationTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

    @Autowired jp.kyodo.TestPeople people;
    @Autowired MockMvc mvc;
    @Autowired GreenMail greenMail;
    @Autowired JdbcClient jdbc;
    @Autowired Workshops workshops;
    @Autowired WorkshopDemoData demoData;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    @AfterEach
    void forgetRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void fromDraftToPublishedRecordWithWaitingList() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long dept = department(tag);
        SignedInUser staff = people.account("ws-staff", dept, "STAFF");
        SignedInUser otherStaff = people.account("ws-other", department(tag + "x"), "STAFF");
        SignedInUser resident = people.account("ws-resident", null, null);
        LocalDate today = workshops.today();
        String title = "駅周辺まちづくりワークショップ" + tag;

        // Mistakes are named next to their fields and what was typed is kept.
        mvc.perform(post("/staff/participation/workshops/new").with(csrf()).with(user(staff)).param("title", title).param("theme", "")
                        .param("heldOn", today.plusDays(10).toString()).param("startsAt", "14:00").param("endsAt", "13:00")
                        .param("place", "本庄市民活動センター").param("capacity", "0").param("target", "市内在住・在勤・在学の方")
                        .param("closesOn", today.plusDays(11).toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("終了時刻は開始時刻より後にしてください")))
                .andExpect(content().string(Matchers.containsString("申込締切日は開催日以前にしてください")))
                .andExpect(content().string(Matchers.containsString("までの数字で入力してください")))
                .andExpect(content().string(Matchers.containsString("value=\"" + title + "\"")));
        String location = mvc.perform(post("/staff/participation/workshops/new").with(csrf()).with(user(staff)).param("title", title)
                        .param("theme", "駅周辺まちづくり計画に生かします").param("heldOn", today.plusDays(10).toString()).param("startsAt", "13:30")
                        .param("endsAt", "15:30").param("place", "本庄市民活動センター 会議室A").param("capacity", "2")
                        .param("target", "市内在住・在勤・在学の方").param("closesOn", today.plusDays(8).toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(get("/participation/workshops/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/staff/participation/workshops/" + id).with(user(otherStaff))).andExpect(status().isNotFound());
        mvc.perform(get("/staff/participation/workshops/" + id).with(user(resident))).andExpect(status().isForbidden());
        mvc.perform(post("/staff/participation/workshops/" + id + "/publish").with(csrf()).with(user(staff)).param("version", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/participation/workshops/" + id)).andExpect(content().string(Matchers.containsString("受付中")))
                .andExpect(content().string(Matchers.containsString("残り2人")));

        // Two places: an anonymous visitor and a resident take them; the same e-mail is refused a second time.
        String first = "ws-first-" + tag + "@example.jp";
        mvc.perform(post("/participation/workshops/" + id).with(csrf()).param("name", "").param("email", "x@").param("phone", "12"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("入力してください")))
                .andExpect(content().string(Matchers.containsString("電話番号は0から始まる")));
        mvc.perform(post("/participation/workshops/" + id).with(csrf()).param("name", "駅前 一郎").param("email", first).param("phone", "0495-11-2233"))
                .andExpect(status().is3xxRedirection());
        String receipt = awaitMail(greenMail, first, "参加を受け付けました");
        assertThat(receipt).contains(title).contains("本庄市民活動センター 会議室A").contains("13:30〜15:30");
        String firstCancelLink = firstLink(receipt);
        mvc.perform(post("/participation/workshops/" + id).with(csrf()).param("name", "駅前 一郎(2回目)").param("email", first.toUpperCase()))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("すでにこのワークショップに申し込んでいます")))
                .andExpect(content().string(Matchers.containsString("駅前 一郎(2回目)")));
        mvc.perform(post("/participation/workshops/" + id).with(csrf()).with(user(resident)).param("name", "南口 花子"))
                .andExpect(status().is3xxRedirection());
        awaitMail(greenMail, resident.getUsername(), "参加を受け付けました");
        mvc.perform(post("/participation/workshops/" + id).with(csrf()).with(user(resident)).param("name", "南口 花子")
                        .param("email", "another-" + tag + "@example.jp"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("すでにこのワークショップに申し込んでいます")));
        mvc.perform(get("/participation/workshops/" + id)).andExpect(content().string(Matchers.containsString("キャンセル待ち受付中")));

        // Full: the next two wait, in order.
        String second = "ws-second-" + tag + "@example.jp";
        String third = "ws-third-" + tag + "@example.jp";
        mvc.perform(post("/participation/workshops/" + id).with(csrf()).param("name", "北口 次郎").param("email", second))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("waitingPosition", 1));
        assertThat(awaitMail(greenMail, second, "キャンセル待ちを受け付けました")).contains("1番目");
        mvc.perform(post("/participation/workshops/" + id).with(csrf()).param("name", "東町 三郎").param("email", third))
                .andExpect(status().is3xxRedirection());
        assertThat(awaitMail(greenMail, third, "キャンセル待ちを受け付けました")).contains("2番目");
        assertThat(statusOf(id, second)).isEqualTo("WAITING");

        // The first registrant cancels by the link in the mail: opening it changes nothing, the POST cancels, and the first waiting moves up.
        String path = firstCancelLink.substring(firstCancelLink.indexOf("/participation/"));
        mvc.perform(get(path)).andExpect(content().string(Matchers.containsString("申し込みを取り消しますか")));
        assertThat(statusOf(id, first)).isEqualTo("CONFIRMED");
        mvc.perform(post(path).with(csrf())).andExpect(content().string(Matchers.containsString("申し込みを取り消しました")));
        assertThat(statusOf(id, first)).isEqualTo("CANCELLED");
        assertThat(statusOf(id, second)).isEqualTo("CONFIRMED");
        assertThat(statusOf(id, third)).isEqualTo("WAITING");
        assertThat(awaitMail(greenMail, second, "参加できるようになりました")).contains(title);
        mvc.perform(post(path).with(csrf())).andExpect(content().string(Matchers.containsString("取り消せませんでした")));
        // The signed-in resident cancels from the page; the third moves up.
        mvc.perform(post("/participation/workshops/" + id + "/cancel").with(csrf()).with(user(resident))).andExpect(status().is3xxRedirection());
        assertThat(statusOf(id, third)).isEqualTo("CONFIRMED");
        awaitMail(greenMail, third, "参加できるようになりました");

        // The department sees everyone, with personal data.
        mvc.perform(get("/staff/participation/workshops/" + id).with(user(staff)))
                .andExpect(content().string(Matchers.containsString("北口 次郎"))).andExpect(content().string(Matchers.containsString(third)));

        // After the event: attendance, a photo needs its title, outputs published.
        jdbc.sql("update ws_workshop set held_on = :h, registration_closes_on = :c where id = :id")
                .param("h", today.minusDays(1)).param("c", today.minusDays(2)).param("id", id).update();
        long secondId = jdbc.sql("select id from ws_registration where workshop_id = :w and email = :e").param("w", id).param("e", second)
                .query(Long.class).single();
        mvc.perform(post("/staff/participation/workshops/" + id + "/attendance").with(csrf()).with(user(staff)).param("attended", String.valueOf(secondId)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select attended from ws_registration where id = :id").param("id", secondId).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select attended from ws_registration where workshop_id = :w and email = :e").param("w", id).param("e", third)
                .query(Boolean.class).single()).isFalse();
        mvc.perform(multipart("/staff/participation/workshops/" + id + "/files").file(new MockMultipartFile("file", "photo.png", "image/png", PNG))
                        .with(csrf()).with(user(staff)))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("何が写っているかを説明する題名を入力してください")));
        mvc.perform(multipart("/staff/participation/workshops/" + id + "/files").file(new MockMultipartFile("file", "notes.txt", "application/pdf",
                        "hello".getBytes())).param("fileTitle", "記録").with(csrf()).with(user(staff)))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("PDF、PNG、JPEGのファイルを選んでください")));
        mvc.perform(multipart("/staff/participation/workshops/" + id + "/files").file(new MockMultipartFile("file", "photo.png", "image/png", PNG))
                        .param("fileTitle", "駅前の地図を囲んで話し合う様子").with(csrf()).with(user(staff)))
                .andExpect(status().is3xxRedirection());
        long fileId = jdbc.sql("select id from participation_file where owner_type = 'workshop' and owner_id = :id").param("id", id)
                .query(Long.class).single();
        mvc.perform(get("/participation/workshops/" + id + "/files/" + fileId)).andExpect(status().isNotFound());
        String v = String.valueOf(jdbc.sql("select version from ws_workshop where id = :id").param("id", id).query(Long.class).single());
        mvc.perform(post("/staff/participation/workshops/" + id + "/outputs").with(csrf()).with(user(staff)).param("recordText", "駐輪場が足りない")
                        .param("version", v).param("publishOutputs", "true"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("駐輪場が足りない")));
        mvc.perform(post("/staff/participation/workshops/" + id + "/outputs").with(csrf()).with(user(staff)).param("version", v)
                        .param("recordText", "駅北口の駐輪場が足りないという意見が多く出ました。").param("cityResponse", "駐輪場の増設を計画に盛り込みます。")
                        .param("publishOutputs", "true"))
                .andExpect(status().is3xxRedirection());
        // A second editor on the old page is refused, and a published record cannot be blanked.
        mvc.perform(post("/staff/participation/workshops/" + id + "/outputs").with(csrf()).with(user(staff)).param("version", v)
                        .param("recordText", "上書き").param("cityResponse", "上書き"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("ほかの人がこの内容を更新しました")));
        String v2 = String.valueOf(jdbc.sql("select version from ws_workshop where id = :id").param("id", id).query(Long.class).single());
        mvc.perform(post("/staff/participation/workshops/" + id + "/outputs").with(csrf()).with(user(staff)).param("version", v2)
                        .param("recordText", "").param("cityResponse", ""))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("field__error")));

        String page = mvc.perform(get("/participation/workshops/" + id)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("記録を公開").contains("駐輪場の増設を計画に盛り込みます。")
                .contains("alt=\"駅前の地図を囲んで話し合う様子\"").contains("/participation/workshops/" + id + "/files/" + fileId);
        String list = mvc.perform(get("/participation/workshops")).andReturn().getResponse().getContentAsString();
        for (String html : List.of(page, list)) {
            for (String secret : List.of("駅前 一郎", "南口 花子", "北口 次郎", "東町 三郎", first, second, third, resident.getUsername(), "0495-11-2233")) {
                assertThat(html).as("no registrant's personal data is public").doesNotContain(secret);
            }
        }
        mvc.perform(get("/participation/workshops/" + id + "/files/" + fileId)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png")).andExpect(header().string("Content-Disposition", Matchers.startsWith("inline")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'ws_workshop' and record_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isGreaterThanOrEqualTo(5);
    }

    /** Two people take the last place at the same moment: the row lock gives it to exactly one, the other waits. */
    @Test
    void concurrentRegistrationsForTheLastPlaceDoNotOverbook() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long dept = department(tag);
        SignedInUser staff = people.account("ws-race", dept, "STAFF");
        LocalDate today = workshops.today();
        long id = workshops.create(staff, dept, java.util.Map.of("title", "最後の1席" + tag, "theme", "同時申込", "heldOn",
                today.plusDays(5).toString(), "startsAt", "10:00", "endsAt", "12:00", "place", "市役所", "capacity", "2", "target", "どなたでも",
                "closesOn", today.plusDays(4).toString()));
        workshops.publish(id, staff, dept, false, 0);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        workshops.register(id, Optional.empty(), "先着 一人", "race-0-" + tag + "@example.jp", null);

        for (int round = 0; round < 3; round++) {
            if (round > 0) {
                // Free the last place again by cancelling whoever holds it, moving nobody up.
                jdbc.sql("update ws_registration set status = 'CANCELLED' where workshop_id = :w and email like 'race-r%'").param("w", id).update();
            }
            int r = round;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Workshops.Receipt>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    // Links in mail are built from the request, as in a real registration.
                    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
                    start.await();
                    return workshops.register(id, Optional.empty(), "同時 " + n, "race-r" + r + "-" + n + "-" + tag + "@example.jp", null);
                }));
            }
            start.countDown();
            List<Workshops.RegistrationStatus> outcomes = new ArrayList<>();
            for (Future<Workshops.Receipt> f : results) {
                outcomes.add(f.get(30, TimeUnit.SECONDS).status());
            }
            pool.shutdown();
            assertThat(outcomes).containsExactlyInAnyOrder(Workshops.RegistrationStatus.CONFIRMED, Workshops.RegistrationStatus.WAITING);
            assertThat(jdbc.sql("select count(*) from ws_registration where workshop_id = :w and status = 'CONFIRMED'").param("w", id)
                    .query(Long.class).single()).as("never more places than the capacity").isEqualTo(2);
        }
    }

    /** The demo data gives one workshop in each public state, and its registrants stay private. */
    @Test
    void demoDataShowsEachState() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long dept = department(tag);
        SignedInUser staff = people.account("ws-demo", dept, "STAFF");
        demoData.load(staff.accountId(), dept);
        List<Workshops.Workshop> loaded = workshops.forDepartment(dept, false);
        assertThat(loaded).extracting(Workshops.Workshop::phase)
                .containsExactlyInAnyOrder(Workshops.Phase.OPEN, Workshops.Phase.WAITLIST, Workshops.Phase.RECORDS);
        Workshops.Workshop full = loaded.stream().filter(w -> w.phase() == Workshops.Phase.WAITLIST).findFirst().orElseThrow();
        assertThat(full.waiting()).isEqualTo(2);
        Workshops.Workshop past = loaded.stream().filter(w -> w.phase() == Workshops.Phase.RECORDS).findFirst().orElseThrow();
        mvc.perform(get("/participation/workshops/" + full.id())).andExpect(content().string(Matchers.containsString("キャンセル待ち2人")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("佐々木 健太"))));
        mvc.perform(get("/participation/workshops/" + past.id())).andExpect(content().string(Matchers.containsString("駐輪場の増設")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("田中 浩二"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("tanaka.koji@example.jp"))));
    }

    private String statusOf(long id, String email) {
        return jdbc.sql("select status from ws_registration where workshop_id = :w and email = :e order by id desc limit 1")
                .param("w", id).param("e", email).query(String.class).single();
    }

    private long department(String tag) {
        return jdbc.sql("insert into department (code, name, secretariat, active, created_at) values (:c, '都市計画課', false, true, now()) returning id")
                .param("c", "ws-" + tag).query(Long.class).single();
    }
}
