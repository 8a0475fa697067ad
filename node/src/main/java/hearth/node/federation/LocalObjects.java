package hearth.node.federation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Fields;
import hearth.federation.object.Contexts;
import hearth.federation.object.Note;
import hearth.federation.object.Page;
import hearth.federation.object.Post;
import hearth.federation.proof.DataIntegrity;
import hearth.node.forum.FederatedPost;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Describes posts written on this node as ActivityPub objects: a thread's opening as a Page, a
 * reply as a Note, each signed with its pseudonym's Ed25519 key (FEP-8b32) so a copy relayed by
 * another server can still be checked against this one. Thread-safe.
 */
public final class LocalObjects {

    private final Urls urls;
    private final ActorKeys keys;
    private final Clock clock;

    public LocalObjects(Urls urls, ActorKeys keys, Clock clock) {
        this.urls = urls;
        this.keys = keys;
        this.clock = clock;
    }

    public URI idOf(FederatedPost post) {
        if (!post.local()) {
            return post.apId();
        }
        return post.opening() ? urls.thread(post.circleName(), post.threadId())
                : urls.post(post.circleName(), post.threadId(), post.id());
    }

    public URI circleOf(FederatedPost post) {
        return post.inLocalCircle() ? urls.circle(post.circleName()) : post.circleActor();
    }

    /** The thread's id: its page here, or its id on the server it came from. */
    public URI threadIdOf(FederatedPost post) {
        return post.threadApId() != null ? post.threadApId() : urls.thread(post.circleName(), post.threadId());
    }

    public URI contextOf(FederatedPost post) {
        return post.threadContext() != null ? post.threadContext() : urls.context(post.circleName(), post.threadId());
    }

    public URI authorOf(FederatedPost post) {
        return post.local() ? urls.person(post.pseudonymId()) : post.authorActor();
    }

    /**
     * The post as an object, without proof. A content warning travels as Mastodon shows one:
     * {@code sensitive: true} with the warning in {@code summary} (Lemmy reads {@code sensitive} as
     * its NSFW mark). Reactions never travel: the object says nothing of them.
     */
    public Post describe(FederatedPost post) {
        URI circle = circleOf(post);
        List<URI> to = List.of(circle, URI.create(Fields.PUBLIC));
        Instant published = Instant.ofEpochMilli(post.createdAt());
        Instant updated = post.editedAt() == null ? null : Instant.ofEpochMilli(post.editedAt());
        boolean sensitive = post.contentWarning() != null;
        String summary = sensitive && !post.contentWarning().isEmpty() ? post.contentWarning() : null;
        if (post.opening()) {
            return new Page(idOf(post), authorOf(post), circle, contextOf(post), post.title(), post.html(),
                    post.source(), published, updated, sensitive, summary, to, List.of());
        }
        return new Note(idOf(post), authorOf(post), circle, contextOf(post), threadIdOf(post), post.html(),
                post.source(), published, updated, sensitive, summary, to, List.of());
    }

    /**
     * The object as this node serves it, with what moderators did to it: nothing for a post still
     * held for a moderator (nobody else may see it yet), a tombstone for one they removed (as Lemmy
     * serves removed posts: the words stay here, for a restore, but are not handed out).
     */
    public java.util.Optional<ObjectNode> asServed(FederatedPost post, hearth.node.forum.FederatedPosts.Moderation moderation) {
        if (moderation != null && moderation.held()) {
            return java.util.Optional.empty();
        }
        if (moderation != null && moderation.removed() && !post.deleted()) {
            return java.util.Optional.of(tombstone(post, moderation.removedAt()));
        }
        return java.util.Optional.of(asServed(post));
    }

    /**
     * The object as this node serves it in a thread's context collection: a local post signed, a
     * deleted one as a tombstone, a remote one exactly as its author's server sent it (with its proof).
     */
    public ObjectNode asServed(FederatedPost post) {
        if (post.deleted()) {
            return tombstone(post, post.deletedAt());
        }
        if (post.local()) {
            return signed(post);
        }
        if (post.activityJson() != null) {
            var activity = hearth.federation.json.Json.parseObject(
                    post.activityJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (activity.path("object").isObject()) {
                return (ObjectNode) activity.get("object");
            }
        }
        return describe(post).toJson();
    }

    private ObjectNode tombstone(FederatedPost post, long at) {
        return Contexts.withContext(new hearth.federation.object.Tombstone(idOf(post),
                post.opening() ? "Page" : "Note", Instant.ofEpochMilli(at)).toJson());
    }

    /** A thread as a circle's outbox lists it: the circle's Announce of the Create that started it. */
    public java.util.Optional<ObjectNode> announcement(FederatedPost opening) {
        ObjectNode create;
        if (opening.local()) {
            create = new hearth.federation.activity.Create(urls.activity("create-" + opening.id()),
                    urls.person(opening.pseudonymId()), describe(opening),
                    List.of(circleOf(opening), URI.create(Fields.PUBLIC)), List.of()).toJson();
            create.set("object", signed(opening));
        } else if (opening.activityJson() != null) {
            create = hearth.federation.json.Json.parseObject(
                    opening.activityJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } else {
            return java.util.Optional.empty();
        }
        create.remove("@context");
        ObjectNode announce = hearth.federation.json.Json.object();
        announce.put("id", urls.activity("announce-thread-" + opening.id()).toString());
        announce.put("type", "Announce");
        announce.put("actor", circleOf(opening).toString());
        announce.set("object", create);
        announce.putArray("to").add(Fields.PUBLIC);
        return java.util.Optional.of(announce);
    }

    /** The object as served and sent: with its context and its author's proof. */
    public ObjectNode signed(FederatedPost post) {
        ObjectNode json = Contexts.withContext(describe(post).toJson());
        URI author = urls.person(post.pseudonymId());
        return DataIntegrity.sign(json, Urls.proofKeyId(author),
                keys.ed25519(ActorKeys.pseudonymPath(post.pseudonymId())).getPrivate(), clock.instant());
    }
}
