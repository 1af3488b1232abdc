package jp.kyodo.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import jp.kyodo.IntegrationTest;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.search.SearchIndex;
import jp.kyodo.search.SearchQuery;
import jp.kyodo.search.SearchResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A course is found by the site search right after it is published, by its reading too, and never as a draft. */
@IntegrationTest
class CourseSearchIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired Courses courses;
    @Autowired SearchIndex index;

    static String word() {
        StringBuilder word = new StringBuilder("qc");
        ThreadLocalRandom.current().ints(8, 'a', 'z' + 1).forEach(c -> word.append((char) c));
        return word.toString();
    }

    private List<String> found(String type, String text) {
        return index.search(SearchQuery.of(type, text)).hits().stream().map(SearchResult.Hit::id).toList();
    }

    @Test
    void aPublishedCourseIsFoundAtOnceAndADraftNever() {
        String tag = word();
        long dept = TrainingTestData.department(jdbc, tag);
        SignedInUser staff = TrainingTestData.account(jdbc, users, "course-search", dept, "STAFF");
        String draftWord = word();
        long draft = courses.create(staff, dept, TrainingTestData.form("子育て支援の下書き講座 " + draftWord, "RESIDENTS", "10",
                courses.today().plusDays(10), 2));

        long id = TrainingTestData.publishedCourse(courses, staff, dept, "子育て支援リーダー養成講座 " + tag, "RESIDENTS", 20, 3);

        await().atMost(WAIT).untilAsserted(() -> assertThat(found("course", tag)).containsExactly(String.valueOf(id)));
        assertThat(found("course", "こそだて " + tag)).containsExactly(String.valueOf(id));
        // The session topics and the lecturer are public on the course page, so they are searched too.
        assertThat(found(null, "第3回のテーマ " + tag)).containsExactly(String.valueOf(id));
        assertThat(found(null, draftWord)).isEmpty();
        assertThat(courses.forDepartment(draft, dept, false).status()).isEqualTo(Courses.Status.DRAFT);
    }
}
