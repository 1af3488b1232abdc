package jp.kyodo.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestPeople;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.collaboration.FinishedProjectFixture;
import jp.kyodo.search.SearchIndex;
import jp.kyodo.search.SearchQuery;
import jp.kyodo.search.SearchResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Staff draft a case study from a published collaboration project (fields pre-filled), edit it, add a photo with its
 * alternative text and publish it; the public finds it by form, field and fiscal year, in the API, the CSV and the
 * search, without anyone's contact details; withdrawn, it disappears again. Drafts are never public, residents cannot
 * edit, and every act is audited.
 */
@IntegrationTest
class CaseStudyIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    // The smallest valid PNG: one transparent pixel.
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired JdbcClient jdbc;
    @Autowired SearchIndex index;
    @Autowired FinishedProjectFixture fixture;

    @Test
    void aCaseStudyDraftedFromAProjectIsEditedPublishedFoundAndWithdrawn() throws Exception {
        SignedInUser staff = people.account("case-staff", null, "STAFF");
        String tag = NewsIntegrationTest.word();
        long project = fixture.publishedProject(staff, tag);

        // The list of projects offers it; drafting pre-fills the fields from the project.
        assertThat(page("/staff/case-studies/from-project", staff)).contains("アートフェスタ" + tag);
        long id = draft(staff, project);
        assertThat(draft(staff, project)).isEqualTo(id);
        String form = page("/staff/case-studies/" + id, staff);
        assertThat(form).contains("アートフェスタ" + tag).contains("アートの会" + tag).contains("value=\"2027\"").contains("value=\"230000\"")
                .contains("来場者の満足度").containsPattern("value=\"COHOSTING\"\\s+selected");

        // A draft is nowhere public.
        assertPublic(id, "アートフェスタ" + tag, false);

        // Edited and published: found by its form, field and year, and through the search.
        mvc.perform(post("/staff/case-studies/{id}", id).with(user(staff)).with(csrf())
                        .param("version", version(id)).param("title", "アートフェスタ" + tag).param("summary", "芸術祭で駅前に人が戻った " + tag)
                        .param("form", "COHOSTING").param("fiscalYear", "2027").param("fields", "geijutsu").param("fields", "matsuri")
                        .param("partnerGroups", "アートの会" + tag).param("departmentName", "文化振興課").param("budget", "230,000")
                        .param("periodFrom", "2027-04-01").param("periodTo", "2028-03-31")
                        .param("lessons", "早めの広報が効いた").param("activities", "芸術祭を開いた"))
                .andExpect(status().is3xxRedirection());
        // A photo needs its alternative text and must be an image.
        String refused = mvc.perform(multipart("/staff/case-studies/{id}/photos", id).file(new MockMultipartFile("photo", "a.png", "image/png", PNG))
                        .param("altText", "").with(user(staff)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("id=\"altText-error\"");
        String notImage = mvc.perform(multipart("/staff/case-studies/{id}/photos", id)
                        .file(new MockMultipartFile("photo", "a.png", "image/png", "not an image".getBytes(StandardCharsets.UTF_8)))
                        .param("altText", "駅前の会場").with(user(staff)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(notImage).contains("id=\"photo-error\"").contains("駅前の会場");
        mvc.perform(multipart("/staff/case-studies/{id}/photos", id).file(new MockMultipartFile("photo", "a.png", "image/png", PNG))
                        .param("altText", "駅前の会場で作品を見る来場者").with(user(staff)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        // While the project itself is not published, its evaluation is not public: neither is a case study made from it.
        jdbc.sql("update collab_project set status = 'COMPLETED', published_at = null where id = :id").param("id", project).update();
        String unpublishedProject = mvc.perform(post("/staff/case-studies/{id}/publish", id).with(user(staff)).with(csrf()).param("version", version(id)))
                .andReturn().getResponse().getContentAsString();
        assertThat(unpublishedProject).contains("元になった協働事業がまだ公開されていません");
        assertPublic(id, "アートフェスタ" + tag, false);
        jdbc.sql("update collab_project set status = 'PUBLISHED', published_at = now() where id = :id").param("id", project).update();
        mvc.perform(post("/staff/case-studies/{id}/publish", id).with(user(staff)).with(csrf()).param("version", version(id)))
                .andExpect(status().is3xxRedirection());
        assertPublic(id, "アートフェスタ" + tag, true);
        assertThat(mvc.perform(get("/case-studies").param("form", "COHOSTING").param("field", "geijutsu").param("year", "2027"))
                .andReturn().getResponse().getContentAsString()).contains("アートフェスタ" + tag);
        assertThat(mvc.perform(get("/case-studies").param("form", "SUBSIDY")).andReturn().getResponse().getContentAsString())
                .doesNotContain("アートフェスタ" + tag);
        assertThat(mvc.perform(get("/case-studies").param("year", "2024")).andReturn().getResponse().getContentAsString())
                .doesNotContain("アートフェスタ" + tag);
        assertThat(mvc.perform(get("/api/v1/case-studies").param("field", "kosodate").param("size", "100")).andReturn().getResponse()
                .getContentAsString()).doesNotContain("アートフェスタ" + tag);
        String detail = page("/case-studies/" + id, null);
        assertThat(detail).contains("早めの広報が効いた").contains("230,000円").contains("alt=\"駅前の会場で作品を見る来場者\"");
        long photo = jdbc.sql("select id from pub_case_study_photo where case_study_id = :c").param("c", id).query(Long.class).single();
        mvc.perform(get("/case-studies/{id}/photos/{p}", id, photo)).andExpect(status().isOk());
        await().atMost(WAIT).untilAsserted(() -> assertThat(searchIds(tag, Map.of())).contains(String.valueOf(id)));
        assertThat(searchIds(tag, Map.of("form", List.of("COHOSTING"), "fiscalYear", List.of("2027"), "field", List.of("matsuri"))))
                .contains(String.valueOf(id));
        assertThat(searchIds(tag, Map.of("form", List.of("SUBSIDY")))).doesNotContain(String.valueOf(id));

        // The open data carry no personal data: neither the group's contact nor its representative.
        String api = mvc.perform(get("/api/v1/case-studies").param("size", "100")).andReturn().getResponse().getContentAsString();
        String csv = mvc.perform(get("/opendata/case-studies.csv")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        for (String data : List.of(api, csv)) {
            assertThat(data).doesNotContain("@example.jp").doesNotContain("代表 太郎").doesNotContain("連絡 花子").doesNotContain("fp-rep");
        }

        // Withdrawn: gone from the public pages, the data and the search; the photo is no longer served.
        mvc.perform(post("/staff/case-studies/{id}/unpublish", id).with(user(staff)).with(csrf()).param("version", version(id)))
                .andExpect(status().is3xxRedirection());
        assertPublic(id, "アートフェスタ" + tag, false);
        mvc.perform(get("/case-studies/{id}/photos/{p}", id, photo)).andExpect(status().isNotFound());
        await().atMost(WAIT).untilAsserted(() -> assertThat(searchIds(tag, Map.of())).doesNotContain(String.valueOf(id)));

        assertThat(jdbc.sql("select action from audit_entry where record_type = 'pub_case_study' and record_id = :id order by id")
                .param("id", String.valueOf(id)).query(String.class).list())
                .containsExactly("caseStudy.draftFromProject", "caseStudy.edit", "caseStudy.photo.add", "caseStudy.publish", "caseStudy.unpublish");
    }

    @Test
    void residentsCannotWriteCaseStudiesAndBadInputKeepsWhatWasTyped() throws Exception {
        SignedInUser resident = people.account("case-resident", null);
        SignedInUser staff = people.account("case-staff2", null, "STAFF");
        mvc.perform(get("/staff/case-studies").with(user(resident))).andExpect(status().isForbidden());
        mvc.perform(post("/staff/case-studies/new").with(user(resident)).with(csrf()).param("title", "x")).andExpect(status().isForbidden());
        mvc.perform(post("/staff/case-studies/from-project/1").with(user(resident)).with(csrf())).andExpect(status().isForbidden());

        String body = mvc.perform(post("/staff/case-studies/new").with(user(staff)).with(csrf()).param("title", "見守りの事例")
                        .param("summary", "").param("form", "").param("fiscalYear", "二〇二五").param("partnerGroups", "本庄西部自治会")
                        .param("budget", "たくさん").param("periodFrom", "2026-04-01").param("periodTo", "2026-03-01"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(body).contains("value=\"見守りの事例\"").contains("value=\"本庄西部自治会\"").contains("id=\"summary-error\"")
                .contains("id=\"form-error\"").contains("id=\"fiscalYear-error\"").contains("id=\"budget-error\"").contains("id=\"periodTo-error\"");
        assertThat(jdbc.sql("select count(*) from pub_case_study where title = '見守りの事例'").query(Long.class).single()).isZero();
    }

    private long draft(SignedInUser staff, long project) throws Exception {
        String location = mvc.perform(post("/staff/case-studies/from-project/{p}", project).with(user(staff)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private String page(String url, SignedInUser who) throws Exception {
        var request = get(url);
        if (who != null) {
            request.with(user(who));
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private void assertPublic(long id, String title, boolean visible) throws Exception {
        String list = mvc.perform(get("/case-studies").param("year", "2027")).andReturn().getResponse().getContentAsString();
        String api = mvc.perform(get("/api/v1/case-studies").param("size", "100")).andReturn().getResponse().getContentAsString();
        String csv = mvc.perform(get("/opendata/case-studies.csv")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        int detail = mvc.perform(get("/case-studies/{id}", id)).andReturn().getResponse().getStatus();
        if (visible) {
            assertThat(list).contains(title);
            assertThat(api).contains(title);
            assertThat(csv).contains(title);
            assertThat(detail).isEqualTo(200);
        } else {
            assertThat(list).doesNotContain(title);
            assertThat(api).doesNotContain(title);
            assertThat(csv).doesNotContain(title);
            assertThat(detail).isEqualTo(404);
        }
    }

    private String version(long id) {
        return String.valueOf(jdbc.sql("select version from pub_case_study where id = :id").param("id", id).query(Long.class).single());
    }

    private List<String> searchIds(String word, Map<String, List<String>> filters) {
        return index.search(new SearchQuery(CaseStudies.SEARCH_TYPE, word, filters, SearchQuery.Sort.RELEVANCE, 0, 100)).hits().stream()
                .map(SearchResult.Hit::id).toList();
    }
}
