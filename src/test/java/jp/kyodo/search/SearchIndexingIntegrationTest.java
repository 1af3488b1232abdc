package jp.kyodo.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.kyodo.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.support.TransactionTemplate;

/** Another module's committed change reaches the index through the event publication registry. */
@IntegrationTest
class SearchIndexingIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired SearchIndex index;
    @Autowired JdbcClient jdbc;
    @Autowired EventSerializer serializer;

    private static SearchDocument festival(String type, String id) {
        return new SearchDocument(type, id, "本庄まつり実行委員会", "夏祭りの運営を担う市民団体です。", "/groups/" + id,
                Map.of("area", List.of("本庄地区")), Instant.now());
    }

    private List<String> found(String type, String text) {
        return index.search(SearchQuery.of(type, text)).hits().stream().map(SearchResult.Hit::id).toList();
    }

    @Test
    void aChangedDocumentBecomesSearchableAfterTheCommitAndARemovedOneDisappears() {
        String type = "test-" + UUID.randomUUID();

        tx.executeWithoutResult(status -> events.publishEvent(new SearchDocumentChanged(festival(type, "7"))));

        await().atMost(WAIT).untilAsserted(() -> assertThat(found(type, "まつり")).containsExactly("7"));
        // The publication was kept in the registry and marked complete once indexed.
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.sql("""
                select count(*) from event_publication
                where event_type = ? and serialized_event like ? and completion_date is not null""")
                .params(SearchDocumentChanged.class.getName(), "%" + type + "%").query(Long.class).single()).isEqualTo(1));

        tx.executeWithoutResult(status -> events.publishEvent(new SearchDocumentRemoved(type, "7")));

        await().atMost(WAIT).untilAsserted(() -> assertThat(index.count(type)).isZero());
    }

    @Test
    void aRolledBackChangeIsNeverIndexed() {
        String type = "test-" + UUID.randomUUID();

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            events.publishEvent(new SearchDocumentChanged(festival(type, "1")));
            throw new IllegalStateException("the change failed");
        })).isInstanceOf(IllegalStateException.class);
        tx.executeWithoutResult(status -> events.publishEvent(new SearchDocumentChanged(festival(type, "2"))));

        // Events are handled in any order, so wait for the committed one, then check the other is absent.
        await().atMost(WAIT).untilAsserted(() -> assertThat(found(type, "")).contains("2"));
        assertThat(found(type, "")).containsExactly("2");
    }

    @Test
    void eventsSurviveTheirTripThroughTheRegistry() {
        // After a crash the registry republishes events from their stored form.
        var changed = new SearchDocumentChanged(new SearchDocument("group", "3", "ＮＰＯ法人はにわ国際交流協会", "日本語教室",
                "/groups/3", Map.of("field", List.of("国際交流", "子育て支援")), Instant.parse("2026-03-01T09:30:00Z")));
        var removed = new SearchDocumentRemoved("group", "3");

        assertThat(serializer.deserialize(serializer.serialize(changed), SearchDocumentChanged.class)).isEqualTo(changed);
        assertThat(serializer.deserialize(serializer.serialize(removed), SearchDocumentRemoved.class)).isEqualTo(removed);
    }
}
