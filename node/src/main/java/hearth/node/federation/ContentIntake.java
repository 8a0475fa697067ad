package hearth.node.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.inbox.OriginRules;
import hearth.federation.object.Page;
import hearth.federation.object.Post;
import hearth.federation.proof.DataIntegrity;
import hearth.node.blocks.Blocks;
import hearth.node.forum.ContentWarning;
import hearth.node.forum.FederatedPosts;
import hearth.node.forum.RemotePost;
import hearth.ui.text.PostFormatter;
import hearth.ui.text.PostHtml;
import java.net.URI;
import java.util.Optional;

/**
 * Takes posts from other servers into the forum: works out which circle and thread they belong
 * to, cleans them, and stores them. Also decides whether a post relayed by a third server can be
 * trusted: by its author's Ed25519 proof, or else by fetching it from where it was written.
 * A post from an actor this node's moderators banned (from that circle or the whole node) is refused.
 * Thread-safe; calls block on the store and the network.
 */
public final class ContentIntake {

    /** Longest remote post kept, in characters; anything longer is not taken in. */
    static final int MAX_CHARS = 40_000;
    static final int MAX_TITLE = 200;

    private final FederatedPosts posts;
    private final RemoteActors actors;
    private final Fetcher fetcher;
    private final PostFormatter formatter;
    private final Urls urls;
    private final Blocks blocks;

    public ContentIntake(FederatedPosts posts, RemoteActors actors, Fetcher fetcher, PostFormatter formatter, Urls urls,
            Blocks blocks) {
        this.posts = posts;
        this.actors = actors;
        this.fetcher = fetcher;
        this.formatter = formatter;
        this.urls = urls;
        this.blocks = blocks;
    }

    /** Where a post goes: a local circle's thread, or a thread kept from a remote circle. */
    public record Place(String circleName, String threadId, boolean opening, URI threadApId) {
    }

    /**
     * Stores a post that reached this node, in {@code circleName} when it is a remote circle's
     * relay, or in the local circle it is addressed to when {@code circleName} is null.
     * {@code activityJson} is kept for posts in local circles, to pass on to followers.
     */
    public FederatedPosts.Received take(Post post, String circleName, String activityJson) {
        if (urls.isLocal(post.id())) {
            return FederatedPosts.Received.UNCHANGED;   // our own post, coming back to us
        }
        if (post.contentHtml().length() > MAX_CHARS || (post.source() != null && post.source().length() > MAX_CHARS)) {
            return FederatedPosts.Received.REFUSED;
        }
        // Relayed posts and activities queued before a block arrive here too: the author's server decides.
        if (blocks.refusesActor(post.attributedTo()) || blocks.refusesActor(post.id())) {
            return FederatedPosts.Received.REFUSED;
        }
        Optional<String> known = posts.postIdByApId(post.id());
        Optional<Place> place = known.isPresent() ? posts.threadOfRemotePost(post.id())
                .map(t -> new Place(t.circleName(), t.threadId(), post instanceof Page, null))
                : placeOf(post, circleName);
        if (place.isEmpty()) {
            return FederatedPosts.Received.REFUSED;
        }
        if (posts.actorBanned(post.attributedTo(), place.get().circleName())) {
            return FederatedPosts.Received.REFUSED;   // her moderators here stopped her posting in that circle
        }
        RemoteActor author = actors.get(post.attributedTo());
        PostHtml html = post.source() != null ? formatter.toHtml(post.source()) : formatter.cleanForeignHtml(post.contentHtml());
        String title = post instanceof Page page ? clip(page.name().strip(), MAX_TITLE) : "";
        Place where = place.get();
        Optional<URI> circleActor = posts.circleActor(where.circleName());
        if (circleActor.isPresent() && blocks.refusesActor(circleActor.get())) {
            return FederatedPosts.Received.REFUSED;
        }
        boolean keepActivity = circleActor.isEmpty();
        boolean held = blocks.holds(post.attributedTo()) || circleActor.map(blocks::holds).orElse(false);
        // Silence keeps posts out of this node's own listings; a followed circle is still read in full.
        boolean silenced = circleActor.isEmpty() && blocks.silences(post.attributedTo());
        return posts.receive(new RemotePost(post.id(), post.attributedTo(), author.shownName(), where.circleName(),
                where.threadId(), where.opening(), title.isEmpty() && where.opening() ? "(untitled)" : title,
                where.threadApId(), post.context(), post instanceof hearth.federation.object.Note note ? note.inReplyTo() : null,
                post.source() == null ? "" : post.source(), html,
                post.published() == null ? System.currentTimeMillis() : post.published().toEpochMilli(),
                keepActivity ? activityJson : null, warningOf(post)), held, silenced);
    }

