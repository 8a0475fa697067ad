package hearth.node.blocks.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.federation.blocklist.Severity;
import hearth.node.store.Backend;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The schedule runs on its own thread, answers "refresh now" at once, and stops with the node. */
@ParameterizedClass
@EnumSource(Backend.class)
class RefresherTest {

    @Parameter
    Backend backend;

    @Test
    void refreshNowDoesNotWaitForTheSchedule() throws Exception {
        try (Bed bed = Bed.start(backend); FeedServer remote = FeedServer.start()) {
            bed.subs.setPolicy(Policy.of("count", 1, "max", 200));
            remote.publish("spam.example", Severity.SUSPEND, "");
            bed.subs.addSource(remote.feedUrl(), "hearth", 1);
            try (Refresher refresher = new Refresher(bed.subs, Duration.ofHours(1), Duration.ofHours(1))) {
                refresher.start();
                bed.subs.requestRefresh();
                awaitTrue(() -> bed.blocked().containsKey("spam.example"));
            }
            assertEquals(1, remote.feedQueries().size());
        }
    }

    @Test
    void theScheduleFetchesOnlySourcesThatAreDue() throws Exception {
        try (Bed bed = Bed.start(backend); FeedServer remote = FeedServer.start()) {
            bed.subs.setPolicy(Policy.of("count", 1, "max", 200));
            remote.publish("spam.example", Severity.SUSPEND, "");
            bed.subs.addSource(remote.feedUrl(), "hearth", 1);
            bed.subs.refreshAll();
            bed.subs.refreshDue(Duration.ofHours(1).toMillis());
            assertEquals(1, remote.feedQueries().size(), "fetched a moment ago: not due");
            bed.subs.refreshDue(0);
            assertEquals(2, remote.feedQueries().size());
        }
    }

    @Test
    void closingStopsTheThread() throws Exception {
        try (Bed bed = Bed.start(backend)) {
            Refresher refresher = new Refresher(bed.subs, Duration.ofHours(1), Duration.ofHours(1));
            refresher.start();
            assertTrue(refresher.running());
            refresher.close();
            assertFalse(refresher.running());
        }
    }

    @Test
    void refusesAZeroInterval() {
        try (Bed bed = Bed.start(backend)) {
            assertThrows(IllegalArgumentException.class, () -> new Refresher(bed.subs, Duration.ZERO, Duration.ZERO));
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 20 s");
            }
            Thread.sleep(50);
        }
    }
}
