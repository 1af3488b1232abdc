package jp.kyodo.participation;

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
import java.util.List;
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
 * A suggestion (市民の声) from the form to a published answer: the e-mail is confirmed by a POST, the secretariat
 * routes it, only the department it is routed to answers (once: a stale page is refused), the answer is mailed, and
 * publication needs consent and carries none of the sender's personal data.
 */
@IntegrationTest
class VoiceIntegrationTest {

    private static final String STALE = "ほかの人がこの内容を更新しました";

    @Autowired jp.kyodo.TestPeople people;
    @Autowired MockMvc mvc;
    @Autowired GreenMail greenMail;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;

    @Test
    void fromSuggestionToPublishedAnswer() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long secretariat = department("市民活動推進課", true, tag);
        long centre = department("生涯学習課", false, tag);
        long roads = department("道路課", false, tag);
        SignedInUser office = people.account("voice-office", secretariat, "STAFF");
        SignedInUser centreStaff = people.account("voice-centre", centre, "STAFF");
        SignedInUser roadsStaff = people.account("voice-roads", roads, "STAFF");

        // Mistakes are named next to their fields and what was typed stays.
        mvc.perform(post("/participation/voice").with(csrf()).param("subject", "土曜の開館" + tag).param("body", "").param("email", "x@")
                        .param("wantsAnswer", "yes"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("分類を選んでください。")))
                .andExpect(content().string(Matchers.containsString("メールアドレスの形式が正しくありません")))
                .andExpect(content().string(Matchers.containsString("value=\"土曜の開館" + tag + "\"")));

        // Without an account: the suggestion waits until the e-mail is confirmed by a POST.
        String name = "声野 秘密太郎" + tag;
        String email = "voice-secret-" + tag + "@example.jp";
        String phone = "0495-77-" + (1000 + (int) (Math.random() * 9000));
        String address = "本庄市秘密町9-" + tag;
        String subject = "土曜の開館時間" + tag;
        String body = "私は" + name + "です。センターの土曜の開館を19時まで延ばしてほしい。";
        mvc.perform(post("/participation/voice").with(csrf()).param("category", "CENTRE").param("subject", subject).param("body", body)
                        .param("name", name).param("email", email).param("phone", phone).param("address", address)
                        .param("wantsAnswer", "yes").param("consents", "true"))
                .andExpect(redirectedUrl("/participation/voice/sent?confirm"));
        long id = jdbc.sql("select id from voice_suggestion where email = :e").param("e", email).query(Long.class).single();
        assertThat(statusOf(id)).isEqualTo("UNCONFIRMED");
        String link = firstLink(awaitMail(greenMail, email, "送信の確認"));
        String token = link.substring(link.lastIndexOf('/') + 1);
        String stored = jdbc.sql("select token_hash from voice_suggestion where id = :id").param("id", id).query(String.class).single();
        assertThat(stored).as("the token is stored hashed").hasSize(64).isNotEqualTo(token).doesNotContain(token);
        String path = link.substring(link.indexOf("/participation/"));
        mvc.perform(get(path)).andExpect(content().string(Matchers.containsString("送信を確定する")));
        assertThat(statusOf(id)).as("opening the link alone does not send").isEqualTo("UNCONFIRMED");
        String receiptNo = jdbc.sql("select extract(year from now() at time zone 'Asia/Tokyo')::int").query(Integer.class).single()
                + "-" + "%05d".formatted(id);
        mvc.perform(post(path).with(csrf())).andExpect(content().string(Matchers.containsString("受付番号は " + receiptNo)));
        assertThat(statusOf(id)).isEqualTo("RECEIVED");
        assertThat(awaitMail(greenMail, email, "ご意見・ご要望を受け付けました")).contains(receiptNo).contains(subject);
        mvc.perform(post(path).with(csrf())).andExpect(content().string(Matchers.containsString("受け付けられませんでした")));

