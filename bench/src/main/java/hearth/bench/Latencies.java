package hearth.bench;

import java.util.Arrays;

/**
 * Recorded durations and their percentiles. Not thread-safe: record from one thread, and
 * {@link #addAll} the recorders of several threads once they are done.
 */
public final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    public void record(long durationNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = durationNanos;
    }

    public int count() {
        return count;
    }

    /** Adds everything another recorder holds. */
    public void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            record(other.nanos[i]);
        }
    }

    /** The mean in milliseconds; 0 when nothing was recorded. */
    public double meanMillis() {
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += nanos[i];
        }
        return count == 0 ? 0 : sum / 1e6 / count;
    }

    /** The {@code p}-th percentile (nearest rank) in milliseconds; 0 when nothing was recorded. */
    public double percentileMillis(double p) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }
}
