package jp.kyodo.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.support.TransactionOperations;

/** The index refills itself from the modules' sources, and an index on disk outlives a restart. */
class SearchIndexRebuildTest {

    private final List<LuceneIndex> opened = new ArrayList<>();

    /** A module's source that counts how often the index asked it. */
    static final class CountingSource implements SearchSource {
        private final String type;
        private final List<SearchDocument> documents;
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger streamsClosed = new AtomicInteger();

        CountingSource(String type, List<SearchDocument> documents) {
            this.type = type;
            this.documents = documents;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public Stream<SearchDocument> all() {
            calls.incrementAndGet();
            return documents.stream().onClose(streamsClosed::incrementAndGet);
        }

        @Override
        public java.util.Optional<SearchDocument> current(String id) {
            return documents.stream().filter(d -> d.id().equals(id)).findFirst();
        }
    }

    private LuceneIndex open(Directory directory) {
        LuceneIndex lucene = new LuceneIndex(directory, JapaneseSearchTest.SETTINGS);
        opened.add(lucene);
        return lucene;
    }

    private static SearchIndex searchIndex(LuceneIndex lucene, SearchSource... sources) {
        return new SearchIndex(lucene, () -> List.of(sources), TransactionOperations.withoutTransaction());
    }

    private static SearchDocument news(String id, String title) {
        return new SearchDocument("news", id, title, "", "/news/" + id, Map.of(), Instant.parse("2026-07-01T00:00:00Z"));
    }

    @AfterEach
    void close() {
        opened.forEach(LuceneIndex::close);
    }

    @Test
    void anEmptyIndexIsFilledFromTheSourcesAtStartUp() {
        CountingSource groups = new CountingSource("group", JapaneseSearchTest.groups());
        CountingSource news = new CountingSource("news", List.of(news("1", "防災訓練のお知らせ")));
        SearchIndex index = searchIndex(open(new ByteBuffersDirectory()), groups, news);

        index.rebuildEmptyTypes();

        assertThat(index.count("group")).isEqualTo(4);
        assertThat(index.count("news")).isEqualTo(1);
        assertThat(index.search(SearchQuery.of("group", "こそだて")).hits()).extracting(SearchResult.Hit::id)
                .containsExactly("1");
        assertThat(groups.streamsClosed).hasValue(1);

        // A type that already has documents is left alone on the next start.
        index.rebuildEmptyTypes();
        assertThat(groups.calls).hasValue(1);
        assertThat(news.calls).hasValue(1);
    }

    @Test
    void onlyTheEmptyTypeIsRebuilt() {
        LuceneIndex lucene = open(new ByteBuffersDirectory());
        CountingSource groups = new CountingSource("group", JapaneseSearchTest.groups());
        CountingSource news = new CountingSource("news", List.of(news("1", "防災訓練のお知らせ")));
        SearchIndex index = searchIndex(lucene, groups, news);
        index.put(news("9", "既にある記事"));

        index.rebuildEmptyTypes();

        assertThat(groups.calls).hasValue(1);
        assertThat(news.calls).hasValue(0);
        assertThat(index.count("news")).isEqualTo(1);
    }

    @Test
    void aFailingSourceDoesNotStopTheOthers() {
        SearchSource broken = new SearchSource() {
            @Override
            public String type() {
                return "broken";
            }

            @Override
            public Stream<SearchDocument> all() {
                throw new IllegalStateException("database unavailable");
            }

            @Override
            public java.util.Optional<SearchDocument> current(String id) {
                throw new IllegalStateException("database unavailable");
            }
        };
        CountingSource groups = new CountingSource("group", JapaneseSearchTest.groups());
        SearchIndex index = searchIndex(open(new ByteBuffersDirectory()), broken, groups);

        index.rebuildEmptyTypes();

        assertThat(index.count("broken")).isZero();
        assertThat(index.count("group")).isEqualTo(4);
    }

    @Test
    void rebuildReplacesEveryDocumentOfTheTypeAndNoOther() {
        CountingSource groups = new CountingSource("group", List.of(JapaneseSearchTest.groups().getFirst()));
        SearchIndex index = searchIndex(open(new ByteBuffersDirectory()), groups);
        JapaneseSearchTest.groups().forEach(index::put);
        index.put(news("1", "防災訓練のお知らせ"));

        index.rebuild("group");

        assertThat(index.count("group")).isEqualTo(1);
        assertThat(index.search(SearchQuery.of("group", "")).hits()).extracting(SearchResult.Hit::id).containsExactly("1");
        assertThat(index.count("news")).isEqualTo(1);
    }

    @Test
    void rebuildFromAnEmptySourceEmptiesTheType() {
        SearchIndex index = searchIndex(open(new ByteBuffersDirectory()), new CountingSource("group", List.of()));
        JapaneseSearchTest.groups().forEach(index::put);

        index.rebuild("group");

        assertThat(index.count("group")).isZero();
    }

