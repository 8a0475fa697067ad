package hearth.node.federation;

import hearth.node.blocks.Blocks;
import hearth.node.store.Database;
import hearth.node.store.DiskFull;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends what the outbox holds. Each receiving host has its own small number of parallel sends
 * ({@value #PER_HOST} at most), so a slow or dead host only ever occupies its own slots: other
 * hosts, and page requests, never wait for it. An attempt never takes longer than its timeout
 * (connecting, sending and reading together; see {@link Outbound}). Failures are retried with a
 * {@link RetrySchedule} and given up after days; a 4xx other than 408 and 429 is final at once.
 * Every delivery ends as delivered or as given up, with its attempts and last error recorded.
 * Outcomes are written in batches, so a fan-out of a thousand deliveries is a handful of commits.
 * The worker sleeps until the next delivery falls due, so a retry goes out on time.
 *
 * <p>After a crash, a delivery that was sent but not yet recorded is sent again; receivers
 * ignore an activity id they have seen (Hearth does).
 *
 * <p>On PostgreSQL several node processes may each run a worker on the same outbox: each claims
 * the rows it sends ({@link Deliveries#claim}), so no delivery goes out twice.
 */
public final class DeliveryWorker implements AutoCloseable {

    // Enough to keep a large server busy (one at a time per server is what makes a fediverse queue
    // crawl), few enough that a server that holds every request open ties up only these.
    static final int PER_HOST = 16;
    /** The longest the scheduler sleeps without looking, in case a change was not nudged. */
    private static final long IDLE_LOOK_MILLIS = 500;
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class.getName());

    private final Database db;
    private final Outbound outbound;
    private final Signers signers;
    private final Blocks blocks;
    private final Clock clock;
    private final RetrySchedule schedule;
    private final Duration timeout;
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final LinkedBlockingQueue<Deliveries.Outcome> outcomes = new LinkedBlockingQueue<>();
    private final Semaphore wake = new Semaphore(0);
    /** How many batches of outcomes have been committed: tells the scheduler its read may be stale. */
    private final java.util.concurrent.atomic.AtomicLong recorded = new java.util.concurrent.atomic.AtomicLong();
    private final Thread scheduler;
    private final Thread recorder;
    private volatile boolean running = true;

    public DeliveryWorker(Database db, Outbound outbound, Signers signers, Blocks blocks, Clock clock) {
        this(db, outbound, signers, blocks, clock, RetrySchedule.DEFAULT,
                hearth.node.config.DeliverySettings.DEFAULT.attemptTimeout());
    }

    /** A worker that retries on {@code schedule} and gives each attempt at most {@code timeout}. */
    public DeliveryWorker(Database db, Outbound outbound, Signers signers, Blocks blocks, Clock clock,
            RetrySchedule schedule, Duration timeout) {
        this.schedule = schedule;
        this.timeout = timeout;
        this.db = db;
        this.outbound = outbound;
        this.signers = signers;
        this.blocks = blocks;
        this.clock = clock;
        this.scheduler = Thread.ofVirtual().name("hearth-delivery").unstarted(this::schedule);
        this.recorder = Thread.ofVirtual().name("hearth-delivery-record").unstarted(this::record);
    }

    public void start() {
        scheduler.start();
        recorder.start();
    }

    /** Something was queued: look now rather than at the next tick. */
    public void nudge() {
        wake.release();
    }

    private void schedule() {
        while (running) {
            try {
                long now = clock.millis();
                // Host by host, only as many as it has free slots: a dead host with a deep queue
                // must never keep other hosts' deliveries from being picked.
                for (String host : db.read(c -> Deliveries.hostsDue(c, now))) {
                    Semaphore slots = hosts.computeIfAbsent(host, h -> new Semaphore(PER_HOST));
                    int free = slots.availablePermits();
                    if (free == 0) {
                        continue;
                    }
                    long recordedBefore = recorded.get();
                    // On PostgreSQL other node processes may send from the same outbox: take rows for this one.
                    boolean claimed = db.isPostgres();
                    List<Deliveries.Due> due = claimed
                            ? db.write(c -> Deliveries.claim(c, host, now, free, now + lease()))
                            : db.read(c -> Deliveries.due(c, host, now, free + PER_HOST));
                    for (Deliveries.Due delivery : due) {
                        // A row read just before an outcome was committed still looks due once the worker has
                        // forgotten it was in flight: sent again, it would reach its inbox twice. Such a read
                        // is dropped when outcomes were recorded meanwhile (checked after inFlight, which the
                        // recorder empties after counting); the next look reads the new state.
                        if (inFlight.contains(delivery.id()) || !claimed && recorded.get() != recordedBefore
                                || !slots.tryAcquire()) {
                            continue;
                        }
                        inFlight.add(delivery.id());
                        Thread.ofVirtual().name("hearth-send").start(() -> send(delivery, slots));
                    }
                }
                Long next = db.read(c -> Deliveries.nextDueAfter(c, now));
                long sleep = next == null ? IDLE_LOOK_MILLIS : Math.min(IDLE_LOOK_MILLIS, next - clock.millis());
                if (sleep > 0) {
                    wake.tryAcquire(sleep, TimeUnit.MILLISECONDS);
                }
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "delivery scheduling failed; trying again shortly", e);
                sleep(1_000);
            }
        }
    }

    private void send(Deliveries.Due delivery, Semaphore slots) {
        Deliveries.Outcome outcome = null;
        try {
            outcome = attempt(delivery);
        } finally {
            // Whatever went wrong, the slot comes back and the delivery gets an outcome: an
            // Error would otherwise leave it in flight, unsent and unrecorded, until a restart.
            outcomes.add(outcome != null ? outcome : retry(delivery, delivery.attempts() + 1, "could not send"));
            slots.release();
            wake.release();
        }
    }

    private Deliveries.Outcome attempt(Deliveries.Due delivery) {
        Deliveries.Outcome outcome;
        int attempts = delivery.attempts() + 1;
        try {
            if (!blocks.federatesWith(delivery.host())) {
                // Blocked after it was queued: never sent, and recorded as given up.
                throw new Outbound.Failed("refused: this node does not federate with that server");
            }
            Signers.Signer signer = signers.of(delivery.signer());
            Outbound.Response response = outbound.post(delivery.inbox(), delivery.body(), signer.keyId(),
                    signer.key(), timeout);
            int status = response.status();
            // 409: the receiver already has this activity (it was sent before a crash cut the record short).
            if ((status >= 200 && status < 300) || status == 409) {
                outcome = new Deliveries.Outcome(delivery.id(), Deliveries.DELIVERED, attempts, null, null, clock.millis());
            } else if (status >= 400 && status < 500 && status != 408 && status != 429) {
                outcome = new Deliveries.Outcome(delivery.id(), Deliveries.GAVE_UP, attempts, null,
                        "refused with " + status, clock.millis());
            } else {
                outcome = retry(delivery, attempts, "answered " + status);
            }
        } catch (Outbound.Failed e) {
            outcome = e.getMessage().startsWith("refused")
                    ? new Deliveries.Outcome(delivery.id(), Deliveries.GAVE_UP, attempts, null, e.getMessage(), clock.millis())
                    : retry(delivery, attempts, e.getMessage());
        } catch (RuntimeException e) {
            outcome = retry(delivery, attempts, "could not send");
        }
        return outcome;
    }

    // Longer than an attempt can take, so a claimed delivery is never taken by another process while in flight.
    private long lease() {
        return timeout.multipliedBy(2).plusMinutes(1).toMillis();
    }

    private Deliveries.Outcome retry(Deliveries.Due delivery, int attempts, String error) {
        long now = clock.millis();
        Optional<Duration> delay = schedule.delayAfter(attempts);
        return delay.map(d -> new Deliveries.Outcome(delivery.id(), Deliveries.PENDING, attempts, now + d.toMillis(), error, now))
                .orElseGet(() -> new Deliveries.Outcome(delivery.id(), Deliveries.GAVE_UP, attempts, null, error, now));
    }

    private void record() {
        List<Deliveries.Outcome> batch = new ArrayList<>();
        while (running || !outcomes.isEmpty()) {
            try {
                Deliveries.Outcome first = outcomes.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                Thread.sleep(20);
                batch.add(first);
                outcomes.drainTo(batch);
                db.write(c -> {
                    Deliveries.record(c, batch);
                    return null;
                });
                recorded.incrementAndGet();
                batch.forEach(o -> inFlight.remove(o.id()));
                batch.clear();
                // The scheduler may be sleeping towards a time these outcomes moved.
                wake.release();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // Kept to be recorded again (a full disk clears): dropped, they would stay "in flight" and a
                // failed one would not be tried again before a restart.
                LOG.log(Level.WARNING, "recording deliveries failed; trying again shortly",
                        DiskFull.isCause(e) ? null : e);
                outcomes.addAll(batch);
                batch.clear();
                sleep(1_000);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        scheduler.interrupt();
        try {
            recorder.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
