package jp.kyodo.shared;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read at most once per interval: the metrics that query the database share one query per scrape, however
 * many gauges and scrapers read them.
 */
public final class ThrottledValue<T> {

    private final long intervalNanos;
    private final Supplier<T> read;
    private T value;
    private long readAt;

    public ThrottledValue(Duration interval, Supplier<T> read) {
        this.intervalNanos = interval.toNanos();
        this.read = read;
    }

    /** The value, read again when the last reading is older than the interval. */
    public synchronized T get() {
        long now = System.nanoTime();
        if (value == null || now - readAt > intervalNanos) {
            value = read.get();
            readAt = now;
        }
        return value;
    }
}
