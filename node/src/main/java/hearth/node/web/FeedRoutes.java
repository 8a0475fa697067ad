package hearth.node.web;

import hearth.node.feeds.AtomWriter;
import hearth.node.feeds.Feed;
import hearth.node.feeds.FeedEntry;
import hearth.node.feeds.XmlText;
import hearth.node.forum.Circle;
import hearth.node.forum.ForumProblem;
import hearth.node.forum.ForumService;
import hearth.node.forum.ForumThread;
import hearth.node.forum.ContentWarning;
import hearth.node.forum.Post;
import hearth.node.forum.ThreadSummary;
import hearth.ui.i18n.Messages;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Atom feeds of a circle's newest threads and of a thread's posts, for people who follow
 * Hearth with a feed reader instead of an account.
 *
 * <p>A feed shows exactly what a reader who is not signed in sees, and less: no held, removed,
 * hidden, silenced or deleted post, and no thread that the circle's page does not list. An
 * unknown circle or thread is the node's ordinary 404 page. Feeds are read by machines, so
 * their text is in the node's first language, not the reader's. Each response carries an ETag
 * (a hash of the feed) and answers a matching {@code If-None-Match} with 304. Thread-safe; the
 * handlers block on the database, so they run on the web verticle's virtual threads.
 */
final class FeedRoutes {

    /** Posts in a thread's feed: the newest ones, newest first. */
    static final int THREAD_ENTRIES = 200;
    /** Between a feed's name and where it lives, as the pages' titles do ("Perinatal · Hearth"). */
    private static final String TITLE_SEPARATOR = " · ";

    private final ForumService forum;
    private final Supplier<URI> base;
    private final Messages t;
    private final String nodeName;

    /**
     * @param base the node's public address; null until federation has started (it is learnt
     *             from the port the server got)
     */
    FeedRoutes(ForumService forum, Supplier<URI> base, List<String> languages, String nodeName) {
        this.forum = forum;
        this.base = base;
        this.t = Messages.of(languages.isEmpty() ? "en" : languages.get(0));
        this.nodeName = nodeName;
    }

    void register(Router router) {
        router.get("/c/:circle/feed.atom").handler(this::circleFeed);
        router.get("/c/:circle/t/:thread/feed.atom").handler(this::threadFeed);
    }

    static String circleFeedUrl(String circle) {
        return Views.circleUrl(circle) + "/feed.atom";
    }

    static String threadFeedUrl(String circle, String thread) {
        return Views.threadUrl(circle, thread) + "/feed.atom";
    }

    // ---- a circle: its threads as the circle page lists them, each with its opening post

    private void circleFeed(RoutingContext ctx) {
        String name = ctx.pathParam("circle");
        Circle circle = forum.circle(name);
        String origin = origin();
        List<ForumThread> threads = new ArrayList<>();
        for (ThreadSummary summary : forum.threads(name, null).items()) {
            try {
                threads.add(forum.thread(name, summary.id()));
            } catch (ForumProblem.NotFound gone) {
                // Its last post was deleted since the list was read.
            }
        }
        Set<String> shown = forum.shown(threads.stream().map(th -> th.opening().id()).toList());
        List<FeedEntry> entries = new ArrayList<>();
        for (ForumThread thread : threads) {
            Post opening = thread.opening();
            URI page = URI.create(origin + Views.threadUrl(name, thread.id()));
            if (opening.deleted()) {
                // Listed for its replies; her name and words went with her post.
                entries.add(new FeedEntry(page, t.get("feeds.thread.deleted"), page, null,
                        Instant.ofEpochMilli(opening.createdAt()), Instant.ofEpochMilli(opening.deletedAt()),
                        "<p><em>" + XmlText.escape(t.get("feeds.thread.deletedNote")) + "</em></p>", ""));
            } else if (shown.contains(opening.id())) {
                entries.add(new FeedEntry(page, thread.title(), page, opening.pseudonym(),
                        Instant.ofEpochMilli(opening.createdAt()), changedAt(opening), opening.html(),
                        warningOf(opening, t)));
            }
        }
        URI self = URI.create(origin + circleFeedUrl(name));
        String subtitle = circle.description().isBlank()
                ? t.get("feeds.circle.subtitle", circle.title(), nodeName) : circle.description();
        send(ctx, new Feed(self, circle.title() + TITLE_SEPARATOR + nodeName, subtitle, t.lang(), self,
                URI.create(origin + Views.circleUrl(name)), latest(entries), nodeName, entries));
    }

