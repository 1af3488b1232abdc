package jp.kyodo.volunteering;

import static jp.kyodo.TestMailServer.awaitMail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Instant;
import java.util.UUID;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestMailServer;
import jp.kyodo.accounts.SignedInUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Offers by businesses only, needs by any registered group, suggestions with their reasons both ways, relayed
 * conversations that never show an address, rate limits, agreed cooperations, and hidden posts gone from every public
 * page and suggestion.
 */
@IntegrationTest
class ContributionIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired GreenMail greenMail;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired UserDetailsService users;
    @Autowired NeedModeration needModeration;
    @Autowired OfferModeration offerModeration;

    @AfterEach
    void forgetRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    // ---- Fixtures, also for the browser test ----

    static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    static long account(JdbcClient jdbc, PasswordEncoder encoder, String email, String name) {
        long id = jdbc.sql("""
                        insert into account (email, password_hash, name, status, created_at, updated_at, email_verified_at)
                        values (:e, :h, :n, 'ACTIVE', now(), now(), now()) returning id""")
                .param("e", email).param("h", encoder.encode("test-password-1")).param("n", name).query(Long.class).single();
        jdbc.sql("insert into account_role (account_id, role) values (:id, 'RESIDENT')").param("id", id).update();
        return id;
    }

    /** A registered group of the type, in the fields and area, with the account as its representative. */
    static long group(JdbcClient jdbc, String type, String name, long managerId, String area, String... fields) {
        long id = jdbc.sql("""
                        insert into civic_group (type, name, status, registration_number, registered_on, valid_until, rep_name, contact_name,
                            contact_email, members_count, area_code, purpose, activities, created_by, created_at, updated_at, draft_step, version)
                        values (:type, :name, 'REGISTERED', :number, current_date, current_date + 700, '代表 太郎', '連絡 花子',
                            :email, 12, :area, '地域のために', '地域の活動', :by, now(), now(), 5, 0) returning id""")
                .param("type", type).param("name", name).param("number", "V-" + tag()).param("email", "contact-" + tag() + "@example.jp")
                .param("area", area).param("by", managerId).query(Long.class).single();
        for (String f : fields) {
            jdbc.sql("insert into civic_group_field (group_id, field_code) values (:g, :f)").param("g", id).param("f", f).update();
        }
        jdbc.sql("insert into civic_group_member (group_id, account_id, role, joined_at) values (:g, :a, 'REPRESENTATIVE', now())")
                .param("g", id).param("a", managerId).update();
        return id;
    }

    private SignedInUser signedIn(String email) {
        return (SignedInUser) users.loadUserByUsername(email);
    }

    private record World(String tag, SignedInUser biz, long bizGroup, SignedInUser civic, long civicGroup, SignedInUser outsider,
                         long outsiderGroup, SignedInUser resident) {
    }

    private World world() {
        String t = tag();
        String bizEmail = "cb-biz-" + t + "@example.jp", civicEmail = "cb-civic-" + t + "@example.jp";
        String outsiderEmail = "cb-out-" + t + "@example.jp", residentEmail = "cb-res-" + t + "@example.jp";
        long biz = account(jdbc, encoder, bizEmail, "事業 一郎");
        long civic = account(jdbc, encoder, civicEmail, "市民 花子");
        long outsider = account(jdbc, encoder, outsiderEmail, "外部 次郎");
        account(jdbc, encoder, residentEmail, "住民 三郎");
        long bizGroup = group(jdbc, "BUSINESS", "株式会社テスト印刷" + t, biz, "honjo", "kosodate");
        long civicGroup = group(jdbc, "CIVIC", "子育てひろば" + t, civic, "honjo", "kosodate");
        long outsiderGroup = group(jdbc, "CIVIC", "よその会" + t, outsider, "kodama", "kankyo");
        return new World(t, signedIn(bizEmail), bizGroup, signedIn(civicEmail), civicGroup, signedIn(outsiderEmail), outsiderGroup,
                signedIn(residentEmail));
    }

    private static MockHttpServletRequestBuilder offerForm(String url, long group, String title) {
        return post(url).with(csrf()).param("groupId", String.valueOf(group)).param("kind", "SKILL").param("title", title)
                .param("description", "団体のチラシやポスターのデザインと印刷をお手伝いします。").param("fields", "kosodate").param("areas", "honjo");
    }

    private long created(MockHttpServletRequestBuilder request, SignedInUser who) throws Exception {
        String location = mvc.perform(request.with(user(who))).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private long publishedOffer(World w, String title) throws Exception {
        long id = created(offerForm("/my/contribution/offers/new", w.bizGroup(), title), w.biz());
        mvc.perform(post("/my/contribution/offers/" + id + "/publish").with(csrf()).with(user(w.biz())).param("version", "0"))
                .andExpect(status().is3xxRedirection());
        return id;
    }

    private long need(World w, long group, SignedInUser who, String kind, String title) throws Exception {
        return created(post("/my/contribution/needs/new").with(csrf()).param("groupId", String.valueOf(group)).param("kind", kind)
                .param("title", title).param("description", "親子サロンのお知らせのチラシを300枚印刷したいです。").param("fields", "kosodate")
                .param("area", "honjo"), who);
    }

    private long audits(String action, String type, long id) {
        return jdbc.sql("select count(*) from audit_entry where action = :a and record_type = :t and record_id = :id")
                .param("a", action).param("t", type).param("id", String.valueOf(id)).query(Long.class).single();
    }

    // ---- Tests ----

    @Test
    void onlyBusinessesPostOffersAndMistakesAreShownNextToTheirFields() throws Exception {
        World w = world();
        String title = "デザインと印刷のお手伝い" + w.tag();
        mvc.perform(offerForm("/my/contribution/offers/new", w.civicGroup(), title).with(user(w.civic())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("事業者(営利)またはその他の事業者として登録された")))
                .andExpect(content().string(containsString("value=\"" + title + "\"")));
        mvc.perform(post("/my/contribution/offers/new").with(csrf()).with(user(w.biz())).param("groupId", String.valueOf(w.bizGroup()))
                        .param("kind", "SKILL").param("title", "").param("description", "説明" + w.tag()).param("validUntil", "2001-01-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"title-error\"")))
                .andExpect(content().string(containsString("地区を選んでください")))
                .andExpect(content().string(containsString("受付期限は今日以降の日付にしてください")))
                .andExpect(content().string(containsString("説明" + w.tag())));
        mvc.perform(get("/my/contribution/offers/new").with(user(w.civic())))
                .andExpect(content().string(containsString("事業者(営利)またはその他の事業者として登録された団体の代表者・担当者の方が登録できます")));

        long id = created(offerForm("/my/contribution/offers/new", w.bizGroup(), title), w.biz());
        mvc.perform(get("/contribution/offers/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/my/contribution/offers/" + id).with(user(w.civic()))).andExpect(status().isNotFound());
        mvc.perform(post("/my/contribution/offers/" + id + "/publish").with(csrf()).with(user(w.biz())).param("version", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/contribution/offers/" + id)).andExpect(status().isOk()).andExpect(content().string(containsString(title)))
                .andExpect(content().string(containsString("/volunteering/report/offer/" + id)))
                .andExpect(content().string(containsString("/groups/" + w.bizGroup())))
                .andExpect(content().string(not(containsString(w.biz().email()))));
        mvc.perform(get("/contribution").param("offerKind", "SKILL").param("area", "honjo")).andExpect(content().string(containsString(title)));
        mvc.perform(get("/contribution").param("offerKind", "VENUE")).andExpect(content().string(not(containsString(title))));

        // A stale form keeps what was typed and says why.
        mvc.perform(offerForm("/my/contribution/offers/" + id, w.bizGroup(), title + "(改)").param("version", "0").with(user(w.biz())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("ほかの人がこの内容を更新しました")))
                .andExpect(content().string(containsString(title + "(改)")));
        mvc.perform(offerForm("/my/contribution/offers/" + id, w.bizGroup(), title + "(改)").param("version", "1").with(user(w.biz())))
                .andExpect(status().is3xxRedirection());
        assertThat(audits("offer.create", "vol_offer", id)).isEqualTo(1);
        assertThat(audits("offer.publish", "vol_offer", id)).isEqualTo(1);
        assertThat(audits("offer.update", "vol_offer", id)).isEqualTo(1);
    }

    @Test
    void suggestionsShowBothWaysWithReasonsAndHiddenPostsDisappear() throws Exception {
        World w = world();
        String offerTitle = "チラシの印刷をお手伝い" + w.tag();
        String needTitle = "サロンのチラシを印刷したい" + w.tag();
        long offer = publishedOffer(w, offerTitle);
        long need = need(w, w.civicGroup(), w.civic(), "PRINTING", needTitle);
        assertThat(audits("need.create", "vol_need", need)).isEqualTo(1);
        need(w, w.outsiderGroup(), w.outsider(), "FUNDS", "資金がほしい" + w.tag());
        mvc.perform(get("/contribution/offers/" + offer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(needTitle)))
                .andExpect(content().string(containsString("種類が合う: 技術・専門知識 ↔ 印刷")))
                .andExpect(content().string(containsString("分野: 子育て支援")))
                .andExpect(content().string(containsString("地区: 本庄地区")))
                .andExpect(content().string(containsString("共通の言葉: ")))
                .andExpect(content().string(not(containsString("資金がほしい" + w.tag()))));
        mvc.perform(get("/contribution/needs/" + need)).andExpect(status().isOk())
                .andExpect(content().string(containsString(offerTitle)))
                .andExpect(content().string(containsString("種類が合う: 技術・専門知識 ↔ 印刷")))
                .andExpect(content().string(containsString("/volunteering/report/need/" + need)));
        mvc.perform(get("/contribution/offers/" + offer).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Kinds fit: Skills and expertise ↔ Printing")))
                .andExpect(content().string(containsString("Area: Honjo")));
        mvc.perform(get("/my/contribution/offers/" + offer).with(user(w.biz()))).andExpect(content().string(containsString(needTitle)))
                .andExpect(content().string(containsString("/my/contribution/conversations/new?offer=" + offer + "&amp;need=" + need)));

        // Staff hide the need: it leaves the public pages and the suggestions; its group still sees it, marked.
        assertThat(needModeration.post(need)).hasValueSatisfying(p -> assertThat(p.path()).isEqualTo("/contribution/needs/" + need));
        needModeration.hide(need, "個人の電話番号が書かれていたため", Instant.now());
        assertThat(needModeration.post(need).orElseThrow().hidden()).isTrue();
        mvc.perform(get("/contribution/needs/" + need)).andExpect(status().isNotFound());
        mvc.perform(get("/contribution/offers/" + offer)).andExpect(content().string(not(containsString(needTitle))));
        mvc.perform(get("/contribution")).andExpect(content().string(not(containsString(needTitle))));
        mvc.perform(get("/my/contribution/needs/" + need).with(user(w.civic()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("非表示"))).andExpect(content().string(containsString("個人の電話番号が書かれていたため")));
        needModeration.unhide(need);
        mvc.perform(get("/contribution/needs/" + need)).andExpect(status().isOk());
        offerModeration.hide(offer, "宣伝のみ", Instant.now());
        mvc.perform(get("/contribution/offers/" + offer)).andExpect(status().isNotFound());
        mvc.perform(get("/contribution/needs/" + need)).andExpect(content().string(not(containsString(offerTitle))));
        mvc.perform(get("/my/contribution").with(user(w.biz()))).andExpect(content().string(containsString("非表示")));
    }

    @Test
    void conversationsAreRelayedWithoutAddressesAndEndInARecordedCooperation() throws Exception {
        World w = world();
        long offer = publishedOffer(w, "チラシの印刷をお手伝い" + w.tag());
        long need = need(w, w.civicGroup(), w.civic(), "PRINTING", "サロンのチラシを印刷したい" + w.tag());

        // The business writes about the suggested pair; the group's managers get a mail without anyone's address.
        mvc.perform(get("/my/contribution/conversations/new").param("offer", "" + offer).param("need", "" + need).with(user(w.biz())))
                .andExpect(status().isOk()).andExpect(content().string(containsString("子育てひろば" + w.tag())));
        mvc.perform(post("/my/contribution/conversations/new").param("offer", "" + offer).param("need", "" + need).with(csrf())
                        .with(user(w.biz())).param("groupId", "" + w.bizGroup()).param("body", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"body-error\"")));
        long id = created(post("/my/contribution/conversations/new").param("offer", "" + offer).param("need", "" + need).with(csrf())
                .param("groupId", "" + w.bizGroup()).param("body", "300枚、喜んで印刷します。秘密の合言葉" + w.tag()), w.biz());
        String mail = awaitMail(greenMail, w.civic().email(), "からメッセージが届きました");
        assertThat(mail).contains("株式会社テスト印刷" + w.tag()).contains("/my/contribution/conversations/" + id)
                .doesNotContain(w.biz().email()).doesNotContain(w.civic().email()).doesNotContain("秘密の合言葉");
        assertThat(TestMailServer.count(greenMail, w.outsider().email(), "")).isZero();

        // Only the two groups' managers see the thread.
        mvc.perform(get("/my/contribution/conversations/" + id).with(user(w.civic()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("秘密の合言葉" + w.tag())))
                .andExpect(content().string(not(containsString(w.biz().email()))));
        mvc.perform(get("/my/contribution/conversations/" + id).with(user(w.outsider()))).andExpect(status().isNotFound());
        mvc.perform(get("/my/contribution/conversations/" + id).with(user(w.resident()))).andExpect(status().isNotFound());
        mvc.perform(post("/my/contribution/conversations/" + id).with(csrf()).with(user(w.outsider())).param("body", "割り込み"))
                .andExpect(status().isNotFound());

        // The group replies; the business gets the mail.
        mvc.perform(post("/my/contribution/conversations/" + id).with(csrf()).with(user(w.civic())).param("body", "ありがとうございます!"))
                .andExpect(status().is3xxRedirection());
        String reply = awaitMail(greenMail, w.biz().email(), "からメッセージが届きました");
        assertThat(reply).contains("子育てひろば" + w.tag()).doesNotContain(w.civic().email()).doesNotContain(w.biz().email());

        // Either side records the agreed cooperation, once; the public pages count it without its content.
        mvc.perform(post("/my/contribution/conversations/" + id + "/agree").with(csrf()).with(user(w.civic())).param("summary", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("id=\"summary-error\"")));
        mvc.perform(post("/my/contribution/conversations/" + id + "/agree").with(csrf()).with(user(w.civic()))
                .param("summary", "チラシ300枚を無償で印刷する")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/my/contribution/conversations/" + id + "/agree").with(csrf()).with(user(w.biz()))
                .param("summary", "もう一度")).andExpect(status().isOk()).andExpect(content().string(containsString("すでに記録されています")));
        assertThat(jdbc.sql("select group_id from vol_cooperation where conversation_id = :c").param("c", id).query(Long.class).single())
                .as("the business is the record's group, the other its partner").isEqualTo(w.bizGroup());
        awaitMail(greenMail, w.biz().email(), "協力の成立を記録しました");
        mvc.perform(get("/contribution/offers/" + offer)).andExpect(content().string(containsString("協力が成立 1件")))
                .andExpect(content().string(not(containsString("チラシ300枚を無償で印刷する"))));
        mvc.perform(get("/contribution/needs/" + need)).andExpect(content().string(containsString("協力が成立 1件")));
        mvc.perform(get("/my/contribution/conversations/" + id).with(user(w.biz()))).andExpect(content().string(containsString("チラシ300枚を無償で印刷する")));
        assertThat(audits("conversation.start", "vol_conversation", id)).isEqualTo(1);
        long coop = jdbc.sql("select id from vol_cooperation where conversation_id = :c").param("c", id).query(Long.class).single();
        assertThat(audits("cooperation.record", "vol_cooperation", coop)).isEqualTo(1);
        mvc.perform(get("/my/contribution").with(user(w.civic()))).andExpect(content().string(containsString("/my/contribution/conversations/" + id)));
    }

    @Test
    void startingConversationsAndSendingMessagesAreRateLimited() throws Exception {
        World w = world();
        long need = need(w, w.civicGroup(), w.civic(), "PRINTING", "印刷したい" + w.tag());
        for (int i = 0; i < 5; i++) {
            created(post("/my/contribution/conversations/new").param("need", "" + need).with(csrf()).param("groupId", "" + w.bizGroup())
                    .param("body", "こんにちは " + i), w.biz());
        }
        mvc.perform(post("/my/contribution/conversations/new").param("need", "" + need).with(csrf()).with(user(w.biz()))
                        .param("groupId", "" + w.bizGroup()).param("body", "6件目"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("新しいやりとりを始められるのは1日に5件までです")))
                .andExpect(content().string(containsString("6件目")));
        long id = jdbc.sql("select max(id) from vol_conversation where need_id = :n").param("n", need).query(Long.class).single();
        for (int i = 0; i < 25; i++) {
            jdbc.sql("insert into vol_conv_message (conversation_id, group_id, author_id, body, created_at) values (:c, :g, :a, 'x', now())")
                    .param("c", id).param("g", w.bizGroup()).param("a", w.biz().accountId()).update();
        }
        mvc.perform(post("/my/contribution/conversations/" + id).with(csrf()).with(user(w.biz())).param("body", "31通目"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("メッセージを送れるのは1時間に30件までです")));
        mvc.perform(post("/my/contribution/conversations/" + id).with(csrf()).with(user(w.civic())).param("body", "こちらは送れます"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aGroupCannotTalkToItselfOrAboutADraft() throws Exception {
        World w = world();
        long draft = created(offerForm("/my/contribution/offers/new", w.bizGroup(), "下書き" + w.tag()), w.biz());
        mvc.perform(get("/my/contribution/conversations/new").param("offer", "" + draft).with(user(w.civic()))).andExpect(status().isNotFound());
        long need = need(w, w.civicGroup(), w.civic(), "PRINTING", "印刷したい" + w.tag());
        mvc.perform(post("/my/contribution/conversations/new").param("need", "" + need).with(csrf()).with(user(w.civic()))
                        .param("groupId", "" + w.civicGroup()).param("body", "自分宛て"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("メッセージは、登録団体の代表者・担当者の方が送れます")));
    }
}
