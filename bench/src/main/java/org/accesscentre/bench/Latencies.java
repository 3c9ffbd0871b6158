package org.accesscentre.bench;

import java.util.Arrays;

/** Recorded durations, in nanoseconds, and their percentiles. */
final class Latencies {
    private long[] values = new long[1024];
    private int size;
    private long totalNanos;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
        totalNanos += nanos;
    }

    int count() {
        return size;
    }

    long totalNanos() {
        return totalNanos;
    }

    /** The mean, in nanoseconds. */
    double meanNanos() {
        return size == 0 ? Double.NaN : (double) totalNanos / size;
    }

    /** The p-th percentile (0 to 100) in milliseconds, by the nearest-rank method. */
    double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }

    /** Operations per second over the time spent inside them. */
    double perSecond() {
        return totalNanos == 0 ? 0 : size / (totalNanos / 1e9);
    }
}
