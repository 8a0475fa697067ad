package hearth.node.moderation;

import hearth.node.store.Ids;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The report table's SQL. Stateless; each method runs in the caller's transaction. */
public final class Reports {

    /** Longest comment kept with a report. */
    public static final int COMMENT_MAX = 2000;

    private Reports() {
    }

    /**
     * Files a report. {@code origin} is null for a reader of this node, or the host of the node
     * that forwarded it.
     */
    public static String insert(Connection c, String postId, ReportReason reason, String comment, String origin,
                                long now) throws SQLException {
        String id = Ids.next();
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO report (id, post_id, reason, comment, origin, created_at) VALUES (?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, id);
            s.setString(2, postId);
            s.setString(3, reason.wire());
            String text = comment == null ? "" : comment.strip();
            s.setString(4, text.length() <= COMMENT_MAX ? text : text.substring(0, COMMENT_MAX));
            s.setString(5, origin);
            s.setLong(6, now);
            s.executeUpdate();
        }
        return id;
    }

    static List<QueueItem.Report> open(Connection c, String postId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT id, reason, comment, origin, created_at FROM report
                WHERE post_id = ? AND resolved_at IS NULL ORDER BY created_at, id""")) {
            s.setString(1, postId);
            List<QueueItem.Report> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new QueueItem.Report(r.getString(1),
                            ReportReason.parse(r.getString(2)).orElse(ReportReason.OTHER), r.getString(3),
                            r.getString(4), r.getLong(5)));
                }
            }
            return out;
        }
    }

    /** Closes every open report on a post; returns how many. */
    static int resolve(Connection c, String postId, String resolution, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE report SET resolved_at = ?, resolution = ? WHERE post_id = ? AND resolved_at IS NULL""")) {
            s.setLong(1, now);
            s.setString(2, resolution);
            s.setString(3, postId);
            return s.executeUpdate();
        }
    }

    /**
     * Posts with open reports or waiting while held, in the given circles (null: all), at most
     * {@code limit}: those reported as someone at risk first, so a long queue never pushes them out.
     */
    static List<String> waitingPosts(Connection c, java.util.Set<String> circles, int limit) throws SQLException {
        String circleFilter = circles == null ? ""
                : circles.isEmpty() ? " AND 1 = 0"
                : " AND t.circle_name IN (" + String.join(", ", java.util.Collections.nCopies(circles.size(), "?"))
                        + ")";
        try (PreparedStatement s = c.prepareStatement("""
                SELECT p.id FROM post p JOIN thread t ON t.id = p.thread_id
                WHERE p.deleted_at IS NULL
                  AND ((p.held = ? AND p.removed_at IS NULL)
                       OR EXISTS (SELECT 1 FROM report r WHERE r.post_id = p.id AND r.resolved_at IS NULL))
                %s
                ORDER BY EXISTS (SELECT 1 FROM report r WHERE r.post_id = p.id AND r.resolved_at IS NULL
                                 AND r.reason = ?) DESC,
                         p.created_at
                LIMIT ?""".formatted(circleFilter))) {
            int i = 1;
            s.setBoolean(i++, true);
            if (circles != null) {
                for (String circle : circles) {
                    s.setString(i++, circle);
                }
            }
            s.setString(i++, ReportReason.AT_RISK.wire());
            s.setInt(i, limit);
            List<String> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        }
    }
}
