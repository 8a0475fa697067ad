package hearth.node.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.federation.activity.Delete;
import hearth.federation.activity.Lock;
import hearth.federation.activity.Undo;
import hearth.federation.json.Fields;
import hearth.federation.object.ActorType;
import hearth.federation.object.Note;
import hearth.federation.object.Page;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A remote circle's moderators, as this node applies them: the node follows circle {@code main}
 * (whose moderators collection lists {@code mod}) and circle {@code other} on a second server.
 * The circle's removal (a Delete with a reason), its Undo, its Lock and Undo(Lock) take effect on
 * the copy kept here; nobody else's do, and no remote circle can touch one of this node's own
 * circles or another remote circle. Each refused case checks that nothing a reader sees changed.
 */
class InboxModerationIT {

    private static final URI PUBLIC = URI.create(Fields.PUBLIC);

    private static InboxBed bed;
    private static RemoteCircles circles;
    private static FakeActor mod;
    private static FakeActor main;
    private static FakeActor other;
    private static String mainName;
    private static Page mainThread;
    private static String mainPath;
    private static Note beasReply;
    private static Note anasReply;
    private static String otherPath;

    @BeforeAll
    static void start() throws Exception {
        bed = new InboxBed();
        circles = new RemoteCircles(bed.node, bed.poster);
        mod = bed.remote.actor("mod", ActorType.PERSON);
        main = RemoteCircles.circleWithModerators(bed.remote, "main", mod);
        other = bed.elsewhere.actor("other", ActorType.GROUP);
        mainName = circles.follow(main);
        String otherName = circles.follow(other);

        mainThread = circles.thread(main, bed.ana, "Back to work", "First week back after the baby.");
        beasReply = circles.reply(main, bed.bea, mainThread, "Bea: take it one day at a time.");
        anasReply = circles.reply(main, bed.ana, mainThread, "Ana: the second week was easier.");
        circles.thread(other, bed.stranger, "Elsewhere", "A thread in the other circle.");
        Peers.eventually(InboxBed.SOON, "both remote threads are kept here",
                () -> circles.threadPath(otherName, "Elsewhere") != null && circles.threadPath(mainName, "Back to work")
                        != null && circles.seen(circles.threadPath(mainName, "Back to work")).contains("second week"));
        mainPath = circles.threadPath(mainName, "Back to work");
        otherPath = circles.threadPath(otherName, "Elsewhere");
    }

    @AfterAll
    static void stop() {
        circles.close();
        bed.close();
    }

    // ---- controls: the circle and its listed moderators

    @Test
    void theCirclesRemovalShowsItsReasonAndItsUndoRestoresThePost() {
        Note note = circles.reply(main, bed.bea, mainThread, "Words the circle will remove.");
        awaitSeen(mainPath, "Words the circle will remove.");
        Delete removal = removal(main, note.id(), "Rule 2: no unsolicited advice");
        circles.relay(main, removal);
        Peers.eventually(InboxBed.SOON, "the post shows the reason instead of its words", () -> {
            String seen = circles.seen(mainPath);
            return seen.contains("Removed by moderators: Rule 2: no unsolicited advice")
                    && !seen.contains("Words the circle will remove.");
        });
        circles.relay(main, Undo.of(main.newId("activities"), main.id(), removal));
        awaitSeen(mainPath, "Words the circle will remove.");
    }

    @Test
    void aRemovalSentDirectlyByTheCircleTakesEffect() {
        Note note = circles.reply(main, bed.bea, mainThread, "Removed by a direct Delete.");
        awaitSeen(mainPath, "Removed by a direct Delete.");
        assertEquals(202, circles.direct(main, removal(main, note.id(), "Off topic")).status());
        Peers.eventually(InboxBed.SOON, "the post is removed",
                () -> !circles.seen(mainPath).contains("Removed by a direct Delete."));
    }

    @Test
    void aRemovalByAModeratorTheCircleListsTakesEffect() {
        Note note = circles.reply(main, bed.ana, mainThread, "A moderator will remove this.");
        awaitSeen(mainPath, "A moderator will remove this.");
        circles.relay(main, removal(mod, note.id(), "Personal details"));
        Peers.eventually(InboxBed.SOON, "the post is removed", () -> {
            String seen = circles.seen(mainPath);
            return seen.contains("Removed by moderators: Personal details") && !seen.contains("will remove this");
        });
    }

