package hearth.node.federation;

import hearth.node.store.Ids;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The durable outbox: one row per activity per receiving inbox. Rows are added in the same
 * transaction as the change that caused them, so a committed change is never left undelivered,
 * and an activity is queued for an inbox at most once.
 */
public final class Deliveries {

    /** A delivery waiting to be attempted. */
    public record Due(String id, String host, URI inbox, String activityId, byte[] body, String signer, int attempts) {
    }

    /** How an attempt ended. {@code nextAttemptAt} is null when it is finished (delivered or given up). */
    public record Outcome(String id, String state, int attempts, Long nextAttemptAt, String error, long at) {
    }

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String GAVE_UP = "gave_up";

    private Deliveries() {
    }

    public static int enqueue(Connection c, URI activityId, byte[] body, String signer, Collection<URI> inboxes,
            long now) throws SQLException {
        int added = 0;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO delivery (id, host, inbox, activity_id, body, signer,"
                + " state, attempts, next_attempt_at, created_at) SELECT ?, ?, ?, ?, ?, ?, ?, 0, ?, ? WHERE NOT EXISTS"
                + " (SELECT 1 FROM delivery WHERE activity_id = ? AND inbox = ?)")) {
            String text = new String(body, StandardCharsets.UTF_8);
            for (URI inbox : inboxes) {
                s.setString(1, Ids.next());
                s.setString(2, Urls.authorityOf(inbox));
                s.setString(3, inbox.toString());
                s.setString(4, activityId.toString());
                s.setString(5, text);
                s.setString(6, signer);
                s.setString(7, PENDING);
                s.setLong(8, now);
                s.setLong(9, now);
                s.setString(10, activityId.toString());
                s.setString(11, inbox.toString());
                s.addBatch();
            }
            for (int count : s.executeBatch()) {
                added += Math.max(count, 0);
            }
        }
        return added;
    }

    /** The hosts with deliveries due by {@code now}. */
    public static List<String> hostsDue(Connection c, long now) throws SQLException {
        List<String> hosts = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT DISTINCT host FROM delivery WHERE state = ? AND next_attempt_at <= ?")) {
            s.setString(1, PENDING);
            s.setLong(2, now);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    hosts.add(r.getString(1));
                }
            }
        }
        return hosts;
    }

    /**
     * When the next delivery that is not yet due falls due (a time after {@code now}), or null
     * when none waits: the worker sleeps until then rather than polling.
     */
    public static Long nextDueAfter(Connection c, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT MIN(next_attempt_at) FROM delivery WHERE state = ? AND next_attempt_at > ?")) {
            s.setString(1, PENDING);
            s.setLong(2, now);
            try (ResultSet r = s.executeQuery()) {
                long at = r.next() ? r.getLong(1) : 0;
                return at == 0 ? null : at;
            }
        }
    }

    /** One host's deliveries due by {@code now}, soonest first. */
    public static List<Due> due(Connection c, String host, long now, int limit) throws SQLException {
        List<Due> due = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, host, inbox, activity_id, body, signer, attempts"
                + " FROM delivery WHERE state = ? AND host = ? AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?")) {
            s.setString(1, PENDING);
            s.setString(2, host);
            s.setLong(3, now);
            s.setInt(4, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    due.add(new Due(r.getString(1), r.getString(2), URI.create(r.getString(3)), r.getString(4),
                            r.getString(5).getBytes(StandardCharsets.UTF_8), r.getString(6), r.getInt(7)));
                }
            }
        }
        return due;
    }

    /**
     * Takes up to {@code limit} of one host's deliveries due by {@code now} for this process, on
     * PostgreSQL where several node processes share the outbox: rows another process is claiming
     * at this moment are skipped ({@code FOR UPDATE SKIP LOCKED}), and the rows taken are due again
     * only at {@code leaseUntil}, so no other process sends them meanwhile. The outcome recorded
     * for each replaces the lease; if this process dies first, they are sent after the lease.
     */
    public static List<Due> claim(Connection c, String host, long now, int limit, long leaseUntil) throws SQLException {
        List<Due> due = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("UPDATE delivery SET next_attempt_at = ? WHERE id IN"
                + " (SELECT id FROM delivery WHERE state = ? AND host = ? AND next_attempt_at <= ?"
                + " ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)"
                + " RETURNING id, host, inbox, activity_id, body, signer, attempts")) {
            s.setLong(1, leaseUntil);
            s.setString(2, PENDING);
            s.setString(3, host);
            s.setLong(4, now);
            s.setInt(5, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    due.add(new Due(r.getString(1), r.getString(2), URI.create(r.getString(3)), r.getString(4),
                            r.getString(5).getBytes(StandardCharsets.UTF_8), r.getString(6), r.getInt(7)));
                }
            }
        }
        return due;
    }

    public static void record(Connection c, List<Outcome> outcomes) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE delivery SET state = ?, attempts = ?, next_attempt_at = ?,"
                + " last_error = ?, finished_at = ? WHERE id = ?")) {
            for (Outcome o : outcomes) {
                s.setString(1, o.state());
                s.setInt(2, o.attempts());
                s.setLong(3, o.nextAttemptAt() == null ? o.at() : o.nextAttemptAt());
                s.setString(4, o.error());
                if (o.nextAttemptAt() == null) {
                    s.setLong(5, o.at());
                } else {
                    s.setNull(5, java.sql.Types.BIGINT);
                }
                s.setString(6, o.id());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Counts of deliveries by state, for the admin status and tests. */
    public static java.util.Map<String, Integer> counts(Connection c) throws SQLException {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT state, COUNT(*) FROM delivery GROUP BY state");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                counts.put(r.getString(1), r.getInt(2));
            }
        }
        return counts;
    }
}
