package hearth.node.blocks;

import hearth.node.forum.FederatedPosts;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What suspending a domain does to what is already stored, in the caller's transaction: the
 * forum erases its posts and threads (with change numbers, so the search index drops them), and
 * its follows of this node's circles, this node's follows of its circles and the actors fetched
 * from it are forgotten. Stateless.
 */
final class Suspension {

    /** What an erasure removed, for the modlog and the operator. */
    record Erased(int posts, int followers, int follows, int actors) {
    }

    private Suspension() {
    }

    static Erased apply(Connection c, FederatedPosts posts, Predicate<String> suspended, long now) throws SQLException {
        int erased = posts.eraseFrom(c, suspended, now);
        int followers = deleteWhere(c, "SELECT actor_uri, circle_name FROM circle_follower",
                "DELETE FROM circle_follower WHERE actor_uri = ? AND circle_name = ?", suspended);
        int follows = deleteWhere(c, "SELECT actor_uri, circle_name FROM followed_circle",
                "DELETE FROM followed_circle WHERE actor_uri = ? AND circle_name = ?", suspended);
        int actors = deleteWhere(c, "SELECT uri, uri FROM remote_actor",
                "DELETE FROM remote_actor WHERE uri = ? AND uri = ?", suspended);
        return new Erased(erased, followers, follows, actors);
    }

    /** Deletes the rows whose actor (first column) lives on a suspended server. */
    private static int deleteWhere(Connection c, String select, String delete, Predicate<String> suspended)
            throws SQLException {
        List<String[]> doomed = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(select); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                URI actor = URI.create(r.getString(1));
                if (actor.getHost() != null && suspended.test(Snapshot.authorityOf(actor))) {
                    doomed.add(new String[] {r.getString(1), r.getString(2)});
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(delete)) {
            for (String[] row : doomed) {
                s.setString(1, row[0]);
                s.setString(2, row[1]);
                s.addBatch();
            }
            if (!doomed.isEmpty()) {
                s.executeBatch();
            }
        }
        return doomed.size();
    }
}
