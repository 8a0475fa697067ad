package hearth.node.forum;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The forum's SQL, one method per statement, each on a connection the caller owns
 * (so several can share one transaction). Portable SQL only: the same statements run on
 * SQLite and PostgreSQL. Stateless and thread-safe.
 */
final class ForumStore {

    private static final String POST_COLUMNS = """
            p.id, p.thread_id, t.circle_name, s.name, s.author_id, p.opening, p.source, p.html,
            p.created_at, p.edited_at, p.deleted_at, p.held, p.removed_reason, p.expires_at,
            p.content_warning""";

    // ---- circles

    void upsertCircle(Connection c, String name, String title, String description, int position, long now)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE circle SET title = ?, description = ?, position = ? WHERE name = ?")) {
            update.setString(1, title);
            update.setString(2, description);
            update.setInt(3, position);
            update.setString(4, name);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO circle (name, title, description, position, created_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, title);
            insert.setString(3, description);
            insert.setInt(4, position);
            insert.setLong(5, now);
            insert.executeUpdate();
        }
    }

    List<Circle> circles(Connection c) throws SQLException {
        return circlesWhere(c, "", null);
    }

    Optional<Circle> circle(Connection c, String name) throws SQLException {
        return circlesWhere(c, "WHERE c.name = ?", name).stream().findFirst();
    }

    private List<Circle> circlesWhere(Connection c, String where, String arg) throws SQLException {
        String sql = """
                SELECT c.name, c.title, c.description, COUNT(t.id), COALESCE(MAX(t.last_activity_at), 0)
                FROM circle c LEFT JOIN thread t ON t.circle_name = c.name AND t.removed = ? AND t.hidden = ?
                     AND t.silenced = FALSE
                %s
                GROUP BY c.name, c.title, c.description, c.position
                ORDER BY c.position, c.name""".formatted(where);
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setBoolean(1, false);
            s.setBoolean(2, false);
            if (arg != null) {
                s.setString(3, arg);
            }
            List<Circle> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Circle(r.getString(1), r.getString(2), r.getString(3), r.getInt(4), r.getLong(5)));
                }
            }
            return out;
        }
    }

    // ---- threads

    /** Threads by latest activity, newest first, strictly after the cursor position if one is given. */
    List<ThreadSummary> threads(Connection c, String circle, Long beforeActivity, String beforeId, int limit)
            throws SQLException {
        String sql = """
                SELECT t.id, t.circle_name, t.title, CASE WHEN p.deleted_at IS NULL THEN s.name ELSE '' END,
                       t.reply_count, t.created_at, t.last_activity_at,
                       CASE WHEN p.deleted_at IS NULL THEN p.content_warning ELSE NULL END
                FROM thread t
                JOIN post p ON p.thread_id = t.id AND p.opening = ?
                JOIN pseudonym s ON s.id = p.pseudonym_id
                WHERE t.circle_name = ? AND t.removed = ? AND t.hidden = ?
                  AND t.silenced = FALSE
                %s
                ORDER BY t.last_activity_at DESC, t.id DESC
                LIMIT ?""".formatted(beforeActivity == null ? ""
                : "AND (t.last_activity_at < ? OR (t.last_activity_at = ? AND t.id < ?))");
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setBoolean(i++, true);
            s.setString(i++, circle);
            s.setBoolean(i++, false);
            s.setBoolean(i++, false);
            if (beforeActivity != null) {
                s.setLong(i++, beforeActivity);
                s.setLong(i++, beforeActivity);
                s.setString(i++, beforeId);
            }
            s.setInt(i, limit);
            List<ThreadSummary> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new ThreadSummary(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getInt(5), r.getLong(6), r.getLong(7), r.getString(8)));
                }
            }
            return out;
        }
    }

    /** The thread's head: id, circle, title, created, removed. */
    Optional<ThreadHead> thread(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, circle_name, title, created_at, removed, locked, hidden FROM thread WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next()
                        ? Optional.of(new ThreadHead(r.getString(1), r.getString(2), r.getString(3), r.getLong(4),
                                r.getBoolean(5), r.getBoolean(6), r.getBoolean(7)))
                        : Optional.empty();
            }
        }
    }

    /** removed: nothing readable is left; hidden: its opening post is held or removed by moderators. */
    record ThreadHead(String id, String circleName, String title, long createdAt, boolean removed, boolean locked,
                      boolean hidden) {
    }

    void insertThread(Connection c, String id, String circle, String title, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO thread (id, circle_name, title, created_at, last_activity_at, reply_count, removed)
                VALUES (?, ?, ?, ?, ?, 0, ?)""")) {
            s.setString(1, id);
            s.setString(2, circle);
            s.setString(3, title);
            s.setLong(4, now);
            s.setLong(5, now);
            s.setBoolean(6, false);
            s.executeUpdate();
        }
    }

    void recordReply(Connection c, String threadId, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE thread SET reply_count = reply_count + 1, last_activity_at = ? WHERE id = ?")) {
            s.setLong(1, now);
            s.setString(2, threadId);
            s.executeUpdate();
        }
    }

    void setTitle(Connection c, String threadId, String title) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE thread SET title = ? WHERE id = ?")) {
            s.setString(1, title);
            s.setString(2, threadId);
            s.executeUpdate();
        }
    }

    /** Recounts live replies, and hides the thread once nothing readable is left in it. */
    void refreshAfterDeletion(Connection c, String threadId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE thread SET
                  reply_count = (SELECT COUNT(*) FROM post p
                                 WHERE p.thread_id = thread.id AND p.opening = ? AND p.deleted_at IS NULL
                                   AND p.held = ? AND p.removed_at IS NULL),
                  removed = NOT EXISTS (SELECT 1 FROM post p
                                        WHERE p.thread_id = thread.id AND p.deleted_at IS NULL)
                WHERE id = ?""")) {
            s.setBoolean(1, false);
            s.setBoolean(2, false);
            s.setString(3, threadId);
            s.executeUpdate();
        }
    }

    // ---- posts

    List<Post> posts(Connection c, String threadId) throws SQLException {
        // The opening post first whatever its date: a remote reply's date may be earlier than the thread's.
        return postsWhere(c, "p.thread_id = ? ORDER BY p.opening DESC, p.created_at, p.id", threadId);
    }

    Optional<Post> openingPost(Connection c, String threadId) throws SQLException {
        return postsWhere(c, "p.thread_id = ? ORDER BY p.opening DESC LIMIT 1", threadId).stream()
                .filter(Post::opening).findFirst();
    }

    Optional<Post> post(Connection c, String postId) throws SQLException {
        return postsWhere(c, "p.id = ?", postId).stream().findFirst();
    }

    private List<Post> postsWhere(Connection c, String where, String arg) throws SQLException {
        String sql = "SELECT " + POST_COLUMNS + """
                 FROM post p
                 JOIN thread t ON t.id = p.thread_id
                 JOIN pseudonym s ON s.id = p.pseudonym_id
                WHERE\s""" + where;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            List<Post> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(readPost(r));
                }
            }
            return out;
        }
    }

    private static Post readPost(ResultSet r) throws SQLException {
        long edited = r.getLong(10);
        Long editedAt = r.wasNull() ? null : edited;
        long deleted = r.getLong(11);
        Long deletedAt = r.wasNull() ? null : deleted;
        return new Post(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                r.getBoolean(6), r.getString(7), r.getString(8), r.getLong(9), editedAt, deletedAt,
                r.getBoolean(12), r.getString(13), nullableLong(r, 14),
                r.getString(15));
    }

    void insertPost(Connection c, String id, String threadId, String pseudonymId, boolean opening,
                    String source, String html, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO post (id, thread_id, pseudonym_id, opening, source, html, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, id);
            s.setString(2, threadId);
            s.setString(3, pseudonymId);
            s.setBoolean(4, opening);
            s.setString(5, source);
            s.setString(6, html);
            s.setLong(7, now);
            s.executeUpdate();
        }
    }

    void updatePost(Connection c, String postId, String source, String html, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE post SET source = ?, html = ?, edited_at = ? WHERE id = ?")) {
            s.setString(1, source);
            s.setString(2, html);
            s.setLong(3, now);
            s.setString(4, postId);
            s.executeUpdate();
        }
    }

    /** Sets a post's content warning (null: none); see {@link ContentWarning}. */
    void setContentWarning(Connection c, String postId, String warning) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE post SET content_warning = ? WHERE id = ?")) {
            s.setString(1, warning);
            s.setString(2, postId);
            s.executeUpdate();
        }
    }

    /**
     * The warning each of these posts is shown behind in a list: its own, or else its thread's opening
     * post's (a thread's title is shown with every post of it). Posts with neither are left out.
     */
    java.util.Map<String, String> listedWarnings(Connection c, java.util.Collection<String> postIds)
            throws SQLException {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        if (postIds.isEmpty()) {
            return out;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(postIds.size(), "?"));
        try (PreparedStatement s = c.prepareStatement("""
                SELECT p.id, p.content_warning, o.content_warning FROM post p
                  LEFT JOIN post o ON o.thread_id = p.thread_id AND o.opening = ? AND o.deleted_at IS NULL
                 WHERE p.id IN (%s)""".formatted(marks))) {
            int i = 1;
            s.setBoolean(i++, true);
            for (String id : postIds) {
                s.setString(i++, id);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String warning = r.getString(2) != null ? r.getString(2) : r.getString(3);
                    if (warning != null) {
                        out.put(r.getString(1), warning);
                    }
                }
            }
        }
        return out;
    }

    /** Erases the words of a post; its place in the thread stays so replies keep their context. */
    void erasePost(Connection c, String postId, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE post SET source = '', html = '', deleted_at = ? WHERE id = ?")) {
            s.setLong(1, now);
            s.setString(2, postId);
            s.executeUpdate();
        }
    }

    /** Marks a new post as waiting for a moderator; an opening post hides its thread until then. */
    void hold(Connection c, String postId, String threadId, boolean opening) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE post SET held = ? WHERE id = ?")) {
            s.setBoolean(1, true);
            s.setString(2, postId);
            s.executeUpdate();
        }
        if (opening) {
            setHidden(c, threadId, true);
        }
    }

    void setHidden(Connection c, String threadId, boolean hidden) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE thread SET hidden = ? WHERE id = ?")) {
            s.setBoolean(1, hidden);
            s.setString(2, threadId);
            s.executeUpdate();
        }
    }

    List<MyPost> postsByAuthor(Connection c, String authorId, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT t.circle_name, t.id, p.id, t.title, s.name, p.opening, p.source, p.created_at, p.deleted_at,
                       p.held, p.removed_reason, p.expires_at
                FROM pseudonym s
                JOIN post p ON p.pseudonym_id = s.id
                JOIN thread t ON t.id = p.thread_id
                WHERE s.author_id = ?
                ORDER BY p.created_at DESC, p.id DESC
                LIMIT ?""")) {
            s.setString(1, authorId);
            s.setInt(2, limit);
            List<MyPost> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    r.getLong(9);
                    boolean deleted = !r.wasNull();
                    out.add(new MyPost(new PostRef(r.getString(1), r.getString(2), r.getString(3)),
                            r.getString(4), r.getString(5), r.getBoolean(6), excerpt(r.getString(7)),
                            r.getLong(8), deleted, r.getBoolean(10), r.getString(11), nullableLong(r, 12)));
                }
            }
            return out;
        }
    }

    private static Long nullableLong(ResultSet r, int column) throws SQLException {
        long value = r.getLong(column);
        return r.wasNull() ? null : value;
    }

    private static String excerpt(String source) {
        String flat = source.replaceAll("\\s+", " ").strip();
        return flat.length() <= 160 ? flat : flat.substring(0, 159) + "…";
    }

    // ---- the change sequence (followed by the search index)

    /** Takes the next change number; the row lock is held until the transaction ends. */
    long nextChange(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE change_counter SET value = value + 1 WHERE id = 1")) {
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT value FROM change_counter WHERE id = 1");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    void markChanged(Connection c, String postId, long change) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE post SET change_seq = ? WHERE id = ?")) {
            s.setLong(1, change);
            s.setString(2, postId);
            s.executeUpdate();
        }
    }

    /** Every post of a thread (their index entries carry the thread's title). */
    List<String> postIds(Connection c, String threadId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM post WHERE thread_id = ? ORDER BY id")) {
            s.setString(1, threadId);
            List<String> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        }
    }

    long lastChange(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT value FROM change_counter WHERE id = 1");
             ResultSet r = s.executeQuery()) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    /** Posts changed after {@code after}, in change order, with what the index needs. */
    List<PostChange> changesSince(Connection c, long after, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT p.id, p.thread_id, t.circle_name, t.title, p.opening, p.html, s.name, p.created_at,
                       p.deleted_at, t.removed, p.change_seq, p.held, p.removed_at, t.hidden
                FROM post p
                JOIN thread t ON t.id = p.thread_id
                JOIN pseudonym s ON s.id = p.pseudonym_id
                WHERE p.change_seq > ?
                ORDER BY p.change_seq
                LIMIT ?""")) {
            s.setLong(1, after);
            s.setInt(2, limit);
            List<PostChange> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    r.getLong(9);
                    boolean deleted = !r.wasNull();
                    r.getLong(13);
                    boolean removed = !r.wasNull();
                    boolean gone = deleted || removed || r.getBoolean(10) || r.getBoolean(12) || r.getBoolean(14);
                    out.add(new PostChange(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getBoolean(5), r.getString(6), r.getString(7), r.getLong(8), gone, r.getLong(11)));
                }
            }
            return out;
        }
    }

    /** Of these post ids, the ones still shown to readers. */
    java.util.Set<String> shown(Connection c, java.util.Collection<String> postIds) throws SQLException {
        java.util.Set<String> out = new java.util.HashSet<>();
        if (postIds.isEmpty()) {
            return out;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(postIds.size(), "?"));
        try (PreparedStatement s = c.prepareStatement("""
                SELECT p.id FROM post p JOIN thread t ON t.id = p.thread_id
                WHERE p.id IN (%s) AND p.deleted_at IS NULL AND p.held = ? AND p.removed_at IS NULL
                  AND t.removed = ? AND t.hidden = ? AND p.silenced = FALSE AND t.silenced = FALSE""".formatted(marks))) {
            int i = 1;
            for (String id : postIds) {
                s.setString(i++, id);
            }
            s.setBoolean(i++, false);
            s.setBoolean(i++, false);
            s.setBoolean(i, false);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        }
        return out;
    }

    // ---- authors and pseudonyms

    void ensureAuthor(Connection c, String authorId, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM author WHERE id = ?")) {
            s.setString(1, authorId);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO author (id, created_at) VALUES (?, ?)")) {
            s.setString(1, authorId);
            s.setLong(2, now);
            s.executeUpdate();
        }
    }

    record Pseudonym(String id, String name) {
    }

    Optional<Pseudonym> usualPseudonym(Connection c, String authorId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT s.id, s.name FROM author a JOIN pseudonym s ON s.id = a.usual_pseudonym_id
                WHERE a.id = ?""")) {
            s.setString(1, authorId);
            return onePseudonym(s);
        }
    }

    Optional<Pseudonym> oneOffPseudonym(Connection c, String authorId, String threadId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, name FROM pseudonym WHERE author_id = ? AND thread_id = ?")) {
            s.setString(1, authorId);
            s.setString(2, threadId);
            return onePseudonym(s);
        }
    }

    private static Optional<Pseudonym> onePseudonym(PreparedStatement s) throws SQLException {
        try (ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(new Pseudonym(r.getString(1), r.getString(2))) : Optional.empty();
        }
    }

    boolean pseudonymNameTaken(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pseudonym WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    void insertPseudonym(Connection c, String id, String name, String authorId, String threadId, long now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO pseudonym (id, name, author_id, thread_id, created_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, name);
            s.setString(3, authorId);
            s.setString(4, threadId);
            s.setLong(5, now);
            s.executeUpdate();
        }
    }

    void setUsualPseudonym(Connection c, String authorId, String pseudonymId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE author SET usual_pseudonym_id = ? WHERE id = ?")) {
            s.setString(1, pseudonymId);
            s.setString(2, authorId);
            s.executeUpdate();
        }
    }
}
