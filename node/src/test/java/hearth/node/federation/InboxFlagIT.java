package hearth.node.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.activity.Flag;
import hearth.federation.object.ActorType;
import hearth.federation.signature.HttpSignatures;
import hearth.federation.signature.SignatureClaim;
import hearth.node.moderation.ReportReason;
import hearth.node.moderation.Reports;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reports across servers. A report here on a post from another server goes to that server as a
 * Flag from this node's actor, once; a Flag from another server on a post this node moderates
 * lands in its queue with the sender's host, its reason read from the words; a Flag on anything
 * else files nothing.
 */
class InboxFlagIT {

    private static InboxBed bed;
    private static RemoteCircles store;
    /** Another server's own actor, as Mastodon and Hearth send Flags. */
    private static FakeActor otherNode;

    @BeforeAll
    static void start() throws Exception {
        bed = new InboxBed();
        store = new RemoteCircles(bed.node, bed.poster);
        otherNode = bed.elsewhere.actor("actor", ActorType.APPLICATION);
    }

    @AfterAll
    static void stop() {
        store.close();
        bed.close();
    }

    // ---- outgoing

    @Test
    void aReportOnARemotePostGoesToItsAuthorsServerAsAFlagFromTheNodeOnce() {
        String postId = localIdOf(bed.anasReply);
        String reportId = report(postId, ReportReason.HARMFUL_ADVICE, "She says to stop the medication.");
        FakeServer.Delivery delivery = bed.remote.awaitDelivery(d -> d.type().equals("Flag"), InboxBed.SOON);
        ObjectNode flag = delivery.activity();
        assertEquals(bed.ana.inbox().getRawPath(), delivery.recipient());
        assertEquals(bed.node.url("/actor").toString(), flag.path("actor").asText());
        List<String> objects = new ArrayList<>();
        flag.path("object").forEach(o -> objects.add(o.asText()));
        assertEquals(List.of(bed.anasReply.toString(), bed.ana.id().toString()), objects);
        assertEquals("Harmful advice\n\nShe says to stop the medication.", flag.path("content").asText());
        SignatureClaim claim = HttpSignatures.check(delivery.request(), Instant.now());
        assertEquals(bed.node.url("/actor") + "#main-key", claim.keyId());
        assertNotNull(forwardedAt(reportId), "the report is marked as forwarded");

        bed.settle();
        assertEquals(1, bed.remote.deliveries().stream().filter(d -> d.type().equals("Flag")).count());
    }

    @Test
    void aReportOnALocalPostStaysHere() throws Exception {
        String reportId = report(bed.womansReplyId, ReportReason.SPAM, "");
        Thread.sleep(4_000);   // two polls of the forwarder
        assertEquals(null, forwardedAt(reportId));
        assertFalse(bed.remote.deliveries().stream().anyMatch(d -> d.type().equals("Flag")
                && d.activity().toString().contains(bed.womansReplyId)));
    }

    // ---- incoming

    @Test
    void aFlagOnALocalWomansPostLandsInTheQueueWithTheSendersHost() {
        URI post = bed.node.url(bed.threadPath + "/p/" + bed.womansReplyId);
        int before = reports(bed.womansReplyId).size();
        send(flag(List.of(post), "Harmful advice\n\nShe tells people to stop their medication."));
        List<String[]> reports = awaitReports(bed.womansReplyId, before + 1);
        String[] last = reports.get(reports.size() - 1);
        assertEquals("harmful-advice", last[0]);
        assertEquals("Harmful advice\n\nShe tells people to stop their medication.", last[1]);
        assertEquals(Urls.authorityOf(otherNode.id()), last[2]);
    }

    @Test
    void aFlagOnARemotePostInALocalCircleLandsInTheQueue() {
        String postId = localIdOf(bed.anasReply);
        int before = reports(postId).size();
        send(flag(List.of(bed.ana.id(), bed.anasReply), "Spam"));
        List<String[]> reports = awaitReports(postId, before + 1);
        assertEquals("spam", reports.get(reports.size() - 1)[0]);
    }

