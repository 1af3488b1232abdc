package jp.kyodo.bench;

import java.util.Arrays;

/**
 * Latencies of one measurement (nanoseconds) and what the benchmark reports of them: percentiles by the nearest-rank
 * method over every sample (no histogram rounding), and throughput over the measurement's wall-clock time.
 */
final class Latencies {

    private long[] samples = new long[1024];
    private int count;

    synchronized void add(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, samples.length * 2);
        }
        samples[count++] = nanos;
    }

    synchronized void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            add(other.samples[i]);
        }
    }

    synchronized int count() {
        return count;
    }

    /** The latency below or at which {@code percent} of the samples lie (nearest rank), in milliseconds; 0 when empty. */
    synchronized double percentileMillis(double percent) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return sorted[rank(percent, count) - 1] / 1_000_000.0;
    }

    synchronized double meanMillis() {
        if (count == 0) {
            return 0;
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += samples[i];
        }
        return sum / count / 1_000_000.0;
    }

    /** The nearest rank (1-based) of a percentile among n sorted samples: ceil(p/100 × n), at least 1. */
    static int rank(double percent, int n) {
        if (percent <= 0 || percent > 100 || n <= 0) {
            throw new IllegalArgumentException("percentile " + percent + " of " + n + " samples");
        }
        return Math.max(1, (int) Math.ceil(percent / 100.0 * n - 1e-9));
    }

    /** Operations per second: the samples taken over the measurement's wall-clock time. */
    static double perSecond(long operations, long wallNanos) {
        return wallNanos <= 0 ? 0 : operations * 1_000_000_000.0 / wallNanos;
    }
}
