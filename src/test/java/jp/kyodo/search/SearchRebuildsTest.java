package jp.kyodo.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

/** An administrator's rebuild runs in the background, tells its progress, and loses no change indexed meanwhile. */
class SearchRebuildsTest {

    private final LuceneIndex lucene = new LuceneIndex(new ByteBuffersDirectory(), JapaneseSearchTest.SETTINGS);
    private final CountDownLatch reading = new CountDownLatch(1);
    private final CountDownLatch mayFinish = new CountDownLatch(1);

    // A slow source: it has read its snapshot of two courses and waits before handing it over.
    private final SearchSource slowCourses = new SearchSource() {
        @Override
        public String type() {
            return "course";
        }

        @Override
        public Stream<SearchDocument> all() {
            List<SearchDocument> snapshot = List.of(course("1", "子育て講座"), course("2", "防災講座"));
            reading.countDown();
            try {
                mayFinish.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return snapshot.stream();
        }

        @Override
        public java.util.Optional<SearchDocument> current(String id) {
            return java.util.Optional.empty();
        }
    };
    private final SearchSource groups = new SearchSource() {
        @Override
        public String type() {
            return "group";
        }

        @Override
        public Stream<SearchDocument> all() {
            return Stream.of(new SearchDocument("group", "1", "子育てサロン", "", "/groups/1", Map.of(), null));
        }

        @Override
        public java.util.Optional<SearchDocument> current(String id) {
            return all().filter(d -> d.id().equals(id)).findFirst();
        }
    };
    private final SearchIndex index = new SearchIndex(lucene, () -> List.of(slowCourses, groups), TransactionOperations.withoutTransaction());
    private final SearchRebuilds rebuilds = new SearchRebuilds(index, Clock.systemUTC());

    private static SearchDocument course(String id, String title) {
        return new SearchDocument("course", id, title, "", "/training/courses/" + id, Map.of(), Instant.parse("2026-04-01T00:00:00Z"));
    }

    @AfterEach
    void close() {
        mayFinish.countDown();
        rebuilds.destroy();
        lucene.close();
    }

    @Test
    void aCoursePublishedDuringTheRebuildIsStillFoundAfterIt() throws Exception {
        assertThat(rebuilds.start(List.of("course", "group"))).isTrue();
        assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(rebuilds.progress().running()).isTrue();
        assertThat(rebuilds.progress().current()).isEqualTo("course");
        assertThat(rebuilds.start(List.of("group"))).as("one rebuild at a time").isFalse();

        // Published after the source read its snapshot: it waits for the rebuild instead of being overwritten by it.
        Thread publisher = new Thread(() -> index.put(course("3", "協働入門講座")));
        publisher.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> publisher.getState() == Thread.State.WAITING);
        mayFinish.countDown();
        publisher.join(10_000);
        assertThat(publisher.isAlive()).isFalse();

        await().atMost(Duration.ofSeconds(10)).until(() -> !rebuilds.progress().running());
        SearchRebuilds.Progress done = rebuilds.progress();
        assertThat(done.done()).isEqualTo(2);
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.documents()).isEqualTo(3);
        assertThat(done.failed()).isNull();
        assertThat(index.search(SearchQuery.of("course", "")).hits()).extracting(SearchResult.Hit::id).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(index.count("group")).isEqualTo(1);
    }

    @Test
    void aTypeWithoutSourceIsRefused() {
        assertThatThrownBy(() -> rebuilds.start(List.of("news"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(rebuilds.progress().running()).isFalse();
    }
}
