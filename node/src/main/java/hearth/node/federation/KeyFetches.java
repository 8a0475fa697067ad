package hearth.node.federation;

import hearth.node.limits.TokenBuckets;
import java.util.function.LongSupplier;

/**
 * How often checking inbox signatures may fetch a remote actor's key: per host and for all hosts
 * together. A signature that fails with the key held makes the inbox fetch the key again (the
 * actor may have a new one), so without a bound every forged request would cost a fetch from the
 * server it names, and a forger could make this node hammer a partner. Within the bound a real
 * key change is picked up at once; past it the sender is asked to retry later.
 *
 * <p>In memory only; thread-safe.
 */
final class KeyFetches {

    /** Fetches per host: {@value #HOST_PER_MINUTE} a minute, in bursts of {@value #HOST_BURST}. */
    static final int HOST_PER_MINUTE = 30;
    static final int HOST_BURST = 20;
    /** Fetches for all hosts together: {@value #ALL_PER_MINUTE} a minute, in bursts of {@value #ALL_BURST}. */
    static final int ALL_PER_MINUTE = 300;
    static final int ALL_BURST = 100;

    private final TokenBuckets perHost;
    private final TokenBuckets allHosts;

    KeyFetches(int hostPerMinute, int hostBurst, int allPerMinute, int allBurst, LongSupplier nanos) {
        this.perHost = TokenBuckets.perMinute(hostPerMinute, hostBurst, nanos);
        this.allHosts = new TokenBuckets(allPerMinute / 60.0, allBurst, 1, nanos);
    }

    /** The bounds above, on the system clock. */
    static KeyFetches standard() {
        return new KeyFetches(HOST_PER_MINUTE, HOST_BURST, ALL_PER_MINUTE, ALL_BURST, System::nanoTime);
    }

    /** Takes a fetch for {@code host}: 0 to go ahead, else the seconds until one may be made (nothing taken). */
    long take(String host) {
        long wait = perHost.peek(host);
        if (wait > 0) {
            return wait;
        }
        wait = allHosts.take("");
        return wait > 0 ? wait : perHost.take(host);
    }
}
