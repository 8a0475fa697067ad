package hearth.node.blocks.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.federation.blocklist.Severity;
import hearth.node.moderation.ModLog;
import hearth.node.store.Backend;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Hearth feed is fetched over HTTP, verified with its issuer's published key, and applied; any
 * feed that cannot be trusted is refused without changing anything, and the refusal is stored on
 * the source and written to the moderation log.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class FeedSubscriptionTest {

    @Parameter
    Backend backend;

    private Bed bed;
    private FeedServer remote;
    private String source;

    @BeforeEach
    void start() {
        bed = Bed.start(backend);
        remote = FeedServer.start();
        bed.subs.setPolicy(Policy.of("count", 1, "max", 200));
        remote.publish("spam.example", Severity.SUSPEND, "spam waves")
                .publish("rude.example", Severity.SILENCE, "harassment");
        source = bed.subs.addSource(remote.feedUrl(), "hearth", 1);
        bed.subs.refreshAll();
        assertNull(bed.source(source).lastError(), "the first fetch went well");
        assertEquals(Set.of("spam.example", "rude.example"), bed.blocked().keySet());
    }

    @AfterEach
    void stop() {
        remote.close();
        bed.close();
    }

    @Test
    void aVerifiedFeedIsApplied() {
        assertEquals(Severity.SUSPEND, bed.blocked().get("spam.example").severity());
        assertEquals("spam waves", bed.blocked().get("spam.example").publicComment());
        assertEquals(Severity.SILENCE, bed.blocked().get("rude.example").severity());
        Source s = bed.source(source);
        assertNull(s.lastError());
        assertEquals(2, s.lastSequence());
        assertEquals(Set.of(source), bed.subs.provenance("spam.example").keySet());
        assertTrue(bed.modlog().stream().anyMatch(e -> e.action().equals("blocklist-applied")
                && e.target().equals("spam.example") && e.reason().equals("listed by " + remote.authority())));
    }

    @Test
    void theNextFetchAsksOnlyForWhatIsNew() {
        remote.publish("more.example", Severity.SUSPEND, "");
        bed.subs.refreshAll();
        assertEquals(List.of("since=0", "since=2"), remote.feedQueries());
        assertTrue(bed.blocked().containsKey("more.example"));
        assertTrue(bed.blocked().containsKey("spam.example"), "entries not resent are still listed");
        assertEquals(3, bed.source(source).lastSequence());
    }

    @Test
    void aTamperedFeedIsRefused() {
        remote.publish("new.example", Severity.SUSPEND, "");
        remote.tamper(doc -> {
            doc.withArray("entries").forEach(e -> ((com.fasterxml.jackson.databind.node.ObjectNode) e)
                    .put("severity", "noop"));
            return doc;
        });
        bed.subs.refreshAll();
        assertRefused("does not verify");
        assertTrue(!bed.blocked().containsKey("new.example"));
    }

    @Test
    void aFeedWhoseSequenceGoesBackwardsIsRefused() {
        remote.restart().publish("other.example", Severity.SUSPEND, "");
        bed.subs.refreshAll();
        assertRefused("went backwards");
        assertEquals(2, bed.source(source).lastSequence());
        assertTrue(!bed.blocked().containsKey("other.example"));
    }

    @Test
    void aFeedSignedByAnotherHostIsRefused() {
        try (FeedServer other = FeedServer.start()) {
            remote.publish("new.example", Severity.SUSPEND, "");
            remote.signedBy(other);
            bed.subs.refreshAll();
        }
        assertRefused("issuer on another host");
        assertTrue(!bed.blocked().containsKey("new.example"));
    }

    @Test
    void aRefusalIsLoggedOnceWhileItLasts() {
        remote.restart();
        bed.subs.refreshAll();
        bed.subs.refreshAll();
        assertEquals(1, bed.modlog().stream().filter(e -> e.action().equals("blocklist-refused")).count());
    }

    @Test
    void anUnreachableSourceKeepsItsEntriesAndSaysWhy() {
        remote.close();
        bed.subs.refreshAll();
        assertTrue(bed.source(source).lastError().startsWith("could not fetch"), bed.source(source).lastError());
        assertTrue(bed.blocked().containsKey("spam.example"));
        assertTrue(bed.modlog().stream().noneMatch(e -> e.action().equals("blocklist-refused")),
                "a network failure is not a refusal");
    }

    @Test
    void anUnreadableCsvIsRefusedAndSaysWhichLine() {
        try (FeedServer csv = FeedServer.start()) {
            csv.csv("#domain,#severity\nfine.example,suspend\nnot a domain,suspend\n");
            String id = bed.subs.addSource(csv.csvUrl(), "csv", 1);
            bed.subs.refreshAll();
            String error = bed.source(id).lastError();
            assertTrue(error != null && error.startsWith("refused: ")
                    && error.contains("line 3: \"not a domain\" is not a domain name"), error);
            assertTrue(!bed.blocked().containsKey("fine.example"), "nothing from a refused list is applied");
        }
    }

    /** Nothing changed: the blocks stand as before, the source says why, and the modlog has it. */
    private void assertRefused(String why) {
        String error = bed.source(source).lastError();
        assertTrue(error != null && error.startsWith("refused: ") && error.contains(why), error);
        assertEquals(Set.of("spam.example", "rude.example"), bed.blocked().keySet());
        ModLog.Entry logged = bed.modlog().stream().filter(e -> e.action().equals("blocklist-refused"))
                .findFirst().orElseThrow(() -> new AssertionError("no blocklist-refused line"));
        assertEquals(remote.authority(), logged.target());
        assertTrue(logged.reason().contains(why), logged.reason());
    }
}
