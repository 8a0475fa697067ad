package hearth.node.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.federation.activity.Follow;
import hearth.federation.json.Json;
import hearth.federation.keys.RsaKeys;
import hearth.federation.object.Actor;
import hearth.federation.object.ActorType;
import hearth.federation.signature.CavageClaim;
import hearth.federation.signature.HttpSignatures;
import hearth.federation.signature.SignatureClaim;
import hearth.node.process.ForumClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Following a circle: a signed Follow is answered with an Accept the circle signed, and a
 * follower can end her own follow; nobody can end someone else's. The circle's follower count
 * is what must not change when the Undo is not hers.
 */
class InboxFollowIT {

    private static InboxBed bed;

    @BeforeAll
    static void start() throws Exception {
        bed = new InboxBed();
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    // ---- controls

    @Test
    void aSignedFollowIsAcceptedAndAnsweredWithAnAcceptSignedByTheCircle() {
        FakeActor follower = bed.remote.actor("follower", ActorType.PERSON);
        int followers = NodeState.followers(bed.node, "perinatal");
        URI followId = follower.newId("follows");
        InboxPoster.Answer answer = bed.post(Wire.follow(followId, follower.id(), bed.thread.circle()), follower);
        assertEquals(202, answer.status(), answer.reason());

        FakeServer.Delivery accept = bed.remote.awaitDelivery(d -> d.type().equals("Accept")
                && d.recipient().equals(follower.inbox().getRawPath()), InboxBed.SOON);
        assertEquals(bed.thread.circle().toString(), accept.activity().path("actor").asText());
        assertEquals(followId.toString(), accept.activity().path("object").path("id").asText());
        SignatureClaim claim = HttpSignatures.check(accept.request(), Instant.now());
        assertInstanceOf(CavageClaim.class, claim, "the Accept is signed with draft-cavage");
        assertEquals(bed.thread.circle() + "#main-key", claim.keyId());
        assertTrue(claim.verify(publishedKey(claim.keyId())), "the signature checks with the circle's published key");
        assertFalse(claim.verify(follower.rsa().getPublic()), "and with no other key");
        assertEquals(followers + 1, NodeState.followers(bed.node, "perinatal"));
    }

    @Test
    void aPostInACircleNobodyFollowsQueuesNothingAndTheNextOneReachesItsFirstFollower() throws Exception {
        assertEquals(0, NodeState.followers(bed.node, "survivors"));
        long queued = count("SELECT COUNT(*) FROM delivery");
        ForumClient.Answer unheard = bed.woman.startThread("survivors", "Before anyone listened",
                "A quiet first post.", "usual");
        assertTrue(unheard.acknowledged(), unheard.describe());
        Peers.eventually(InboxBed.SOON, "the outbox has looked at her post",
                () -> count("SELECT value FROM federation_cursor WHERE name = 'outbox'")
                        >= count("SELECT MAX(change_seq) FROM post"));
        assertEquals(queued, count("SELECT COUNT(*) FROM delivery"), "nothing is queued for a circle nobody follows");

        FakeActor listener = bed.remote.actor("listener", ActorType.PERSON);
        URI survivors = bed.node.url("/c/survivors");
        assertEquals(202, bed.post(Wire.follow(listener.newId("follows"), listener.id(), survivors), listener).status());
        bed.remote.awaitDelivery(d -> d.type().equals("Accept") && d.recipient().equals(listener.inbox().getRawPath()),
                InboxBed.SOON);
        ForumClient.Answer heard = bed.woman.startThread("survivors", "Now someone listens", "A second post.", "usual");
        assertTrue(heard.acknowledged(), heard.describe());
        bed.remote.awaitDelivery(d -> d.recipient().equals(listener.inbox().getRawPath())
                && d.activity().toString().contains("Now someone listens"), InboxBed.SOON);
        assertTrue(bed.remote.deliveries().stream().noneMatch(d -> d.activity().toString()
                .contains("Before anyone listened")), "the post from before she followed is not sent afterwards");
    }

    private long count(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + bed.node.data().resolve("hearth.db"));
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void herOwnUndoEndsHerFollow() {
        FakeActor carol = bed.remote.actor("carol", ActorType.PERSON);
        URI follow = following(carol);
        int followers = NodeState.followers(bed.node, "perinatal");
        assertEquals(202, bed.post(Wire.undo(carol.newId("activities"), carol.id(), follow), carol).status());
        Peers.eventually(InboxBed.SOON, "the circle has one follower less",
                () -> NodeState.followers(bed.node, "perinatal") == followers - 1);
    }

    // ---- someone else's follow

    @Test
    void anUndoOfAnotherActorsFollowIsRefused() {
        FakeActor dora = bed.remote.actor("dora", ActorType.PERSON);
        URI follow = following(dora);
        Follow hers = Wire.follow(follow, dora.id(), bed.thread.circle());
        bed.assertRefused(InboxPoster.cavage(bed.circleInbox(),
                Wire.bytes(Wire.undo(bed.bea.newId("activities"), bed.bea.id(), hers)), bed.bea), 403,
                "can only undo its own activities");
    }

    @Test
    void anUndoByIdOfAnotherActorsFollowLeavesHerFollowing() {
        FakeActor edna = bed.remote.actor("edna", ActorType.PERSON);
        URI follow = following(edna);
        bed.assertChangesNothing(Wire.undo(bed.bea.newId("activities"), bed.bea.id(), follow), bed.bea);
    }

    // ---- helpers

    /** Has {@code actor} follow circle perinatal, and returns her Follow's id once it is accepted. */
    private static URI following(FakeActor actor) {
        URI followId = actor.newId("follows");
        assertEquals(202, bed.post(Wire.follow(followId, actor.id(), bed.thread.circle()), actor).status());
        bed.remote.awaitDelivery(d -> d.type().equals("Accept")
                && d.activity().path("object").path("id").asText().equals(followId.toString()), InboxBed.SOON);
        return followId;
    }

    /** The RSA key the node publishes under {@code keyId}, read from its actor document. */
    private static PublicKey publishedKey(String keyId) {
        String actorPath = URI.create(keyId.substring(0, keyId.indexOf('#'))).getRawPath();
        String json = NodeState.get(bed.node, actorPath, "application/activity+json").body();
        Actor actor = Actor.fromJson(Json.parseObject(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(keyId, actor.publicKey().id().toString());
        return RsaKeys.parsePublicPem(actor.publicKey().pem());
    }
}
