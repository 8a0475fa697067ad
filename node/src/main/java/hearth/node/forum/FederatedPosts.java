package hearth.node.forum;

import hearth.node.store.Database;
import hearth.node.store.Ids;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The forum as federation sees it: posts described with their origins, and posts from other
 * servers stored beside local ones. Every write takes a change number, so the search index and
 * the outbox follow remote posts exactly as they follow local ones.
 *
 * <p>Whoever calls {@link #receive} has already checked the post's origin; this class still
 * refuses an edit or deletion by anyone but the post's author. Thread-safe; calls block.
 */
public final class FederatedPosts {

    /** What became of a received post. */
    public enum Received { CREATED, UPDATED, UNCHANGED, REFUSED }

    /** A thread, by the local id and circle it is kept under. */
    public record ThreadKey(String threadId, String circleName) {
    }

    private static final String COLUMNS = """
            SELECT p.id, p.thread_id, t.circle_name, ci.actor_uri, p.opening, t.title, p.source, p.html,
                   p.created_at, p.edited_at, p.deleted_at, s.id, s.name, s.actor_uri, p.ap_id, p.in_reply_to,
                   p.activity_json, t.ap_id, t.context_uri, t.removed, p.content_warning
              FROM post p
              JOIN thread t ON t.id = p.thread_id
              JOIN circle ci ON ci.name = t.circle_name
              JOIN pseudonym s ON s.id = p.pseudonym_id
            """;

    private final Database db;
    private final ForumService forum;
    private final ForumStore store = new ForumStore();
    private final Clock clock;

    public FederatedPosts(Database db, ForumService forum, Clock clock) {
        this.db = db;
        this.forum = forum;
        this.clock = clock;
    }

    // ---- reading

    public Optional<FederatedPost> post(String postId) {
        return db.read(c -> query(c, "WHERE p.id = ?", postId).stream().findFirst());
    }

    public Optional<FederatedPost> post(Connection c, String postId) throws SQLException {
        return query(c, "WHERE p.id = ?", postId).stream().findFirst();
    }

    /** Every post of a thread, opening first. */
    public List<FederatedPost> thread(String threadId) {
        return db.read(c -> query(c, "WHERE p.thread_id = ? ORDER BY p.opening DESC, p.created_at, p.id", threadId));
    }

    /** The opening posts of a circle's latest threads that are still shown (not held, removed or deleted). */
    public List<FederatedPost> latestThreads(String circle, int limit) {
        return db.read(c -> {
            return query(c, "WHERE t.circle_name = ? AND p.opening = TRUE AND t.removed = FALSE AND t.hidden = FALSE"
                    + " ORDER BY t.created_at DESC, t.id DESC LIMIT " + Math.max(0, limit), circle);
        });
    }

    /** A thread kept here whose id or context on another server is {@code id}. */
    public Optional<ThreadKey> remoteThread(URI id) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, circle_name FROM thread WHERE ap_id = ? OR context_uri = ?")) {
                s.setString(1, id.toString());
                s.setString(2, id.toString());
                return threadKey(s);
            }
        });
    }

    /** The thread holding the post whose id on another server is {@code apId}. */
    public Optional<ThreadKey> threadOfRemotePost(URI apId) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT t.id, t.circle_name FROM post p"
                    + " JOIN thread t ON t.id = p.thread_id WHERE p.ap_id = ?")) {
                s.setString(1, apId.toString());
                return threadKey(s);
            }
        });
    }

    public Optional<String> postIdByApId(URI apId) {
        return db.read(c -> postIdByApId(c, apId));
    }

    /** The local name of a remote circle this node keeps threads of. */
    public Optional<String> remoteCircle(URI actor) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT name FROM circle WHERE actor_uri = ?")) {
                s.setString(1, actor.toString());
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** The name of one of this node's own pseudonyms. */
    public Optional<String> localPseudonymName(String pseudonymId) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT name FROM pseudonym WHERE id = ? AND actor_uri IS NULL")) {
                s.setString(1, pseudonymId);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** One of this node's pseudonyms by its handle: "quiet_heron_4821" for "Quiet Heron 4821". */
    public Optional<String> localPseudonymByHandle(String handle) {
        String name = handle.replace('_', ' ');
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id FROM pseudonym WHERE LOWER(name) = LOWER(?) AND actor_uri IS NULL")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(r.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** How many local pseudonyms and posts there are, and how many pseudonyms posted lately. */
    public record Usage(long pseudonyms, long activeMonth, long activeHalfYear, long posts) {
    }

    public Usage usage() {
        long now = clock.millis();
        return db.read(c -> new Usage(
                count(c, "SELECT COUNT(*) FROM pseudonym WHERE actor_uri IS NULL", null),
                count(c, "SELECT COUNT(DISTINCT p.pseudonym_id) FROM post p JOIN pseudonym s ON s.id = p.pseudonym_id"
                        + " WHERE s.actor_uri IS NULL AND p.created_at > ?", now - 30L * 86_400_000),
                count(c, "SELECT COUNT(DISTINCT p.pseudonym_id) FROM post p JOIN pseudonym s ON s.id = p.pseudonym_id"
                        + " WHERE s.actor_uri IS NULL AND p.created_at > ?", now - 182L * 86_400_000),
                count(c, "SELECT COUNT(*) FROM post p JOIN pseudonym s ON s.id = p.pseudonym_id"
                        + " WHERE s.actor_uri IS NULL AND p.deleted_at IS NULL", null)));
    }

    private static long count(Connection c, String sql, Long since) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (since != null) {
                s.setLong(1, since);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** True for a circle of this node's own (not a remote circle kept here). */
    public boolean isLocalCircle(String circle) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM circle WHERE name = ? AND actor_uri IS NULL")) {
                s.setString(1, circle);
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    public boolean circleExists(String circle) {
        return db.read(c -> store.circle(c, circle)).isPresent();
    }

    /** The remote actor a circle kept here belongs to; empty for this node's own circles. */
    public Optional<URI> circleActor(String circle) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT actor_uri FROM circle WHERE name = ?")) {
                s.setString(1, circle);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() && r.getString(1) != null ? Optional.of(URI.create(r.getString(1)))
                            : Optional.<URI>empty();
                }
            }
        });
    }

    // ---- writing what came from elsewhere

    /** Keeps a remote circle's threads under {@code name}; its title and purpose are refreshed. */
    public void ensureRemoteCircle(String name, String title, String description, URI actor) {
        long now = clock.millis();
        db.write(c -> {
            store.upsertCircle(c, name, title, description, 1_000, now);
            try (PreparedStatement s = c.prepareStatement("UPDATE circle SET actor_uri = ? WHERE name = ?")) {
                s.setString(1, actor.toString());
                s.setString(2, name);
                s.executeUpdate();
            }
            return null;
        });
    }

    public Received receive(RemotePost post) {
        return receive(post, false, false);
    }

    /**
     * Stores a post from elsewhere. A new post that is {@code held} waits for a moderator (an
     * opening post hides its thread until then); a {@code silenced} one is left out of listings
     * and search but stays readable by link. Neither changes a post already kept.
     */
    public Received receive(RemotePost post, boolean held, boolean silenced) {
        long now = clock.millis();
        Received result = db.write(c -> {
            Optional<String> known = postIdByApId(c, post.apId());
            if (known.isPresent()) {
                return update(c, known.get(), post, now);
            }
            String threadId = post.threadId();
            long at = Math.min(post.publishedAt(), now);
            if (post.opening()) {
                threadId = Ids.next();
                store.insertThread(c, threadId, post.circleName(), post.title(), at);
                try (PreparedStatement s = c.prepareStatement("UPDATE thread SET ap_id = ?, context_uri = ? WHERE id = ?")) {
                    s.setString(1, post.threadApId().toString());
                    s.setString(2, (post.context() == null ? post.threadApId() : post.context()).toString());
                    s.setString(3, threadId);
                    s.executeUpdate();
                }
            } else if (store.thread(c, threadId).filter(t -> t.circleName().equals(post.circleName())).isEmpty()) {
                return Received.REFUSED;
            }
            // A circle's posting policy holds posts from other servers' authors as it holds local ones.
            boolean hold = held || PostingPolicy.holdsRemote(c, post.circleName(), post.authorActor().toString());
            String postId = Ids.next();
            String pseudonymId = remotePseudonym(c, post.authorActor(), post.authorName(), now);
            store.insertPost(c, postId, threadId, pseudonymId, post.opening(), post.source(), post.html().html(), at);
            store.setContentWarning(c, postId, post.contentWarning());
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE post SET ap_id = ?, in_reply_to = ?, activity_json = ? WHERE id = ?")) {
                s.setString(1, post.apId().toString());
                s.setString(2, post.inReplyTo() == null ? null : post.inReplyTo().toString());
                s.setString(3, post.activityJson());
                s.setString(4, postId);
                s.executeUpdate();
            }
            if (hold) {
                // Counted as a reply only once a moderator approves it, as for a local held post.
                store.hold(c, postId, threadId, post.opening());
            } else if (!post.opening()) {
                store.recordReply(c, threadId, now);
            }
            if (silenced) {
                try (PreparedStatement s = c.prepareStatement("UPDATE post SET silenced = ? WHERE id = ?")) {
                    s.setBoolean(1, true);
                    s.setString(2, postId);
                    s.executeUpdate();
                }
                if (post.opening()) {
                    try (PreparedStatement s = c.prepareStatement("UPDATE thread SET silenced = ? WHERE id = ?")) {
                        s.setBoolean(1, true);
                        s.setString(2, threadId);
                        s.executeUpdate();
                    }
                }
            }
            store.markChanged(c, postId, store.nextChange(c));
            return Received.CREATED;
        });
        if (result == Received.CREATED || result == Received.UPDATED) {
            forum.changed();
        }
        return result;
    }

    private Received update(Connection c, String postId, RemotePost post, long now) throws SQLException {
        FederatedPost old = post(c, postId).orElseThrow();
        if (!post.authorActor().equals(old.authorActor())) {
            return Received.REFUSED;
        }
        if (old.deleted() || (old.html().equals(post.html().html()) && (!old.opening() || old.title().equals(post.title()))
                && java.util.Objects.equals(old.contentWarning(), post.contentWarning()))) {
            return Received.UNCHANGED;
        }
        store.updatePost(c, postId, post.source(), post.html().html(), now);
        store.setContentWarning(c, postId, post.contentWarning());
        try (PreparedStatement s = c.prepareStatement("UPDATE post SET activity_json = ? WHERE id = ?")) {
            s.setString(1, post.activityJson());
            s.setString(2, postId);
            s.executeUpdate();
        }
        if (old.opening()) {
            store.setTitle(c, old.threadId(), post.title());
            markThread(c, old.threadId());
        } else {
            store.markChanged(c, postId, store.nextChange(c));
        }
        return Received.UPDATED;
    }

    /**
     * Erases a remote post, when {@code actor} wrote it or {@code byCircle} (the circle it was
     * written in removed it). {@code activityJson} is the Delete, kept to pass on.
     */
    public boolean receiveDelete(URI apId, URI actor, boolean byCircle, String activityJson) {
        long now = clock.millis();
        boolean done = db.write(c -> {
            Optional<String> postId = postIdByApId(c, apId);
            if (postId.isEmpty()) {
                return false;
            }
            FederatedPost post = post(c, postId.get()).orElseThrow();
            if (post.deleted() || !(byCircle || actor.equals(post.authorActor()))) {
                return false;
            }
            store.erasePost(c, post.id(), now);
            try (PreparedStatement s = c.prepareStatement("UPDATE post SET activity_json = ? WHERE id = ?")) {
                s.setString(1, activityJson);
                s.setString(2, post.id());
                s.executeUpdate();
            }
            store.refreshAfterDeletion(c, post.threadId());
            if (post.opening()) {
                store.setTitle(c, post.threadId(), "");
                markThread(c, post.threadId());
            } else {
                store.markChanged(c, post.id(), store.nextChange(c));
            }
            return true;
        });
        if (done) {
            forum.changed();
        }
        return done;
    }

    // ---- moderation, as other servers must hear of it and as they tell of it

    /**
     * What moderators did to a post and its thread. A held post waits for a moderator and must
     * not leave this node; a removed one keeps its words here but others get only the reason.
     */
    public record Moderation(boolean held, Long removedAt, String removedReason, boolean threadLocked,
                             boolean threadHidden) {
        public boolean removed() {
            return removedReason != null;
        }
    }

    private static final String MODERATION = """
            SELECT p.id, p.held, p.removed_at, p.removed_reason, t.locked, t.hidden
              FROM post p JOIN thread t ON t.id = p.thread_id
            """;

    public Optional<Moderation> moderation(String postId) {
        return db.read(c -> moderations(c, "WHERE p.id = ?", postId)).values().stream().findFirst();
    }

    /** The moderation of every post of a thread, by post id. */
    public java.util.Map<String, Moderation> moderationOfThread(String threadId) {
        return db.read(c -> moderations(c, "WHERE p.thread_id = ?", threadId));
    }

    private static java.util.Map<String, Moderation> moderations(Connection c, String where, String arg)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(MODERATION + where)) {
            s.setString(1, arg);
            java.util.Map<String, Moderation> out = new java.util.LinkedHashMap<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long removed = r.getLong(3);
                    Long removedAt = r.wasNull() ? null : removed;
                    out.put(r.getString(1), new Moderation(r.getBoolean(2), removedAt, r.getString(4),
                            r.getBoolean(5), r.getBoolean(6)));
                }
            }
            return out;
        }
    }

    /** The circle a thread is kept under, by its local id. */
    public Optional<ThreadKey> threadKey(String threadId) {
        return db.read(c -> store.thread(c, threadId).map(t -> new ThreadKey(t.id(), t.circleName())));
    }

    /**
     * Removes a post, as the moderators of the remote circle it was written in did; its words stay
     * (a restore brings them back) and readers see the reason. Whoever calls this has checked that
     * the circle's moderators sent it. False when it was already removed, or is deleted.
     */
    public boolean applyRemoval(String postId, String reason) {
        long now = clock.millis();
        ForumModeration moderation = new ForumModeration(forum);
        boolean done = db.write(c -> {
            Optional<ForumModeration.Target> target = moderation.target(c, postId);
            if (target.isEmpty() || target.get().deleted() || target.get().removed()) {
                return false;
            }
            moderation.remove(c, target.get(), reason, now);
            return true;
        });
        if (done) {
            forum.changed();
        }
        return done;
    }

    /** Takes back a remote circle's removal of a post. False when it was not removed. */
    public boolean applyRestore(String postId) {
        ForumModeration moderation = new ForumModeration(forum);
        boolean done = db.write(c -> {
            Optional<ForumModeration.Target> target = moderation.target(c, postId);
            if (target.isEmpty() || target.get().deleted() || !target.get().removed()) {
                return false;
            }
            moderation.restore(c, target.get());
            return true;
        });
        if (done) {
            forum.changed();
        }
        return done;
    }

    /** Locks or unlocks a thread kept from a remote circle, as its moderators did. False when nothing changed. */
    public boolean applyLock(String threadId, boolean locked) {
        ForumModeration moderation = new ForumModeration(forum);
        boolean done = db.write(c -> {
            Optional<ForumModeration.Target> opening = moderation.opening(c, threadId);
            if (opening.isEmpty() || opening.get().threadLocked() == locked) {
                return false;
            }
            moderation.lock(c, opening.get(), locked);
            return true;
        });
        if (done) {
            forum.changed();
        }
        return done;
    }

    /**
     * True when a remote actor is banned here from {@code circle} or from the whole node: a ban not
     * lifted and not expired.
     */
    public boolean actorBanned(URI actor, String circle) {
        long now = clock.millis();
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT 1 FROM ban WHERE actor_uri = ? AND (circle_name IS NULL OR circle_name = ?)
                       AND lifted_at IS NULL AND (until_at IS NULL OR until_at > ?)""")) {
                s.setString(1, actor.toString());
                s.setString(2, circle);
                s.setLong(3, now);
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    // ---- blocks

    /**
     * Erases, in the caller's transaction, what is kept from the servers {@code suspended} says
     * yes to (given an authority, host or host:port): the words of their authors' posts, with the
     * titles of the threads those opened, and every post of the threads kept from their circles.
     * Each thread touched takes change numbers so the search index drops what went; call
     * {@link #changed()} after the commit. Returns how many posts were erased.
     */
    public int eraseFrom(Connection c, java.util.function.Predicate<String> suspended, long now) throws SQLException {
        java.util.Set<String> threads = new java.util.LinkedHashSet<>();
        java.util.Set<String> titled = new java.util.HashSet<>();
        List<String> erase = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT p.id, p.thread_id, p.opening, s.actor_uri, ci.actor_uri FROM post p
                  JOIN thread t ON t.id = p.thread_id
                  JOIN circle ci ON ci.name = t.circle_name
                  JOIN pseudonym s ON s.id = p.pseudonym_id
                 WHERE p.deleted_at IS NULL AND (s.actor_uri IS NOT NULL OR ci.actor_uri IS NOT NULL)""");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                if (fromThere(r.getString(4), suspended) || fromThere(r.getString(5), suspended)) {
                    erase.add(r.getString(1));
                    threads.add(r.getString(2));
                    if (r.getBoolean(3)) {
                        titled.add(r.getString(2));
                    }
                }
            }
        }
        for (String postId : erase) {
            store.erasePost(c, postId, now);
            try (PreparedStatement s = c.prepareStatement("UPDATE post SET activity_json = NULL WHERE id = ?")) {
                s.setString(1, postId);
                s.executeUpdate();
            }
        }
        for (String threadId : threads) {
            store.refreshAfterDeletion(c, threadId);
            if (titled.contains(threadId)) {
                store.setTitle(c, threadId, "");
            }
            markThread(c, threadId);
        }
        return erase.size();
    }

    /**
     * Marks, in the caller's transaction, the posts and threads of this node's own circles whose
     * remote authors {@code silenced} says yes to (and clears the mark on the others): listings and
     * search leave them out. Threads kept from followed circles are never marked: whoever follows
     * a circle still reads it. Returns how many posts changed.
     */
    public int markSilenced(Connection c, java.util.function.Predicate<URI> silenced) throws SQLException {
        List<String[]> flips = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT p.id, p.thread_id, p.opening, p.silenced, s.actor_uri FROM post p
                  JOIN thread t ON t.id = p.thread_id
                  JOIN circle ci ON ci.name = t.circle_name
                  JOIN pseudonym s ON s.id = p.pseudonym_id
                 WHERE s.actor_uri IS NOT NULL AND ci.actor_uri IS NULL""");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                boolean wanted = silenced.test(URI.create(r.getString(5)));
                if (wanted != r.getBoolean(4)) {
                    flips.add(new String[] {r.getString(1), r.getString(2), Boolean.toString(r.getBoolean(3)),
                            Boolean.toString(wanted)});
                }
            }
        }
        for (String[] flip : flips) {
            boolean wanted = Boolean.parseBoolean(flip[3]);
            try (PreparedStatement s = c.prepareStatement("UPDATE post SET silenced = ? WHERE id = ?")) {
                s.setBoolean(1, wanted);
                s.setString(2, flip[0]);
                s.executeUpdate();
            }
            if (Boolean.parseBoolean(flip[2])) {
                try (PreparedStatement s = c.prepareStatement("UPDATE thread SET silenced = ? WHERE id = ?")) {
                    s.setBoolean(1, wanted);
                    s.setString(2, flip[1]);
                    s.executeUpdate();
                }
            }
        }
        return flips.size();
    }

    /** Tells the change listeners (the search index) about changes committed by a caller's transaction. */
    public void changed() {
        forum.changed();
    }

    private static boolean fromThere(String actorUri, java.util.function.Predicate<String> there) {
        if (actorUri == null) {
            return false;
        }
        URI uri = URI.create(actorUri);
        return uri.getHost() != null
                && there.test(uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
    }

    // ---- helpers

    private void markThread(Connection c, String threadId) throws SQLException {
        for (String id : store.postIds(c, threadId)) {
            store.markChanged(c, id, store.nextChange(c));
        }
    }

    private String remotePseudonym(Connection c, URI actor, String name, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM pseudonym WHERE actor_uri = ?")) {
            s.setString(1, actor.toString());
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    return r.getString(1);
                }
            }
        }
        // Remote authors have no key here: one stand-in author row per server holds their pseudonyms.
        String author = "remote:" + actor.getHost();
        author = author.length() > 64 ? author.substring(0, 64) : author;
        store.ensureAuthor(c, author, now);
        String shown = name.length() > 70 ? name.substring(0, 70) : name;
        String unique = shown;
        for (int i = 2; store.pseudonymNameTaken(c, unique); i++) {
            unique = shown + " (" + i + ")";
        }
        String id = Ids.next();
        store.insertPseudonym(c, id, unique, author, null, now);
        try (PreparedStatement s = c.prepareStatement("UPDATE pseudonym SET actor_uri = ? WHERE id = ?")) {
            s.setString(1, actor.toString());
            s.setString(2, id);
            s.executeUpdate();
        }
        return id;
    }

    private static Optional<String> postIdByApId(Connection c, URI apId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM post WHERE ap_id = ?")) {
            s.setString(1, apId.toString());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    private static Optional<ThreadKey> threadKey(PreparedStatement s) throws SQLException {
        try (ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(new ThreadKey(r.getString(1), r.getString(2))) : Optional.empty();
        }
    }

    private static List<FederatedPost> query(Connection c, String where, String arg) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(COLUMNS + where)) {
            s.setString(1, arg);
            List<FederatedPost> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long edited = r.getLong(10);
                    Long editedAt = r.wasNull() ? null : edited;
                    long deleted = r.getLong(11);
                    Long deletedAt = r.wasNull() ? null : deleted;
                    out.add(new FederatedPost(r.getString(1), r.getString(2), r.getString(3), uri(r.getString(4)),
                            r.getBoolean(5), r.getString(6), r.getString(7), r.getString(8), r.getLong(9), editedAt,
                            deletedAt, r.getString(12), r.getString(13), uri(r.getString(14)), uri(r.getString(15)),
                            uri(r.getString(16)), r.getString(17), uri(r.getString(18)), uri(r.getString(19)),
                            r.getBoolean(20), r.getString(21)));
                }
            }
            return out;
        }
    }

    private static URI uri(String text) {
        return text == null ? null : URI.create(text);
    }
}
