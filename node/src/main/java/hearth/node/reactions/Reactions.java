package hearth.node.reactions;

import hearth.node.store.Database;
import hearth.node.store.Ids;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Support reactions: toggle hers, count everyone's, forget all of hers.
 *
 * <p>Reacting takes no change number: nothing other servers or the search index see changes.
 * Reading writes nothing. Thread-safe; every method blocks on the database.
 *
 * <pre>{@code
 * boolean on = reactions.toggle(authorId, "perinatal", threadId, postId, ReactionKind.SUPPORT);
 * ReactionsBoard board = reactions.board(authorId, postIds);   // counts, and which are hers
 * }</pre>
 */
public final class Reactions {

    private static final long DAY_MILLIS = 86_400_000L;

    private final Database db;
    private final Reactors reactors;
    private final Clock clock;

    public Reactions(Database db, Reactors reactors, Clock clock) {
        this.db = db;
        this.reactors = reactors;
        this.clock = clock;
    }

    /**
     * Gives her reaction of this kind to a post, or takes it back if she had given it.
     *
     * @return true when the reaction is now hers, false when it was taken back
     * @throws ReactionsProblem.NotFound when the post is not in that thread or readers cannot see it
     * @throws ReactionsProblem.Removed  when moderators removed it
     */
    public boolean toggle(String authorId, String circleName, String threadId, String postId, ReactionKind kind) {
        if (authorId == null || kind == null || !Ids.looksValid(postId) || !Ids.looksValid(threadId)) {
            throw new ReactionsProblem.NotFound();
        }
        String reactor = reactors.of(authorId, postId);
        long day = clock.millis() / DAY_MILLIS;
        return db.write(c -> {
            requireReactable(c, circleName, threadId, postId);
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM reaction WHERE post_id = ? AND kind = ? AND reactor = ?")) {
                s.setString(1, postId);
                s.setString(2, kind.wire());
                s.setString(3, reactor);
                if (s.executeUpdate() > 0) {
                    return false;
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO reaction (post_id, kind, reactor, created_day) VALUES (?, ?, ?, ?)")) {
                s.setString(1, postId);
                s.setString(2, kind.wire());
                s.setString(3, reactor);
                s.setLong(4, day);
                s.executeUpdate();
            }
            return true;
        });
    }

    /** The reactions on these posts, and which of them are hers ({@code authorId} may be null). */
    public ReactionsBoard board(String authorId, Collection<String> postIds) {
        if (postIds.isEmpty()) {
            return ReactionsBoard.EMPTY;
        }
        List<String> ids = List.copyOf(new HashSet<>(postIds));
        return db.read(c -> new ReactionsBoard(counts(c, ids), authorId == null ? Set.of() : hers(c, authorId, ids)));
    }

    /**
     * Removes every reaction she gave on this node. Her reactor differs per post, so it is worked
     * out again for each post that has reactions. Returns how many were removed.
     */
    public int forget(String authorId) {
        if (authorId == null || authorId.isEmpty()) {
            return 0;
        }
        return db.write(c -> {
            List<String> posts = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT post_id FROM reaction");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    posts.add(r.getString(1));
                }
            }
            int removed = 0;
            try (PreparedStatement s = c.prepareStatement("DELETE FROM reaction WHERE post_id = ? AND reactor = ?")) {
                for (String postId : posts) {
                    s.setString(1, postId);
                    s.setString(2, reactors.of(authorId, postId));
                    removed += s.executeUpdate();
                }
            }
            return removed;
        });
    }

    // ---- helpers

    /** Reactable: exists in that thread and circle, not deleted, not held, in a thread readers see. */
    private static void requireReactable(Connection c, String circleName, String threadId, String postId)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT p.thread_id, t.circle_name, p.deleted_at, p.held, p.removed_at, t.removed, t.hidden
                  FROM post p JOIN thread t ON t.id = p.thread_id
                 WHERE p.id = ?""")) {
            s.setString(1, postId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next() || !r.getString(1).equals(threadId) || !r.getString(2).equals(circleName)) {
                    throw new ReactionsProblem.NotFound();
                }
                r.getLong(3);
                boolean deleted = !r.wasNull();
                boolean held = r.getBoolean(4);
                r.getLong(5);
                boolean removed = !r.wasNull();
                if (deleted || held || r.getBoolean(6)) {
                    throw new ReactionsProblem.NotFound();
                }
                if (removed || r.getBoolean(7)) {
                    throw new ReactionsProblem.Removed();
                }
            }
        }
    }

    private static Map<String, Map<ReactionKind, Integer>> counts(Connection c, List<String> ids) throws SQLException {
        Map<String, Map<ReactionKind, Integer>> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT post_id, kind, COUNT(*) FROM reaction WHERE post_id IN ("
                + marks(ids.size()) + ") GROUP BY post_id, kind")) {
            for (int i = 0; i < ids.size(); i++) {
                s.setString(i + 1, ids.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String postId = r.getString(1);
                    int count = r.getInt(3);
                    ReactionKind.fromWire(r.getString(2)).ifPresent(kind -> out
                            .computeIfAbsent(postId, k -> new EnumMap<>(ReactionKind.class)).put(kind, count));
                }
            }
        }
        return out;
    }

    private Set<ReactionsBoard.Pressed> hers(Connection c, String authorId, List<String> ids) throws SQLException {
        Map<String, String> postByReactor = new HashMap<>();
        for (String id : ids) {
            postByReactor.put(reactors.of(authorId, id), id);
        }
        List<String> mine = List.copyOf(postByReactor.keySet());
        Set<ReactionsBoard.Pressed> out = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT post_id, kind, reactor FROM reaction WHERE reactor IN ("
                + marks(mine.size()) + ")")) {
            for (int i = 0; i < mine.size(); i++) {
                s.setString(i + 1, mine.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String postId = r.getString(1);
                    if (postId.equals(postByReactor.get(r.getString(3)))) {
                        ReactionKind.fromWire(r.getString(2))
                                .ifPresent(kind -> out.add(new ReactionsBoard.Pressed(postId, kind)));
                    }
                }
            }
        }
        return out;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
