package jp.kyodo.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestPeople;
import jp.kyodo.accounts.SignedInUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The search page as a person uses it, and the index administration as an administrator does (and nobody else). */
@IntegrationTest
class SiteSearchIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired MockMvc mvc;
    @Autowired SearchIndex index;
    @Autowired SearchRebuilds rebuilds;
    @Autowired TestPeople people;
    @Autowired JdbcClient jdbc;

    static String word() {
        StringBuilder word = new StringBuilder("qs");
        ThreadLocalRandom.current().ints(8, 'a', 'z' + 1).forEach(c -> word.append((char) c));
        return word.toString();
    }

    private static SearchDocument document(String type, String id, String title, String text, String status) {
        return new SearchDocument(type, id, title, text, "/test/" + id, Map.of("status", List.of(status)),
                Instant.parse("2026-04-01T00:00:00Z").plusSeconds(Long.parseLong(id)));
    }

    @Test
    void resultsAreGroupedByKindWithHighlightsAndEscapedText() throws Exception {
        String tag = word();
        index.put(document("test-a-" + tag, "1", "子育てサロン " + tag, "<b>乳幼児</b>と保護者の交流の場です。", "open"));
        index.put(document("test-b-" + tag, "2", "子育て講座 " + tag, "子育ての悩みを話し合います。", "open"));

        mvc.perform(get("/search").param("q", "こそだて " + tag))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<mark>子育て</mark>サロン")))
                .andExpect(content().string(containsString("test-a-" + tag + "(1件)")))
                .andExpect(content().string(containsString("test-b-" + tag + "(1件)")))
                .andExpect(content().string(containsString("&lt;b&gt;乳幼児&lt;/b&gt;")))
                .andExpect(content().string(not(containsString("<b>乳幼児"))));

        // Whatever is typed is shown back as text, never as markup.
        mvc.perform(get("/search").param("q", "<script>alert(1)</script>"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(containsString("見つかりませんでした")));

        // htmx gets the results alone; every page has the search box in its header.
        mvc.perform(get("/search").param("q", tag).header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"search-results\"")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/"))
                .andExpect(content().string(containsString("id=\"site-search-q\"")))
                .andExpect(content().string(containsString("action=\"/search\"")));
    }

    @Test
    void oneKindIsPagedAndFilteredAndTheLinksKeepTheQuery() throws Exception {
        String tag = word();
        String type = "test-p-" + tag;
        for (int i = 1; i <= 12; i++) {
            index.put(document(type, String.valueOf(i), "防災の記事 " + i, tag + " についての記事です。", i <= 3 ? "closed" : "open"));
        }

        mvc.perform(get("/search").param("q", tag).param("type", type))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1 / 2 ページ(全12件)")))
                .andExpect(content().string(containsString("page=1")))
                .andExpect(content().string(containsString("f.status")));
        mvc.perform(get("/search").param("q", tag).param("type", type).param("page", "1"))
                .andExpect(content().string(containsString("2 / 2 ページ(全12件)")));
        mvc.perform(get("/search").param("q", tag).param("type", type).param("f.status", "closed"))
                .andExpect(content().string(containsString(type + "(3件)")))
                .andExpect(content().string(containsString("解除")));
        // Another kind chosen in the form starts without the filters of the kind the form showed.
        mvc.perform(get("/search").param("q", tag).param("type", "test-other-" + tag).param("filtersOf", type).param("f.status", "closed"))
                .andExpect(content().string(not(containsString("解除"))));
    }

    @Test
    void aMisspeltWordGetsADidYouMeanLink() throws Exception {
        String tag = word();
        index.put(document("test-s-" + tag, "1", "防災訓練のお知らせ", "市内全域で防災訓練を行います。" + tag, "open"));

        mvc.perform(get("/search").param("q", "防炎訓練"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("もしかして")))
                .andExpect(content().string(containsString(">防災訓練</a>")));
    }

    @Test
    void onlyAdministratorsSeeAndRebuildTheIndex() throws Exception {
        SignedInUser resident = people.account("search-resident", null);
        SignedInUser staff = people.account("search-staff", null, "STAFF");
        SignedInUser admin = people.account("search-admin", null, "ADMIN");

        mvc.perform(get("/admin/search")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/admin/search").with(user(resident))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/search").with(user(staff))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/search/rebuild").param("type", "course").with(csrf()).with(user(staff))).andExpect(status().isForbidden());

        mvc.perform(get("/admin/search").with(user(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("講座・研修")))
                .andExpect(content().string(containsString("すべての種類を再構築する")));

        // A document the source does not have is dropped by the rebuild, and the count is the source's again.
        index.put(new SearchDocument("course", "lost-" + word(), "消えるはずの講座", "", "/training/courses/0", Map.of(), null));
        await().until(() -> !rebuilds.progress().running());
        mvc.perform(post("/admin/search/rebuild").param("type", "course").with(csrf()).with(user(admin)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/search"));
        await().atMost(WAIT).until(() -> !rebuilds.progress().running() && rebuilds.progress().finishedAt() != null);
        assertThat(rebuilds.progress().failed()).isNull();
        assertThat(index.search(SearchQuery.of("course", "消えるはずの講座")).total()).isZero();
        assertThat(index.count("course")).isEqualTo(
                jdbc.sql("select count(*) from training_course where status = 'PUBLISHED'").query(Long.class).single());
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'search.rebuild' and record_id = 'course' and actor_id = ?")
                .param(admin.accountId()).query(Long.class).single()).isEqualTo(1);

        mvc.perform(get("/admin/search").with(user(admin)))
                .andExpect(content().string(containsString("<progress")))
                .andExpect(content().string(containsString("再構築が完了しました")));
    }
}
