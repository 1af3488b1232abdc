package jp.kyodo.search;

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
}
