package hearth.node.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.federation.activity.Activity;
import hearth.federation.object.ActorType;
import hearth.federation.object.Note;
import hearth.node.TestNode;
import hearth.node.process.ForumClient;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What every inbox test starts from: a node that may talk to loopback, two fake servers (two
 * origins), and in circle {@code perinatal} a thread a local woman opened, her own reply in it,
 * and a reply from {@code ana}, a Person on the first fake server.
 *
 * <p>{@link #settle()} is the barrier that makes "nothing changed" mean something: the inbox
 * works through its queue in order, so once a later activity has visibly taken effect, every
 * activity accepted before it has been processed too.
 * Not thread-safe: one test at a time.
 */
final class InboxBed implements AutoCloseable {

    static final Duration SOON = Duration.ofSeconds(20);

    final FakeServer remote = FakeServer.start();
    final FakeServer elsewhere = FakeServer.start();
    /** A woman on the remote server, whose reply is already in the thread. */
    final FakeActor ana = remote.actor("ana", ActorType.PERSON);
    /** Another woman on the same remote server. */
    final FakeActor bea = remote.actor("bea", ActorType.PERSON);
    /** A circle on the remote server that the node does not follow. */
    final FakeActor group = remote.actor("circle", ActorType.GROUP);
    /** Someone on a second server. */
    final FakeActor stranger = elsewhere.actor("stranger", ActorType.PERSON);
    /** Used only by {@link #settle()}: follows circle {@code everyday}, which no test looks at. */
    private final FakeActor porter = remote.actor("porter", ActorType.SERVICE);

    final TestNode node = TestNode.startAllowingPrivateAddresses();
    final InboxPoster poster = new InboxPoster();
    final ForumClient woman = new ForumClient(node.url("/"), ForumClient.newJar());
    final Wire.LocalThread thread;
    final String threadPath;
    final String openingPostId;
    final String womansReplyId;
    final URI anasReply;

    InboxBed() throws Exception {
        ForumClient.Answer opened = woman.startThread("perinatal", "Tired all the time",
                "Six weeks in and I cannot keep my eyes open.", "usual");
        assertTrue(opened.acknowledged(), opened.describe());
        threadPath = "/c/perinatal/t/" + opened.threadId();
        thread = new Wire.LocalThread(node.url("/c/perinatal"), node.url(threadPath), node.url(threadPath + "/context"));
        ForumClient.Answer replied = woman.reply("perinatal", opened.threadId(), "Thank you for reading this.", "usual");
        assertTrue(replied.acknowledged(), replied.describe());
        womansReplyId = replied.postId();
        openingPostId = NodeState.postIds(node, threadPath).getFirst();

        anasReply = ana.newId("notes");
        Note note = Wire.reply(anasReply, ana.id(), thread, "Ana says it gets easier after three months.");
        InboxPoster.Answer answer = post(Wire.create(ana.newId("activities"), ana.id(), note), ana);
        assertEquals(202, answer.status(), answer.reason());
        awaitOnThread("Ana says it gets easier");
    }

    URI circleInbox() {
        return node.url("/c/perinatal/inbox");
    }

    URI sharedInbox() {
        return node.url("/inbox");
    }

    /** A reply in the thread by {@code author}, with a fresh id on her server. */
    Note reply(FakeActor author, String text) {
        return Wire.reply(author.newId("notes"), author.id(), thread, text);
    }

    /** Posts the activity to the circle's inbox, signed (draft-cavage) by {@code signer}. */
    InboxPoster.Answer post(Activity activity, FakeActor signer) {
        return poster.send(InboxPoster.cavage(circleInbox(), Wire.bytes(activity), signer));
    }

    /**
     * Sends the request and asserts the inbox refuses it with {@code status} and a reason
     * containing {@code reason} (when not null), and that nothing visible changed.
     */
    void assertRefused(InboxPoster.Request request, int status, String reason) {
        assertRefused(() -> poster.send(request), status, reason);
    }

    /** As {@link #assertRefused(InboxPoster.Request, int, String)}, for a request sent some other way. */
    void assertRefused(Supplier<InboxPoster.Answer> sending, int status, String reason) {
        NodeState before = state();
        InboxPoster.Answer answer = sending.get();
        assertEquals(status, answer.status(), answer.reason());
        if (reason != null) {
            assertTrue(answer.reason().contains(reason), "the reason given: " + answer.reason());
        }
        settle();
        assertEquals(before, state());
    }

    /** Sends the activity signed by its own actor; it may be acknowledged, but nothing visible may change. */
    void assertChangesNothing(Activity activity, FakeActor signer) {
        NodeState before = state();
        InboxPoster.Answer answer = post(activity, signer);
        assertTrue(answer.status() == 202 || answer.status() >= 400 && answer.status() < 500,
                answer.status() + " " + answer.reason());
        settle();
        assertEquals(before, state());
    }

    NodeState state() {
        return NodeState.of(node, threadPath);
    }

    void awaitOnThread(String text) {
        Peers.eventually(SOON, "\"" + text + "\" appears on the thread page",
                () -> NodeState.threadText(node, threadPath).contains(text));
    }

    /** Returns once every activity the inbox accepted before this call has been processed. */
    void settle() {
        URI followId = porter.newId("follows");
        InboxPoster.Answer answer = post(Wire.follow(followId, porter.id(), node.url("/c/everyday")), porter);
        assertEquals(202, answer.status(), answer.reason());
        remote.awaitDelivery(d -> d.type().equals("Accept")
                && d.activity().path("object").path("id").asText().equals(followId.toString()), SOON);
    }

    @Override
    public void close() {
        woman.close();
        poster.close();
        node.close();
        remote.close();
        elsewhere.close();
    }
}
