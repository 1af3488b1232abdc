package jp.kyodo.collaboration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import jp.kyodo.IntegrationTest;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.search.SearchIndex;
import jp.kyodo.search.SearchQuery;
import jp.kyodo.search.SearchResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A department's theme is found by the site search as soon as it is published, follows its edits, and never as a draft. */
@IntegrationTest
class CallSearchIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired CollaborationTestData data;
    @Autowired CallManagement calls;
    @Autowired SearchIndex index;
    @Autowired Projects projects;
    @Autowired ProjectRepository projectRows;
    @Autowired org.springframework.transaction.support.TransactionTemplate tx;

    static String word() {
        StringBuilder word = new StringBuilder("qz");
        ThreadLocalRandom.current().ints(8, 'a', 'z' + 1).forEach(c -> word.append((char) c));
        return word.toString();
    }

    private List<String> found(String text, Map<String, List<String>> filters) {
        return index.search(new SearchQuery(CallSearchSource.TYPE, text, filters, SearchQuery.Sort.RELEVANCE, 0, 100)).hits().stream()
                .map(SearchResult.Hit::id).toList();
    }

    private static CallForm form(String title, LocalDate today, long version) {
        CallForm form = new CallForm();
        form.setVersion(version);
        form.setFiscalYear(String.valueOf(today.getYear()));
        form.setTitle(title);
        form.setBackground("地域の自主防災組織の担い手が高齢化しています。");
        form.setExpectedOutcome("避難所運営の訓練を市民と一緒に企画し、毎年続けられる形にします。");
        form.setBudgetCap("300000");
        form.setForms(Set.of("COMMISSION"));
        form.setApplicationOpens(today.toString());
        form.setConsultationDeadline(today.plusDays(10).toString());
        form.setApplicationCloses(today.plusDays(30).toString());
        form.setFirstScreeningOn(today.plusDays(40).toString());
        form.setSecondScreeningOn(today.plusDays(50).toString());
        form.setResultOn(today.plusDays(60).toString());
        return form;
    }

    @Test
    void aThemeIsFoundOnceItIsPublishedFollowsItsEditsAndADraftIsNever() {
        long department = data.department("危機管理課", false);
        SignedInUser staff = data.account("call-search", department, "STAFF");
        CallManagement.Editor editor = new CallManagement.Editor(staff, department, false);
        LocalDate today = calls.today();
        String published = word();
        String draft = word();
        long id = calls.create(editor, CallOrigin.CITY, form("避難所運営の訓練 " + published, today, 0));
        long draftId = calls.create(editor, CallOrigin.CITY, form("まだ下書きのテーマ " + draft, today, 0));

        calls.publish(editor, id, 0);

        await().atMost(WAIT).untilAsserted(() -> assertThat(found(published, Map.of())).containsExactly(String.valueOf(id)));
        // Found by reading and by a part of a compound, with its facets.
        assertThat(found("ぼうさい " + published, Map.of())).containsExactly(String.valueOf(id));
        assertThat(found("防災", Map.of("status", List.of("open")))).contains(String.valueOf(id));
        assertThat(found(draft, Map.of())).isEmpty();

        String renamed = word();
        calls.edit(editor, id, form("避難所運営の訓練 " + renamed, today, calls.view(id).version()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(found(renamed, Map.of())).containsExactly(String.valueOf(id)));
        assertThat(found(published, Map.of())).isEmpty();

        calls.close(editor, id, calls.view(id).version());
        await().atMost(WAIT).untilAsserted(() -> assertThat(found(renamed, Map.of("status", List.of("closed"))))
                .containsExactly(String.valueOf(id)));
        assertThat(found(draft, Map.of())).isEmpty();
        assertThat(calls.view(draftId).status()).isEqualTo(CallStatus.DRAFT);
    }

    @Test
    void aProjectIsFoundOnlyOnceTheSecretariatPublishesIt() {
        String tag = word();
        long department = data.department("文化振興課", false);
        SignedInUser staff = data.account("project-search-staff", department, "STAFF");
        SignedInUser admin = data.account("project-search-admin", data.department("市民活動推進課", true), "STAFF", "ADMIN");
        SignedInUser rep = data.account("project-search-rep", null);
        long group = data.registeredGroup("はにわ芸術の会 " + tag, rep.accountId(), "芸術で地域を元気にします。");
        long projectId = data.adoptedProject(department, group, rep, staff, tag);
        tx.executeWithoutResult(status -> {
            Project project = projectRows.findById(projectId).orElseThrow();
            project.start(java.time.Instant.now());
            project.complete(java.time.Instant.now());
        });
        index.rebuild(ProjectSearchSource.TYPE);
        assertThat(index.search(SearchQuery.of(ProjectSearchSource.TYPE, "アートフェスタ" + tag)).total()).isZero();

        projects.publish(projectId, new Projects.Viewer(admin, admin.departmentId(), true, false),
                projectRows.findById(projectId).orElseThrow().version(), () -> true);

        await().atMost(WAIT).untilAsserted(() -> assertThat(index.search(SearchQuery.of(ProjectSearchSource.TYPE, "アートフェスタ" + tag))
                .hits()).extracting(SearchResult.Hit::url).containsExactly("/collaboration/projects/" + projectId));
        // Found by the group's name too, as the public page shows it.
        assertThat(index.search(SearchQuery.of(null, "はにわ芸術の会 " + tag)).hits()).extracting(SearchResult.Hit::type)
                .contains(ProjectSearchSource.TYPE);
    }
}
