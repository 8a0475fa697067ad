package hearth.node.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Bounds on fetching signing keys, per host and for all hosts, on a hand-moved clock. */
class KeyFetchesTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(SECOND);

    private static int allowedInARow(KeyFetches fetches, String host) {
        int allowed = 0;
        while (fetches.take(host) == 0) {
            allowed++;
            if (allowed > 10_000) {
                throw new AssertionError("never ran dry");
            }
        }
        return allowed;
    }

    @Test
    void oneHostMayCauseOnlyItsBurstOfFetches() {
        KeyFetches fetches = new KeyFetches(6, 3, 600, 100, now::get);
        assertEquals(3, allowedInARow(fetches, "partner.example:443"));
        assertEquals(10, fetches.take("partner.example:443"), "six a minute: the next in ten seconds");
    }

    @Test
    void oneHostRunningDryLeavesAnotherItsFetches() {
        KeyFetches fetches = new KeyFetches(6, 3, 600, 100, now::get);
        allowedInARow(fetches, "forged.example:443");
        assertEquals(3, allowedInARow(fetches, "partner.example:443"));
    }

    @Test
    void allHostsTogetherMayCauseOnlyTheGlobalBurst() {
        KeyFetches fetches = new KeyFetches(60, 5, 60, 8, now::get);
        int allowed = 0;
        for (int host = 0; host < 100; host++) {
            allowed += fetches.take("h" + host + ".example:443") == 0 ? 1 : 0;
        }
        assertEquals(8, allowed, "a hundred invented hosts cause no more than the global burst");
        now.addAndGet(SECOND);
        assertEquals(0, fetches.take("h200.example:443"), "one a second comes back");
    }

    @Test
    void aHostAlreadyDryDoesNotSpendTheGlobalAllowance() {
        KeyFetches fetches = new KeyFetches(6, 1, 60, 3, now::get);
        assertEquals(0, fetches.take("forged.example:443"));
        for (int i = 0; i < 100; i++) {
            assertTrue(fetches.take("forged.example:443") > 0);
        }
        assertEquals(2, allowedInARow(fetches, "a.example:443") + allowedInARow(fetches, "b.example:443"),
                "what the dry host was refused was not taken from the rest");
    }
}
