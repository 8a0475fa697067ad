package hearth.node.forum;

import hearth.node.author.PseudonymNames;
import hearth.node.config.NodeConfig.CircleSeed;
import hearth.node.store.Database;
import hearth.node.store.GroupCommit;
import hearth.node.store.Ids;
import hearth.ui.text.PostFormatter;
import hearth.ui.text.PostHtml;
import hearth.ui.i18n.Text;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The local forum: circles, threads, replies, and her own posts.
 *
 * <p>Thread-safe; every method blocks on the database, so call it from a virtual thread.
 * Writes return only after their transaction is committed. Authors are identified by
 * their keyed id ({@code AuthorIds.idOf}), never by anything about their device.
 *
 * <pre>{@code
 * PostRef ref = forum.startThread(authorId, "perinatal", new Draft("Can't sleep", "Since the baby...", USUAL));
 * }</pre>
 */
public final class ForumService {

    /** Threads shown per page of a circle. */
    public static final int THREADS_PER_PAGE = 30;
    private static final int MY_POSTS_SHOWN = 200;
    private static final int NAME_ATTEMPTS = 50;

    private final Database db;
    // New posts share transactions when they arrive together: one disk flush for many posts.
    private final GroupCommit posts;
    private final ForumStore store = new ForumStore();
    private final TracesStore tracesStore = new TracesStore();
    private final Traces traces;
    private final PostFormatter formatter;
    private final PseudonymNames names;
    private final Clock clock;
    private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public ForumService(Database db, PostFormatter formatter, PseudonymNames names, Clock clock) {
        this.db = db;
        this.posts = new GroupCommit(db);
        this.formatter = formatter;
        this.names = names;
        this.clock = clock;
        this.traces = new Traces(db, this, clock);
    }

    /** Her control over her traces: "forget me" and posts that expire. */
    public Traces traces() {
        return traces;
    }

    /** Creates the configured circles that do not exist yet and refreshes the titles of the others. */
    public void applyCircles(List<CircleSeed> seeds) {
        long now = clock.millis();
        db.write(c -> {
            for (int i = 0; i < seeds.size(); i++) {
                CircleSeed seed = seeds.get(i);
                store.upsertCircle(c, seed.name(), seed.title().strip(), seed.description(), i, now);
            }
            return null;
        });
    }

    // ---- reading

    public List<Circle> circles() {
        return db.read(store::circles);
    }

    public Circle circle(String name) {
        return db.read(c -> store.circle(c, name)).orElseThrow(() -> new ForumProblem.NotFound("circle"));
    }

    /** A page of a circle's threads, most recently active first; {@code cursor} comes from the previous page. */
    public Page<ThreadSummary> threads(String circleName, String cursor) {
        circle(circleName);
        Cursor after = Cursor.parse(cursor);
        List<ThreadSummary> rows = db.read(c -> store.threads(c, circleName,
                after == null ? null : after.activity(), after == null ? null : after.id(), THREADS_PER_PAGE + 1));
        if (rows.size() <= THREADS_PER_PAGE) {
            return new Page<>(rows, null);
        }
        List<ThreadSummary> shown = rows.subList(0, THREADS_PER_PAGE);
        ThreadSummary last = shown.get(shown.size() - 1);
        return new Page<>(shown, new Cursor(last.lastActivityAt(), last.id()).toString());
    }

    /** A whole thread, if it is in that circle and still shown. */
    public ForumThread thread(String circleName, String threadId) {
        if (!Ids.looksValid(threadId)) {
            throw new ForumProblem.NotFound("thread");
        }
        return db.read(c -> {
            var head = shownThread(c, circleName, threadId);
            return new ForumThread(head.id(), head.circleName(), head.title(), head.createdAt(), head.locked(),
                    store.posts(c, threadId));
        });
    }

