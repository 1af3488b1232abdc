package jp.kyodo.search;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The site-wide search index. Modules feed it by publishing {@link SearchDocumentChanged} and
 * {@link SearchDocumentRemoved} in the transaction that changes a record (so that only committed changes are indexed),
 * and provide a {@link SearchSource} bean so that it can be rebuilt; pages search it with {@link #search}.
 */
public class SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

    private final LuceneIndex lucene;
    private final Supplier<List<SearchSource>> sources;
    private final TransactionOperations readOnlyTransaction;
    // A rebuild reads its source and replaces the type while holding this lock, so that an event indexed meanwhile
    // waits and lands after it instead of being overwritten by the older snapshot.
    private final ReentrantLock writes = new ReentrantLock();

    SearchIndex(LuceneIndex lucene, Supplier<List<SearchSource>> sources, TransactionOperations readOnlyTransaction) {
        this.lucene = lucene;
        this.sources = sources;
        this.readOnlyTransaction = readOnlyTransaction;
    }

    /**
     * The content words of a text as the index reads Japanese (子育て支援事業 gives 子育て, 支援, 事業), for
     * modules that compare texts and show why they match.
     */
    public List<String> keywords(String text) {
        return lucene.keywords(text);
    }

    /** Adds the document, or replaces the one with the same type and id; the next search sees it. */
    public void put(SearchDocument document) {
        Objects.requireNonNull(document, "document");
        writes.lock();
        try {
            lucene.put(document);
        } finally {
            writes.unlock();
        }
    }

    /** Removes the document with this type and id, if there is one; the next search no longer finds it. */
    public void remove(String type, String id) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        writes.lock();
        try {
            lucene.remove(type, id);
        } finally {
            writes.unlock();
        }
    }

    /**
     * Indexes what an event says changed: the record's current state as its source tells it (read under the write
     * lock, so the later of two events always wins); for a type no source provides, the event's own copy ({@code null}
     * for a removal).
     */
    void follow(String type, String id, SearchDocument eventCopy) {
        SearchSource source = sources.get().stream().filter(s -> s.type().equals(type)).findFirst().orElse(null);
        writes.lock();
        try {
            if (source != null) {
                Optional<SearchDocument> now = readOnlyTransaction.execute(status -> source.current(id));
                if (now != null && now.isPresent()) {
                    lucene.put(now.get());
                } else {
                    lucene.remove(type, id);
                }
            } else if (eventCopy != null) {
                lucene.put(eventCopy);
            } else {
                lucene.remove(type, id);
            }
        } finally {
            writes.unlock();
        }
    }

    /**
     * For a change read from the change log (made on this node or another): the record's current state as its source
     * tells it; nothing for a type no source provides, since without the event's copy the index cannot know what to show.
     */
    void followCurrent(String type, String id) {
        if (sources.get().stream().anyMatch(s -> s.type().equals(type))) {
            follow(type, id, null);
        }
    }

    /** Finds documents; never fails because of what a person typed. */
    public SearchResult search(SearchQuery query) {
        return lucene.search(Objects.requireNonNull(query, "query"));
    }

    /** The types that have documents in the index, in no particular order. */
    public List<String> types() {
        return lucene.types();
    }

    /** The names of the facets that documents in the index have, sorted. */
    public List<String> facetNames() {
        return lucene.facetNames();
    }

    /** The types that a {@link SearchSource} provides, so that they can be rebuilt. */
    public List<String> sourceTypes() {
        return sources.get().stream().map(SearchSource::type).distinct().toList();
    }

    /**
     * How many documents that match the query have each value of the facet, ignoring the query's own filter on it
     * (so that a person sees what else they could choose).
     */
    public java.util.Map<String, Long> facetCounts(SearchQuery query, String facet) {
        return lucene.facetCounts(Objects.requireNonNull(query, "query"), Objects.requireNonNull(facet, "facet"));
    }

    /**
     * Up to three corrected queries ("もしかして") for words that find nothing, each of which finds documents of the
     * type (or of any type when it is {@code null}); empty when every word finds something or nothing close exists.
     */
    public List<String> suggest(String text, String type) {
        return text == null ? List.of() : lucene.suggest(text, type);
    }

    /** The text cut into pieces, those matching the query marked, for highlighting a title or snippet. */
    List<Snippets.Segment> highlight(String text, String query) {
        return Snippets.marked(text, query == null ? List.of() : lucene.marks(query));
    }

    /** How many documents of the type the index holds. */
    public long count(String type) {
        return lucene.count(Objects.requireNonNull(type, "type"));
    }

    /**
     * Replaces every document of the type with those of its {@link SearchSource}, at once: searches meanwhile see the
     * old documents.
     *
     * @throws IllegalArgumentException when no source provides the type
     */
    public void rebuild(String type) {
        rebuild(type, () -> { });
    }

    /** As {@link #rebuild(String)}, telling each document read from the source. */
    void rebuild(String type, Runnable onDocument) {
        SearchSource source = sources.get().stream()
                .filter(candidate -> candidate.type().equals(type))
                .reduce((first, second) -> {
                    throw new IllegalStateException("Two search sources provide the type " + type);
                })
                .orElseThrow(() -> new IllegalArgumentException("No search source provides the type " + type));
        rebuild(source, onDocument);
    }

    /** Rebuilds each type that has a source but no document in the index: on a first start or after losing the index. */
    private volatile boolean ready;

    void rebuildEmptyTypes() {
        ready = false;
        long started = System.nanoTime();
        int refilled = 0;
        for (SearchSource source : sources.get()) {
            if (count(source.type()) > 0) {
                continue;
            }
            refilled++;
            try {
                rebuild(source, () -> { });
                log.info("Search index: {} documents of type {} indexed from their source", count(source.type()),
                        source.type());
            } catch (RuntimeException e) {
                // Search is not worth a failed start; the type stays empty until the next start or rebuild.
                log.error("Search index: could not index the documents of type {}", source.type(), e);
            }
        }
        // Operators (and bench/run) read from this line that search answers from a complete index.
        log.info("Search index: ready, {} empty types refilled in {} ms", refilled, (System.nanoTime() - started) / 1_000_000);
        ready = true;
    }

    /** Whether the start-up refill of empty types is done, so that search answers from a complete index. */
    boolean ready() {
        return ready;
    }

    private void rebuild(SearchSource source, Runnable onDocument) {
        writes.lock();
        try {
            // Read and written one document at a time, inside the source's read-only transaction.
            readOnlyTransaction.executeWithoutResult(status -> {
                try (Stream<SearchDocument> all = source.all()) {
                    lucene.replaceType(source.type(), all.peek(document -> onDocument.run()));
                }
            });
        } finally {
            writes.unlock();
        }
    }
}