    /** Its content warning: the summary of a sensitive post, as plain text (see {@link ContentWarning#fromRemote}). */
    static String warningOf(Post post) {
        return ContentWarning.fromRemote(post.sensitive(),
                post.summary() == null ? null : FlagIntake.plainText(post.summary(), MAX_CHARS));
    }

    private Optional<Place> placeOf(Post post, String circleName) {
        if (circleName != null) {
            if (post instanceof Page) {
                return Optional.of(new Place(circleName, null, true, post.id()));
            }
            return remoteThreadOf(post).filter(t -> t.circleName().equals(circleName))
                    .map(t -> new Place(t.circleName(), t.threadId(), false, null));
        }
        // Addressed to this node: a new thread in one of its circles, or a reply in one of its threads.
        if (post instanceof Page) {
            return urls.local(post.audience() == null ? URI.create("about:none") : post.audience())
                    .filter(l -> l.circle() != null && l.threadId() == null)
                    .filter(l -> posts.isLocalCircle(l.circle()))
                    .map(l -> new Place(l.circle(), null, true, post.id()));
        }
        for (URI ref : new URI[] {post.context(), post instanceof hearth.federation.object.Note n ? n.inReplyTo() : null}) {
            if (ref == null) {
                continue;
            }
            Optional<Urls.Local> local = urls.local(ref).filter(l -> l.threadId() != null);
            if (local.isPresent()) {
                return Optional.of(new Place(local.get().circle(), local.get().threadId(), false, null));
            }
            Optional<FederatedPosts.ThreadKey> kept = posts.threadOfRemotePost(ref);
            if (kept.isPresent() && posts.circleActor(kept.get().circleName()).isEmpty()) {
                return Optional.of(new Place(kept.get().circleName(), kept.get().threadId(), false, null));
            }
        }
        return Optional.empty();
    }

    private Optional<FederatedPosts.ThreadKey> remoteThreadOf(Post post) {
        if (post.context() != null) {
            Optional<FederatedPosts.ThreadKey> byContext = posts.remoteThread(post.context());
            if (byContext.isPresent()) {
                return byContext;
            }
        }
        if (post instanceof hearth.federation.object.Note note && note.inReplyTo() != null) {
            Optional<FederatedPosts.ThreadKey> byParent = posts.remoteThread(note.inReplyTo());
            return byParent.isPresent() ? byParent : posts.threadOfRemotePost(note.inReplyTo());
        }
        return Optional.empty();
    }

    /**
     * A post relayed by a server other than its author's: returned as trusted when its proof
     * verifies against its author's key, or as fetched from its origin; empty when neither works.
     */
    public Optional<Post> trusted(ObjectNode objectJson) {
        Post claimed = Post.fromJson(objectJson);
        if (!OriginRules.sameOrigin(claimed.id(), claimed.attributedTo())) {
            return Optional.empty();
        }
        Optional<String> method = DataIntegrity.verificationMethod(objectJson);
        if (method.isPresent() && RemoteActors.withoutFragment(URI.create(method.get())).equals(claimed.attributedTo())) {
            try {
                RemoteActor author = actors.get(claimed.attributedTo());
                byte[] key = author.multikeys().get(method.get());
                if (key != null && DataIntegrity.verify(objectJson, key)) {
                    return Optional.of(claimed);
                }
            } catch (RuntimeException e) {
                // fall through to fetching it from its origin
            }
        }
        try {
            ObjectNode fetched = fetcher.fetchJson(claimed.id(), java.time.Duration.ofSeconds(10));
            Post original = Post.fromJson(fetched);
            if (original.id().equals(claimed.id()) && original.attributedTo().equals(claimed.attributedTo())) {
                return Optional.of(original);
            }
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** True when the object is gone at its origin (404, 410 or a Tombstone). */
    public boolean goneAtOrigin(URI object) {
        try {
            JsonNode fetched = fetcher.fetchJson(object, java.time.Duration.ofSeconds(10));
            return "Tombstone".equals(fetched.path("type").asText());
        } catch (Outbound.Failed e) {
            return e.getMessage().endsWith("404") || e.getMessage().endsWith("410");
        }
    }

    static String clip(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text
                : text.substring(0, text.offsetByCodePoints(0, max));
    }
}
