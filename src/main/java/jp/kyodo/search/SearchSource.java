package jp.kyodo.search;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every public document of one type, implemented as a bean by the module that owns the records, so that the index
 * can be rebuilt: at start-up when it holds no document of the type (first start, deleted or outdated index), and on
 * {@link SearchIndex#rebuild(String)}.
 *
 * <p>{@link #all()} is called inside a read-only transaction when the application has a transaction manager, so it
 * may return a stream from a Spring Data repository; the stream is closed after use.
 */
public interface SearchSource {

    /** The document type this source provides, the same as {@link SearchDocument#type()} of all its documents. */
    String type();

    /** All documents of the type that may be found now (published records only). */
    Stream<SearchDocument> all();

    /**
     * The document of this id as the record is now; empty when it may not be found (not, or no longer, public). The
     * index reads it for every change (its own events and the change log of other nodes), so that it follows the latest
     * committed state even when the events of two quick changes (publish, then withdraw) arrive out of order.
     */
    Optional<SearchDocument> current(String id);
}
