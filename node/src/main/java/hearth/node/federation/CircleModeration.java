package hearth.node.federation;

import hearth.federation.activity.Delete;
import hearth.federation.activity.Lock;
import hearth.federation.activity.Undo;
import hearth.node.forum.FederatedPost;
import hearth.node.forum.FederatedPosts;
import java.net.URI;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Applies, on this node's copy of a remote circle, what that circle's moderators did: a
 * {@code Delete} with a reason ({@code summary}) removes a post ("removed by moderators:
 * reason"), its {@code Undo} restores it, {@code Lock} and {@code Undo(Lock)} lock and unlock a
 * thread. Lemmy and Hearth send these inside the circle's {@code Announce}; sent directly they
 * count too.
 *
 * <p>Authority comes from the post's circle as kept here, never from what the activity claims:
 * the actor must be that circle, or an actor its moderators collection lists, and when an
 * Announce carried the activity, that Announce must be the same circle's. So no remote server
 * can remove or lock anything in one of this node's own circles, nor anything in another remote
 * circle than its own. A Delete without a reason is an author's deletion and is left to the
 * caller. Thread-safe; blocks on the store (and the network, to read a moderators list).
 */
final class CircleModeration {

    private static final Logger LOG = Logger.getLogger(CircleModeration.class.getName());
    /** Longest reason kept, as the store allows. */
    static final int MAX_REASON = 500;

    private final FederatedPosts posts;
    private final CircleModerators moderators;
    private final Urls urls;

    CircleModeration(FederatedPosts posts, CircleModerators moderators, Urls urls) {
        this.posts = posts;
        this.moderators = moderators;
        this.urls = urls;
    }

    /**
     * Applies a moderator's removal. {@code relayedBy} is the circle whose Announce carried it, or
     * null. Returns false when it is not one (no reason given, or not from the post's circle), so
     * the caller treats it as an author's own deletion, with the author's checks.
     */
    boolean delete(Delete delete, URI relayedBy) {
        if (delete.summary() == null) {
            return false;
        }
        Optional<FederatedPost> post = postOf(delete.object());
        if (post.isEmpty() || !authorized(post.get().circleName(), delete.actor(), relayedBy)) {
            return false;
        }
        posts.applyRemoval(post.get().id(), reason(delete.summary()));
        return true;
    }

    /** Takes back a removal or a lock; false when the Undo is of neither (or not the circle's to make). */
    boolean undo(Undo undo, URI relayedBy) {
        if (undo.object() instanceof Delete removal) {
            Optional<FederatedPost> post = postOf(removal.object());
            if (post.isPresent() && authorized(post.get().circleName(), undo.actor(), relayedBy)) {
                posts.applyRestore(post.get().id());
                return true;
            }
        } else if (undo.object() instanceof Lock lock) {
            return lock(new Lock(lock.id(), undo.actor(), lock.object(), lock.audience()), relayedBy, false);
        }
        return false;
    }

    /** Locks (or, for an Undo, unlocks) a thread; false when it is not the circle's to lock. */
    boolean lock(Lock lock, URI relayedBy, boolean locked) {
        Optional<FederatedPosts.ThreadKey> thread = threadOf(lock.object());
        if (thread.isEmpty() || !authorized(thread.get().circleName(), lock.actor(), relayedBy)) {
            return false;
        }
        posts.applyLock(thread.get().threadId(), locked);
        return true;
    }

    /** Is {@code actor} (relayed by {@code relayedBy}, if anyone) a moderator of this remote circle? */
    private boolean authorized(String circleName, URI actor, URI relayedBy) {
        Optional<URI> circle = posts.circleActor(circleName);
        boolean yes = circle.isPresent() && (relayedBy == null || relayedBy.equals(circle.get()))
                && (actor.equals(circle.get()) || moderators.lists(circle.get(), actor));
        if (!yes) {
            LOG.fine(() -> "moderation by " + actor + " refused in circle " + circleName);
        }
        return yes;
    }

    /** The post an id names: one kept from elsewhere, or one written here (in a remote circle). */
    private Optional<FederatedPost> postOf(URI id) {
        Optional<Urls.Local> local = urls.local(id);
        if (local.isEmpty()) {
            return posts.postIdByApId(id).flatMap(posts::post);
        }
        Urls.Local l = local.get();
        if (l.postId() != null) {
            return posts.post(l.postId()).filter(p -> p.threadId().equals(l.threadId()));
        }
        return l.threadId() == null ? Optional.empty()
                : posts.thread(l.threadId()).stream().findFirst().filter(FederatedPost::opening);
    }

    /** The thread an id names: by its id or context elsewhere, by its opening post, or by its id here. */
    private Optional<FederatedPosts.ThreadKey> threadOf(URI id) {
        Optional<Urls.Local> local = urls.local(id);
        if (local.isPresent()) {
            return local.get().threadId() == null ? Optional.empty() : posts.threadKey(local.get().threadId());
        }
        Optional<FederatedPosts.ThreadKey> thread = posts.remoteThread(id);
        return thread.isPresent() ? thread : posts.threadOfRemotePost(id);
    }

    private static String reason(String summary) {
        String text = FlagIntake.plainText(summary, MAX_REASON);
        return text.isEmpty() ? "no reason given" : text;
    }
}