    /** The opening post of a thread, if the thread is in that circle and still shown; cheaper than the whole thread. */
    public Post openingPost(String circleName, String threadId) {
        if (!Ids.looksValid(threadId)) {
            throw new ForumProblem.NotFound("thread");
        }
        return db.read(c -> {
            shownThread(c, circleName, threadId);
            return store.openingPost(c, threadId);
        }).orElseThrow(() -> new ForumProblem.NotFound("thread"));
    }

    /** A post she may change: it must exist, be in that thread, not be deleted, and be hers. */
    public Post ownPost(String authorId, String circleName, String threadId, String postId) {
        Post post = findPost(circleName, threadId, postId);
        if (authorId == null || !post.authorId().equals(authorId)) {
            throw new ForumProblem.NotYours();
        }
        return post;
    }

    private Post findPost(String circleName, String threadId, String postId) {
        if (!Ids.looksValid(postId)) {
            throw new ForumProblem.NotFound("post");
        }
        return db.read(c -> store.post(c, postId))
                .filter(p -> p.threadId().equals(threadId) && p.circleName().equals(circleName) && !p.deleted()
                        && !p.removed())
                .orElseThrow(() -> new ForumProblem.NotFound("post"));
    }

    /** The title of a thread, for an edit form of its opening post. */
    public String threadTitle(String threadId) {
        return db.read(c -> store.thread(c, threadId)).map(ForumStore.ThreadHead::title).orElse("");
    }

    /** Her usual pseudonym, if she has posted before. */
    public Optional<String> usualPseudonym(String authorId) {
        if (authorId == null) {
            return Optional.empty();
        }
        return db.read(c -> store.usualPseudonym(c, authorId)).map(ForumStore.Pseudonym::name);
    }

    /** The one-off pseudonym she already uses in this thread, if any. */
    public Optional<String> oneOffPseudonym(String authorId, String threadId) {
        if (authorId == null) {
            return Optional.empty();
        }
        return db.read(c -> store.oneOffPseudonym(c, authorId, threadId)).map(ForumStore.Pseudonym::name);
    }

    public List<MyPost> postsBy(String authorId) {
        return db.read(c -> store.postsByAuthor(c, authorId, MY_POSTS_SHOWN));
    }

    // ---- writing

    /** Starts a thread in a circle; committed when this returns. */
    public PostRef startThread(String authorId, String circleName, Draft draft) {
        requireValid(draft, true);
        PostHtml html = formatter.toHtml(draft.body().strip());
        long now = clock.millis();
        Long expiresAt = Expiry.at(now, draft.expiresInDays());
        String threadId = Ids.next();
        String postId = Ids.next();
        boolean held = posts.write(c -> {
            if (store.circle(c, circleName).isEmpty()) {
                throw new ForumProblem.NotFound("circle");
            }
            refuseIfBanned(c, authorId, circleName, draft);
            store.ensureAuthor(c, authorId, now);
            boolean hold = PostingPolicy.holds(c, circleName, authorId);
            store.insertThread(c, threadId, circleName, draft.title().strip(), now);
            var pseudonym = pseudonymFor(c, authorId, draft.pseudonym(), threadId, now);
            store.insertPost(c, postId, threadId, pseudonym.id(), true, draft.body().strip(), html.html(), now);
            store.setContentWarning(c, postId, ContentWarning.normalize(draft.contentWarning()));
            if (expiresAt != null) {
                tracesStore.setExpiry(c, postId, expiresAt);
            }
            if (hold) {
                store.hold(c, postId, threadId, true);
            }
            store.markChanged(c, postId, store.nextChange(c));
            return hold;
        });
        changed();
        hearth.node.metrics.Metrics.postCreated();
        return new PostRef(circleName, threadId, postId, held);
    }

