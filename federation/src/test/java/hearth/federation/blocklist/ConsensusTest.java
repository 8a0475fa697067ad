package hearth.federation.blocklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Three sources: A and B trusted 1 each, C trusted 2 (4 in all). They list
 * shared.example (all three), pair.example (A and B), c-only.example (C) and a-only.example (A).
 */
class ConsensusTest {

    private static DomainBlock block(String domain, Severity severity, boolean media, boolean reports, String comment) {
        return new DomainBlock(domain, severity, media, reports, comment, "", false);
    }

    private static SourceEntries source(String id, double trust, DomainBlock... blocks) {
        Map<String, DomainBlock> map = new HashMap<>();
        for (DomainBlock b : blocks) {
            map.put(b.domain(), b);
        }
        return new SourceEntries(id, trust, map);
    }

    private static SourceEntries a() {
        return source("A", 1,
                block("shared.example", Severity.SILENCE, true, false, "spam"),
                block("pair.example", Severity.SUSPEND, false, false, ""),
                block("a-only.example", Severity.NOOP, false, false, ""));
    }

    private static SourceEntries b() {
        return source("B", 1,
                block("shared.example", Severity.SUSPEND, false, false, "spam"),
                block("pair.example", Severity.SUSPEND, false, false, ""));
    }

    private static SourceEntries c() {
        return source("C", 2,
                block("shared.example", Severity.SUSPEND, true, true, "harassment"),
                block("c-only.example", Severity.FILTER, false, false, ""));
    }

    private static Map<String, Decision> decide(List<SourceEntries> sources, Threshold threshold, Merge merge) {
        Map<String, Decision> byDomain = new HashMap<>();
        Consensus.decide(sources, threshold, merge).forEach(d -> byDomain.put(d.domain(), d));
        return byDomain;
    }

    private static Map<String, Boolean> agreed(Threshold threshold) {
        Map<String, Boolean> agreed = new HashMap<>();
        decide(List.of(a(), b(), c()), threshold, Merge.MAX).forEach((domain, d) -> agreed.put(domain, d.agreed()));
        return agreed;
    }

    @Test
    void everyListedDomainGetsADecisionSortedByDomain() {
        List<Decision> decisions = Consensus.decide(List.of(a(), b(), c()), new Threshold.Count(1), Merge.MAX);
        assertEquals(List.of("a-only.example", "c-only.example", "pair.example", "shared.example"),
                decisions.stream().map(Decision::domain).toList());
        assertEquals(List.of("A", "B", "C"), decisions.get(3).sources());
    }

    @Test
    void aCountThresholdAddsTheTrustOfTheListingSources() {
        assertEquals(Map.of("shared.example", true, "pair.example", true, "c-only.example", true,
                "a-only.example", false), agreed(new Threshold.Count(2)));
        assertEquals(Map.of("shared.example", true, "pair.example", false, "c-only.example", false,
                "a-only.example", false), agreed(new Threshold.Count(3)));
    }

    @Test
    void withEqualTrustACountThresholdCountsSources() {
        List<SourceEntries> sources = List.of(source("A", 1, DomainBlock.of("x.example", Severity.SUSPEND)),
                source("B", 1, DomainBlock.of("x.example", Severity.SUSPEND)), source("C", 1));
        assertTrue(Consensus.decide(sources, new Threshold.Count(2), Merge.MAX).getFirst().agreed());
        assertFalse(Consensus.decide(sources, new Threshold.Count(3), Merge.MAX).getFirst().agreed());
    }

    @Test
    void aPercentThresholdComparesWithAllTrust() {
        assertEquals(Map.of("shared.example", true, "pair.example", true, "c-only.example", true,
                "a-only.example", false), agreed(new Threshold.Percent(50)));
        assertEquals(Map.of("shared.example", true, "pair.example", false, "c-only.example", false,
                "a-only.example", false), agreed(new Threshold.Percent(60)));
    }

