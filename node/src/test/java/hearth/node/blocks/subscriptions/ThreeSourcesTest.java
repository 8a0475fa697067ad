package hearth.node.blocks.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.federation.blocklist.DomainBlock;
import hearth.federation.blocklist.Severity;
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
 * Three feeds with trusts 1, 2 and 3 (6 in all), weighed as FediBlockHole does:
 * <ul>
 *   <li>both.example: listed by the first two (trust 3, 50%), silence by one and suspend by the other;</li>
 *   <li>lone.example: by the first only (trust 1, 17%);</li>
 *   <li>most.example: by the last two (trust 5, 83%).</li>
 * </ul>
 */
@ParameterizedClass
@EnumSource(Backend.class)
class ThreeSourcesTest {

    @Parameter
    Backend backend;

    private Bed bed;
    private final List<FeedServer> servers = new java.util.ArrayList<>();
    private final List<String> ids = new java.util.ArrayList<>();

    @BeforeEach
    void start() {
        bed = Bed.start(backend);
        FeedServer one = FeedServer.start();
        FeedServer two = FeedServer.start();
        FeedServer three = FeedServer.start();
        servers.addAll(List.of(one, two, three));
        one.publish("both.example", Severity.SILENCE, "rude").publish("lone.example", Severity.SUSPEND, "");
        two.publish("both.example", Severity.SUSPEND, "spam").publish("most.example", Severity.SILENCE, "");
        three.publish("most.example", Severity.SUSPEND, "");
        for (int i = 0; i < 3; i++) {
            ids.add(bed.subs.addSource(servers.get(i).feedUrl(), "hearth", i + 1));
        }
    }

    @AfterEach
    void stop() {
        servers.forEach(FeedServer::close);
        bed.close();
    }

    @Test
    void aCountThresholdAddsUpTrust() {
        refreshWith(Policy.of("count", 3, "max", 200));
        assertEquals(Set.of("both.example", "most.example"), bed.blocked().keySet());
        assertEquals(List.of("lone.example"), bed.pendingDomains());
        assertTrue(bed.pending("lone.example").reason().contains("threshold is 3"), bed.pending("lone.example").reason());
        assertEquals(Set.of(ids.get(0), ids.get(1)), bed.subs.provenance("both.example").keySet());
    }

    @Test
    void aHigherCountLeavesMoreForReview() {
        refreshWith(Policy.of("count", 4, "max", 200));
        assertEquals(Set.of("most.example"), bed.blocked().keySet());
        assertEquals(List.of("both.example", "lone.example"), bed.pendingDomains().stream().sorted().toList());
    }

    @Test
    void aPercentThresholdComparesWithAllTrust() {
        refreshWith(Policy.of("percent", 50, "max", 200));
        assertEquals(Set.of("both.example", "most.example"), bed.blocked().keySet());
        bed.subs.setPolicy(Policy.of("percent", 60, "max", 200));
        assertEquals(Set.of("most.example"), bed.blocked().keySet(), "both.example has only 50% of the trust");
        assertTrue(bed.pendingDomains().contains("both.example"));
    }

    @Test
    void maxTakesTheHarshestSeverityAndMinTheMildest() {
        refreshWith(Policy.of("count", 3, "max", 200));
        DomainBlock both = bed.blocked().get("both.example");
        assertEquals(Severity.SUSPEND, both.severity());
        // Joined in source order; these sources were added in the same instant, so either order is right.
        assertEquals(Set.of("rude", "spam"), Set.of(both.publicComment().split("; ")));
        bed.subs.setPolicy(Policy.of("count", 3, "min", 200));
        assertEquals(Severity.SILENCE, bed.blocked().get("both.example").severity());
        assertEquals(Severity.SILENCE, bed.blocked().get("most.example").severity());
    }

    @Test
    void raisingTrustCanReachTheThreshold() {
        refreshWith(Policy.of("count", 3, "max", 200));
        assertFalse(bed.blocked().containsKey("lone.example"));
        bed.subs.setTrust(ids.get(0), 3);
        assertTrue(bed.blocked().containsKey("lone.example"));
        assertFalse(bed.pendingDomains().contains("lone.example"), "its review is withdrawn once applied");
    }

    private void refreshWith(Policy policy) {
        bed.subs.setPolicy(policy);
        bed.subs.refreshAll();
    }
}
