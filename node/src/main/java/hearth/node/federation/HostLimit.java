package hearth.node.federation;

import hearth.node.limits.TokenBuckets;
import java.util.function.LongSupplier;

/**
 * How fast remote servers may deliver to the inboxes: a token bucket per host, a second, smaller
 * one per host for deliveries that fail verification, and one bucket for all hosts together.
 *
 * <pre>{@code
 * HostLimit limit = new HostLimit(50, 200, System::nanoTime);
 * long wait = limit.secondsToWait("a.example:443");   // 0: go ahead; else answer 429, Retry-After: wait
 * }</pre>
 *
 * <p>The buckets are kept apart so that nobody can spend a server's allowance but that server:
 * a delivery is charged to its host ({@link #secondsToWait}) only once its signature verified,
 * and a delivery that only claims the host (a forged or broken signature) is charged to the
 * host's {@linkplain #chargeUnverified unverified} bucket instead. A forger naming a partner's
 * key therefore runs dry alone, and the partner keeps delivering. The bucket for
 * {@linkplain #allHostsWait all hosts} caps the inbox's work when many servers deliver at once.
 *
 * <p>Kept in memory only, and nothing but a server's host name is a key. At most
 * {@value #MAX_HOSTS} hosts are remembered per bucket kind: when more arrive, the one unheard
 * from longest is forgotten (so a sender inventing host names grows nothing), and a forgotten
 * host starts again with a full bucket. Thread-safe.
 */
final class HostLimit {

    static final int MAX_HOSTS = TokenBuckets.DEFAULT_MAX_KEYS;
    /** The unverified bucket gets this share of a host's rate and burst (at least one). */
    static final int UNVERIFIED_SHARE = 5;
    /** Without figures of its own, all hosts together may deliver this many times one host's. */
    static final int ALL_HOSTS_TIMES = 4;
    private static final String ALL = "";

    private final TokenBuckets verified;
    private final TokenBuckets unverified;
    private final TokenBuckets allHosts;

    /**
     * @param perSecond tokens a host earns back per second
     * @param burst     the most a host can hold, and what a host not heard from yet starts with
     * @param nanos     a monotonic clock in nanoseconds ({@code System::nanoTime})
     */
    HostLimit(int perSecond, int burst, LongSupplier nanos) {
        this(perSecond, burst, (long) perSecond * ALL_HOSTS_TIMES, (long) burst * ALL_HOSTS_TIMES, nanos);
    }

    /** As above, with the figures for all hosts together given. */
    HostLimit(int perSecond, int burst, long allPerSecond, long allBurst, LongSupplier nanos) {
        if (perSecond < 1 || burst < 1 || allPerSecond < 1 || allBurst < 1) {
            throw new IllegalArgumentException("rates and bursts must be positive: " + perSecond + ", " + burst
                    + ", " + allPerSecond + ", " + allBurst);
        }
        this.verified = new TokenBuckets(perSecond, burst, MAX_HOSTS, nanos);
        this.unverified = new TokenBuckets(Math.max(1.0, perSecond / (double) UNVERIFIED_SHARE),
                Math.max(1, burst / UNVERIFIED_SHARE), MAX_HOSTS, nanos);
        this.allHosts = new TokenBuckets(allPerSecond, (int) Math.min(Integer.MAX_VALUE, allBurst), 1, nanos);
    }

    /**
     * Takes one token from {@code host}'s bucket, for a delivery it signed. Returns 0 when there
     * was one; otherwise takes nothing and returns the whole seconds until there will be one (at
     * least 1), for Retry-After.
     */
    long secondsToWait(String host) {
        return verified.take(host);
    }

    /** What {@link #secondsToWait} would answer now, taking nothing: cheap enough to ask before a body is read. */
    long peek(String host) {
        return verified.peek(host);
    }

    /** Charges a delivery that claimed {@code host} but did not verify: 0, or the seconds until another may be tried. */
    long chargeUnverified(String host) {
        return unverified.take(host);
    }

    /** Whether a delivery claiming {@code host} may still cost a key fetch if it fails: its unverified bucket is not dry. */
    boolean unverifiedAllowed(String host) {
        return unverified.peek(host) == 0;
    }

    /** Takes one token for any delivery from any host: 0, or the seconds to wait. */
    long allHostsWait() {
        return allHosts.take(ALL);
    }

    /** How many hosts are remembered (for tests). */
    int hosts() {
        return verified.keys();
    }
}
