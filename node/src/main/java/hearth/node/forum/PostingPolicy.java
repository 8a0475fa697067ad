package hearth.node.forum;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * A circle's posting policy: open, hold the first post of each new author, or hold every post.
 * An author is new in a circle until a moderator has let one of her posts through there.
 */
public enum PostingPolicy {
    OPEN("open", "Open: posts appear at once", "moderation.policy.open"),
    HOLD_FIRST("hold-first", "Hold the first post of each new author for a moderator", "moderation.policy.holdFirst"),
    HOLD_ALL("hold-all", "Hold every post for a moderator", "moderation.policy.holdAll");

    private final String wire;
    private final String description;
    private final String key;

    PostingPolicy(String wire, String description, String key) {
        this.wire = wire;
        this.description = description;
        this.key = key;
    }

    /** The bundle key of the console's words for it ({@link #description()} is the log's English). */
    public String key() {
        return key;
    }

    public String wire() {
        return wire;
    }

    public String description() {
        return description;
    }

    public static PostingPolicy parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (PostingPolicy p : values()) {
            if (p.wire.equals(t)) {
                return p;
            }
        }
        throw new IllegalArgumentException("a posting policy is open, hold-first or hold-all, got: " + text);
    }

    static PostingPolicy of(Connection c, String circle) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT posting_policy FROM circle WHERE name = ?")) {
            s.setString(1, circle);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? parse(r.getString(1)) : OPEN;
            }
        }
    }

    /** Whether a new post by this author in this circle waits for a moderator. */
    static boolean holds(Connection c, String circle, String authorId) throws SQLException {
        return switch (of(c, circle)) {
            case OPEN -> false;
            case HOLD_ALL -> true;
            case HOLD_FIRST -> !hasPassedPost(c, circle, authorId);
        };
    }

    /** Whether a post from a remote actor in this circle waits for a moderator. */
    static boolean holdsRemote(Connection c, String circle, String actorUri) throws SQLException {
        return switch (of(c, circle)) {
            case OPEN -> false;
            case HOLD_ALL -> true;
            case HOLD_FIRST -> !hasPassedPost(c, circle, "s.actor_uri", actorUri);
        };
    }

    private static boolean hasPassedPost(Connection c, String circle, String authorId) throws SQLException {
        return hasPassedPost(c, circle, "s.author_id", authorId);
    }

    private static boolean hasPassedPost(Connection c, String circle, String column, String who) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT 1 FROM post p
                JOIN pseudonym s ON s.id = p.pseudonym_id
                JOIN thread t ON t.id = p.thread_id
                WHERE %s = ? AND t.circle_name = ? AND p.held = ? AND p.removed_at IS NULL
                LIMIT 1""".formatted(column))) {
            s.setString(1, who);
            s.setString(2, circle);
            s.setBoolean(3, false);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    static void set(Connection c, String circle, PostingPolicy policy) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE circle SET posting_policy = ? WHERE name = ?")) {
            s.setString(1, policy.wire);
            s.setString(2, circle);
            s.executeUpdate();
        }
    }
}
