package hearth.node.federation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.keys.Ed25519Keys;
import hearth.federation.keys.RsaKeys;
import hearth.federation.object.Actor;
import hearth.federation.object.ActorType;
import hearth.federation.proof.Multikey;
import hearth.node.forum.Circle;
import hearth.node.forum.FederatedPosts;
import hearth.node.forum.ForumService;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * This node's actors as documents: the node itself (an Application, which signs fetches),
 * each circle (a Group, FEP-1b12), and each pseudonym (a Person). A pseudonym's keys are made
 * the first time her actor is asked for or signs. Thread-safe.
 */
public final class LocalActors {

    private final Urls urls;
    private final ActorKeys keys;
    private final ForumService forum;
    private final FederatedPosts posts;
    private final String nodeName;

    public LocalActors(Urls urls, ActorKeys keys, ForumService forum, FederatedPosts posts, String nodeName) {
        this.urls = urls;
        this.keys = keys;
        this.forum = forum;
        this.posts = posts;
        this.nodeName = nodeName;
    }

    public ObjectNode node() {
        URI id = urls.nodeActor();
        return document(id, ActorType.APPLICATION, urls.host(), nodeName, "", urls.base(), URI.create(id + "/inbox"),
                null, null, null, ActorKeys.nodePath());
    }

    public Optional<ObjectNode> group(String name) {
        if (!posts.isLocalCircle(name)) {
            return Optional.empty();
        }
        Circle circle = forum.circle(name);
        URI id = urls.circle(name);
        return Optional.of(document(id, ActorType.GROUP, name, circle.title(), circle.description(), id,
                urls.circleInbox(name), urls.circleOutbox(name), urls.circleFollowers(name),
                urls.circleModerators(name), ActorKeys.circlePath(name)));
    }

    public Optional<ObjectNode> person(String pseudonymId) {
        return posts.localPseudonymName(pseudonymId).map(name -> {
            URI id = urls.person(pseudonymId);
            return document(id, ActorType.PERSON, handleName(name), name, "", id, URI.create(id + "/inbox"), null,
                    null, null, ActorKeys.pseudonymPath(pseudonymId));
        });
    }

    /** The actor a WebFinger name points at: a circle, or a pseudonym by its handle ("quiet_heron_4821"). */
    public Optional<URI> byHandleName(String name) {
        if (posts.isLocalCircle(name)) {
            return Optional.of(urls.circle(name));
        }
        return posts.localPseudonymByHandle(name).map(urls::person);
    }

    /** "Quiet Heron 4821" is known to other servers as quiet_heron_4821. */
    public static String handleName(String pseudonym) {
        return pseudonym.toLowerCase(java.util.Locale.ROOT).replace(' ', '_');
    }

    private ObjectNode document(URI id, ActorType type, String username, String name, String summary, URI url,
            URI inbox, URI outbox, URI followers, URI moderators, String keyPath) {
        Actor actor = new Actor(id, type, username, name, summary, url, inbox, outbox, followers, moderators,
                urls.sharedInbox(),
                new Actor.PublicKey(URI.create(Urls.keyId(id)), id, RsaKeys.publicPem(keys.rsa(keyPath).getPublic())),
                List.of(new Actor.Multikey(URI.create(Urls.proofKeyId(id)), id,
                        Multikey.encodeEd25519(Ed25519Keys.rawPublic(keys.ed25519(keyPath).getPublic())))));
        return actor.toJson();
    }
}
