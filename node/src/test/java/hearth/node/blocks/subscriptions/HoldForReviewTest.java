package hearth.node.blocks.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.federation.blocklist.Severity;
import hearth.node.store.Backend;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Guards hold entries that would cut the node off, and floods; a moderator approves or rejects them. */
@ParameterizedClass
@EnumSource(Backend.class)
class HoldForReviewTest {

    @Parameter
    Backend backend;

    private Bed bed;
    private FeedServer remote;

    private void subscribe(Bed b, int maxNew) {
        bed = b;
        remote = FeedServer.start();
        bed.subs.setPolicy(Policy.of("count", 1, "max", maxNew));
        bed.subs.addSource(remote.feedUrl(), "hearth", 1);
    }

    @AfterEach
    void stop() {
        remote.close();
        bed.close();
    }

    @Test
    void aBlockOfThisNodeIsHeld() {
        subscribe(Bed.start(backend), 200);
        remote.publish("test", Severity.SUSPEND, "").publish("ok.example", Severity.SUSPEND, "");
        bed.subs.refreshAll();
        assertEquals(Set.of("ok.example"), bed.blocked().keySet());
        assertTrue(bed.pending("test").reason().contains("this node"), bed.pending("test").reason());
        assertTrue(bed.modlog().stream().anyMatch(e -> e.action().equals("blocklist-held") && e.target().equals("test")));
    }

    @Test
    void aBlockOfAPartnerIsHeld() {
        subscribe(Bed.withPartners(backend, "friend.example"), 200);
        remote.publish("sub.friend.example", Severity.SUSPEND, "");
        bed.subs.refreshAll();
        assertTrue(bed.blocked().isEmpty());
        assertTrue(bed.pending("sub.friend.example").reason().contains("partner friend.example"));
    }

    @Test
    void tooManyNewBlocksAreAllHeld() {
        subscribe(Bed.start(backend), 2);
        remote.publish("a.example", Severity.SUSPEND, "").publish("b.example", Severity.SUSPEND, "")
                .publish("c.example", Severity.SUSPEND, "");
        bed.subs.refreshAll();
        assertTrue(bed.blocked().isEmpty());
        assertEquals(List.of("a.example", "b.example", "c.example"), bed.pendingDomains());
        assertTrue(bed.pending("a.example").reason().contains("3 new blocks"), bed.pending("a.example").reason());
    }

    @Test
    void aHeldEntryIsHeldOnce() {
        subscribe(Bed.start(backend), 200);
        remote.publish("test", Severity.SUSPEND, "");
        bed.subs.refreshAll();
        bed.subs.refreshAll();
        assertEquals(1, bed.subs.pending().size());
        assertEquals(1, bed.modlog().stream().filter(e -> e.action().equals("blocklist-held")).count());
    }

    @Test
    void anApprovedEntryIsAppliedWithItsProvenance() {
        subscribe(Bed.start(backend), 2);
        remote.publish("a.example", Severity.SUSPEND, "").publish("b.example", Severity.SUSPEND, "")
                .publish("c.example", Severity.SUSPEND, "");
        bed.subs.refreshAll();
        bed.subs.approve(bed.pending("b.example").id(), "moderator-1");
        bed.subs.refreshAll();
        assertEquals(Severity.SUSPEND, bed.blocked().get("b.example").severity());
        assertEquals(1, bed.subs.provenance("b.example").size());
        assertFalse(bed.pendingDomains().contains("b.example"));
        remote.retract("b.example");
        bed.subs.refreshAll();
        assertFalse(bed.blocked().containsKey("b.example"), "its source retracted it");
    }

    @Test
    void aRejectedEntryIsNotAskedAgain() {
        subscribe(Bed.start(backend), 200);
        remote.publish("test", Severity.SILENCE, "");
        bed.subs.refreshAll();
        bed.subs.reject(bed.pending("test").id(), "moderator-1");
        bed.subs.refreshAll();
        assertTrue(bed.subs.pending().isEmpty());
        remote.publish("test", Severity.SUSPEND, "worse now");
        bed.subs.refreshAll();
        assertEquals(Severity.SUSPEND, bed.pending("test").proposed().severity(), "a harsher proposal asks again");
    }
}
