package hearth.node.federation;

import hearth.node.store.Database;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who follows this node's circles, and which remote circles this node follows.
 * A followed circle moves from {@code requested} (asked for by an operator, nothing sent yet)
 * to {@code pending} (Follow sent) to {@code accepted} or {@code rejected}. Thread-safe.
 */
public final class Follows {

    public static final String REQUESTED = "requested";
    public static final String PENDING = "pending";
    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";
    public static final String UNFOLLOWING = "unfollowing";

    /** A remote circle this node follows (or asked to). {@code handle} is "name@host". */
    public record Followed(String circleName, URI actor, String followId, String state) {
    }

    private final Database db;

    public Follows(Database db) {
        this.db = db;
    }

    // ---- followers of local circles

    public void addFollower(String circle, URI actor, URI inbox, URI followId, long now) {
        db.write(c -> {
            removeFollower(c, circle, actor);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO circle_follower (circle_name, actor_uri, inbox,"
                    + " follow_id, created_at) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, circle);
                s.setString(2, actor.toString());
                s.setString(3, inbox.toString());
                s.setString(4, followId.toString());
                s.setLong(5, now);
                s.executeUpdate();
            }
            return null;
        });
    }

    public boolean removeFollower(String circle, URI actor) {
        return db.write(c -> removeFollower(c, circle, actor));
    }

    private static boolean removeFollower(Connection c, String circle, URI actor) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "DELETE FROM circle_follower WHERE circle_name = ? AND actor_uri = ?")) {
            s.setString(1, circle);
            s.setString(2, actor.toString());
            return s.executeUpdate() > 0;
        }
    }

    public void removeFollowerByFollowId(URI actor, URI followId) {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM circle_follower WHERE actor_uri = ? AND follow_id = ?")) {
                s.setString(1, actor.toString());
                s.setString(2, followId.toString());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** The inboxes a circle's activities go to: one per shared inbox, however many followers share it. */
    /** True if any server follows the circle. */
    public static boolean followed(Connection c, String circle) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM circle_follower WHERE circle_name = ? LIMIT 1")) {
            s.setString(1, circle);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    public static Set<URI> inboxes(Connection c, String circle) throws SQLException {
        Set<URI> inboxes = new LinkedHashSet<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT DISTINCT inbox FROM circle_follower WHERE circle_name = ? ORDER BY inbox")) {
            s.setString(1, circle);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    inboxes.add(URI.create(r.getString(1)));
                }
            }
        }
        return inboxes;
    }

    public List<URI> followers(String circle) {
        return db.read(c -> {
            List<URI> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT actor_uri FROM circle_follower WHERE circle_name = ? ORDER BY created_at")) {
                s.setString(1, circle);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(URI.create(r.getString(1)));
                    }
                }
            }
            return out;
        });
    }

    // ---- remote circles this node follows

    /** Records an operator's wish to follow {@code handle}; the node sends the Follow. */
    public static void request(Connection c, String handle, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM followed_circle WHERE circle_name = ?")) {
            s.setString(1, handle);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO followed_circle (circle_name, actor_uri, follow_id,"
                + " state, requested_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, handle);
            s.setString(2, "unresolved:" + handle);
            s.setString(3, "");
            s.setString(4, REQUESTED);
            s.setLong(5, now);
            s.executeUpdate();
        }
    }

    /** Marks a followed circle to be unfollowed; the node sends the Undo. */
    public static boolean requestUnfollow(Connection c, String handle) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE followed_circle SET state = ? WHERE circle_name = ?")) {
            s.setString(1, UNFOLLOWING);
            s.setString(2, handle);
            return s.executeUpdate() > 0;
        }
    }

    public List<Followed> followed(String state) {
        return db.read(c -> {
            List<Followed> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT circle_name, actor_uri, follow_id, state FROM followed_circle WHERE state = ?")) {
                s.setString(1, state);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String actor = r.getString(2);
                        out.add(new Followed(r.getString(1), actor.startsWith("unresolved:") ? null : URI.create(actor),
                                r.getString(3), r.getString(4)));
                    }
                }
            }
            return out;
        });
    }

    public Optional<Followed> followedByActor(URI actor) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT circle_name, actor_uri, follow_id, state FROM followed_circle WHERE actor_uri = ?")) {
                s.setString(1, actor.toString());
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new Followed(r.getString(1), URI.create(r.getString(2)),
                            r.getString(3), r.getString(4))) : Optional.<Followed>empty();
                }
            }
        });
    }

    public void setFollowed(String circleName, URI actor, URI followId, String state, long now) {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE followed_circle SET actor_uri = ?, follow_id = ?,"
                    + " state = ?, answered_at = ? WHERE circle_name = ?")) {
                s.setString(1, actor.toString());
                s.setString(2, followId.toString());
                s.setString(3, state);
                s.setLong(4, now);
                s.setString(5, circleName);
                s.executeUpdate();
            }
            return null;
        });
    }

    public void forget(String circleName) {
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM followed_circle WHERE circle_name = ?")) {
                s.setString(1, circleName);
                s.executeUpdate();
            }
            return null;
        });
    }
}
