package hearth.node.forum;

import hearth.node.store.Database;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/**
 * Her control over what she leaves here: "forget me" (every post of hers deleted the way she
 * deletes one, so the search index and other servers follow), and posts that disappear by
 * themselves when their time is up. Get it from {@link ForumService#traces()}.
 *
 * <pre>{@code
 * Traces.Forgetting what = forum.traces().preview(authorId);   // the numbers to show her first
 * forum.traces().forget(authorId);
 * }</pre>
 *
 * Thread-safe; every method blocks on the database, so call it from a virtual thread.
 */
public final class Traces {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final ForumService forum;
    private final TracesStore store = new TracesStore();
    private final ForumStore forumStore = new ForumStore();
    private final Clock clock;

    Traces(Database db, ForumService forum, Clock clock) {
        this.db = db;
        this.forum = forum;
        this.clock = clock;
    }

    /**
     * What "forget me" deletes (or deleted).
     *
     * @param posts         her posts not yet deleted, held and removed ones included
     * @param threads       how many of those open a thread she started
     * @param othersReplies replies other women wrote in those threads: they stay
     */
    public record Forgetting(int posts, int threads, int othersReplies) {
    }

    /** The numbers "forget me" would act on now; changes nothing. */
    public Forgetting preview(String authorId) {
        requireAuthor(authorId);
        return db.read(c -> {
            List<TracesStore.Erasable> hers = store.undeletedByAuthor(c, authorId);
            return new Forgetting(hers.size(), (int) hers.stream().filter(TracesStore.Erasable::opening).count(),
                    store.othersRepliesInHerThreads(c, authorId));
        });
    }

    /**
     * Deletes every post of hers, each exactly as her own delete does, and unlinks her pseudonyms
     * from her id, in one transaction: afterwards her key (or her recovery phrase) leads to nothing.
     * Her reactions are not the forum's: whoever calls this erases them too.
     *
     * @return what was deleted
     */
    public Forgetting forget(String authorId) {
        requireAuthor(authorId);
        long now = clock.millis();
        Forgetting done = db.write(c -> {
            List<TracesStore.Erasable> hers = store.undeletedByAuthor(c, authorId);
            Forgetting what = new Forgetting(hers.size(),
                    (int) hers.stream().filter(TracesStore.Erasable::opening).count(),
                    store.othersRepliesInHerThreads(c, authorId));
            for (TracesStore.Erasable post : hers) {
                forum.erase(c, post.postId(), post.threadId(), post.opening(), now);
            }
            String nobody = HexFormat.of().formatHex(randomBytes());
            forumStore.ensureAuthor(c, nobody, now);
            store.detachPseudonyms(c, authorId, nobody);
            return what;
        });
        forum.changed();
        return done;
    }

    /**
     * Deletes up to {@code limit} posts whose time is up, each as her own delete does. Looks
     * first without writing, so a sweep that finds nothing due leaves the database untouched.
     *
     * @return how many were deleted; fewer than {@code limit} means none are left due
     */
    public int deleteExpired(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        long now = clock.millis();
        if (db.read(c -> store.expired(c, now, 1)).isEmpty()) {
            return 0;
        }
        int deleted = db.write(c -> {
            List<TracesStore.Erasable> due = store.expired(c, now, limit);
            for (TracesStore.Erasable post : due) {
                forum.erase(c, post.postId(), post.threadId(), post.opening(), now);
            }
            return due.size();
        });
        forum.changed();
        return deleted;
    }

    /** Whether this author id has posted here and not been forgotten: a recovery phrase that leads somewhere. */
    public boolean known(String authorId) {
        requireAuthor(authorId);
        return db.read(c -> store.hasPseudonyms(c, authorId));
    }

    private static void requireAuthor(String authorId) {
        if (authorId == null || authorId.isBlank()) {
            throw new IllegalArgumentException("an author id is required");
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
