package hearth.node.forum;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What moderators do to the forum's content: let held posts through, remove and restore posts,
 * lock threads, ban authors, set a circle's posting policy. Each method runs in the caller's
 * transaction (so the moderation log is written with it) and takes change numbers for what
 * readers can no longer, or can again, see; call {@link #changed()} after the commit.
 * Who may do what is decided by the caller. Thread-safe.
 */
public final class ForumModeration {

    private final ForumService forum;
    private final ForumStore store = new ForumStore();

    public ForumModeration(ForumService forum) {
        this.forum = forum;
    }

    /**
     * A post as moderators act on it. {@code authorId} and {@code actorUri} identify who is behind
     * it for a ban and must never reach a page.
     */
    public record Target(String postId, String threadId, String circle, String threadTitle, String pseudonym,
                         String authorId, String actorUri, boolean opening, boolean held, String removedReason,
                         boolean deleted, boolean threadLocked) {

        public boolean removed() {
            return removedReason != null;
        }

        public boolean remote() {
            return actorUri != null;
        }
    }

    public Optional<Target> target(Connection c, String postId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT p.id, p.thread_id, t.circle_name, t.title, s.name, s.author_id, s.actor_uri, p.opening,
                       p.held, p.removed_reason, p.deleted_at, t.locked
                FROM post p JOIN thread t ON t.id = p.thread_id JOIN pseudonym s ON s.id = p.pseudonym_id
                WHERE p.id = ?""")) {
            s.setString(1, postId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                String actor = r.getString(7);
                r.getLong(11);
                boolean deleted = !r.wasNull();
                return Optional.of(new Target(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getString(5), actor == null ? r.getString(6) : null, actor, r.getBoolean(8),
                        r.getBoolean(9), r.getString(10), deleted, r.getBoolean(12)));
            }
        }
    }

    /** A post's words and the post before it in its thread, for a moderator's queue. */
    public record Content(String html, long createdAt, String previousPseudonym, String previousHtml) {
    }

    public Optional<Content> content(Connection c, String postId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT p.html, p.created_at,
                       (SELECT s2.name FROM post q JOIN pseudonym s2 ON s2.id = q.pseudonym_id
                        WHERE q.thread_id = p.thread_id AND (q.created_at < p.created_at
                              OR (q.created_at = p.created_at AND q.id < p.id))
                        ORDER BY q.created_at DESC, q.id DESC LIMIT 1),
                       (SELECT q.html FROM post q
                        WHERE q.thread_id = p.thread_id AND (q.created_at < p.created_at
                              OR (q.created_at = p.created_at AND q.id < p.id))
                        ORDER BY q.created_at DESC, q.id DESC LIMIT 1)
                FROM post p WHERE p.id = ?""")) {
            s.setString(1, postId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Content(r.getString(1), r.getLong(2), r.getString(3), r.getString(4)))
                        : Optional.empty();
            }
        }
    }

    /** A thread's opening post: moderators act on a thread through it. */
    public Optional<Target> opening(Connection c, String threadId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM post WHERE thread_id = ? AND opening = ?")) {
            s.setString(1, threadId);
            s.setBoolean(2, true);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? target(c, r.getString(1)) : Optional.empty();
            }
        }
    }

    /** Lets a held post through: readers see it, and it counts in its thread. */
    public void approve(Connection c, Target t, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE post SET held = ? WHERE id = ?")) {
            s.setBoolean(1, false);
            s.setString(2, t.postId());
            s.executeUpdate();
        }
        if (t.opening()) {
            store.setHidden(c, t.threadId(), t.removed());
            markThread(c, t.threadId());
        } else {
            store.recordReply(c, t.threadId(), now);
            store.refreshAfterDeletion(c, t.threadId());
            store.markChanged(c, t.postId(), store.nextChange(c));
        }
    }

    /** Removes a post from readers' view with a reason; its words stay for a restore. */
    public void remove(Connection c, Target t, String reason, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE post SET removed_at = ?, removed_reason = ? WHERE id = ?")) {
            s.setLong(1, now);
            s.setString(2, reason);
            s.setString(3, t.postId());
            s.executeUpdate();
        }
        afterVisibilityChange(c, t, true);
    }

    public void restore(Connection c, Target t) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE post SET removed_at = NULL, removed_reason = NULL WHERE id = ?")) {
            s.setString(1, t.postId());
            s.executeUpdate();
        }
        afterVisibilityChange(c, t, t.held());
    }

    private void afterVisibilityChange(Connection c, Target t, boolean threadHidden) throws SQLException {
        store.refreshAfterDeletion(c, t.threadId());
        if (t.opening()) {
            // The whole thread leaves (or returns to) listings and search with its opening post.
            store.setHidden(c, t.threadId(), threadHidden);
            markThread(c, t.threadId());
        } else {
            store.markChanged(c, t.postId(), store.nextChange(c));
        }
    }

    /** Locks or unlocks a thread; its opening post takes a change number so followers hear of it. */
    public void lock(Connection c, Target opening, boolean locked) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE thread SET locked = ? WHERE id = ?")) {
            s.setBoolean(1, locked);
            s.setString(2, opening.threadId());
            s.executeUpdate();
        }
        store.markChanged(c, opening.postId(), store.nextChange(c));
    }

    /** Bans the author behind the post's pseudonym; {@code circle} null for the whole node. */
    public String ban(Connection c, Target t, String circle, String reason, long now, Long until)
            throws SQLException {
        return Bans.insert(c, t.authorId(), t.actorUri(), circle, t.pseudonym(), reason, now, until);
    }

    public Optional<Bans.Ban> liftBan(Connection c, String banId, long now) throws SQLException {
        return Bans.lift(c, banId, now);
    }

    public PostingPolicy policy(Connection c, String circle) throws SQLException {
        return PostingPolicy.of(c, circle);
    }

    public void setPolicy(Connection c, String circle, PostingPolicy policy) throws SQLException {
        PostingPolicy.set(c, circle, policy);
    }

    /** Tells the search index and the outbox that changes were committed. */
    public void changed() {
        forum.changed();
    }

    private void markThread(Connection c, String threadId) throws SQLException {
        for (String id : store.postIds(c, threadId)) {
            store.markChanged(c, id, store.nextChange(c));
        }
    }
}
