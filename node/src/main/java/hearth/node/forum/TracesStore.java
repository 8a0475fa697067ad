package hearth.node.forum;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL behind her control over her traces: when posts expire, which posts "forget me" erases,
 * and unlinking her pseudonyms from her id. One method per statement, on a connection the caller
 * owns; portable SQL. Stateless and thread-safe.
 */
final class TracesStore {

    /** A post about to be erased: enough to erase it the way she would. */
    record Erasable(String postId, String threadId, boolean opening) {
    }

    /** Sets when a new post disappears by itself. */
    void setExpiry(Connection c, String postId, long expiresAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE post SET expires_at = ? WHERE id = ?")) {
            s.setLong(1, expiresAt);
            s.setString(2, postId);
            s.executeUpdate();
        }
    }

    /** Posts whose time ran out at {@code now} and that still have their words, soonest first. */
    List<Erasable> expired(Connection c, long now, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT p.id, p.thread_id, p.opening FROM post p
                WHERE p.expires_at <= ? AND p.deleted_at IS NULL
                ORDER BY p.expires_at, p.id
                LIMIT ?""")) {
            s.setLong(1, now);
            s.setInt(2, limit);
            return erasables(s);
        }
    }

    /** Every post of hers not yet deleted, whatever its state (held and removed ones too). */
    List<Erasable> undeletedByAuthor(Connection c, String authorId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT p.id, p.thread_id, p.opening FROM post p JOIN pseudonym s ON s.id = p.pseudonym_id
                WHERE s.author_id = ? AND p.deleted_at IS NULL
                ORDER BY p.created_at, p.id""")) {
            s.setString(1, authorId);
            return erasables(s);
        }
    }

    private static List<Erasable> erasables(PreparedStatement s) throws SQLException {
        List<Erasable> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new Erasable(r.getString(1), r.getString(2), r.getBoolean(3)));
            }
        }
        return out;
    }

    /**
     * How many replies others wrote (not deleted) in the threads she opened and has not deleted:
     * they stay when her opening posts go.
     */
    int othersRepliesInHerThreads(Connection c, String authorId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT COUNT(*) FROM post r JOIN pseudonym rs ON rs.id = r.pseudonym_id
                WHERE r.opening = ? AND r.deleted_at IS NULL AND rs.author_id <> ?
                  AND r.thread_id IN (SELECT p.thread_id FROM post p JOIN pseudonym s ON s.id = p.pseudonym_id
                                      WHERE s.author_id = ? AND p.opening = ? AND p.deleted_at IS NULL)""")) {
            s.setBoolean(1, false);
            s.setString(2, authorId);
            s.setString(3, authorId);
            s.setBoolean(4, true);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /**
     * Hands her pseudonyms (and with them her deleted posts) to an author id nobody holds a key
     * for, so the key she had, or a recovery phrase found later, leads to nothing here. The new
     * id's author row must exist already.
     */
    void detachPseudonyms(Connection c, String authorId, String nobodysId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE pseudonym SET author_id = ? WHERE author_id = ?")) {
            s.setString(1, nobodysId);
            s.setString(2, authorId);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE author SET usual_pseudonym_id = NULL WHERE id = ?")) {
            s.setString(1, authorId);
            s.executeUpdate();
        }
    }

    /** Whether this author id has a pseudonym here: she has posted, and has not asked to be forgotten. */
    boolean hasPseudonyms(Connection c, String authorId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pseudonym WHERE author_id = ? LIMIT 1")) {
            s.setString(1, authorId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }
}
