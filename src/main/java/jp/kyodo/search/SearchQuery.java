package jp.kyodo.search;

import java.util.List;
import java.util.Map;

/**
 * A search as a person asks it: words typed in any width or kana, exact-match filters and a page.
 *
 * @param type    kind of record to search, or {@code null} for every kind
 * @param text    the words typed; every word must match; empty finds every document of the type that passes the filters
 * @param filters facet name to accepted values: a document passes when, for every named facet, it has one of the values
 * @param sort    order of the hits
 * @param page    page number, counted from 0
 * @param size    hits per page (at most {@code kyodo.search.max-page-size})
 */
public record SearchQuery(String type, String text, Map<String, List<String>> filters, Sort sort, int page, int size) {

    /** Hits per page when the caller does not say. */
    public static final int DEFAULT_SIZE = 20;

    /** Order of the hits. */
    public enum Sort {
        /** Best match first, then newest; without words to match, the same as {@link #NEWEST}. */
        RELEVANCE,
        /** Most recently updated first. */
        NEWEST,
        /** By the title's reading in kana order (アイウエオ順), as Japanese directories list names. */
        TITLE
    }

    public SearchQuery {
        text = text == null ? "" : text;
        filters = SearchDocument.copyOf(filters);
        sort = sort == null ? Sort.RELEVANCE : sort;
        page = Math.max(0, page);
        size = size < 1 ? DEFAULT_SIZE : size;
    }

    /** The first page of a search for words in one kind of record, best match first. */
    public static SearchQuery of(String type, String text) {
        return new SearchQuery(type, text, Map.of(), Sort.RELEVANCE, 0, DEFAULT_SIZE);
    }
}
