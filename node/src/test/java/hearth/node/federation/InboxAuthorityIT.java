package hearth.node.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.activity.Announce;
import hearth.federation.activity.Create;
import hearth.federation.object.Note;
import hearth.federation.proof.DataIntegrity;
import java.net.URI;
import java.time.Instant;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A validly signed actor still speaks only for herself and her own server: she cannot put her
 * words under another id or name, nor edit or delete what someone else wrote, and a circle the
 * node does not follow cannot relay anything into it. The control shows that a woman's own
 * edit and deletion do take effect.
 */
class InboxAuthorityIT {

    private static InboxBed bed;

    @BeforeAll
    static void start() throws Exception {
        bed = new InboxBed();
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    private static URI localPost(String postId) {
        return bed.node.url(bed.threadPath + "/p/" + postId);
    }

    // ---- controls

    @Test
    void herOwnEditAndDeletionTakeEffect() {
        Note note = bed.reply(bed.bea, "Bea's first words.");
        assertEquals(202, bed.post(Wire.create(bed.bea.newId("activities"), bed.bea.id(), note), bed.bea).status());
        bed.awaitOnThread("Bea's first words.");

        Note edited = Wire.reply(note.id(), bed.bea.id(), bed.thread, "Bea's words, edited.");
        assertEquals(202, bed.post(Wire.update(bed.bea.newId("activities"), bed.bea.id(), edited), bed.bea).status());
        bed.awaitOnThread("Bea's words, edited.");

        String postId = shown("Bea's words, edited.").id();
        assertEquals(202, bed.post(Wire.delete(bed.bea.newId("activities"), bed.bea.id(), note.id(),
                bed.thread.circle()), bed.bea).status());
        Peers.eventually(InboxBed.SOON, "her reply shows as deleted", () -> {
            Element post = NodeState.page(bed.node, bed.threadPath).getElementById(postId);
            return post != null && post.selectFirst(".deleted") != null;
        });
    }

    // ---- whose ids

    @Test
    void anActivityWhoseIdIsOnAnotherServerThanItsActorIsRefused() {
        Create create = Wire.create(bed.stranger.newId("activities"), bed.ana.id(), bed.reply(bed.ana, "Spoofed id."));
        bed.assertRefused(InboxPoster.cavage(bed.circleInbox(), Wire.bytes(create), bed.ana), 403,
                "the activity id is not on the actor's server");
    }

    @Test
    void aCreateOfAPostWhoseIdIsOnAnotherServerIsRefused() {
        Note note = Wire.reply(bed.stranger.newId("notes"), bed.ana.id(), bed.thread, "A post kept elsewhere.");
        Create create = Wire.create(bed.ana.newId("activities"), bed.ana.id(), note);
        bed.assertRefused(InboxPoster.cavage(bed.circleInbox(), Wire.bytes(create), bed.ana), 403,
                "the post is not on the actor's server");
    }

    @Test
    void aCreateOfAPostAttributedToSomeoneElseIsRefused() {
        Note note = Wire.reply(bed.ana.newId("notes"), bed.bea.id(), bed.thread, "Words put in Bea's mouth.");
        Create create = Wire.create(bed.ana.newId("activities"), bed.ana.id(), note);
        bed.assertRefused(InboxPoster.cavage(bed.circleInbox(), Wire.bytes(create), bed.ana), 403,
                "attributed to someone else");
    }

    // ---- deleting what others wrote

    @Test
    void aDeleteOfALocalWomansReplyLeavesItThere() {
        bed.assertChangesNothing(Wire.delete(bed.bea.newId("activities"), bed.bea.id(), localPost(bed.womansReplyId),
                bed.thread.circle()), bed.bea);
        assertTrue(NodeState.post(bed.node, bed.threadPath, bed.womansReplyId).text().contains("Thank you for reading"));
    }

    @Test
    void aDeleteOfALocalWomansThreadLeavesItThere() {
        bed.assertChangesNothing(Wire.delete(bed.bea.newId("activities"), bed.bea.id(), bed.thread.thread(),
                bed.thread.circle()), bed.bea);
        assertEquals("Tired all the time", NodeState.page(bed.node, bed.threadPath).selectFirst("main h1").text());
    }

    @Test
    void aDeleteOfAnotherRemoteWomansReplyLeavesItThere() {
        bed.assertChangesNothing(Wire.delete(bed.bea.newId("activities"), bed.bea.id(), bed.anasReply,
                bed.thread.circle()), bed.bea);
        assertNotNull(shown("Ana says it gets easier"));
    }

    @Test
    void aDeleteOfARemoteWomansReplyByACircleOfHerServerLeavesItThere() {
        bed.assertChangesNothing(Wire.delete(bed.group.newId("activities"), bed.group.id(), bed.anasReply,
                bed.thread.circle()), bed.group);
        assertNotNull(shown("Ana says it gets easier"));
    }

    // ---- editing what others wrote

    @Test
    void anUpdateOfAnotherWomansReplyInHerOwnNameLeavesItUnchanged() {
        Note takeover = Wire.reply(bed.anasReply, bed.bea.id(), bed.thread, "Bea rewrote Ana's reply.");
        bed.assertChangesNothing(Wire.update(bed.bea.newId("activities"), bed.bea.id(), takeover), bed.bea);
        assertNotNull(shown("Ana says it gets easier"));
    }

    @Test
    void aCreateReusingAnotherWomansPostIdLeavesHerPostUnchanged() {
        Note takeover = Wire.reply(bed.anasReply, bed.bea.id(), bed.thread, "Bea creates over Ana's reply.");
        bed.assertChangesNothing(Wire.create(bed.bea.newId("activities"), bed.bea.id(), takeover), bed.bea);
        assertNotNull(shown("Ana says it gets easier"));
    }

    @Test
    void anUpdateOfAnotherWomansReplyInThatWomansNameIsRefused() {
        Note forged = Wire.reply(bed.anasReply, bed.ana.id(), bed.thread, "Bea edits as Ana.");
        bed.assertRefused(InboxPoster.cavage(bed.circleInbox(),
                Wire.bytes(Wire.update(bed.bea.newId("activities"), bed.bea.id(), forged)), bed.bea), 403,
                "attributed to someone else");
    }

    @Test
    void anUpdateOfALocalWomansReplyIsRefused() {
        Note forged = Wire.reply(localPost(bed.womansReplyId), bed.ana.id(), bed.thread, "Ana edits a local reply.");
        bed.assertRefused(InboxPoster.cavage(bed.circleInbox(),
                Wire.bytes(Wire.update(bed.ana.newId("activities"), bed.ana.id(), forged)), bed.ana), 403,
                "the post is not on the actor's server");
    }

    // ---- relays

    /**
     * The relayed reply carries a valid proof by its author and is served from its origin, so
     * only the missing follow can keep it out; were the Announce unwrapped and its Create
     * applied as if sent directly, the reply would show on the thread.
     */
    @Test
    void anAnnounceFromACircleTheNodeDoesNotFollowStoresNothing() {
        Note note = bed.reply(bed.bea, "Relayed by a circle nobody here follows.");
        ObjectNode proven = DataIntegrity.sign(note.toJson(), bed.bea.proofKeyId(), bed.bea.ed25519().getPrivate(),
                Instant.now());
        bed.remote.serve(note.id(), proven);
        Create create = Wire.create(bed.bea.newId("activities"), bed.bea.id(), note);
        ObjectNode embedded = create.toJson();
        embedded.set("object", proven);
        Announce announce = Announce.of(bed.group.newId("activities"), bed.group.id(), create, embedded,
                URI.create(bed.group.id() + "/followers"));
        bed.assertChangesNothing(announce, bed.group);
    }

    // ---- helpers

    private static Element shown(String text) {
        return NodeState.page(bed.node, bed.threadPath).select("li.post").stream()
                .filter(p -> p.text().contains(text)).findFirst().orElse(null);
    }
}
