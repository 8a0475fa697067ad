package hearth.node.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Where the node records what happens, one line at each place it happens:
 * {@code Metrics.postCreated()}. Recording is cheap and never fails, whether or not metrics are
 * served; a {@link NodeMetrics} attaches its registry to receive them.
 *
 * <p>Thread-safe. The facade is process-wide: one process runs one node; when tests run several
 * nodes in one JVM, each node's endpoint shows the events of all of them.
 */
public final class Metrics {

    private static final CompositeMeterRegistry RECORDED = new CompositeMeterRegistry();

    private static final Counter POSTS_CREATED = Counter.builder("hearth.posts.written")
            .description("Posts written on this node (threads started and replies)")
            .register(RECORDED);

    private Metrics() {
    }

    /** A post (a new thread's first post or a reply) was committed. */
    public static void postCreated() {
        POSTS_CREATED.increment();
    }

    /**
     * An inbox refused a delivery.
     *
     * @param reason one of a fixed set ({@link HttpMetrics} names them from the answer's status), never free text
     */
    public static void inboxRejected(String reason) {
        Counter.builder("hearth.inbox.rejections")
                .description("Deliveries to this node's inboxes that were refused, by reason")
                .tag("reason", reason)
                .register(RECORDED)
                .increment();
    }

    /** True while a registry is attached: until then, requests need not be timed at all. */
    static boolean recording() {
        return !RECORDED.getRegistries().isEmpty();
    }

    /** A request was answered: its route template, method, status class ("2xx") and duration. */
    static void request(String route, String method, String status, long nanos) {
        Timer.builder("hearth.http.server.requests")
                .description("HTTP requests answered, by route template, method and status class")
                .tags("route", route, "method", method, "status", status)
                // Buckets, not client-side quantiles: Prometheus computes p50/p99 across processes from them.
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(RECORDED)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    static void attach(MeterRegistry registry) {
        RECORDED.add(registry);
    }

    static void detach(MeterRegistry registry) {
        RECORDED.remove(registry);
    }
}