    @Test
    void theCirclesLockRefusesRepliesHereUntilItIsUndone() throws Exception {
        String threadId = mainPath.substring(mainPath.lastIndexOf('/') + 1);
        try (LockedReply reply = LockedReply.open(bed.node, mainPath)) {
            Lock lock = new Lock(main.newId("activities"), main.id(), mainThread.id(), main.id());
            circles.relay(main, lock);
            Peers.eventually(InboxBed.SOON, "the thread says it is locked",
                    () -> circles.seen(mainPath).contains("Moderators have locked this thread"));
            assertEquals(403, reply.send("A reply to a locked thread."), "a reply to the locked thread is refused");
            circles.relay(main, Undo.of(main.newId("activities"), main.id(), lock));
        }
        Peers.eventually(InboxBed.SOON, "the thread is open again",
                () -> !circles.seen(mainPath).contains("Moderators have locked this thread"));
        assertTrue(bed.woman.reply(mainName, threadId, "A reply once it is open again.", "usual").acknowledged());
    }

    // ---- refused: one of this node's own circles

    @Test
    void aRemoteCirclesRemovalOfALocalWomansPostIsRefused() {
        assertChangesNothing(() -> circles.sendRelayed(main, removal(main, localPost(bed.womansReplyId), "Spam")));
    }

    @Test
    void aRemoteCirclesRemovalOfARemotePostInALocalCircleIsRefused() {
        assertChangesNothing(() -> circles.sendRelayed(main, removal(main, bed.anasReply, "Spam")));
    }

    @Test
    void aRemoteCirclesDirectRemovalOfALocalThreadIsRefused() {
        assertChangesNothing(() -> circles.direct(main, removal(main, bed.thread.thread(), "Spam")));
    }

    @Test
    void aRemoteCirclesLockOfALocalThreadIsRefused() {
        assertChangesNothing(() -> circles.sendRelayed(main,
                new Lock(main.newId("activities"), main.id(), bed.thread.thread(), main.id())));
    }

    // ---- refused: another circle than the post's

    @Test
    void aCircleCannotRemoveAPostOfAnotherCircle() {
        assertChangesNothing(() -> circles.sendRelayed(other, removal(other, beasReply.id(), "Not yours")));
    }

    @Test
    void anotherCirclesAnnounceOfTheCirclesRemovalIsRefused() {
        assertChangesNothing(() -> circles.sendRelayed(other, removal(main, beasReply.id(), "Relayed by other")));
    }

    @Test
    void aCircleCannotLockAThreadOfAnotherCircle() {
        assertChangesNothing(() -> circles.sendRelayed(other,
                new Lock(other.newId("activities"), other.id(), mainThread.id(), other.id())));
    }

    @Test
    void aCircleTheNodeDoesNotFollowCannotRemove() {
        assertChangesNothing(() -> circles.sendRelayed(bed.group, removal(bed.group, beasReply.id(), "Not followed")));
    }

    // ---- refused: someone the circle does not list

    @Test
    void aRemovalRelayedByTheCircleFromSomeoneItDoesNotListIsRefused() {
        assertChangesNothing(() -> circles.sendRelayed(main, removal(bed.bea, anasReply.id(), "Bea removes Ana")));
    }

    @Test
    void aDirectRemovalBySomeoneTheCircleDoesNotListIsRefused() {
        assertChangesNothing(() -> circles.direct(bed.bea, removal(bed.bea, anasReply.id(), "Bea removes Ana")));
    }

    @Test
    void aLockBySomeoneTheCircleDoesNotListIsRefused() {
        assertChangesNothing(() -> circles.direct(bed.bea,
                new Lock(bed.bea.newId("activities"), bed.bea.id(), mainThread.id(), main.id())));
    }

    @Test
    void anUndoOfTheCirclesRemovalBySomeoneElseIsRefused() {
        Note note = circles.reply(main, bed.ana, mainThread, "Removed, and Bea tries to bring it back.");
        awaitSeen(mainPath, "Removed, and Bea tries to bring it back.");
        Delete removal = removal(main, note.id(), "Rule 3");
        circles.relay(main, removal);
        Peers.eventually(InboxBed.SOON, "the post is removed",
                () -> !circles.seen(mainPath).contains("Bea tries to bring it back"));
        Delete hers = removal(bed.bea, note.id(), "Rule 3");
        assertChangesNothing(() -> circles.direct(bed.bea, Undo.of(bed.bea.newId("activities"), bed.bea.id(), hers)));
        InboxPoster.Answer forged = circles.direct(bed.bea, Undo.of(bed.bea.newId("activities"), bed.bea.id(), removal));
        assertEquals(403, forged.status(), "an Undo of the circle's own Delete by Bea: " + forged.reason());
    }

