package hearth.node.blocks.subscriptions;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refreshes the subscriptions on a schedule, and at once when asked ({@link #requestNow()}, the
 * console's "refresh now"), on one virtual thread: never two refreshes at a time, and requests
 * made during a refresh are folded into one more. Sources fetched within the interval (before a
 * restart, say) wait for their turn. Start once; close with the node.
 */
public final class Refresher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Refresher.class.getName());

    private final Subscriptions subscriptions;
    private final Duration every;
    private final Duration firstAfter;
    private final Semaphore nudges = new Semaphore(0);
    private volatile boolean closed;
    private Thread thread;

    /**
     * @param every      how often each source is fetched
     * @param firstAfter how long after start the first (due-only) refresh runs
     */
    public Refresher(Subscriptions subscriptions, Duration every, Duration firstAfter) {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("the refresh interval must be positive");
        }
        this.subscriptions = subscriptions;
        this.every = every;
        this.firstAfter = firstAfter;
        subscriptions.onRefreshRequest(this::requestNow);
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        thread = Thread.ofVirtual().name("blocklist-refresher").start(this::loop);
    }

    /** Asks for a refresh of every source as soon as the current one (if any) is done. */
    public void requestNow() {
        if (nudges.availablePermits() == 0) {
            nudges.release();
        }
    }

    private void loop() {
        Duration wait = firstAfter;
        while (!closed) {
            boolean asked;
            try {
                asked = nudges.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (closed) {
                return;
            }
            nudges.drainPermits();
            try {
                if (asked) {
                    subscriptions.refreshAll();
                } else {
                    // A little slack so a source fetched a moment early in the last round is not skipped for a whole interval.
                    subscriptions.refreshDue(Math.max(0, every.toMillis() - every.toMillis() / 20));
                }
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.log(Level.WARNING, "blocklist refresh failed", e);
            }
            wait = every;
        }
    }

    /** True while the schedule's thread is alive. */
    synchronized boolean running() {
        return thread != null && thread.isAlive();
    }

    /** Stops the schedule; a refresh in flight is interrupted. Waits a few seconds for it to end. */
    @Override
    public void close() {
        closed = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t == null) {
            return;
        }
        t.interrupt();
        try {
            t.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