    // ---- a thread: its visible posts, newest first

    private void threadFeed(RoutingContext ctx) {
        String circleName = ctx.pathParam("circle");
        ForumThread thread = forum.thread(circleName, ctx.pathParam("thread"));
        Post opening = thread.opening();
        Set<String> shown = forum.shown(thread.posts().stream().map(Post::id).toList());
        // A thread the circle does not list (its opening post held, removed or silenced) has no feed.
        if (!opening.deleted() && !shown.contains(opening.id())) {
            throw new ForumProblem.NotFound("thread");
        }
        String origin = origin();
        String threadPage = origin + Views.threadUrl(thread.circleName(), thread.id());
        List<FeedEntry> entries = thread.posts().stream()
                .filter(p -> shown.contains(p.id()))
                .sorted(Comparator.comparingLong(Post::createdAt).thenComparing(Post::id).reversed())
                .limit(THREAD_ENTRIES)
                .map(p -> {
                    URI link = URI.create(threadPage + "#" + Views.anchor(p.id()));
                    String title = p.opening() ? thread.title() : t.get("feeds.entry.reply", p.pseudonym());
                    return new FeedEntry(link, title, link, p.pseudonym(), Instant.ofEpochMilli(p.createdAt()),
                            changedAt(p), p.html(), warningOf(p, t));
                })
                .toList();
        Circle circle = forum.circle(thread.circleName());
        String title = thread.titleDeleted() ? t.get("feeds.thread.deleted") : thread.title();
        URI self = URI.create(origin + threadFeedUrl(thread.circleName(), thread.id()));
        Instant updated = entries.isEmpty() ? Instant.ofEpochMilli(thread.createdAt()) : latest(entries);
        send(ctx, new Feed(self, title + TITLE_SEPARATOR + circle.title(),
                t.get("feeds.thread.subtitle", circle.title(), nodeName), t.lang(), self, URI.create(threadPage),
                updated, nodeName, entries));
    }

    // ---- helpers

    private static Instant changedAt(Post p) {
        return Instant.ofEpochMilli(p.edited() ? p.editedAt() : p.createdAt());
    }

    /** The content warning readers see before the words ("" for none); the general one in the feed's language. */
    private static String warningOf(Post p, Messages t) {
        String stored = p.contentWarning();
        if (stored == null) {
            return "";
        }
        return ContentWarning.generic(stored) ? t.get("reactions.cw.generic") : stored;
    }

    private static Instant latest(List<FeedEntry> entries) {
        return entries.stream().map(FeedEntry::updated).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }

    private String origin() {
        URI origin = base.get();
        if (origin == null) {
            throw new IllegalStateException("the node's public address is not known yet");
        }
        String text = origin.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static void send(RoutingContext ctx, Feed feed) {
        byte[] xml = AtomWriter.write(feed);
        String etag = etag(xml);
        // no-store like the pages, so a browser on a shared device keeps no copy; a feed reader keeps
        // the ETag in its own store and still asks with it.
        ctx.response().putHeader("ETag", etag).putHeader("Cache-Control", "no-store");
        if (Etags.matches(ctx.request().getHeader("If-None-Match"), etag)) {
            ctx.response().setStatusCode(304).end();
            return;
        }
        ctx.response().putHeader("Content-Type", AtomWriter.MEDIA_TYPE).end(Buffer.buffer(xml));
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