    /** Replies in a thread; committed when this returns. */
    public PostRef reply(String authorId, String circleName, String threadId, Draft draft) {
        requireValid(draft, false);
        if (!Ids.looksValid(threadId)) {
            throw new ForumProblem.NotFound("thread");
        }
        PostHtml html = formatter.toHtml(draft.body().strip());
        long now = clock.millis();
        Long expiresAt = Expiry.at(now, draft.expiresInDays());
        String postId = Ids.next();
        // The transaction checks that the thread is (still) shown; reading it all first would cost a query per post.
        boolean held = posts.write(c -> {
            var head = shownThread(c, circleName, threadId);
            if (head.locked()) {
                throw new ForumProblem.InvalidDraft(List.of(LOCKED), draft, 403);
            }
            refuseIfBanned(c, authorId, circleName, draft);
            store.ensureAuthor(c, authorId, now);
            boolean hold = PostingPolicy.holds(c, circleName, authorId);
            var pseudonym = pseudonymFor(c, authorId, draft.pseudonym(), threadId, now);
            store.insertPost(c, postId, threadId, pseudonym.id(), false, draft.body().strip(), html.html(), now);
            store.setContentWarning(c, postId, ContentWarning.normalize(draft.contentWarning()));
            if (expiresAt != null) {
                tracesStore.setExpiry(c, postId, expiresAt);
            }
            if (hold) {
                store.hold(c, postId, threadId, false);
            } else {
                store.recordReply(c, threadId, now);
            }
            store.markChanged(c, postId, store.nextChange(c));
            return hold;
        });
        changed();
        hearth.node.metrics.Metrics.postCreated();
        return new PostRef(circleName, threadId, postId, held);
    }

    /** Shown when she replies in a locked thread; her words stay in the form. */
    public static final Text LOCKED = Text.of("forum.problem.locked");

    private void refuseIfBanned(Connection c, String authorId, String circleName, Draft draft) throws SQLException {
        var ban = Bans.active(c, authorId, circleName, clock.millis());
        if (ban.isPresent()) {
            throw new ForumProblem.InvalidDraft(List.of(ban.get().explanation()), draft, 403);
        }
    }

    /** Replaces the words of her post (and the title, for an opening post). */
    public PostRef edit(String authorId, String circleName, String threadId, String postId, Draft draft) {
        Post post = ownPost(authorId, circleName, threadId, postId);
        requireValid(draft, post.opening());
        PostHtml html = formatter.toHtml(draft.body().strip());
        long now = clock.millis();
        db.write(c -> {
            shownThread(c, circleName, threadId);
            store.updatePost(c, postId, draft.body().strip(), html.html(), now);
            store.setContentWarning(c, postId, ContentWarning.normalize(draft.contentWarning()));
            if (post.opening()) {
                store.setTitle(c, threadId, draft.title().strip());
                markThreadChanged(c, threadId);
            } else {
                store.markChanged(c, postId, store.nextChange(c));
            }
            return null;
        });
        changed();
        return new PostRef(circleName, threadId, postId);
    }

    /**
     * Deletes her post: its words are erased at once; replies to it stay.
     *
     * @return true if the thread is still shown (something readable is left in it)
     */
    public boolean delete(String authorId, String circleName, String threadId, String postId) {
        Post post = ownPost(authorId, circleName, threadId, postId);
        long now = clock.millis();
        boolean stillShown = db.write(c -> {
            erase(c, postId, threadId, post.opening(), now);
            return store.thread(c, threadId).map(t -> !t.removed() && !t.hidden()).orElse(false);
        });
        changed();
        return stillShown;
    }

    /**
     * The one way a post of hers is deleted, whether she deletes it, asks to be forgotten, or its
     * time runs out: its words are erased, the thread is recounted (and hidden once nothing
     * readable is left), an opening post takes the title with it, and the change numbers it takes
     * carry the deletion to the search index and to other servers. Call {@link #changed()} after commit.
     */
    void erase(Connection c, String postId, String threadId, boolean opening, long now) throws SQLException {
        store.erasePost(c, postId, now);
        store.refreshAfterDeletion(c, threadId);
        if (opening) {
            store.setTitle(c, threadId, "");
            markThreadChanged(c, threadId);
        } else {
            store.markChanged(c, postId, store.nextChange(c));
        }
    }

    // ---- the change sequence

