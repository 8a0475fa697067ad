package hearth.node.limits;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A token bucket per key: each key may spend {@code burst} tokens at once and earns tokens back
 * at a steady rate, up to {@code burst} again. Keys are independent, so one that floods runs dry
 * alone.
 *
 * <pre>{@code
 * TokenBuckets searches = TokenBuckets.perMinute(30, 60, System::nanoTime);
 * long wait = searches.take(key);   // 0: go ahead; else answer 429 with Retry-After: wait
 * }</pre>
 *
 * <p>Kept in memory only. At most {@code maxKeys} keys are remembered: when more arrive, the one
 * unheard from longest is forgotten (so a sender inventing keys grows nothing), and a forgotten
 * key starts again with a full bucket. Thread-safe; every call is a few arithmetic operations
 * under one lock.
 */
public final class TokenBuckets {

    /** How many keys a limit remembers unless told otherwise. */
    public static final int DEFAULT_MAX_KEYS = 10_000;
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
    private final LinkedHashMap<String, Bucket> buckets;

    /**
     * @param perSecond tokens a key earns back per second (may be a fraction: 0.1 is one in ten seconds)
     * @param burst     the most a key can hold, and what a key not seen yet starts with
     * @param maxKeys   how many keys are remembered at most
     * @param nanos     a monotonic clock in nanoseconds ({@code System::nanoTime})
     */
    public TokenBuckets(double perSecond, int burst, int maxKeys, LongSupplier nanos) {
        if (!(perSecond > 0) || burst < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("rate, burst and keys must be positive: " + perSecond + ", " + burst
                    + ", " + maxKeys);
        }
        this.perNano = perSecond / NANOS;
        this.burst = burst;
        this.nanos = Objects.requireNonNull(nanos, "nanos");
        // Access order: the eldest entry is the key unheard from longest.
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Buckets that earn {@code perMinute} tokens a minute, remembering {@value #DEFAULT_MAX_KEYS} keys. */
    public static TokenBuckets perMinute(int perMinute, int burst, LongSupplier nanos) {
        return new TokenBuckets(perMinute / 60.0, burst, DEFAULT_MAX_KEYS, nanos);
    }

    /**
     * Takes one token from {@code key}'s bucket. Returns 0 when there was one; otherwise takes
     * nothing and returns the whole seconds until there will be one (at least 1), for Retry-After.
     */
    public long take(String key) {
        return spend(key, true);
    }

    /** What {@link #take} would answer now, without taking anything. */
    public long peek(String key) {
        return spend(key, false);
    }

    /** How many keys are remembered (for tests). */
    public int keys() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    private long spend(String key, boolean take) {
        Objects.requireNonNull(key, "key");
        long now = nanos.getAsLong();
        synchronized (buckets) {
            Bucket bucket = buckets.get(key);
            if (bucket == null) {
                if (take) {
                    buckets.put(key, new Bucket(burst - 1, now));
                }
                return 0;
            }
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) * perNano);
            bucket.at = now;
            if (bucket.tokens >= 1) {
                if (take) {
                    bucket.tokens -= 1;
                }
                return 0;
            }
            double nanosToWait = (1 - bucket.tokens) / perNano;
            return Math.max(1, (long) Math.ceil(nanosToWait / NANOS));
        }
    }
}
