package jp.kyodo.search;

import java.util.List;

/**
 * One page of hits and the number of all documents that matched.
 *
 * @param hits  the hits of this page, in the order asked for
 * @param total how many documents matched in all
 * @param page  the page number, counted from 0
 * @param size  the page size that was used
 */
public record SearchResult(List<Hit> hits, long total, int page, int size) {

    public SearchResult {
        hits = List.copyOf(hits);
    }

    /** How many pages the whole result fills. */
    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }

    /** Whether a page follows this one. */
    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    /**
     * One matching document, ready to list.
     *
     * @param snippet about {@code kyodo.search.snippet-length} characters of the text around the first place a
     *                searched word occurs (or its beginning), plain text with "…" where it was cut
     */
    public record Hit(String type, String id, String title, String url, String snippet) {
    }
}
