package hearth.bench;

import java.util.Arrays;

/**
 * Recorded durations and their percentiles. Not thread-safe: record from one thread.
 */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    void record(long durationNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = durationNanos;
    }

    int count() {
        return count;
    }

    /** The {@code p}-th percentile (nearest rank) in milliseconds; 0 when nothing was recorded. */
    double percentileMillis(double p) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }
}
