package hearth.node.federation;

import hearth.node.store.Database;
import hearth.node.store.Ids;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where verified activities wait to be processed. The inbox answers 202 only once the activity
 * is committed here; activities arriving together share one commit (group commit), so a busy
 * inbox costs one disk flush per batch rather than one per activity. An activity id seen before
 * is not stored again. Thread-safe.
 */
public final class InboxQueue implements AutoCloseable {

    /** A verified activity: its id, the actor that signed it, and the body as received. */
    public record Item(URI activityId, URI actor, String body) {
    }

    private record Waiting(Item item, CompletableFuture<Boolean> stored) {
    }

    private static final Logger LOG = Logger.getLogger(InboxQueue.class.getName());
    private static final int BATCH = 500;

    private final Database db;
    private final Clock clock;
    private final LinkedBlockingQueue<Waiting> waiting = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final Runnable onStored;
    private volatile boolean running = true;

    public InboxQueue(Database db, Clock clock, Runnable onStored) {
        this.db = db;
        this.clock = clock;
        this.onStored = onStored;
        this.writer = Thread.ofVirtual().name("hearth-inbox-writer").start(this::write);
    }

    /** Stores the activity; the future says true once committed, false if its id was seen before. */
    public CompletableFuture<Boolean> offer(Item item) {
        CompletableFuture<Boolean> stored = new CompletableFuture<>();
        if (!running) {
            stored.completeExceptionally(new IllegalStateException("the node is stopping"));
            return stored;
        }
        waiting.add(new Waiting(item, stored));
        return stored;
    }

    private void write() {
        while (running || !waiting.isEmpty()) {
            List<Waiting> batch = new ArrayList<>();
            try {
                Waiting first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, BATCH - 1);
                long now = clock.millis();
                List<Boolean> results = db.write(c -> {
                    List<Boolean> out = new ArrayList<>();
                    java.util.Set<String> inBatch = new java.util.HashSet<>();
                    for (Waiting w : batch) {
                        String id = w.item().activityId().toString();
                        boolean fresh = inBatch.add(id) && !seen(c, id);
                        if (fresh) {
                            insert(c, w.item(), now);
                        }
                        out.add(fresh);
                    }
                    return out;
                });
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).stored().complete(results.get(i));
                }
                onStored.run();
            } catch (InterruptedException e) {
                batch.forEach(w -> w.stored().completeExceptionally(e));
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "inbox activities could not be stored; senders will retry", e);
                batch.forEach(w -> w.stored().completeExceptionally(e));
            }
        }
    }

    private static boolean seen(Connection c, String activityId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM inbox_item WHERE activity_id = ?")) {
            s.setString(1, activityId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    private static void insert(Connection c, Item item, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO inbox_item (id, activity_id, actor_uri, body, state,"
                + " received_at) VALUES (?, ?, ?, ?, 'pending', ?)")) {
            s.setString(1, Ids.next());
            s.setString(2, item.activityId().toString());
            s.setString(3, item.actor().toString());
            s.setString(4, item.body());
            s.setLong(5, now);
            s.executeUpdate();
        }
    }

    /** Pending activities, oldest first. */
    static List<String[]> pending(Connection c, int limit) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, body FROM inbox_item WHERE state = 'pending' ORDER BY id LIMIT ?")) {
            s.setInt(1, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new String[] {r.getString(1), r.getString(2)});
                }
            }
        }
        return out;
    }

    /**
     * Marks an activity processed. Its body is dropped (nothing more is needed of it); the row
     * stays as the record that this activity id was seen.
     */
    static void done(Connection c, String id, String state) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE inbox_item SET state = ?, body = '' WHERE id = ?")) {
            s.setString(1, state);
            s.setString(2, id);
            s.executeUpdate();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            writer.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
