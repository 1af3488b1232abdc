package jp.kyodo.shared;

import java.util.List;

/**
 * One page of an open data API response (/api/v1/...): the items, how many there are in all, the page number from 0
 * and the page size (at most {@link #MAX_SIZE}).
 */
public record ApiPage<T>(List<T> items, long total, int page, int size) {

    public static final int MAX_SIZE = 100;

    /** The page {@code page} (from 0) of {@code size} items (clamped to 1..100) of the whole list. */
    public static <T> ApiPage<T> of(List<T> all, int page, int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_SIZE));
        int number = Math.max(0, page);
        long from = (long) number * pageSize;
        List<T> items = from >= all.size() ? List.of() : all.subList((int) from, (int) Math.min(all.size(), from + pageSize));
        return new ApiPage<>(List.copyOf(items), all.size(), number, pageSize);
    }
}
