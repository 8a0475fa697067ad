package hearth.node.limits;

import hearth.node.config.Limits;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How often one visitor may post, report and search, without knowing who she is. Each call names
 * what is counted (the connection's address, her author id) by a {@link RotatingKeys} hash that
 * changes every hour, and charges its {@link TokenBuckets}; nothing else is kept, and nothing at
 * all is written anywhere.
 *
 * <pre>{@code
 * VisitorLimits limits = new VisitorLimits(config.limits(), System::nanoTime);
 * long wait = limits.post(address, authorId);   // 0: go ahead; else 429, Retry-After: wait
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class VisitorLimits {

    /** How long one hashing key is used before it is forgotten. */
    public static final Duration KEY_PERIOD = Duration.ofHours(1);

    private final RotatingKeys names;
    private final TokenBuckets posts;
    private final TokenBuckets postsPerAuthor;
    private final TokenBuckets reports;
    private final TokenBuckets searches;

    /** @param nanos a monotonic clock in nanoseconds ({@code System::nanoTime}) */
    public VisitorLimits(Limits limits, LongSupplier nanos) {
        this.names = new RotatingKeys(KEY_PERIOD, nanos);
        this.posts = buckets(limits.posts(), nanos);
        this.postsPerAuthor = buckets(limits.postsPerAuthor(), nanos);
        this.reports = buckets(limits.reports(), nanos);
        this.searches = buckets(limits.searches(), nanos);
    }

    /**
     * Charges a new thread, reply or edit to the address and, when she has one, to her author id.
     * Returns 0 to go ahead, else the seconds to wait (nothing is charged then to the one not yet reached).
     *
     * @param authorId her author id, or null for a browser that has not posted yet
     */
    public long post(String address, String authorId) {
        long wait = posts.take(names.of("a:" + address));
        if (wait > 0 || authorId == null) {
            return wait;
        }
        return postsPerAuthor.take(names.of("p:" + authorId));
    }

    /** Charges a report to the address: 0 to go ahead, else the seconds to wait. */
    public long report(String address) {
        return reports.take(names.of("a:" + address));
    }

    /** Charges a search to the address: 0 to go ahead, else the seconds to wait. */
    public long search(String address) {
        return searches.take(names.of("a:" + address));
    }

    private static TokenBuckets buckets(Limits.Rate rate, LongSupplier nanos) {
        return TokenBuckets.perMinute(rate.perMinute(), rate.burst(), nanos);
    }
}