        // The secretariat sees it; a department sees nothing until it is routed there, and never another's.
        mvc.perform(get("/staff/participation/voice").with(user(office))).andExpect(content().string(Matchers.containsString(subject)));
        mvc.perform(get("/staff/participation/voice").with(user(centreStaff))).andExpect(content().string(Matchers.not(Matchers.containsString(subject))));
        mvc.perform(get("/staff/participation/voice/" + id).with(user(centreStaff))).andExpect(status().isNotFound());
        mvc.perform(post("/staff/participation/voice/" + id + "/route").with(csrf()).with(user(centreStaff)).param("version", "0")
                .param("departmentId", String.valueOf(centre))).andExpect(status().isNotFound());
        mvc.perform(post("/staff/participation/voice/" + id + "/route").with(csrf()).with(user(office)).param("version", "0")
                        .param("departmentId", String.valueOf(centre)).param("routeNote", "センターの所管です。"))
                .andExpect(redirectedUrl("/staff/participation/voice/" + id));
        assertThat(statusOf(id)).isEqualTo("ROUTED");
        mvc.perform(get("/staff/participation/voice").with(user(centreStaff))).andExpect(content().string(Matchers.containsString(subject)));
        mvc.perform(get("/staff/participation/voice/" + id).with(user(roadsStaff))).andExpect(status().isNotFound());
        mvc.perform(post("/staff/participation/voice/" + id + "/answer").with(csrf()).with(user(roadsStaff)).param("version", "1")
                .param("answer", "道路課の回答")).andExpect(status().isNotFound());
        // Routing elsewhere needs a note.
        mvc.perform(post("/staff/participation/voice/" + id + "/route").with(csrf()).with(user(office)).param("version", "1")
                        .param("departmentId", String.valueOf(roads)))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("入力してください。")));

        // A page opened before the routing is stale: the answer is refused and kept on screen.
        mvc.perform(post("/staff/participation/voice/" + id + "/answer").with(csrf()).with(user(centreStaff)).param("version", "0")
                        .param("answer", "古い画面からの回答"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString(STALE)))
                .andExpect(content().string(Matchers.containsString("古い画面からの回答")));
        String answer = "4月から土曜日は19時まで開館します。" + tag;
        mvc.perform(post("/staff/participation/voice/" + id + "/answer").with(csrf()).with(user(centreStaff)).param("version", "1")
                        .param("answer", answer))
                .andExpect(redirectedUrl("/staff/participation/voice/" + id));
        assertThat(awaitMail(greenMail, email, "ご意見・ご要望への回答")).contains(answer).contains(receiptNo).contains("生涯学習課");
        // A second person answering from the same page does not overwrite the first.
        mvc.perform(post("/staff/participation/voice/" + id + "/answer").with(csrf()).with(user(office)).param("version", "1")
                        .param("answer", "上書きしようとした回答"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString(STALE)));
        assertThat(jdbc.sql("select answer from voice_suggestion where id = :id").param("id", id).query(String.class).single()).isEqualTo(answer);
        // Only the secretariat publishes.
        mvc.perform(post("/staff/participation/voice/" + id + "/publish").with(csrf()).with(user(centreStaff)).param("version", "2")
                .param("publishedTitle", "t").param("publishedQuestion", "q").param("publishedAnswer", "a")).andExpect(status().isNotFound());

        // The publication form starts from the sender's words; the sender's name must be edited out.
        mvc.perform(get("/staff/participation/voice/" + id).with(user(office)))
                .andExpect(content().string(Matchers.containsString("私は" + name)));
        mvc.perform(post("/staff/participation/voice/" + id + "/publish").with(csrf()).with(user(office)).param("version", "2")
                        .param("publishedTitle", subject).param("publishedQuestion", body).param("publishedAnswer", answer))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("送信者の氏名・連絡先・住所が含まれています")));
        String question = "センターの土曜の開館時間を延ばしてほしい。" + tag;
        mvc.perform(post("/staff/participation/voice/" + id + "/publish").with(csrf()).with(user(office)).param("version", "2")
                        .param("publishedTitle", "土曜日の開館時間について" + tag).param("publishedQuestion", question).param("publishedAnswer", answer))
                .andExpect(redirectedUrl("/staff/participation/voice/" + id));

        // A suggestion sent with an account, without consent: received at once, answered by the secretariat, never published.
        SignedInUser resident = people.account("voice-resident", null, null);
        mvc.perform(get("/participation/voice").with(user(resident)))
                .andExpect(content().string(Matchers.containsString("value=\"" + resident.getUsername() + "\"")));
        String subject2 = "協働の進め方" + tag;
        mvc.perform(post("/participation/voice").with(csrf()).with(user(resident)).param("category", "COLLABORATION").param("subject", subject2)
                        .param("body", "協働の相談窓口を一つにしてほしい。").param("wantsAnswer", "yes"))
                .andExpect(redirectedUrl("/participation/voice/sent"));
        long id2 = jdbc.sql("select id from voice_suggestion where subject = :s").param("s", subject2).query(Long.class).single();
        assertThat(statusOf(id2)).isEqualTo("RECEIVED");
        assertThat(jdbc.sql("select name || ' ' || email from voice_suggestion where id = :id").param("id", id2).query(String.class).single())
                .isEqualTo("voice-resident " + resident.getUsername());
        assertThat(awaitMail(greenMail, resident.getUsername(), "ご意見・ご要望を受け付けました")).contains(subject2);
        mvc.perform(post("/staff/participation/voice/" + id2 + "/answer").with(csrf()).with(user(office)).param("version", "0")
                        .param("answer", "窓口は市民活動推進課に一本化しています。" + tag))
                .andExpect(redirectedUrl("/staff/participation/voice/" + id2));
        mvc.perform(post("/staff/participation/voice/" + id2 + "/publish").with(csrf()).with(user(office)).param("version", "1")
                        .param("publishedTitle", "相談窓口" + tag).param("publishedQuestion", "窓口を一つに").param("publishedAnswer", "一本化しています"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("公表に同意していないため")));
        assertThat(jdbc.sql("select published_at is null from voice_suggestion where id = :id").param("id", id2).query(Boolean.class).single()).isTrue();

        // The public page: the published answer, none of the personal data, nor the unpublished one.
        String page = mvc.perform(get("/participation/voice/answers")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("土曜日の開館時間について" + tag).contains(question).contains(answer).contains("市民活動センター");
        for (String secret : List.of(name, email, phone, address, "秘密", body, "窓口は市民活動推進課に一本化しています。" + tag, resident.getUsername())) {
            assertThat(page).as("the public page never shows personal data or unpublished answers").doesNotContain(secret);
        }

        // Unpublished, it disappears.
        mvc.perform(post("/staff/participation/voice/" + id + "/unpublish").with(csrf()).with(user(office)).param("version", "3"))
                .andExpect(redirectedUrl("/staff/participation/voice/" + id));
        mvc.perform(get("/participation/voice/answers")).andExpect(content().string(Matchers.not(Matchers.containsString(answer))));

        // No answer wanted: closed with a reason, which is required.
        mvc.perform(post("/participation/voice").with(csrf()).with(user(resident)).param("category", "OTHER").param("subject", "感想" + tag)
                        .param("body", "いつもありがとうございます。").param("wantsAnswer", "no"))
                .andExpect(redirectedUrl("/participation/voice/sent"));
        long id3 = jdbc.sql("select id from voice_suggestion where subject = :s").param("s", "感想" + tag).query(Long.class).single();
        mvc.perform(post("/staff/participation/voice/" + id2 + "/close").with(csrf()).with(user(office)).param("version", "1")
                .param("closeReason", "x")).andExpect(content().string(Matchers.containsString("すでに回答済みか終了しています")));
        mvc.perform(post("/staff/participation/voice/" + id3 + "/close").with(csrf()).with(user(office)).param("version", "0"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("入力してください。")));
        mvc.perform(post("/staff/participation/voice/" + id3 + "/close").with(csrf()).with(user(office)).param("version", "0")
                .param("closeReason", "回答不要のため、担当課で共有しました。")).andExpect(redirectedUrl("/staff/participation/voice/" + id3));
        assertThat(statusOf(id3)).isEqualTo("CLOSED");

        assertThat(jdbc.sql("select action from voice_suggestion s join audit_entry a on a.record_id = s.id::text where a.record_type = 'voice_suggestion' and s.id = :id order by a.id")
                .param("id", id).query(String.class).list()).containsExactly("voice.route", "voice.answer", "voice.publish", "voice.unpublish");
        assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'voice_suggestion' and record_id = :id and action = 'voice.close'")
                .param("id", String.valueOf(id3)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void overdueSuggestionsAreMarkedInTheQueue() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        SignedInUser admin = people.account("voice-admin", null, "ADMIN");
        long id = jdbc.sql("""
                        insert into voice_suggestion (receipt_no, category, subject, body, name, email, wants_answer, consents, status, due_on,
                            created_at, received_at, updated_at)
                        values (:r, 'OTHER', :s, '本文', '期限 太郎', 'late@example.jp', true, false, 'RECEIVED', current_date - 3, now(), now(), now())
                        returning id""")
                .param("r", "T-" + tag).param("s", "期限切れの声" + tag).query(Long.class).single();
        String queue = mvc.perform(get("/staff/participation/voice").with(user(admin))).andReturn().getResponse().getContentAsString();
        String row = queue.substring(queue.indexOf("T-" + tag), queue.indexOf("</tr>", queue.indexOf("T-" + tag)));
        assertThat(row).contains("期限超過");
        jdbc.sql("update voice_suggestion set due_on = current_date + 3 where id = :id").param("id", id).update();
        queue = mvc.perform(get("/staff/participation/voice").with(user(admin))).andReturn().getResponse().getContentAsString();
        row = queue.substring(queue.indexOf("T-" + tag), queue.indexOf("</tr>", queue.indexOf("T-" + tag)));
        assertThat(row).doesNotContain("期限超過");
    }

    private String statusOf(long id) {
        return jdbc.sql("select status from voice_suggestion where id = :id").param("id", id).query(String.class).single();
    }

    private long department(String name, boolean secretariat, String tag) {
        return jdbc.sql("insert into department (code, name, secretariat, active, created_at) values (:c, :n, :s, true, now()) returning id")
                .param("c", "v-" + UUID.randomUUID().toString().substring(0, 8)).param("n", name).param("s", secretariat).query(Long.class).single();
    }
}
