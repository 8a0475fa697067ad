package hearth.node.federation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per remote host: each host may spend {@code burst} tokens at once, and earns
 * {@code perSecond} back, up to {@code burst} again. Hosts are independent, so one server that
 * floods runs dry alone.
 *
 * <pre>{@code
 * HostLimit limit = new HostLimit(50, 200, System::nanoTime);
 * long wait = limit.secondsToWait("a.example");   // 0: go ahead; else answer 429, Retry-After: wait
 * }</pre>
 *
 * <p>Kept in memory only, and nothing but a server's host name is a key. At most
 * {@value #MAX_HOSTS} hosts are remembered: when more arrive, the one unheard from longest is
 * forgotten (so a sender inventing host names grows nothing), and a forgotten host starts again
 * with a full bucket. Thread-safe; every call is a few arithmetic operations under one lock.
 */
final class HostLimit {

    static final int MAX_HOSTS = 10_000;
    private static final long NANOS = 1_000_000_000L;

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    private final double perNano;
    private final double burst;
    private final LongSupplier nanos;
    // Access order: the eldest entry is the host unheard from longest.
    private final LinkedHashMap<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_HOSTS;
        }
    };

    /**
     * @param perSecond tokens a host earns back per second
     * @param burst     the most a host can hold, and what a host not heard from yet starts with
     * @param nanos     a monotonic clock in nanoseconds ({@code System::nanoTime})
     */
    HostLimit(int perSecond, int burst, LongSupplier nanos) {
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("perSecond and burst must be positive: " + perSecond + ", " + burst);
        }
        this.perNano = perSecond / (double) NANOS;
        this.burst = burst;
        this.nanos = java.util.Objects.requireNonNull(nanos, "nanos");
    }

    /**
     * Takes one token from {@code host}'s bucket. Returns 0 when there was one; otherwise takes
     * nothing and returns the whole seconds until there will be one (at least 1), for Retry-After.
     */
    long secondsToWait(String host) {
        java.util.Objects.requireNonNull(host, "host");
        long now = nanos.getAsLong();
        synchronized (buckets) {
            Bucket bucket = buckets.get(host);
            if (bucket == null) {
                buckets.put(host, new Bucket(burst - 1, now));
                return 0;
            }
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) * perNano);
            bucket.at = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            double nanosToWait = (1 - bucket.tokens) / perNano;
            return Math.max(1, (long) Math.ceil(nanosToWait / NANOS));
        }
    }

    /** How many hosts are remembered (for tests). */
    int hosts() {
        synchronized (buckets) {
            return buckets.size();
        }
    }
}
