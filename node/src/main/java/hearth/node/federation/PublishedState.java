package hearth.node.federation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * What followers were last told about one post (table {@code federated_post}): whether it is
 * live or deleted, the edit they have, and, in a circle of this node, the ids of the circle's
 * Delete that removed it and of its Lock of the thread (kept on the opening post), so an Undo
 * names exactly what it takes back. Stateless; each method runs in the caller's transaction.
 */
final class PublishedState {

    static final String LIVE = "live";
    static final String DELETED = "deleted";

    /** {@code removalId} and {@code lockId} are null while the post is not removed, the thread not locked. */
    record Told(String state, Long editedAt, String removalId, String lockId) {

        boolean live() {
            return state.equals(LIVE);
        }

        Told withEdit(Long edited) {
            return new Told(state, edited, removalId, lockId);
        }

        Told withRemoval(String id) {
            return new Told(state, editedAt, id, lockId);
        }

        Told withLock(String id) {
            return new Told(state, editedAt, removalId, id);
        }
    }

    private PublishedState() {
    }

    static Told read(Connection c, String postId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT state, edited_at, removal_id, lock_id FROM federated_post WHERE post_id = ?")) {
            s.setString(1, postId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                long edited = r.getLong(2);
                Long editedAt = r.wasNull() ? null : edited;
                return new Told(r.getString(1), editedAt, r.getString(3), r.getString(4));
            }
        }
    }

    static void write(Connection c, String postId, Told told) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM federated_post WHERE post_id = ?")) {
            s.setString(1, postId);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO federated_post (post_id, state, edited_at, removal_id, lock_id) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, postId);
            s.setString(2, told.state());
            if (told.editedAt() == null) {
                s.setNull(3, Types.BIGINT);
            } else {
                s.setLong(3, told.editedAt());
            }
            s.setString(4, told.removalId());
            s.setString(5, told.lockId());
            s.executeUpdate();
        }
    }
}
