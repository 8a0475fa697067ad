package hearth.node.federation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import hearth.federation.activity.Create;
import hearth.federation.object.Note;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A properly signed request can still carry a body built to hurt: too large, too deep, not
 * JSON, or an activity the node already has. Each is refused with its own status and leaves
 * the thread as it was; the controls just inside each limit are taken.
 */
class InboxBodyIT {

    private static InboxBed bed;

    @BeforeAll
    static void start() throws Exception {
        bed = new InboxBed();
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    private static Create replyBy(FakeActor author, String text) {
        return Wire.create(author.newId("activities"), author.id(), bed.reply(author, text));
    }

    private static InboxPoster.Request signed(byte[] body) {
        return InboxPoster.cavage(bed.circleInbox(), body, bed.ana);
    }

    /** A reply whose body is padded with {@code filler} characters in an extra field. */
    private static byte[] padded(String text, int filler) {
        String json = new String(Wire.bytes(replyBy(bed.ana, text)), UTF_8);
        return InboxPoster.utf8(json.substring(0, json.length() - 1) + ",\"padding\":\"" + "x".repeat(filler) + "\"}");
    }

    // ---- size

    @Test
    void anActivityJustUnderOneMebibyteIsAccepted() {
        byte[] body = padded("Just under the limit.", FederationRoutes.MAX_ACTIVITY_BYTES - 4_096);
        InboxPoster.Answer answer = bed.poster.send(signed(body));
        assertEquals(202, answer.status(), answer.reason());
        bed.awaitOnThread("Just under the limit.");
    }

    @Test
    void anActivityOverOneMebibyteIsRefusedWith413() {
        byte[] body = padded("Over the limit.", FederationRoutes.MAX_ACTIVITY_BYTES);
        bed.assertRefused(signed(body), 413, null);
    }

    @Test
    void anActivityOverOneMebibyteSentWithoutALengthIsRefusedWith413() {
        byte[] body = padded("Over the limit, chunked.", FederationRoutes.MAX_ACTIVITY_BYTES);
        bed.assertRefused(() -> bed.poster.sendChunked(signed(body)), 413, null);
    }

    // ---- shape

    @Test
    void jsonNestedTwentyLevelsDeepIsAccepted() {
        String body = Wire.nested(replyBy(bed.ana, "Twenty levels deep."), 20);
        InboxPoster.Answer answer = bed.poster.send(signed(InboxPoster.utf8(body)));
        assertEquals(202, answer.status(), answer.reason());
        bed.awaitOnThread("Twenty levels deep.");
    }

    @Test
    void jsonNestedAHundredLevelsDeepIsRefusedWith400() {
        String body = Wire.nested(replyBy(bed.ana, "A hundred levels deep."), 100);
        bed.assertRefused(signed(InboxPoster.utf8(body)), 400, "not valid JSON");
    }

    @Test
    void malformedJsonIsRefusedWith400() {
        String json = new String(Wire.bytes(replyBy(bed.ana, "Cut short.")), UTF_8);
        bed.assertRefused(signed(InboxPoster.utf8(json.substring(0, json.length() / 2))), 400, "not valid JSON");
    }

    @Test
    void aJsonArrayInsteadOfAnActivityIsRefusedWith400() {
        String json = new String(Wire.bytes(replyBy(bed.ana, "In a list.")), UTF_8);
        bed.assertRefused(signed(InboxPoster.utf8("[" + json + "]")), 400, "expected a JSON object");
    }

    /** Were the first {@code actor} checked and the last one used, Bea could write as Ana. */
    @Test
    void aDuplicatedActorFieldIsRefusedWith400() {
        String json = new String(Wire.bytes(replyBy(bed.ana, "Two actors.")), UTF_8);
        String doubled = json.substring(0, json.length() - 1) + ",\"actor\":\"" + bed.bea.id() + "\"}";
        bed.assertRefused(signed(InboxPoster.utf8(doubled)), 400, "not valid JSON");
    }

    // ---- replay

    @Test
    void theSameSignedRequestSentTwiceIsAppliedOnceAndTheSecondAnswers409() {
        InboxPoster.Request request = signed(Wire.bytes(replyBy(bed.ana, "Sent twice, byte for byte.")));
        InboxPoster.Answer first = bed.poster.send(request);
        assertEquals(202, first.status(), first.reason());
        bed.awaitOnThread("Sent twice, byte for byte.");

        bed.assertRefused(request, 409, "already received");
        assertEquals(1, timesShown("Sent twice, byte for byte."));
    }

    @Test
    void anActivitySignedAfreshWithAnIdAlreadySeenAnswers409() {
        Create create = replyBy(bed.ana, "Sent again with a new signature.");
        InboxPoster.Answer first = bed.poster.send(signed(Wire.bytes(create)));
        assertEquals(202, first.status(), first.reason());
        bed.awaitOnThread("Sent again with a new signature.");

        // Same activity id, a changed post: were it applied, the reply would be edited.
        Note changed = Wire.reply(create.object().id(), bed.ana.id(), bed.thread, "Changed on the second sending.");
        Create again = new Create(create.id(), bed.ana.id(), changed, changed.to(), changed.cc());
        bed.assertRefused(signed(Wire.bytes(again)), 409, "already received");
        assertEquals(1, timesShown("Sent again with a new signature."));
    }

    @Test
    void theSameActivitySentFiveTimesAtOnceIsTakenOnce() throws Exception {
        InboxPoster.Request request = signed(Wire.bytes(replyBy(bed.ana, "Sent five times at once.")));
        List<Future<InboxPoster.Answer>> sending = new ArrayList<>();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 5; i++) {
                sending.add(senders.submit(() -> bed.poster.send(request)));
            }
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<InboxPoster.Answer> answer : sending) {
            statuses.add(answer.get().status());
        }
        statuses.sort(null);
        assertEquals(List.of(202, 409, 409, 409, 409), statuses);
        bed.awaitOnThread("Sent five times at once.");
        bed.settle();
        assertEquals(1, timesShown("Sent five times at once."));
    }

    private static long timesShown(String text) {
        return NodeState.page(bed.node, bed.threadPath).select("li.post").stream()
                .filter(p -> p.text().contains(text)).count();
    }
}
