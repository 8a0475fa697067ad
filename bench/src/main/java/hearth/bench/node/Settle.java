package hearth.bench.node;

import hearth.bench.process.NodeProcess;
import java.time.Duration;

/**
 * Waits for a freshly seeded node to finish its background work before it is measured. Every
 * new post is followed by the search indexer and by the outbox, which signs it and, for each new
 * pseudonym, makes an RSA key pair (tens to hundreds of milliseconds of CPU each); measured
 * meanwhile, a page benchmark would share the two cores with that work and report it as the
 * page's cost. Settled means the node used under a tenth of a core over a whole second.
 * Not thread-safe.
 */
final class Settle {

    static final double IDLE_CORES = 0.1;
    private static final Duration STEP = Duration.ofSeconds(1);

    private Settle() {
    }

    /** Returns how long the node took to settle, or {@code most} if it was still busy then. */
    static Duration await(NodeProcess node, Duration most) throws InterruptedException {
        long began = System.nanoTime();
        double before = node.cpuSeconds();
        while (System.nanoTime() - began < most.toNanos()) {
            Thread.sleep(STEP.toMillis());
            double now = node.cpuSeconds();
            if ((now - before) / (STEP.toMillis() / 1000.0) < IDLE_CORES) {
                return Duration.ofNanos(System.nanoTime() - began);
            }
            before = now;
        }
        return most;
    }
}
