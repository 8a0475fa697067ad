package hearth.node.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.activity.Announce;
import hearth.federation.activity.Create;
import hearth.federation.activity.Delete;
import hearth.federation.activity.Flag;
import hearth.federation.activity.Lock;
import hearth.federation.activity.Undo;
import hearth.federation.json.Fields;
import hearth.federation.json.Json;
import hearth.federation.object.Note;
import hearth.node.config.DataFolder;
import hearth.node.forum.ForumModeration;
import hearth.node.store.Database;
import hearth.node.store.StoreException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hostile peer, case by case as issue 8 lists them (the flood is {@link InboxFloodIT}): it
 * replays old activities, sends activities about objects on other origins, huge or deeply nested
 * JSON, a Delete for someone else's post, and claims to moderate a local circle. Each case is
 * refused (or taken and ignored) and nothing changes: every row of the tables it could touch
 * ({@link StoreSnapshot}) and everything a reader sees ({@link NodeState}) is as before, once the
 * inbox has worked through it. The control shows a genuine reply does change both.
 */
class InboxHostileIT {

    private static final URI PUBLIC = URI.create(Fields.PUBLIC);

    private static InboxBed bed;
    private static Database db;

    @BeforeAll
    static void start() throws Exception {
        bed = new InboxBed();
        db = Database.sqlite(DataFolder.open(bed.node.data()).database());
    }

    @AfterAll
    static void stop() {
        db.close();
        bed.close();
    }

    // ---- control

    @Test
    void aGenuineReplyChangesTheStoreAndThePage() {
        StoreSnapshot before = StoreSnapshot.of(db);
        NodeState seen = bed.state();
        assertEquals(202, bed.post(replyBy(bed.ana, "A genuine reply from Ana."), bed.ana).status());
        bed.awaitOnThread("A genuine reply from Ana.");
        assertNotEquals(before, StoreSnapshot.of(db));
        assertNotEquals(seen, bed.state());
    }

    // ---- replays

    @Test
    void aCapturedDeliveryResentByteForByteIsRefused() {
        InboxPoster.Request captured = signed(replyBy(bed.ana, "Captured on the way."), bed.ana);
        assertEquals(202, bed.poster.send(captured).status());
        bed.awaitOnThread("Captured on the way.");
        assertNothingChanges(() -> bed.poster.send(captured), 409);
    }

    @Test
    void aCapturedActivitySignedAgainForTheSharedInboxIsRefused() {
        Create create = replyBy(bed.ana, "Delivered to the circle, then to the shared inbox.");
        assertEquals(202, bed.post(create, bed.ana).status());
        bed.awaitOnThread("Delivered to the circle, then to the shared inbox.");
        assertNothingChanges(() -> bed.poster.send(InboxPoster.cavage(bed.sharedInbox(), Wire.bytes(create), bed.ana)),
                409);
    }

    /** Were the activity ids ever forgotten, a capture older than the window still could not come back. */
    @Test
    void aCapturedDeliveryDatedBeforeTheWindowIsRefused() {
        Instant captured = Instant.now().minus(InboxVerifier.WINDOW).minus(Duration.ofMinutes(1));
        assertNothingChanges(() -> bed.poster.send(InboxPoster.cavage(bed.circleInbox(),
                Wire.bytes(replyBy(bed.ana, "Captured long ago.")), bed.ana.keyId(), bed.ana.rsa().getPrivate(),
                captured)), 401);
    }

    @Test
    void anOldCreateOfADeletedReplySentUnderANewIdDoesNotBringItBack() {
        Note note = bed.reply(bed.bea, "Bea's words, soon deleted.");
        assertEquals(202, bed.post(Wire.create(bed.bea.newId("activities"), bed.bea.id(), note), bed.bea).status());
        bed.awaitOnThread("Bea's words, soon deleted.");
        assertEquals(202, bed.post(Wire.delete(bed.bea.newId("activities"), bed.bea.id(), note.id(),
                bed.thread.circle()), bed.bea).status());
        Peers.eventually(InboxBed.SOON, "her reply is erased",
                () -> !NodeState.threadText(bed.node, bed.threadPath).contains("Bea's words, soon deleted."));
        assertNothingChanges(() -> bed.post(Wire.create(bed.bea.newId("activities"), bed.bea.id(), note), bed.bea));
    }

    // ---- objects on other origins

    @Test
    void aCreateOfAPostKeptOnAnotherServerIsRefused() {
        Note elsewhere = Wire.reply(bed.stranger.newId("notes"), bed.ana.id(), bed.thread, "Kept on another server.");
        assertNothingChanges(() -> bed.post(Wire.create(bed.ana.newId("activities"), bed.ana.id(), elsewhere),
                bed.ana), 403);
    }

    @Test
    void anUpdateFromAnotherServerOfARemoteWomansReplyIsRefused() {
        Note forged = Wire.reply(bed.anasReply, bed.stranger.id(), bed.thread, "A stranger rewrites Ana.");
        assertNothingChanges(() -> bed.post(Wire.update(bed.stranger.newId("activities"), bed.stranger.id(), forged),
                bed.stranger), 403);
    }

