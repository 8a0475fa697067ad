package hearth.node.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hearth.federation.signature.CavageSigner;
import hearth.federation.signature.Digests;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node's inbox takes an activity only with a valid HTTP signature, by the activity's own
 * actor, fresh, over the body that came. Each refusal sends a reply that would show on the
 * thread page if it got through, and checks that the page, the circle and its followers are
 * as they were; the first tests show that the same reply, properly signed, does get through.
 */
class InboxSignatureIT {

    private static InboxBed bed;

    @BeforeAll
    static void start() throws Exception {
        bed = new InboxBed();
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    private static byte[] replyBy(FakeActor author, String text) {
        return Wire.bytes(Wire.create(author.newId("activities"), author.id(), bed.reply(author, text)));
    }

    // ---- controls: what a correct signature achieves

    @Test
    void aReplySignedWithDraftCavageAppearsOnTheThread() {
        byte[] body = replyBy(bed.ana, "Cavage-signed words from Ana.");
        InboxPoster.Answer answer = bed.poster.send(InboxPoster.cavage(bed.circleInbox(), body, bed.ana));
        assertEquals(202, answer.status(), answer.reason());
        bed.awaitOnThread("Cavage-signed words from Ana.");
    }

    @Test
    void aReplySignedWithRfc9421AppearsOnTheThread() {
        byte[] body = replyBy(bed.ana, "RFC 9421-signed words from Ana.");
        InboxPoster.Answer answer = bed.poster.send(InboxPoster.rfc9421(bed.sharedInbox(), body, bed.ana));
        assertEquals(202, answer.status(), answer.reason());
        bed.awaitOnThread("RFC 9421-signed words from Ana.");
    }

    @Test
    void aHandMadeRfc9421SignatureCoveringTheAuthorityIsAccepted() {
        byte[] body = replyBy(bed.ana, "Hand-signed words from Ana.");
        InboxPoster.Answer answer = bed.poster.send(Rfc9421ByHand.sign(bed.circleInbox(), body, bed.ana,
                List.of("@method", "@authority", "@path", "date", "content-digest")));
        assertEquals(202, answer.status(), answer.reason());
        bed.awaitOnThread("Hand-signed words from Ana.");
    }

    // ---- who signed

    @Test
    void anUnsignedRequestIsRefused() {
        bed.assertRefused(InboxPoster.unsigned(bed.circleInbox(), replyBy(bed.ana, "Unsigned.")), 401, "unsigned");
    }

    @Test
    void aSignatureMadeWithAnotherActorsKeyIsRefused() {
        byte[] body = replyBy(bed.ana, "Signed by Bea's key in Ana's name.");
        bed.assertRefused(InboxPoster.cavage(bed.circleInbox(), body, bed.ana.keyId(), bed.bea.rsa().getPrivate(),
                Instant.now()), 401, "does not verify");
    }

    @Test
    void aKeyOfOneActorSigningAnActivityOfAnotherIsRefused() {
        byte[] body = replyBy(bed.ana, "Bea signs for Ana on their server.");
        bed.assertRefused(InboxPoster.cavage(bed.circleInbox(), body, bed.bea), 401, "the key is not the actor's");
    }

    @Test
    void aKeyFromAnotherServerThanTheActorIsRefused() {
        byte[] body = replyBy(bed.ana, "A stranger signs for Ana.");
        bed.assertRefused(InboxPoster.cavage(bed.circleInbox(), body, bed.stranger), 401, "the key is not the actor's");
    }

    @Test
    void forgedSignatureBytesAreRefused() {
        byte[] body = replyBy(bed.ana, "Forged signature.");
        InboxPoster.Request signed = InboxPoster.cavage(bed.circleInbox(), body, bed.ana);
        byte[] forged = new byte[256];
        new Random(42).nextBytes(forged);
        String header = signed.headers().get("Signature")
                .replaceFirst("signature=\"[^\"]*\"", "signature=\"" + Base64.getEncoder().encodeToString(forged) + "\"");
        bed.assertRefused(signed.with("Signature", header), 401, "does not verify");
    }

    @Test
    void aSignatureMadeForAnotherInboxIsRefused() {
        byte[] body = replyBy(bed.ana, "Signed for the shared inbox, sent to the circle's.");
        InboxPoster.Request signed = InboxPoster.cavage(bed.sharedInbox(), body, bed.ana);
        bed.assertRefused(new InboxPoster.Request(bed.circleInbox(), signed.headers(), body), 401, "does not verify");
    }

    /**
     * A delivery Ana's server signed for another server, replayed here by that server (or anyone
     * who saw it) with the Host it was signed for: the signed host is not this node's.
     */
    @Test
    void aSignatureMadeForAnotherServerIsRefused() {
        byte[] body = replyBy(bed.ana, "Signed for another server, replayed here.");
        URI elsewhere = URI.create("http://other.example" + bed.circleInbox().getRawPath());
        InboxPoster.Request signed = InboxPoster.cavage(elsewhere, body, bed.ana);
        bed.assertRefused(() -> bed.poster.sendWithHost(
                new InboxPoster.Request(bed.circleInbox(), signed.headers(), body), "other.example"), 401, null);
    }

    /** The control for the raw sending above: the same request, signed for this node, goes through. */
    @Test
    void aRequestSentWithThisNodesHostOverAPlainSocketIsAccepted() {
        byte[] body = replyBy(bed.ana, "Sent over a plain socket.");
        InboxPoster.Answer answer = bed.poster.sendWithHost(InboxPoster.cavage(bed.circleInbox(), body, bed.ana),
                bed.circleInbox().getHost() + ":" + bed.circleInbox().getPort());
        assertEquals(202, answer.status(), answer.reason());
        bed.awaitOnThread("Sent over a plain socket.");
    }

    /** As if a signed fetch the node once made had been captured and put on a POST. */
    @Test
    void aSignatureMadeForAGetIsRefusedOnAPost() {
        byte[] body = replyBy(bed.ana, "A GET's signature on a POST.");
        Map<String, String> headers = new LinkedHashMap<>(CavageSigner.sign("GET",
                bed.circleInbox(), null, null, bed.ana.keyId(), bed.ana.rsa().getPrivate(), Instant.now()));
        headers.put("Content-Type", InboxPoster.CONTENT_TYPE);
        bed.assertRefused(new InboxPoster.Request(bed.circleInbox(), headers, body), 401,
                "missing covered header digest");
    }

    // ---- when it was signed

    @Test
    void aDateOlderThanTheWindowIsRefused() {
        byte[] body = replyBy(bed.ana, "Signed two hours ago.");
        Instant stale = Instant.now().minus(InboxVerifier.WINDOW).minus(Duration.ofMinutes(5));
        bed.assertRefused(InboxPoster.cavage(bed.circleInbox(), body, bed.ana.keyId(), bed.ana.rsa().getPrivate(),
                stale), 401, "stale date");
    }

    @Test
    void aDateAheadOfTheWindowIsRefused() {
        byte[] body = replyBy(bed.ana, "Signed in the future.");
        Instant ahead = Instant.now().plus(InboxVerifier.WINDOW).plus(Duration.ofMinutes(5));
        bed.assertRefused(InboxPoster.cavage(bed.circleInbox(), body, bed.ana.keyId(), bed.ana.rsa().getPrivate(),
                ahead), 401, "future date");
    }

    // ---- what was signed

    @Test
    void aDigestThatDoesNotMatchTheBodyIsRefused() {
        byte[] body = replyBy(bed.ana, "The digest is of something else.");
        InboxPoster.Request signed = InboxPoster.cavage(bed.circleInbox(), body, bed.ana);
        bed.assertRefused(signed.with("Digest", Digests.digestHeader(InboxPoster.utf8("{}"))), 401, "digest mismatch");
    }

    @Test
    void aSignedDigestHeaderThatIsMissingIsRefused() {
        byte[] body = replyBy(bed.ana, "The digest header was dropped.");
        bed.assertRefused(InboxPoster.cavage(bed.circleInbox(), body, bed.ana).without("Digest"), 401,
                "absent header digest");
    }

    @Test
    void aBodyChangedAfterSigningIsRefused() {
        byte[] body = replyBy(bed.ana, "What Ana signed.");
        byte[] tampered = replyBy(bed.ana, "What reached the node instead.");
        bed.assertRefused(InboxPoster.cavage(bed.circleInbox(), body, bed.ana).withBody(tampered), 401,
                "digest mismatch");
    }

    @Test
    void rfc9421WithAContentDigestThatDoesNotMatchTheBodyIsRefused() {
        byte[] body = replyBy(bed.ana, "RFC 9421 over another digest.");
        InboxPoster.Request signed = InboxPoster.rfc9421(bed.circleInbox(), body, bed.ana);
        bed.assertRefused(signed.with("Content-Digest", Digests.contentDigestHeader(InboxPoster.utf8("{}"))), 401,
                "digest mismatch");
    }

    @Test
    void rfc9421WithABodyChangedAfterSigningIsRefused() {
        byte[] body = replyBy(bed.ana, "RFC 9421: what Ana signed.");
        byte[] tampered = replyBy(bed.ana, "RFC 9421: what reached the node instead.");
        bed.assertRefused(InboxPoster.rfc9421(bed.circleInbox(), body, bed.ana).withBody(tampered), 401,
                "digest mismatch");
    }

    @Test
    void rfc9421NotCoveringTheAuthorityIsRefused() {
        byte[] body = replyBy(bed.ana, "RFC 9421 without the authority.");
        bed.assertRefused(Rfc9421ByHand.sign(bed.circleInbox(), body, bed.ana,
                List.of("@method", "@path", "date", "content-digest")), 401, "missing covered header host");
    }
}
