package hearth.node.forum;

import hearth.node.store.Ids;
import hearth.ui.i18n.Text;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bans on authors: from one circle or the whole node, for a while or for ever. A ban is on the
 * author behind a pseudonym, so it holds for every pseudonym she has here; what a moderator sees
 * is only the pseudonym she acted on. Stateless; every method runs in the caller's transaction.
 */
public final class Bans {

    /** A ban as the console lists it; {@code circle} null is the whole node, {@code until} null for ever. */
    public record Ban(String id, String circle, String pseudonym, String reason, long createdAt, Long until) {

        /** What she reads when she tries to post: the reason, and until when (an {@link Instant}). */
        public Text explanation() {
            if (until == null) {
                return circle == null ? Text.of("forum.problem.bannedNode", reason)
                        : Text.of("forum.problem.bannedCircle", reason);
            }
            Instant end = Instant.ofEpochMilli(until);
            return circle == null ? Text.of("forum.problem.bannedNodeUntil", reason, end)
                    : Text.of("forum.problem.bannedCircleUntil", reason, end);
        }
    }

    private Bans() {
    }

    /** The ban that stops this author posting in this circle now, if any. */
    static Optional<Ban> active(Connection c, String authorId, String circle, long now) throws SQLException {
        if (authorId == null) {
            return Optional.empty();
        }
        return list(c, "author_id = ? AND (circle_name IS NULL OR circle_name = ?)", now, authorId, circle)
                .stream().findFirst();
    }

    /** Active bans, newest first, in the given circles (null: every circle and node-wide bans). */
    public static List<Ban> active(Connection c, long now) throws SQLException {
        return list(c, "1 = 1", now);
    }

    private static List<Ban> list(Connection c, String where, long now, String... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT id, circle_name, pseudonym, reason, created_at, until_at FROM ban
                WHERE %s AND lifted_at IS NULL AND (until_at IS NULL OR until_at > ?)
                ORDER BY created_at DESC, id DESC""".formatted(where))) {
            int i = 1;
            for (String arg : args) {
                s.setString(i++, arg);
            }
            s.setLong(i, now);
            List<Ban> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long until = r.getLong(6);
                    out.add(new Ban(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getLong(5),
                            r.wasNull() ? null : until));
                }
            }
            return out;
        }
    }

    /** Bans the author of a post (local author, or remote actor for a post from another node). */
    static String insert(Connection c, String authorId, String actorUri, String circle, String pseudonym,
                         String reason, long now, Long until) throws SQLException {
        String id = Ids.next();
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO ban (id, author_id, actor_uri, circle_name, pseudonym, reason, created_at, until_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, id);
            s.setString(2, authorId);
            s.setString(3, actorUri);
            s.setString(4, circle);
            s.setString(5, pseudonym);
            s.setString(6, reason);
            s.setLong(7, now);
            if (until == null) {
                s.setNull(8, java.sql.Types.BIGINT);
            } else {
                s.setLong(8, until);
            }
            s.executeUpdate();
        }
        return id;
    }

    /** Lifts a ban; returns it as it was, if it was active. */
    static Optional<Ban> lift(Connection c, String banId, long now) throws SQLException {
        Optional<Ban> ban = list(c, "id = ?", now, banId).stream().findFirst();
        if (ban.isPresent()) {
            try (PreparedStatement s = c.prepareStatement("UPDATE ban SET lifted_at = ? WHERE id = ?")) {
                s.setLong(1, now);
                s.setString(2, banId);
                s.executeUpdate();
            }
        }
        return ban;
    }
}
