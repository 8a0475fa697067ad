package hearth.node.moderation;

import hearth.node.store.Ids;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The node's public moderation log: what was done, where, why, and to which pseudonym or domain.
 * Never who reported; the acting moderator's id stays inside the console. Stateless.
 */
public final class ModLog {

    /** One line of the log as readers see it. */
    public record Entry(long at, String circle, String action, String reason, String target) {
    }

    private ModLog() {
    }

    /** Writes one line inside the caller's transaction. */
    public static void record(Connection c, long at, String circle, String action, String reason, String target,
                              String moderatorId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO modlog (id, at, circle_name, action, reason, target, moderator_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, Ids.next());
            s.setLong(2, at);
            s.setString(3, circle);
            s.setString(4, action);
            s.setString(5, cut(reason == null ? "" : reason, 500));
            s.setString(6, cut(target == null ? "" : target, 500));
            s.setString(7, moderatorId);
            s.executeUpdate();
        }
    }

    /** The newest lines first, older than {@code before} (ms) if given. */
    public static List<Entry> latest(Connection c, Long before, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT at, circle_name, action, reason, target FROM modlog
                WHERE at < ? ORDER BY at DESC, id DESC LIMIT ?""")) {
            s.setLong(1, before == null ? Long.MAX_VALUE : before);
            s.setInt(2, limit);
            List<Entry> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Entry(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5)));
                }
            }
            return out;
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