    @Test
    void aFlagOnAThreadReportsItsOpeningPost() {
        int before = reports(bed.openingPostId).size();
        send(flag(List.of(bed.thread.thread()), "Someone may be at risk"));
        List<String[]> reports = awaitReports(bed.openingPostId, before + 1);
        assertEquals("at-risk", reports.get(reports.size() - 1)[0]);
    }

    @Test
    void aFlagWhoseWordsNameNoReasonIsOtherAndKeepsOnlyText() {
        URI post = bed.node.url(bed.threadPath + "/p/" + bed.womansReplyId);
        int before = reports(bed.womansReplyId).size();
        send(flag(List.of(post), "<p>Please look <script>alert(1)</script>at this &amp; that</p>"));
        List<String[]> reports = awaitReports(bed.womansReplyId, before + 1);
        String[] last = reports.get(reports.size() - 1);
        assertEquals("other", last[0]);
        assertEquals("Please look alert(1)at this & that", last[1]);
    }

    @Test
    void aFlagOnAPostOfAnotherServerFilesNothing() {
        int before = allReports();
        send(flag(List.of(bed.stranger.newId("notes")), "Spam"));
        bed.settle();
        assertEquals(before, allReports());
    }

    @Test
    void aFlagNamingOnlyAnActorFilesNothing() {
        int before = allReports();
        send(flag(List.of(bed.ana.id()), "Spam"));
        bed.settle();
        assertEquals(before, allReports());
    }

    @Test
    void theSameFlagTwiceFilesOneReport() {
        URI post = bed.node.url(bed.threadPath + "/p/" + bed.womansReplyId);
        Flag flag = flag(List.of(post), "Harassment");
        int before = reports(bed.womansReplyId).size();
        send(flag);
        awaitReports(bed.womansReplyId, before + 1);
        InboxPoster.Answer again = bed.poster.send(InboxPoster.cavage(bed.sharedInbox(), Wire.bytes(flag), otherNode));
        assertEquals(409, again.status(), again.reason());
        bed.settle();
        assertEquals(before + 1, reports(bed.womansReplyId).size());
    }

    // ---- helpers

    private static Flag flag(List<URI> objects, String content) {
        return new Flag(otherNode.newId("flags"), otherNode.id(), objects, content, List.of());
    }

    private static void send(Flag flag) {
        InboxPoster.Answer answer = bed.poster.send(InboxPoster.cavage(bed.sharedInbox(), Wire.bytes(flag), otherNode));
        assertEquals(202, answer.status(), answer.reason());
    }

    private static String report(String postId, ReportReason reason, String comment) {
        return store.db.write(c -> Reports.insert(c, postId, reason, comment, null, System.currentTimeMillis()));
    }

    private static String localIdOf(URI apId) {
        return store.db.read(c -> {
            try (var s = c.prepareStatement("SELECT id FROM post WHERE ap_id = ?")) {
                s.setString(1, apId.toString());
                try (var r = s.executeQuery()) {
                    assertTrue(r.next(), "the post is kept here");
                    return r.getString(1);
                }
            }
        });
    }

    private static Long forwardedAt(String reportId) {
        return store.db.read(c -> {
            try (var s = c.prepareStatement("SELECT forwarded_at FROM report WHERE id = ?")) {
                s.setString(1, reportId);
                try (var r = s.executeQuery()) {
                    r.next();
                    long at = r.getLong(1);
                    return r.wasNull() ? null : at;
                }
            }
        });
    }

    /** Reports on a post that came from other servers: reason, comment, origin; oldest first. */
    private static List<String[]> reports(String postId) {
        return store.db.read(c -> {
            try (var s = c.prepareStatement("SELECT reason, comment, origin FROM report"
                    + " WHERE post_id = ? AND origin IS NOT NULL ORDER BY created_at, id")) {
                s.setString(1, postId);
                List<String[]> out = new ArrayList<>();
                try (var r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new String[] {r.getString(1), r.getString(2), r.getString(3)});
                    }
                }
                return out;
            }
        });
    }

    private static int allReports() {
        return store.db.read(c -> {
            try (var s = c.prepareStatement("SELECT COUNT(*) FROM report"); var r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        });
    }

    private static List<String[]> awaitReports(String postId, int count) {
        Peers.eventually(InboxBed.SOON, count + " report(s) from other servers on the post",
                () -> reports(postId).size() >= count);
        return reports(postId);
    }
}