    @Test
    void trustsThatAddUpExactlyReachTheThreshold() {
        List<SourceEntries> sources = List.of(source("A", 0.7, DomainBlock.of("x.example", Severity.SUSPEND)),
                source("B", 0.1, DomainBlock.of("x.example", Severity.SUSPEND)));
        assertTrue(Consensus.decide(sources, new Threshold.Count(0.8), Merge.MAX).getFirst().agreed());
    }

    @Test
    void maxTakesTheHardestSeverityAndAnySourcesFlag() {
        DomainBlock merged = decide(List.of(a(), b(), c()), new Threshold.Count(1), Merge.MAX).get("shared.example").merged();
        assertEquals(new DomainBlock("shared.example", Severity.SUSPEND, true, true, "spam; harassment", "", false), merged);
    }

    @Test
    void minTakesTheMildestSeverityAndOnlyFlagsAllSourcesSet() {
        DomainBlock merged = decide(List.of(a(), b(), c()), new Threshold.Count(1), Merge.MIN).get("shared.example").merged();
        assertEquals(new DomainBlock("shared.example", Severity.SILENCE, false, false, "spam; harassment", "", false), merged);
    }

    @Test
    void aSourceThatDropsADomainTakesItsSupportAway() {
        SourceEntries bRetracted = source("B", 1, block("shared.example", Severity.SUSPEND, false, false, "spam"));
        Decision before = decide(List.of(a(), b(), c()), new Threshold.Count(2), Merge.MAX).get("pair.example");
        Decision after = decide(List.of(a(), bRetracted, c()), new Threshold.Count(2), Merge.MAX).get("pair.example");
        assertTrue(before.agreed());
        assertFalse(after.agreed());
        assertEquals(List.of("A"), after.sources());
    }

    @Test
    void aDomainNoSourceListsAnyMoreGetsNoDecision() {
        SourceEntries cRetracted = source("C", 2, block("shared.example", Severity.SUSPEND, true, true, "harassment"));
        assertFalse(decide(List.of(a(), b(), cRetracted), new Threshold.Count(1), Merge.MAX).containsKey("c-only.example"));
    }

    @Test
    void joinedPublicCommentsAreCutToTheAllowedLength() {
        String longComment = "x".repeat(DomainBlock.MAX_PUBLIC_COMMENT - 2);
        List<SourceEntries> sources = List.of(
                source("A", 1, block("x.example", Severity.SUSPEND, false, false, longComment)),
                source("B", 1, block("x.example", Severity.SUSPEND, false, false, "second reason")));
        String merged = Consensus.decide(sources, new Threshold.Count(1), Merge.MAX).getFirst().merged().publicComment();
        assertEquals(DomainBlock.MAX_PUBLIC_COMMENT, merged.length());
        assertTrue(merged.startsWith(longComment + "; "));
    }

    @Test
    void noSourcesGiveNoDecisions() {
        assertEquals(List.of(), Consensus.decide(List.of(), new Threshold.Percent(50), Merge.MAX));
    }

    // ---- refusals

    @Test
    void aSourceGivenTwiceIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Consensus.decide(List.of(a(), a()), new Threshold.Count(1), Merge.MAX));
    }

    @Test
    void aSourceWithoutPositiveTrustIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> source("A", 0));
        assertThrows(IllegalArgumentException.class, () -> source("A", Double.NaN));
    }

    @Test
    void aSourceKeyThatIsNotItsBlocksDomainIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SourceEntries("A", 1,
                Map.of("Other.example", DomainBlock.of("other.example", Severity.SUSPEND))));
    }

    @Test
    void aCountThresholdMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new Threshold.Count(0));
    }

    @Test
    void aPercentThresholdMustBeAboveZeroAndAtMostHundred() {
        assertThrows(IllegalArgumentException.class, () -> new Threshold.Percent(0));
        assertThrows(IllegalArgumentException.class, () -> new Threshold.Percent(100.5));
    }
}