    @Test
    void anUndoOfTheCirclesLockBySomeoneElseIsRefused() {
        Lock lock = new Lock(main.newId("activities"), main.id(), mainThread.id(), main.id());
        circles.relay(main, lock);
        Peers.eventually(InboxBed.SOON, "the thread is locked",
                () -> circles.seen(mainPath).contains("Moderators have locked this thread"));
        try {
            Lock hers = new Lock(bed.bea.newId("activities"), bed.bea.id(), mainThread.id(), main.id());
            assertChangesNothing(() -> circles.direct(bed.bea, Undo.of(bed.bea.newId("activities"), bed.bea.id(), hers)));
        } finally {
            circles.relay(main, Undo.of(main.newId("activities"), main.id(), lock));
            Peers.eventually(InboxBed.SOON, "the thread is open again",
                    () -> !circles.seen(mainPath).contains("Moderators have locked this thread"));
        }
    }

    // ---- an author's own deletion is unchanged

    @Test
    void herOwnDeleteStillErasesHerPostInARemoteCircle() {
        Note note = circles.reply(main, bed.bea, mainThread, "Bea will delete this herself.");
        awaitSeen(mainPath, "Bea will delete this herself.");
        circles.relay(main, new Delete(bed.bea.newId("activities"), bed.bea.id(), note.id(), null, main.id(),
                List.of(PUBLIC), List.of(main.id())));
        Peers.eventually(InboxBed.SOON, "her post is gone",
                () -> !circles.seen(mainPath).contains("Bea will delete this herself."));
        assertFalse(circles.seen(mainPath).contains("Removed by moderators: Bea"));
    }

    // ---- what this node's own circles tell their followers

    @Test
    void aRemovalHereReachesFollowersAsTheCirclesDeleteWithItsReasonAndARestoreAsItsUndo() throws Exception {
        FakeActor watcher = follower("watcher");
        String postId = localReply("Words a moderator here removes.");
        awaitFromCircle(watcher, "Create", postId);
        moderate((m, c) -> m.remove(c, m.target(c, postId).orElseThrow(), "Rule 1: be kind", System.currentTimeMillis()));
        FakeServer.Delivery removal = awaitFromCircle(watcher, "Delete", postId);
        assertEquals(bed.thread.circle().toString(), removal.activity().path("object").path("actor").asText());
        assertEquals("Rule 1: be kind", removal.activity().path("object").path("summary").asText());
        assertEquals(localPost(postId).toString(), removal.activity().path("object").path("object").path("id").asText());

        moderate((m, c) -> m.restore(c, m.target(c, postId).orElseThrow()));
        FakeServer.Delivery restore = awaitFromCircle(watcher, "Undo", postId);
        assertEquals(removal.activity().path("object").path("id").asText(),
                restore.activity().path("object").path("object").path("id").asText(), "the Undo names the Delete");
    }

    @Test
    void aLockHereReachesFollowersAsTheCirclesLockAndAnUnlockAsItsUndo() throws Exception {
        FakeActor watcher = follower("locksmith");
        String threadId = bed.threadPath.substring(bed.threadPath.lastIndexOf('/') + 1);
        moderate((m, c) -> m.lock(c, m.opening(c, threadId).orElseThrow(), true));
        FakeServer.Delivery lock = bed.remote.awaitDelivery(d -> fromCircle(d, watcher, "Lock"), InboxBed.SOON);
        assertEquals(bed.thread.thread().toString(), lock.activity().path("object").path("object").asText());
        moderate((m, c) -> m.lock(c, m.opening(c, threadId).orElseThrow(), false));
        FakeServer.Delivery unlock = bed.remote.awaitDelivery(d -> fromCircle(d, watcher, "Undo"), InboxBed.SOON);
        assertEquals(lock.activity().path("object").path("id").asText(),
                unlock.activity().path("object").path("object").path("id").asText(), "the Undo names the Lock");
    }

    @Test
    void aHeldPostIsNotSentUntilAModeratorApprovesIt() throws Exception {
        FakeActor watcher = follower("patient");
        moderate((m, c) -> m.setPolicy(c, "perinatal", hearth.node.forum.PostingPolicy.parse("hold-all")));
        String postId;
        try {
            postId = localReply("Held until a moderator reads it.");
        } finally {
            moderate((m, c) -> m.setPolicy(c, "perinatal", hearth.node.forum.PostingPolicy.parse("open")));
        }
        String settled = localReply("Written after the held one, and not held.");
        awaitFromCircle(watcher, "Create", settled);
        assertFalse(bed.remote.deliveries().stream().anyMatch(d -> d.activity().toString().contains(postId)),
                "nothing of the held post left the node");
        moderate((m, c) -> m.approve(c, m.target(c, postId).orElseThrow(), System.currentTimeMillis()));
        awaitFromCircle(watcher, "Create", postId);
    }

    // ---- helpers

    private interface Moderation {
        void apply(hearth.node.forum.ForumModeration moderation, java.sql.Connection c) throws java.sql.SQLException;
    }