    @Test
    void aSourceGivingAnotherTypeLeavesTheIndexAsItWas() {
        SearchIndex index = searchIndex(open(new ByteBuffersDirectory()),
                new CountingSource("group", List.of(news("1", "紛れ込んだ記事"))));
        JapaneseSearchTest.groups().forEach(index::put);

        assertThatThrownBy(() -> index.rebuild("group")).isInstanceOf(IllegalArgumentException.class);
        assertThat(index.count("group")).isEqualTo(4);
        assertThat(index.count("news")).isZero();
    }

    @Test
    void rebuildOfATypeWithoutSourceIsRefused() {
        SearchIndex index = searchIndex(open(new ByteBuffersDirectory()));
        assertThatThrownBy(() -> index.rebuild("group")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("group");
    }

    @Test
    void theSourceIsReadInsideTheTransaction() {
        AtomicInteger transactions = new AtomicInteger();
        TransactionOperations counting = new TransactionOperations() {
            @Override
            public <T> T execute(org.springframework.transaction.support.TransactionCallback<T> action) {
                transactions.incrementAndGet();
                return action.doInTransaction(null);
            }
        };
        CountingSource groups = new CountingSource("group", JapaneseSearchTest.groups());
        SearchIndex index = new SearchIndex(open(new ByteBuffersDirectory()), () -> List.of(groups), counting);

        index.rebuild("group");

        assertThat(transactions).hasValue(1);
        assertThat(groups.streamsClosed).hasValue(1);
    }

    @Test
    void anIndexOnDiskOutlivesARestart(@TempDir Path dir) throws IOException {
        LuceneIndex first = new LuceneIndex(FSDirectory.open(dir), JapaneseSearchTest.SETTINGS);
        first.put(JapaneseSearchTest.groups().getFirst());
        first.close();

        CountingSource groups = new CountingSource("group", JapaneseSearchTest.groups());
        SearchIndex index = searchIndex(open(FSDirectory.open(dir)), groups);
        index.rebuildEmptyTypes();

        assertThat(groups.calls).hasValue(0);
        assertThat(index.search(SearchQuery.of("group", "こそだて")).total()).isEqualTo(1);
    }

    @Test
    void anIndexOfAnotherSchemaIsRecreatedAndRefilled(@TempDir Path dir) throws IOException {
        try (Directory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            Document old = new Document();
            old.add(new StringField("type", "group", Field.Store.YES));
            writer.addDocument(old);
            writer.setLiveCommitData(Map.of("kyodo.search.schema", "0").entrySet());
            writer.commit();
        }

        CountingSource groups = new CountingSource("group", JapaneseSearchTest.groups());
        SearchIndex index = searchIndex(open(FSDirectory.open(dir)), groups);
        assertThat(index.count("group")).isZero();
        index.rebuildEmptyTypes();

        assertThat(index.count("group")).isEqualTo(4);
    }

    @Test
    void eventsIndexedOutOfOrderFollowTheRecordAsItIsNow() {
        // The record was published, then withdrawn; the index meets the withdrawal first, then the publication's copy.
        Map<String, SearchDocument> published = new java.util.concurrent.ConcurrentHashMap<>();
        SearchSource withdrawable = new SearchSource() {
            @Override
            public String type() {
                return "news";
            }

            @Override
            public Stream<SearchDocument> all() {
                return published.values().stream();
            }

            @Override
            public java.util.Optional<SearchDocument> current(String id) {
                return java.util.Optional.ofNullable(published.get(id));
            }
        };
        SearchIndex index = new SearchIndex(open(new ByteBuffersDirectory()), () -> List.of(withdrawable),
                TransactionOperations.withoutTransaction());
        SearchDocument copy = new SearchDocument("news", "7", "防災訓練のお知らせ", "延期します", "/news/7", Map.of(), Instant.now());

        index.follow("news", "7", null);
        index.follow("news", "7", copy);
        assertThat(index.count("news")).isZero();

        published.put("7", copy);
        index.follow("news", "7", null);
        assertThat(index.search(SearchQuery.of("news", "ぼうさい")).hits()).extracting(SearchResult.Hit::id).containsExactly("7");

        // A type no source provides: the event's own copy is indexed.
        SearchIndex trusting = new SearchIndex(open(new ByteBuffersDirectory()), List::of, TransactionOperations.withoutTransaction());
        trusting.follow("news", "7", copy);
        assertThat(trusting.count("news")).isEqualTo(1);
        // The change log (no copy of its own) leaves a document of such a source as the event made it.
        trusting.followCurrent("news", "7");
        assertThat(trusting.count("news")).isEqualTo(1);
        trusting.follow("news", "7", null);
        assertThat(trusting.count("news")).isZero();
    }
}
