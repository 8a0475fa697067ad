package hearth.node.federation;

import hearth.federation.activity.Activity;
import hearth.federation.activity.Announce;
import hearth.federation.activity.Delete;
import hearth.federation.activity.Lock;
import hearth.federation.activity.Undo;
import hearth.federation.json.Fields;
import hearth.node.forum.FederatedPost;
import java.net.URI;
import java.util.List;

/**
 * What a circle of this node tells its followers when its moderators act, in Lemmy's words: a
 * removal is the circle's {@code Delete} of the post with the reason in {@code summary}, a restore
 * its {@code Undo} of that Delete, a lock its {@code Lock} of the thread and an unlock the
 * {@code Undo} of that Lock. Each goes out inside the circle's {@code Announce}, as everything a
 * circle passes to its followers does (FEP-1b12). The circle itself is the actor: moderators
 * have no actor of their own, so nobody outside learns who acted.
 *
 * <p>Ids come from the change that caused them, so sending the same change again queues nothing
 * new. Thread-safe.
 */
final class ModerationActivities {

    private static final URI PUBLIC = URI.create(Fields.PUBLIC);

    /** The Announce to deliver, and the id of the activity it carries (remembered, for its Undo). */
    record Outgoing(Announce announce, URI innerId) {
    }

    private final Urls urls;
    private final LocalObjects objects;

    ModerationActivities(Urls urls, LocalObjects objects) {
        this.urls = urls;
        this.objects = objects;
    }

    Outgoing removal(FederatedPost post, String reason, long sequence) {
        Delete delete = delete(urls.activity("remove-" + post.id() + "-" + sequence), post, reason);
        return announced(delete, "remove", post, sequence);
    }

    /** Takes back the removal whose Delete had {@code removalId}. */
    Outgoing restore(FederatedPost post, String removalId, long sequence) {
        // The summary marks the Delete as a removal (not her own deletion) for whoever reads the Undo.
        Delete removal = delete(URI.create(removalId), post, "");
        return announced(Undo.of(urls.activity("restore-" + post.id() + "-" + sequence), circle(post), removal),
                "restore", post, sequence);
    }

    Outgoing lock(FederatedPost opening, long sequence) {
        return announced(lockOf(urls.activity("lock-" + opening.threadId() + "-" + sequence), opening),
                "lock", opening, sequence);
    }

    /** Takes back the lock whose Lock had {@code lockId}. */
    Outgoing unlock(FederatedPost opening, String lockId, long sequence) {
        Lock lock = lockOf(URI.create(lockId), opening);
        return announced(Undo.of(urls.activity("unlock-" + opening.threadId() + "-" + sequence), circle(opening), lock),
                "unlock", opening, sequence);
    }

    private Delete delete(URI id, FederatedPost post, String reason) {
        URI circle = circle(post);
        return new Delete(id, circle, objects.idOf(post), reason == null ? "" : reason, circle, List.of(PUBLIC),
                List.of(circle));
    }

    private Lock lockOf(URI id, FederatedPost opening) {
        return new Lock(id, circle(opening), objects.threadIdOf(opening), circle(opening));
    }

    private Outgoing announced(Activity activity, String what, FederatedPost post, long sequence) {
        URI announceId = urls.activity("announce-" + sequence + "-" + post.id() + "-" + what);
        return new Outgoing(Announce.of(announceId, circle(post), activity, activity.toJson(),
                urls.circleFollowers(post.circleName())), activity.id());
    }

    private URI circle(FederatedPost post) {
        return urls.circle(post.circleName());
    }
}
