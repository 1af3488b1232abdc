package jp.kyodo.notifications;

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
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestPeople;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.shared.CityProfile;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The notification centre as its owner uses it (unread count in the header, reading, marking read), nobody else's
 * notices, the mail choices per kind (at once, in the daily digest, none) and the digest sent once a day.
 */
@IntegrationTest
class NoticeIntegrationTest {

    @Autowired TestPeople people;
    @Autowired MockMvc mvc;
    @Autowired GreenMail greenMail;
    @Autowired JdbcClient jdbc;
    @Autowired Notices notices;
    @Autowired DailyDigest digest;
    @Autowired MailOutbox outbox;
    @Autowired Clock clock;
    @Autowired CityProfile city;

    @Test
    void unreadCountInTheHeaderAndMarkingRead() throws Exception {
        SignedInUser me = people.account("notice-reader", null);
        String tag = tag();
        notices.recordMailed(me.accountId(), NoticeKind.REGISTRY, "登録の更新" + tag, "更新期限が近づいています。", "/my/groups");
        notices.recordMailed(me.accountId(), NoticeKind.TRAINING, "講座の案内" + tag, null, "/training/courses");

        mvc.perform(get("/").with(user(me))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("お知らせ（未読 2 件）")));
        mvc.perform(get("/notifications").with(user(me))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("登録の更新" + tag)))
                .andExpect(content().string(Matchers.containsString("未読 2 件/全 2 件")));

        long first = id(me, "登録の更新" + tag);
        mvc.perform(post("/notifications/" + first + "/read").with(csrf()).with(user(me)))
                .andExpect(redirectedUrl("/notifications"));
        assertThat(notices.unreadCount(me.accountId())).isEqualTo(1);
        mvc.perform(get("/").with(user(me))).andExpect(content().string(Matchers.containsString("お知らせ（未読 1 件）")));

        // Opening a notice reads it and shows where it leads.
        long second = id(me, "講座の案内" + tag);
        mvc.perform(get("/notifications/" + second).with(user(me))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/training/courses")));
        assertThat(notices.unreadCount(me.accountId())).isZero();
        mvc.perform(get("/").with(user(me))).andExpect(content().string(Matchers.containsString(">お知らせ</a>")));

        notices.recordMailed(me.accountId(), NoticeKind.REGISTRY, "三件目" + tag, null, null);
        notices.recordMailed(me.accountId(), NoticeKind.REGISTRY, "四件目" + tag, null, null);
        mvc.perform(post("/notifications/read-all").with(csrf()).with(user(me))).andExpect(redirectedUrl("/notifications"));
        assertThat(notices.unreadCount(me.accountId())).isZero();
    }

    @Test
    void nobodyReadsOrMarksAnothersNotices() throws Exception {
        SignedInUser owner = people.account("notice-owner", null);
        SignedInUser other = people.account("notice-other", null);
        String tag = tag();
        notices.recordMailed(owner.accountId(), NoticeKind.COLLABORATION, "審査結果" + tag, "採択されました。", "/my/proposals");
        long id = id(owner, "審査結果" + tag);

        mvc.perform(get("/notifications/" + id).with(user(other))).andExpect(status().isNotFound());
        mvc.perform(post("/notifications/" + id + "/read").with(csrf()).with(user(other))).andExpect(status().isNotFound());
        mvc.perform(post("/notifications/read-all").with(csrf()).with(user(other))).andExpect(status().is3xxRedirection());
        mvc.perform(get("/notifications").with(user(other)))
                .andExpect(content().string(Matchers.not(Matchers.containsString("審査結果" + tag))));
        assertThat(notices.unreadCount(owner.accountId())).isEqualTo(1);

        // Visitors are sent to sign in, and their pages (and error pages) have no count.
        mvc.perform(get("/notifications")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/")).andExpect(status().isOk()).andExpect(content().string(Matchers.not(Matchers.containsString("header-notices"))));
        mvc.perform(get("/no-such-page-" + tag).with(user(owner))).andExpect(status().isNotFound());
    }

    @Test
    void eachKindIsMailedAtOnceInTheDigestOrNotAtAll() throws Exception {
        SignedInUser me = people.account("notice-prefs", null);
        String tag = tag();
        mvc.perform(get("/account/notifications").with(user(me))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("ボランティア・社会貢献")));
        mvc.perform(post("/account/notifications").with(csrf()).with(user(me))
                        .param("kind_VOLUNTEERING", "IMMEDIATE").param("kind_COLLABORATION", "DIGEST").param("kind_PARTICIPATION", "NONE")
                        .param("kind_TRAINING", "DIGEST").param("kind_REGISTRY", "bogus"))
                .andExpect(redirectedUrl("/account/notifications"));
        assertThat(notices.preferences(me.accountId())).containsEntry(NoticeKind.VOLUNTEERING, Delivery.IMMEDIATE)
                .containsEntry(NoticeKind.COLLABORATION, Delivery.DIGEST).containsEntry(NoticeKind.PARTICIPATION, Delivery.NONE)
                .containsEntry(NoticeKind.REGISTRY, Delivery.IMMEDIATE);

        notices.notify(me.accountId(), NoticeKind.VOLUNTEERING, "すぐ" + tag, null, "/volunteering");
        notices.notify(me.accountId(), NoticeKind.COLLABORATION, "まとめ一" + tag, null, "/collaboration");
        notices.notify(me.accountId(), NoticeKind.TRAINING, "まとめ二" + tag, null, "/training/courses");
        notices.notify(me.accountId(), NoticeKind.PARTICIPATION, "なし" + tag, null, "/participation");
        // Already mailed by its module: neither mailed again nor in the digest.
        notices.recordMailed(me.accountId(), NoticeKind.COLLABORATION, "手続き" + tag, null, null);

        String now = awaitMail(greenMail, me.email(), "すぐ" + tag);
        assertThat(now).contains("/volunteering");
        assertThat(queued(me, tag)).isEqualTo(1);

        LocalDate today = LocalDate.now(clock.withZone(city.zone()));
        digest.send(today);
        String daily = awaitMail(greenMail, me.email(), "のお知らせ（2件）");
        assertThat(daily).contains("まとめ一" + tag, "まとめ二" + tag).doesNotContain("すぐ" + tag, "なし" + tag, "手続き" + tag);
        assertThat(queued(me, "")).isEqualTo(2);

        // The job run again the same day sends nothing more.
        digest.send(today);
        assertThat(queued(me, "")).isEqualTo(2);

        // All five are in the portal whatever the mail choice.
        mvc.perform(get("/notifications").with(user(me))).andExpect(content().string(Matchers.allOf(
                Matchers.containsString("すぐ" + tag), Matchers.containsString("なし" + tag), Matchers.containsString("手続き" + tag))));
    }

    @Test
    void noDigestForSomeoneWithNothingUnread() {
        SignedInUser me = people.account("notice-quiet", null);
        notices.choose(me.accountId(), java.util.Map.of(NoticeKind.COLLABORATION, Delivery.DIGEST));
        notices.notify(me.accountId(), NoticeKind.COLLABORATION, "既読" + tag(), null, null);
        notices.markAllRead(me.accountId());
        digest.send(LocalDate.now(clock.withZone(city.zone())));
        assertThat(queued(me, "")).isZero();
    }

    @Test
    void followingAGroupFromItsPage() throws Exception {
        SignedInUser me = people.account("notice-follower", null);
        SignedInUser manager = people.account("notice-group", null);
        String tag = tag();
        long group = people.registeredGroup("フォローされる会" + tag, manager.accountId());

        mvc.perform(get("/groups/" + group).with(user(me))).andExpect(content().string(Matchers.containsString("「フォローされる会" + tag + "」をフォローする")));
        mvc.perform(post("/account/follows").with(csrf()).with(user(me)).param("topic", "group:" + group).param("returnTo", "/groups/" + group))
                .andExpect(redirectedUrl("/groups/" + group));
        assertThat(notices.follows(me.accountId(), "group:" + group)).isTrue();
        mvc.perform(get("/groups/" + group).with(user(me))).andExpect(content().string(Matchers.containsString("のフォローをやめる")));
        mvc.perform(get("/account/follows").with(user(me))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("フォローされる会" + tag)))
                .andExpect(content().string(Matchers.containsString("清掃活動")));

        // Only topics that exist are followed, and the button never sends anyone to another site.
        mvc.perform(post("/account/follows").with(csrf()).with(user(me)).param("topic", "bogus:1")).andExpect(status().isBadRequest());
        mvc.perform(post("/account/follows").with(csrf()).with(user(me)).param("topic", "field:seiso").param("returnTo", "//evil.example/"))
                .andExpect(redirectedUrl("/account/follows"));
        mvc.perform(post("/account/follows").with(csrf()).with(user(me)).param("topic", "group:" + group).param("action", "unfollow"))
                .andExpect(redirectedUrl("/account/follows"));
        assertThat(notices.follows(me.accountId(), "group:" + group)).isFalse();
        assertThat(notices.followed(me.accountId())).containsExactly("field:seiso");
    }

    private long queued(SignedInUser me, String subjectContains) {
        return outbox.search(null, me.email(), PageRequest.of(0, 50)).stream().filter(m -> m.subject().contains(subjectContains)).count();
    }

    private long id(SignedInUser me, String title) {
        return jdbc.sql("select id from notice where account_id = :a and title = :t").param("a", me.accountId()).param("t", title)
                .query(Long.class).single();
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