    /** What the console does, straight on the store; the outbox follows the change sequence by itself. */
    private static void moderate(Moderation action) {
        hearth.node.forum.ForumModeration moderation = new hearth.node.forum.ForumModeration(null);
        for (int attempt = 1; ; attempt++) {
            try {
                circles.db.write(c -> {
                    action.apply(moderation, c);
                    return null;
                });
                return;
            } catch (hearth.node.store.StoreException busy) {
                // A second connection to the node's SQLite file may meet its writer: try again.
                if (attempt == 10) {
                    throw busy;
                }
                sleep(200);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String localReply(String text) throws Exception {
        String threadId = bed.threadPath.substring(bed.threadPath.lastIndexOf('/') + 1);
        hearth.node.process.ForumClient.Answer answer = bed.woman.reply("perinatal", threadId, text, "usual");
        assertTrue(answer.acknowledged(), answer.describe());
        return answer.postId();
    }

    /** A new actor following circle perinatal, once her Follow is accepted. */
    private static FakeActor follower(String name) {
        FakeActor follower = bed.remote.actor(name, ActorType.PERSON);
        URI followId = follower.newId("follows");
        assertEquals(202, bed.post(Wire.follow(followId, follower.id(), bed.thread.circle()), follower).status());
        bed.remote.awaitDelivery(d -> d.type().equals("Accept")
                && d.activity().path("object").path("id").asText().equals(followId.toString()), InboxBed.SOON);
        return follower;
    }

    private static boolean fromCircle(FakeServer.Delivery d, FakeActor follower, String innerType) {
        return d.recipient().equals(follower.inbox().getRawPath()) && d.type().equals("Announce")
                && d.activity().path("actor").asText().equals(bed.thread.circle().toString())
                && d.activity().path("object").path("type").asText().equals(innerType);
    }

    private static FakeServer.Delivery awaitFromCircle(FakeActor follower, String innerType, String postId) {
        return bed.remote.awaitDelivery(d -> fromCircle(d, follower, innerType)
                && d.activity().path("object").toString().contains(postId), InboxBed.SOON);
    }


    private static Delete removal(FakeActor actor, URI object, String reason) {
        return new Delete(actor.newId("activities"), actor.id(), object, reason, main.id(), List.of(PUBLIC),
                List.of(main.id()));
    }

    private static URI localPost(String postId) {
        return bed.node.url(bed.threadPath + "/p/" + postId);
    }

    private static void awaitSeen(String path, String text) {
        Peers.eventually(InboxBed.SOON, "\"" + text + "\" is shown", () -> circles.seen(path).contains(text));
    }

    /** Sends, lets the inbox work through it, and checks no thread a reader can see changed. */
    private static void assertChangesNothing(Supplier<InboxPoster.Answer> sending) {
        List<String> before = seenEverywhere();
        InboxPoster.Answer answer = sending.get();
        assertTrue(answer.status() == 202 || answer.status() >= 400 && answer.status() < 500,
                answer.status() + " " + answer.reason());
        bed.settle();
        assertEquals(before, seenEverywhere());
    }

    private static List<String> seenEverywhere() {
        return List.of(circles.seen(bed.threadPath), circles.seen(mainPath), circles.seen(otherPath));
    }

    /**
     * A reply form opened while the thread still took replies, sent later: a locked thread shows
     * no form, so this is how a reader who had the page open meets the lock.
     */
    private static final class LockedReply implements AutoCloseable {
        private final java.net.http.HttpClient http;
        private final URI target;
        private final String csrf;

        private LockedReply(java.net.http.HttpClient http, URI target, String csrf) {
            this.http = http;
            this.target = target;
            this.csrf = csrf;
        }

        static LockedReply open(hearth.node.TestNode node, String threadPath) throws Exception {
            java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                    .cookieHandler(new java.net.CookieManager()).build();
            String page = http.send(java.net.http.HttpRequest.newBuilder(node.url(threadPath)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            var field = org.jsoup.Jsoup.parse(page).selectFirst("form.compose input[name=csrf]");
            assertTrue(field != null, "the open thread has a reply form");
            return new LockedReply(http, node.url(threadPath + "/reply"), field.attr("value"));
        }

        int send(String body) throws Exception {
            String form = "csrf=" + java.net.URLEncoder.encode(csrf, java.nio.charset.StandardCharsets.UTF_8)
                    + "&pseudonym=usual&body=" + java.net.URLEncoder.encode(body, java.nio.charset.StandardCharsets.UTF_8);
            return http.send(java.net.http.HttpRequest.newBuilder(target)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        @Override
        public void close() {
            http.shutdownNow();
        }
    }
}