    @Test
    void aDeleteFromAnotherServerOfARemoteWomansReplyLeavesItThere() {
        assertNothingChanges(() -> bed.post(Wire.delete(bed.stranger.newId("activities"), bed.stranger.id(),
                bed.anasReply, bed.thread.circle()), bed.stranger));
    }

    @Test
    void anUndoOfAnActivityOnAnotherServerIsRefused() {
        assertNothingChanges(() -> bed.post(Wire.undo(bed.stranger.newId("activities"), bed.stranger.id(),
                bed.ana.newId("follows")), bed.stranger), 403);
    }

    @Test
    void aFlagOnAPostOfAnotherServerFilesNothing() {
        assertNothingChanges(() -> bed.post(new Flag(bed.ana.newId("flags"), bed.ana.id(),
                List.of(bed.stranger.newId("notes")), "Spam", List.of(bed.node.url("/actor"))), bed.ana));
    }

    // ---- huge or deeply nested JSON

    @Test
    void anActivityOverOneMebibyteIsRefusedWith413() {
        String json = new String(Wire.bytes(replyBy(bed.ana, "Huge.")), java.nio.charset.StandardCharsets.UTF_8);
        String huge = json.substring(0, json.length() - 1) + ",\"padding\":\""
                + "x".repeat(FederationRoutes.MAX_ACTIVITY_BYTES) + "\"}";
        assertNothingChanges(() -> bed.poster.send(InboxPoster.cavage(bed.circleInbox(), InboxPoster.utf8(huge),
                bed.ana)), 413);
    }

    @Test
    void jsonNestedAHundredLevelsDeepIsRefusedWith400() {
        String deep = Wire.nested(replyBy(bed.ana, "Deep."), 100);
        assertNothingChanges(() -> bed.poster.send(InboxPoster.cavage(bed.circleInbox(), InboxPoster.utf8(deep),
                bed.ana)), 400);
    }

    @Test
    void aNumberLongerThanFortyDigitsIsRefusedWith400() {
        String json = new String(Wire.bytes(replyBy(bed.ana, "Long number.")), java.nio.charset.StandardCharsets.UTF_8);
        String longNumber = json.substring(0, json.length() - 1) + ",\"n\":" + "9".repeat(100_000) + "}";
        assertNothingChanges(() -> bed.poster.send(InboxPoster.cavage(bed.circleInbox(),
                InboxPoster.utf8(longNumber), bed.ana)), 400);
    }

    // ---- a Delete for someone else's post

    @Test
    void aDeleteOfALocalWomansReplyLeavesItThere() {
        assertNothingChanges(() -> bed.post(Wire.delete(bed.bea.newId("activities"), bed.bea.id(),
                localPost(bed.womansReplyId), bed.thread.circle()), bed.bea));
    }

    @Test
    void aDeleteOfALocalWomansThreadLeavesItThere() {
        assertNothingChanges(() -> bed.post(Wire.delete(bed.bea.newId("activities"), bed.bea.id(),
                bed.thread.thread(), bed.thread.circle()), bed.bea));
    }

    @Test
    void aDeleteOfAnotherRemoteWomansReplyLeavesItThere() {
        assertNothingChanges(() -> bed.post(Wire.delete(bed.bea.newId("activities"), bed.bea.id(), bed.anasReply,
                bed.thread.circle()), bed.bea));
    }

    // ---- claiming to moderate a local circle

    @Test
    void aRemovalWithAReasonOfALocalWomansReplyByARemoteActorLeavesItThere() {
        assertNothingChanges(() -> bed.post(removal(bed.bea, localPost(bed.womansReplyId)), bed.bea));
    }

    @Test
    void aRemovalWithAReasonOfARemoteWomansReplyInALocalCircleLeavesItThere() {
        assertNothingChanges(() -> bed.post(removal(bed.bea, bed.anasReply), bed.bea));
    }

    @Test
    void aLockOfALocalThreadByARemoteActorLeavesItOpen() {
        assertNothingChanges(() -> bed.post(new Lock(bed.bea.newId("activities"), bed.bea.id(), bed.thread.thread(),
                bed.thread.circle()), bed.bea));
    }

    @Test
    void anUndoOfALocalModeratorsRemovalByARemoteActorLeavesThePostRemoved() throws Exception {
        String threadId = bed.threadPath.substring(bed.threadPath.lastIndexOf('/') + 1);
        var reply = bed.woman.reply("perinatal", threadId, "Removed here by a local moderator.", "usual");
        assertTrue(reply.acknowledged(), reply.describe());
        moderate((m, c) -> m.remove(c, m.target(c, reply.postId()).orElseThrow(), "Rule 2", System.currentTimeMillis()));
        Delete hers = removal(bed.bea, localPost(reply.postId()));
        assertNothingChanges(() -> bed.post(Undo.of(bed.bea.newId("activities"), bed.bea.id(), hers), bed.bea));
    }

