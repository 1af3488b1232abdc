package jp.kyodo.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestPeople;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.search.SearchIndex;
import jp.kyodo.search.SearchQuery;
import jp.kyodo.search.SearchResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Staff publish news now or at a future time: a scheduled item stays off the list, its page, the feed, the API, the
 * CSV and the search until its time, then appears everywhere (the search through the job that indexes due items);
 * a withdrawn or deleted item disappears again; drafts are never public; residents cannot edit; every act is audited.
 */
@IntegrationTest
class NewsIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired JdbcClient jdbc;
    @Autowired NewsDesk desk;
    @Autowired SearchIndex index;

    @Test
    void aScheduledItemAppearsOnlyFromItsTimeAndWithdrawnItemsDisappear() throws Exception {
        SignedInUser staff = people.account("news-staff", people.department("市民活動推進課", true), "STAFF");
        String word = word();
        String laterTitle = "フォーラムのお知らせ " + word + " later";
        String nowTitle = "センターのお知らせ " + word + " now";
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(1);

        long later = create(staff, laterTitle, Map.of("publishDate", tomorrow.toString(), "publishTime", "9:00", "action", "publish"));
        long now = create(staff, nowTitle, Map.of("action", "publish"));
        long draft = create(staff, "下書き " + word + " draft", Map.of("action", "draft"));

        // The one published now is found (so the index has caught up); the scheduled one and the draft are nowhere public.
        await().atMost(WAIT).untilAsserted(() -> assertThat(searchIds(word)).contains(String.valueOf(now)));
        assertThat(searchIds(word)).doesNotContain(String.valueOf(later), String.valueOf(draft));
        assertPublic(now, nowTitle, true);
        assertPublic(later, laterTitle, false);
        assertPublic(draft, "下書き " + word, false);

        // The job does nothing before the time.
        desk.indexDue();
        assertThat(searchIds(word)).doesNotContain(String.valueOf(later));

        // Its time comes: the pages, feed and open data show it at once, the search once the job has run.
        jdbc.sql("update pub_news set publish_at = now() - interval '1 minute' where id = :id").param("id", later).update();
        assertPublic(later, laterTitle, true);
        // (The job also runs every minute by itself; here it is run at once.)
        desk.indexDue();
        await().atMost(WAIT).untilAsserted(() -> assertThat(searchIds(word)).contains(String.valueOf(later)));

        // Withdrawn: gone from everything public; deleted: gone for good.
        mvc.perform(post("/staff/news/{id}/unpublish", later).with(user(staff)).with(csrf()).param("version", version(later)))
                .andExpect(status().is3xxRedirection());
        assertPublic(later, laterTitle, false);
        await().atMost(WAIT).untilAsserted(() -> assertThat(searchIds(word)).doesNotContain(String.valueOf(later)));
        mvc.perform(post("/staff/news/{id}/delete", now).with(user(staff)).with(csrf()).param("version", version(now)))
                .andExpect(status().is3xxRedirection());
        assertPublic(now, nowTitle, false);
        await().atMost(WAIT).untilAsserted(() -> assertThat(searchIds(word)).doesNotContain(String.valueOf(now)));

        // Every act is in the audit log under the staff member's name.
        assertThat(jdbc.sql("select action from audit_entry where record_type = 'pub_news' and record_id in (:ids) and actor_name = :n order by id")
                .param("ids", List.of(String.valueOf(later), String.valueOf(now), String.valueOf(draft))).param("n", staff.displayName())
                .query(String.class).list()).containsExactly("news.publish", "news.publish", "news.create", "news.unpublish", "news.delete");
    }

    @Test
    void onlyStaffWriteNewsAndBadInputIsShownNextToTheFieldKeepingWhatWasTyped() throws Exception {
        SignedInUser resident = people.account("news-resident", null);
        SignedInUser staff = people.account("news-staff2", people.department("市民活動推進課", true), "STAFF");
        mvc.perform(get("/staff/news").with(user(resident))).andExpect(status().isForbidden());
        mvc.perform(post("/staff/news/new").with(user(resident)).with(csrf()).param("title", "x").param("body", "y")
                .param("category", "NOTICE").param("action", "publish")).andExpect(status().isForbidden());
        mvc.perform(get("/staff/news")).andExpect(status().is3xxRedirection());

        String body = mvc.perform(post("/staff/news/new").with(user(staff)).with(csrf()).param("title", "").param("body", "本文はここに残る")
                        .param("category", "NOTICE").param("publishDate", "あした").param("action", "publish"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("本文はここに残る").contains("id=\"title-error\"").contains("id=\"publishDate-error\"");
    }

    @Test
    void aDepartmentWritesOnlyItsOwnNewsAndTheSecretariatAnyAndAWithdrawnItemComesBackAsNew() throws Exception {
        SignedInUser secretariat = people.account("news-sec", people.department("市民活動推進課", true), "STAFF");
        long kosodate = people.department("子育て支援課", false);
        SignedInUser kosodateStaff = people.account("news-kos", kosodate, "STAFF");
        long bousai = people.department("危機管理課", false);
        String word = word();
        long disaster = create(secretariat, "避難所開設のお知らせ " + word, Map.of("action", "publish", "departmentId", String.valueOf(bousai)));
        String version = String.valueOf(desk.find(disaster).version());

        // Another department can neither withdraw nor delete it, nor write news under another department's name.
        String refused = mvc.perform(post("/staff/news/{id}/unpublish", disaster).with(user(kosodateStaff)).with(csrf()).param("version", version))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("ご自分の課のお知らせだけ");
        mvc.perform(post("/staff/news/{id}/delete", disaster).with(user(kosodateStaff)).with(csrf()).param("version", version))
                .andExpect(status().isOk());
        assertThat(desk.find(disaster).status()).isEqualTo(NewsDesk.Status.PUBLISHED);
        String foreign = mvc.perform(post("/staff/news/new").with(user(kosodateStaff)).with(csrf()).param("title", "他課の名前で " + word)
                        .param("body", "本文").param("category", "NOTICE").param("departmentId", String.valueOf(bousai)).param("action", "publish"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(foreign).contains("id=\"departmentId-error\"").contains("他課の名前で " + word);
        long own = create(kosodateStaff, "子育て講座のお知らせ " + word, Map.of("action", "publish", "departmentId", String.valueOf(kosodate)));
        assertThat(desk.find(own).status()).isEqualTo(NewsDesk.Status.PUBLISHED);

        // The secretariat withdraws the item, then publishes it again with the date the form still shows: it is news now.
        mvc.perform(post("/staff/news/{id}/unpublish", disaster).with(user(secretariat)).with(csrf()).param("version", version))
                .andExpect(status().is3xxRedirection());
        NewsDesk.NewsItem withdrawn = desk.find(disaster);
        java.time.LocalDateTime shown = withdrawn.publishAt().atZone(ZoneId.of("Asia/Tokyo")).toLocalDateTime().minusDays(3);
        java.time.Instant before = java.time.Instant.now().minusSeconds(1);
        mvc.perform(post("/staff/news/{id}", disaster).with(user(secretariat)).with(csrf()).param("title", withdrawn.title())
                        .param("body", withdrawn.body()).param("category", withdrawn.category().name()).param("departmentId", String.valueOf(bousai))
                        .param("publishDate", shown.toLocalDate().toString()).param("publishTime", "09:00")
                        .param("version", String.valueOf(withdrawn.version())).param("action", "publish"))
                .andExpect(status().is3xxRedirection());
        assertThat(desk.find(disaster).publishAt()).isAfter(before);
    }

    @Test
    void bodyTextIsEscapedAndAddressesBecomeLinks() throws Exception {
        SignedInUser staff = people.account("news-staff3", people.department("市民活動推進課", true), "STAFF");
        long id = create(staff, "リンクのテスト " + word(), Map.of("action", "publish",
                "body", "詳しくは https://example.jp/a?b=1&c=2 をご覧ください。\n<script>alert(1)</script>\n\n二つ目の段落"));
        String page = mvc.perform(get("/news/{id}", id)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<a href=\"https://example.jp/a?b=1&amp;c=2\" rel=\"noopener noreferrer nofollow\">https://example.jp/a?b=1&amp;c=2</a>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
    }

    private long create(SignedInUser staff, String title, Map<String, String> extra) throws Exception {
        var request = post("/staff/news/new").with(user(staff)).with(csrf()).param("title", title).param("category", "EVENT");
        if (!extra.containsKey("body")) {
            request.param("body", "本庄市の協働のお知らせです。\n\n詳しくは市民活動推進課まで。");
        }
        extra.forEach(request::param);
        String location = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private void assertPublic(long id, String title, boolean visible) throws Exception {
        String list = mvc.perform(get("/news")).andReturn().getResponse().getContentAsString();
        String feed = mvc.perform(get("/news/feed.xml")).andReturn().getResponse().getContentAsString();
        String api = mvc.perform(get("/api/v1/news").param("size", "100")).andReturn().getResponse().getContentAsString();
        String csv = mvc.perform(get("/opendata/news.csv")).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        int page = mvc.perform(get("/news/{id}", id)).andReturn().getResponse().getStatus();
        if (visible) {
            assertThat(list).contains(title);
            assertThat(feed).contains(title);
            assertThat(api).contains(title);
            assertThat(csv).contains(title);
            assertThat(page).isEqualTo(200);
        } else {
            assertThat(list).doesNotContain(title);
            assertThat(feed).doesNotContain(title);
            assertThat(api).doesNotContain(title);
            assertThat(csv).doesNotContain(title);
            assertThat(page).isEqualTo(404);
        }
    }

    private String version(long id) {
        return String.valueOf(jdbc.sql("select version from pub_news where id = :id").param("id", id).query(Long.class).single());
    }

    private List<String> searchIds(String word) {
        return index.search(new SearchQuery(NewsDesk.SEARCH_TYPE, word, Map.of(), SearchQuery.Sort.RELEVANCE, 0, 100)).hits().stream()
                .map(SearchResult.Hit::id).toList();
    }

    /** A made-up ASCII word that no other record contains. */
    static String word() {
        Random random = new Random();
        StringBuilder s = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }
}
