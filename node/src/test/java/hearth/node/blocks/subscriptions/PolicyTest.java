package hearth.node.blocks.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hearth.federation.blocklist.Merge;
import hearth.federation.blocklist.Threshold;
import org.junit.jupiter.api.Test;

class PolicyTest {

    @Test
    void readsTheStoredWords() {
        Policy p = Policy.of("percent", 60, "min", 10);
        assertEquals(new Threshold.Percent(60), p.threshold());
        assertEquals(Merge.MIN, p.merge());
        assertEquals("percent", p.thresholdKind());
        assertEquals(60, p.thresholdValue());
    }

    @Test
    void refusesAZeroCount() {
        assertThrows(SubscriptionProblem.class, () -> Policy.of("count", 0, "max", 10));
    }

    @Test
    void refusesAPercentAboveAHundred() {
        assertThrows(SubscriptionProblem.class, () -> Policy.of("percent", 101, "max", 10));
    }

    @Test
    void refusesAnUnknownThresholdKind() {
        assertThrows(SubscriptionProblem.class, () -> Policy.of("most", 1, "max", 10));
    }

    @Test
    void refusesAnUnknownMerge() {
        assertThrows(SubscriptionProblem.class, () -> Policy.of("count", 1, "average", 10));
    }

    @Test
    void refusesNoRoomForNewBlocks() {
        assertThrows(SubscriptionProblem.class, () -> Policy.of("count", 1, "max", 0));
    }

    @Test
    void refusesANotANumberThreshold() {
        assertThrows(SubscriptionProblem.class, () -> Policy.of("count", Double.NaN, "max", 10));
    }
}