    @Test
    void anAddOfHerselfToTheLocalCirclesModeratorsChangesNothing() {
        ObjectNode add = Json.object();
        add.put("id", bed.bea.newId("activities").toString());
        add.put("type", "Add");
        add.put("actor", bed.bea.id().toString());
        add.put("object", bed.bea.id().toString());
        add.put("target", bed.node.url("/c/perinatal/moderators").toString());
        assertNothingChanges(() -> bed.poster.send(signed(add, bed.bea)));
        String moderators = NodeState.get(bed.node, "/c/perinatal/moderators", "application/activity+json").body();
        assertTrue(moderators.contains("\"totalItems\":0"), moderators);
    }

    @Test
    void anUpdateOfTheLocalCirclesActorNamingHerModeratorChangesNothing() {
        ObjectNode group = Json.object();
        group.put("id", bed.thread.circle().toString());
        group.put("type", "Group");
        group.put("attributedTo", bed.bea.id().toString());
        group.put("moderators", bed.bea.id() + "/moderators");
        ObjectNode update = Json.object();
        update.put("id", bed.bea.newId("activities").toString());
        update.put("type", "Update");
        update.put("actor", bed.bea.id().toString());
        update.set("object", group);
        assertNothingChanges(() -> bed.poster.send(signed(update, bed.bea)));
    }

    @Test
    void anAnnounceOfARemovalInTheLocalCirclesNameChangesNothing() {
        Delete asTheCircle = new Delete(bed.node.url("/activities/forged-" + System.nanoTime()), bed.thread.circle(),
                localPost(bed.womansReplyId), "Spam", bed.thread.circle(), List.of(PUBLIC), List.of());
        Announce relayed = Announce.of(bed.bea.newId("activities"), bed.bea.id(), asTheCircle, asTheCircle.toJson(),
                URI.create(bed.bea.id() + "/followers"));
        assertNothingChanges(() -> bed.post(relayed, bed.bea));
    }

    @Test
    void aRemovalInTheLocalCirclesNameSignedWithARemoteKeyIsRefused() {
        Delete asTheCircle = new Delete(bed.node.url("/activities/forged-" + System.nanoTime()), bed.thread.circle(),
                localPost(bed.womansReplyId), "Spam", bed.thread.circle(), List.of(PUBLIC), List.of());
        assertNothingChanges(() -> bed.post(asTheCircle, bed.bea), 401);
    }

    // ---- helpers

    private static Create replyBy(FakeActor author, String text) {
        return Wire.create(author.newId("activities"), author.id(), bed.reply(author, text));
    }

    private static InboxPoster.Request signed(Create create, FakeActor signer) {
        return InboxPoster.cavage(bed.circleInbox(), Wire.bytes(create), signer);
    }

    private static InboxPoster.Request signed(ObjectNode json, FakeActor signer) {
        return InboxPoster.cavage(bed.circleInbox(), Wire.bytes(json), signer);
    }

    private static URI localPost(String postId) {
        return bed.node.url(bed.threadPath + "/p/" + postId);
    }

    /** A moderator's removal as Lemmy and Hearth send it: a Delete with a reason, in the circle. */
    private static Delete removal(FakeActor actor, URI post) {
        return new Delete(actor.newId("activities"), actor.id(), post, "Spam", bed.thread.circle(), List.of(PUBLIC),
                List.of(bed.thread.circle()));
    }

    /**
     * Sends, lets the inbox work through everything it accepted, and checks that the answer is
     * one of {@code statuses} (any 202 or 4xx when none are given) and that neither the store
     * nor any page changed.
     */
    private static void assertNothingChanges(Supplier<InboxPoster.Answer> sending, int... statuses) {
        StoreSnapshot before = StoreSnapshot.of(db);
        NodeState seen = bed.state();
        InboxPoster.Answer answer = sending.get();
        if (statuses.length > 0) {
            assertTrue(Arrays.stream(statuses).anyMatch(s -> s == answer.status()),
                    "expected " + Arrays.toString(statuses) + ", got " + answer.status() + " " + answer.reason());
        } else {
            assertTrue(answer.status() == 202 || answer.status() >= 400 && answer.status() < 500,
                    answer.status() + " " + answer.reason());
        }
        bed.settle();
        StoreSnapshot after = StoreSnapshot.of(db);
        assertEquals(before, after, () -> before.changesTo(after));
        assertEquals(seen, bed.state());
    }

    private interface Moderation {
        void apply(ForumModeration moderation, java.sql.Connection c) throws java.sql.SQLException;
    }

    /** What a local moderator does in the console, straight on the store. */
    private static void moderate(Moderation action) throws InterruptedException {
        ForumModeration moderation = new ForumModeration(null);
        for (int attempt = 1; ; attempt++) {
            try {
                db.write(c -> {
                    action.apply(moderation, c);
                    return null;
                });
                return;
            } catch (StoreException busy) {
                // A second connection to the node's SQLite file may meet its writer: try again.
                if (attempt == 10) {
                    throw busy;
                }
                Thread.sleep(200);
            }
        }
    }
}
