package hearth.node.forum;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes posts whose chosen lifetime is over: once at start (posts may have come due while the
 * node was down), then every {@link #EVERY}, on one virtual thread, in batches of {@link #BATCH}
 * (one transaction each, so a page request never waits long for the write lock). Each post goes
 * exactly as her own delete would take it. Start once; close with the node (both safe from any
 * thread).
 *
 * <pre>{@code
 * Expirer expirer = new Expirer(forum.traces(), Expirer.EVERY);
 * expirer.start();
 * ...
 * expirer.close();
 * }</pre>
 */
public final class Expirer implements AutoCloseable {

    /** How often due posts are looked for: a post goes at most this long after its time. */
    public static final Duration EVERY = Duration.ofMinutes(1);
    static final int BATCH = 100;

    private static final Logger LOG = Logger.getLogger(Expirer.class.getName());

    private final Traces traces;
    private final Duration every;
    private final Semaphore stop = new Semaphore(0);
    private volatile boolean closed;
    private Thread thread;

    public Expirer(Traces traces, Duration every) {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("the sweep interval must be positive");
        }
        this.traces = traces;
        this.every = every;
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        thread = Thread.ofVirtual().name("hearth-expirer").start(this::loop);
    }

    private void loop() {
        while (!closed) {
            try {
                sweep();
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.log(Level.WARNING, "expired posts could not be deleted; trying again at the next sweep", e);
            }
            try {
                if (stop.tryAcquire(every.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Deletes every post due now, batch by batch; returns how many. */
    int sweep() {
        int total = 0;
        int deleted;
        do {
            deleted = traces.deleteExpired(BATCH);
            total += deleted;
        } while (deleted == BATCH && !closed);
        return total;
    }

    /** True while the sweeping thread is alive. */
    synchronized boolean running() {
        return thread != null && thread.isAlive();
    }

    /** Stops sweeping; a batch in flight finishes its transaction. Waits a few seconds for the thread. */
    @Override
    public void close() {
        closed = true;
        stop.release();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t == null) {
            return;
        }
        try {
            t.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