    /** Registers a callback run after every committed change (the search indexer's nudge). */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Posts changed after sequence {@code after}, oldest change first, at most {@code limit}. */
    public List<PostChange> changesSince(long after, int limit) {
        return db.read(c -> store.changesSince(c, after, limit));
    }

    /** The latest change number. */
    public long lastChange() {
        return db.read(store::lastChange);
    }

    /**
     * The content warning each of these posts is listed behind (its own, else its thread's), by post
     * id; posts without one are left out. Reads only.
     */
    public java.util.Map<String, String> listedWarnings(java.util.Collection<String> postIds) {
        return db.read(c -> store.listedWarnings(c, postIds));
    }

    /** Of these post ids, the ones readers may still see: the last word on removal, whatever an index says. */
    public java.util.Set<String> shown(java.util.Collection<String> postIds) {
        return db.read(c -> store.shown(c, postIds));
    }

    /** The thread's title is part of every post's index entry, so a new title is a change to each. */
    private void markThreadChanged(Connection c, String threadId) throws SQLException {
        for (String id : store.postIds(c, threadId)) {
            store.markChanged(c, id, store.nextChange(c));
        }
    }

    /** Runs the change listeners; for writers outside this class that took change numbers. */
    void changed() {
        listeners.forEach(Runnable::run);
    }

    /**
     * The thread if it is in that circle and still shown. Writes call it again inside their
     * transaction: the thread may have vanished (its last post deleted) since it was read, and
     * a reply must never be acknowledged into a thread nobody can see.
     */
    private ForumStore.ThreadHead shownThread(Connection c, String circleName, String threadId) throws SQLException {
        return store.thread(c, threadId)
                .filter(t -> t.circleName().equals(circleName) && !t.removed())
                .orElseThrow(() -> new ForumProblem.NotFound("thread"));
    }

    private static void requireValid(Draft draft, boolean needsTitle) {
        List<Text> problems = new java.util.ArrayList<>(Limits.check(draft, needsTitle));
        ContentWarning.tooLong(draft.contentWarning())
                .ifPresent(length -> problems.add(Text.of("reactions.cw.tooLong", length, ContentWarning.MAX)));
        if (!problems.isEmpty()) {
            throw new ForumProblem.InvalidDraft(problems, draft);
        }
    }

    private ForumStore.Pseudonym pseudonymFor(Connection c, String authorId, PseudonymChoice choice,
                                              String threadId, long now) throws SQLException {
        if (choice == PseudonymChoice.ONE_OFF) {
            var existing = store.oneOffPseudonym(c, authorId, threadId);
            if (existing.isPresent()) {
                return existing.get();
            }
            return newPseudonym(c, authorId, threadId, now);
        }
        var usual = store.usualPseudonym(c, authorId);
        if (usual.isPresent()) {
            return usual.get();
        }
        var made = newPseudonym(c, authorId, null, now);
        store.setUsualPseudonym(c, authorId, made.id());
        return made;
    }

    private ForumStore.Pseudonym newPseudonym(Connection c, String authorId, String threadId, long now)
            throws SQLException {
        for (int attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
            String name = names.next();
            if (!store.pseudonymNameTaken(c, name)) {
                String id = Ids.next();
                store.insertPseudonym(c, id, name, authorId, threadId, now);
                return new ForumStore.Pseudonym(id, name);
            }
        }
        throw new IllegalStateException("no free pseudonym after " + NAME_ATTEMPTS + " attempts");
    }

    /** Position in a circle's thread list: last activity, then id. */
    private record Cursor(long activity, String id) {
        static Cursor parse(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            int dash = text.indexOf('-');
            if (dash < 1) {
                return null;
            }
            try {
                String id = text.substring(dash + 1);
                return Ids.looksValid(id) ? new Cursor(Long.parseLong(text.substring(0, dash)), id) : null;
            } catch (NumberFormatException bad) {
                return null;
            }
        }

        @Override
        public String toString() {
            return activity + "-" + id;
        }
    }
}
