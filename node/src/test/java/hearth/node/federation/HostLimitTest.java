package hearth.node.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-host token buckets, on a clock the test moves by hand. */
class HostLimitTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(42 * SECOND);
    private final HostLimit limit = new HostLimit(2, 5, now::get);

    private int takenInARow(String host) {
        int taken = 0;
        while (limit.secondsToWait(host) == 0) {
            taken++;
            if (taken > 1_000) {
                throw new AssertionError("never ran dry");
            }
        }
        return taken;
    }

    @Test
    void aNewHostMaySpendItsWholeBurstAtOnceAndNoMore() {
        assertEquals(5, takenInARow("a.example:443"));
        assertTrue(limit.secondsToWait("a.example:443") > 0);
    }

    @Test
    void aHostOutOfTokensIsToldTheWholeSecondsUntilTheNextOne() {
        HostLimit one = new HostLimit(1, 1, now::get);
        assertEquals(0, one.secondsToWait("a.example:443"));
        now.addAndGet(SECOND / 10);
        assertEquals(1, one.secondsToWait("a.example:443"), "0.9 s to go is said as 1 s");
        now.addAndGet(SECOND * 9 / 10);
        assertEquals(0, one.secondsToWait("a.example:443"));
    }

    @Test
    void aRefusedRequestTakesNothing() {
        takenInARow("a.example:443");
        for (int i = 0; i < 100; i++) {
            limit.secondsToWait("a.example:443");
        }
        now.addAndGet(SECOND / 2);
        assertEquals(1, takenInARow("a.example:443"), "half a second at 2 a second earns exactly one");
    }

    @Test
    void tokensComeBackAtTheRateUpToTheBurst() {
        takenInARow("a.example:443");
        now.addAndGet(2 * SECOND);
        assertEquals(4, takenInARow("a.example:443"));
        now.addAndGet(3_600 * SECOND);
        assertEquals(5, takenInARow("a.example:443"), "an hour's rest refills no more than the burst");
    }

    @Test
    void oneHostRunningDryLeavesAnotherUntouched() {
        takenInARow("flood.example:443");
        assertEquals(5, takenInARow("calm.example:443"));
    }

    @Test
    void aSteadySenderAtTheRateIsNeverRefused() {
        takenInARow("a.example:443");
        for (int i = 0; i < 1_000; i++) {
            now.addAndGet(SECOND / 2);
            assertEquals(0, limit.secondsToWait("a.example:443"), "request " + i);
        }
    }

    @Test
    void inventedHostNamesDoNotGrowTheMemoryBeyondItsBound() {
        for (int i = 0; i < HostLimit.MAX_HOSTS + 500; i++) {
            limit.secondsToWait("h" + i + ".example:443");
        }
        assertEquals(HostLimit.MAX_HOSTS, limit.hosts());
    }

    @Test
    void theHostHeardFromLatelyIsKeptWhenOthersAreForgotten() {
        takenInARow("flood.example:443");
        for (int i = 0; i < HostLimit.MAX_HOSTS + 500; i++) {
            limit.secondsToWait("h" + i + ".example:443");
            if (i % 1_000 == 0) {
                assertTrue(limit.secondsToWait("flood.example:443") > 0, "still dry after " + i + " new hosts");
            }
        }
        assertTrue(limit.secondsToWait("flood.example:443") > 0);
    }

    @Test
    void deliveriesThatDidNotVerifyNeverSpendTheHostsAllowance() {
        for (int i = 0; i < 1_000; i++) {
            limit.chargeUnverified("partner.example:443");
        }
        assertEquals(5, takenInARow("partner.example:443"), "a forger naming the partner leaves its bucket full");
    }

    @Test
    void theUnverifiedBucketIsAFifthOfTheHostsAndRunsDryAlone() {
        HostLimit ten = new HostLimit(10, 50, now::get);
        int tried = 0;
        while (ten.unverifiedAllowed("partner.example:443")) {
            ten.chargeUnverified("partner.example:443");
            tried++;
            assertTrue(tried <= 100, "never ran dry");
        }
        assertEquals(10, tried, "a fifth of a burst of 50");
        assertTrue(ten.chargeUnverified("partner.example:443") > 0);
        assertTrue(ten.unverifiedAllowed("other.example:443"), "another host's unverified bucket is untouched");
    }

    @Test
    void peekingTellsWhetherTheHostMayDeliverWithoutTakingAnything() {
        for (int i = 0; i < 100; i++) {
            assertEquals(0, limit.peek("a.example:443"));
        }
        assertEquals(5, takenInARow("a.example:443"));
        assertTrue(limit.peek("a.example:443") > 0);
    }

    @Test
    void allHostsTogetherRunDryAtTheirOwnBurst() {
        HostLimit capped = new HostLimit(100, 100, 1, 3, now::get);
        assertEquals(0, capped.allHostsWait());
        assertEquals(0, capped.allHostsWait());
        assertEquals(0, capped.allHostsWait());
        assertEquals(1, capped.allHostsWait(), "many hosts, each within its own limit, still meet the cap");
        now.addAndGet(SECOND);
        assertEquals(0, capped.allHostsWait());
    }

    @Test
    void withoutFiguresAllHostsMayDeliverFourTimesOneHost() {
        int taken = 0;
        while (limit.allHostsWait() == 0) {
            taken++;
            assertTrue(taken <= 1_000, "never ran dry");
        }
        assertEquals(5 * HostLimit.ALL_HOSTS_TIMES, taken);
    }

    @Test
    void aLimitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new HostLimit(0, 5, now::get));
        assertThrows(IllegalArgumentException.class, () -> new HostLimit(5, 0, now::get));
    }
}
