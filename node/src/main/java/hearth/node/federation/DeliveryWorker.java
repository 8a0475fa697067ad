package hearth.node.federation;

import hearth.federation.net.Backoff;
import hearth.node.blocks.Blocks;
import hearth.node.store.Database;
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
 * hosts, and page requests, never wait for it. Failures are retried with the {@link Backoff}
 * schedule and given up after days; a 4xx other than 408 and 429 is final at once.
 * Outcomes are written in batches, so a fan-out of a thousand deliveries is a handful of commits.
 *
 * <p>After a crash, a delivery that was sent but not yet recorded is sent again; receivers
 * ignore an activity id they have seen (Hearth does).
 */
public final class DeliveryWorker implements AutoCloseable {

    static final int PER_HOST = 4;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class.getName());

    private final Database db;
    private final Outbound outbound;
    private final Signers signers;
    private final Blocks blocks;
    private final Clock clock;
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final LinkedBlockingQueue<Deliveries.Outcome> outcomes = new LinkedBlockingQueue<>();
    private final Semaphore wake = new Semaphore(0);
    private final Thread scheduler;
    private final Thread recorder;
    private volatile boolean running = true;

    public DeliveryWorker(Database db, Outbound outbound, Signers signers, Blocks blocks, Clock clock) {
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
                    List<Deliveries.Due> due = db.read(c -> Deliveries.due(c, host, now, free + PER_HOST));
                    for (Deliveries.Due delivery : due) {
                        if (inFlight.contains(delivery.id()) || !slots.tryAcquire()) {
                            continue;
                        }
                        inFlight.add(delivery.id());
                        Thread.ofVirtual().name("hearth-send").start(() -> send(delivery, slots));
                    }
                }
                wake.tryAcquire(500, TimeUnit.MILLISECONDS);
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
        Deliveries.Outcome outcome;
        int attempts = delivery.attempts() + 1;
        try {
            if (!blocks.federatesWith(delivery.host())) {
                // Blocked after it was queued: never sent, and recorded as given up.
                throw new Outbound.Failed("refused: this node does not federate with that server");
            }
            Signers.Signer signer = signers.of(delivery.signer());
            Outbound.Response response = outbound.post(delivery.inbox(), delivery.body(), signer.keyId(),
                    signer.key(), SEND_TIMEOUT);
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
        outcomes.add(outcome);
        slots.release();
        wake.release();
    }

    private Deliveries.Outcome retry(Deliveries.Due delivery, int attempts, String error) {
        long now = clock.millis();
        Optional<Duration> delay = Backoff.delayAfter(attempts);
        return delay.map(d -> new Deliveries.Outcome(delivery.id(), Deliveries.PENDING, attempts, now + d.toMillis(), error, now))
                .orElseGet(() -> new Deliveries.Outcome(delivery.id(), Deliveries.GAVE_UP, attempts, null, error, now));
    }

    private void record() {
        while (running || !outcomes.isEmpty()) {
            try {
                Deliveries.Outcome first = outcomes.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                Thread.sleep(20);
                List<Deliveries.Outcome> batch = new ArrayList<>();
                batch.add(first);
                outcomes.drainTo(batch);
                db.write(c -> {
                    Deliveries.record(c, batch);
                    return null;
                });
                batch.forEach(o -> inFlight.remove(o.id()));
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "recording deliveries failed; they will be sent again", e);
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
