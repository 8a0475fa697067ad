package hearth.node.federation;

import hearth.federation.activity.Flag;
import hearth.federation.json.Json;
import hearth.node.moderation.ReportReason;
import hearth.node.store.Database;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Forwards readers' reports on posts from other servers to where those posts come from, as a
 * {@code Flag} from this node's own actor: object = the post and its author, content = the
 * reason and her comment. Never the reporter: she is anonymous here and stays so there. The
 * Flag goes to the author's server (its shared inbox, or the author's inbox) and, when the
 * post is in a circle on yet another server, to that circle too, whose moderators can act on it.
 *
 * <p>A virtual thread polls for reports not yet forwarded, a few at a time; the delivery and
 * {@code report.forwarded_at} are written together, and the Flag's id comes from the report, so
 * a report is forwarded once. Reports that came in as Flags are never sent on.
 * Thread-safe: {@link #nudge()} from anywhere.
 */
public final class FlagForwarder implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FlagForwarder.class.getName());
    static final int BATCH = 20;
    private static final Duration POLL = Duration.ofSeconds(2);
    /** A report whose author cannot be reached now is tried again after this. */
    private static final Duration RETRY = Duration.ofMinutes(5);

    /** A report waiting to go, with what the Flag must name. */
    record Pending(String reportId, String reason, String comment, URI post, URI author, URI circleActor) {
    }

    private final Database db;
    private final RemoteActors actors;
    private final DeliveryWorker worker;
    private final Urls urls;
    private final Clock clock;
    private final Map<String, Long> waitUntil = new ConcurrentHashMap<>();
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;

    public FlagForwarder(Database db, RemoteActors actors, DeliveryWorker worker, Urls urls, Clock clock) {
        this.db = db;
        this.actors = actors;
        this.worker = worker;
        this.urls = urls;
        this.clock = clock;
        this.thread = Thread.ofVirtual().name("hearth-flags").unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    /** A report was filed: look now rather than at the next poll. */
    public void nudge() {
        wake.release();
    }

    private void run() {
        while (running) {
            try {
                forwardSome();
                wake.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "reports could not be forwarded; trying again shortly", e);
                try {
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** Forwards the reports waiting now; returns how many were queued for delivery. */
    int forwardSome() {
        long now = clock.millis();
        int queued = 0;
        for (Pending pending : db.read(c -> pending(c, BATCH + waitUntil.size()))) {
            Long wait = waitUntil.get(pending.reportId());
            if (wait != null && wait > now) {
                continue;
            }
            Set<URI> inboxes;
            try {
                inboxes = inboxes(pending);
            } catch (RuntimeException e) {
                waitUntil.put(pending.reportId(), now + RETRY.toMillis());
                LOG.info("a report could not be forwarded yet: " + e.getMessage());
                continue;
            }
            waitUntil.remove(pending.reportId());
            Flag flag = flag(pending);
            byte[] body = Json.bytes(flag.toJson());
            db.write(c -> {
                Deliveries.enqueue(c, flag.id(), body, ActorKeys.nodePath(), inboxes, now);
                markForwarded(c, pending.reportId(), now);
                return null;
            });
            queued++;
        }
        if (queued > 0) {
            worker.nudge();
        }
        return queued;
    }

    Flag flag(Pending pending) {
        List<URI> to = pending.circleActor() == null ? List.of(pending.author())
                : List.of(pending.author(), pending.circleActor());
        return new Flag(urls.activity("flag-" + pending.reportId()), urls.nodeActor(),
                List.of(pending.post(), pending.author()), content(pending.reason(), pending.comment()), to);
    }

    /** The reason's label first, so a Hearth node reads it back as the same reason; then her words. */
    static String content(String reason, String comment) {
        String label = ReportReason.parse(reason).orElse(ReportReason.OTHER).label();
        return comment == null || comment.isBlank() ? label : label + "\n\n" + comment.strip();
    }

    private Set<URI> inboxes(Pending pending) {
        Set<URI> inboxes = new LinkedHashSet<>();
        inboxes.add(actors.get(pending.author()).deliveryInbox());
        if (pending.circleActor() != null) {
            inboxes.add(actors.get(pending.circleActor()).deliveryInbox());
        }
        return inboxes;
    }

    private static List<Pending> pending(Connection c, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT r.id, r.reason, r.comment, p.ap_id, s.actor_uri, ci.actor_uri
                  FROM report r
                  JOIN post p ON p.id = r.post_id
                  JOIN pseudonym s ON s.id = p.pseudonym_id
                  JOIN thread t ON t.id = p.thread_id
                  JOIN circle ci ON ci.name = t.circle_name
                 WHERE r.forwarded_at IS NULL AND r.origin IS NULL
                   AND p.ap_id IS NOT NULL AND s.actor_uri IS NOT NULL
                 ORDER BY r.created_at, r.id LIMIT ?""")) {
            s.setInt(1, limit);
            List<Pending> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String circle = r.getString(6);
                    out.add(new Pending(r.getString(1), r.getString(2), r.getString(3), URI.create(r.getString(4)),
                            URI.create(r.getString(5)), circle == null ? null : URI.create(circle)));
                }
            }
            return out;
        }
    }

    private static void markForwarded(Connection c, String reportId, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE report SET forwarded_at = ? WHERE id = ? AND forwarded_at IS NULL")) {
            s.setLong(1, now);
            s.setString(2, reportId);
            s.executeUpdate();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
