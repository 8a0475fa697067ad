package hearth.node.blocks.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.federation.blocklist.DomainBlock;
import hearth.federation.blocklist.Severity;
import hearth.node.store.Backend;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** What a source caused, its retraction lifts; a moderator's own blocks and decisions stand. */
@ParameterizedClass
@EnumSource(Backend.class)
class RetractionTest {

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
        bed.blockByHand(DomainBlock.of("hand.example", Severity.SILENCE));
        remote.publish("hand.example", Severity.SILENCE, "").publish("auto.example", Severity.SUSPEND, "");
        source = bed.subs.addSource(remote.feedUrl(), "hearth", 1);
        bed.subs.refreshAll();
    }

    @AfterEach
    void stop() {
        remote.close();
        bed.close();
    }

    @Test
    void aRetractionLiftsWhatTheSourceCausedButNotAHandMadeBlock() {
        assertEquals(Set.of("hand.example", "auto.example"), bed.blocked().keySet());
        assertTrue(bed.subs.provenance("hand.example").isEmpty(), "a hand-made block has no provenance");
        remote.retract("hand.example").retract("auto.example");
        bed.subs.refreshAll();
        assertEquals(Set.of("hand.example"), bed.blocked().keySet());
        assertTrue(bed.subs.provenance("auto.example").isEmpty());
        assertTrue(bed.modlog().stream().anyMatch(e -> e.action().equals("lift-block")
                && e.target().equals("auto.example") && e.reason().equals("retracted by " + remote.authority())));
    }

    @Test
    void removingASourceLiftsWhatItCaused() {
        bed.subs.removeSource(source);
        assertEquals(Set.of("hand.example"), bed.blocked().keySet());
        assertTrue(bed.subs.sources().isEmpty());
    }

    @Test
    void aBlockAModeratorLiftedIsNotAppliedAgain() {
        bed.blocks.lift("auto.example", "moderator-1", "not for us");
        bed.subs.refreshAll();
        remote.publish("auto.example", Severity.SUSPEND, "still listed");
        bed.subs.refreshAll();
        assertFalse(bed.blocked().containsKey("auto.example"));
        assertFalse(bed.pendingDomains().contains("auto.example"));
    }

    @Test
    void aBlockAModeratorChangedIsHersAndStaysWhenRetracted() {
        bed.blocks.put(new DomainBlock("auto.example", Severity.SILENCE, false, false, "her words", "", false), false,
                "moderator-1");
        bed.subs.refreshAll();
        assertTrue(bed.subs.provenance("auto.example").isEmpty());
        remote.retract("auto.example");
        bed.subs.refreshAll();
        assertEquals(Severity.SILENCE, bed.blocked().get("auto.example").severity());
    }

    @Test
    void aCsvListIsReadWholeAndWhatItDropsIsLifted() {
        try (FeedServer csv = FeedServer.start()) {
            csv.csv("#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate\n"
                    + "one.example,suspend,false,false,spam,false\n"
                    + "two.example,silence,true,false,,false\n");
            bed.subs.addSource(csv.csvUrl(), "csv", 1);
            bed.subs.refreshAll();
            assertTrue(bed.blocked().get("two.example").rejectMedia());
            assertTrue(bed.blocked().containsKey("one.example"));
            csv.csv("#domain,#severity\none.example,suspend\n");
            bed.subs.refreshAll();
            assertFalse(bed.blocked().containsKey("two.example"));
            assertTrue(bed.blocked().containsKey("one.example"));
        }
    }
}
