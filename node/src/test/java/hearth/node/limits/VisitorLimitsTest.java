package hearth.node.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.config.Limits;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Posting, reporting and searching limits, per address and per author, on a hand-moved clock. */
class VisitorLimitsTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(SECOND);
    private final VisitorLimits limits = new VisitorLimits(new Limits(new Limits.Rate(60, 5),
            new Limits.Rate(6, 2), new Limits.Rate(6, 3), new Limits.Rate(60, 4)), now::get);

    @Test
    void oneAddressRunningDryLeavesAnotherUntouched() {
        for (int i = 0; i < 5; i++) {
            assertEquals(0, limits.post("127.0.0.2", null));
        }
        assertTrue(limits.post("127.0.0.2", null) > 0);
        assertEquals(0, limits.post("127.0.0.3", null));
    }

    @Test
    void oneAuthorIsLimitedEvenWhenEveryoneSharesOneAddress() {
        assertEquals(0, limits.post("10.0.0.1", "her"));
        assertEquals(0, limits.post("10.0.0.1", "her"));
        assertEquals(10, limits.post("10.0.0.1", "her"), "six a minute: ten seconds to the next");
        assertEquals(0, limits.post("10.0.0.1", "someone-else"), "another author behind the same address posts");
    }

    @Test
    void aBrowserWithoutAnAuthorIdIsCountedByAddressOnly() {
        for (int i = 0; i < 5; i++) {
            assertEquals(0, limits.post("127.0.0.2", null), "post " + i);
        }
    }

    @Test
    void reportsAndSearchesHaveTheirOwnAllowances() {
        for (int i = 0; i < 5; i++) {
            limits.post("127.0.0.2", null);
        }
        assertEquals(0, limits.report("127.0.0.2"));
        assertEquals(0, limits.search("127.0.0.2"));
    }

    @Test
    void reportsRunDryAtTheirBurst() {
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limits.report("127.0.0.2"));
        }
        assertEquals(10, limits.report("127.0.0.2"));
    }

    @Test
    void searchesRunDryAtTheirBurstAndComeBack() {
        for (int i = 0; i < 4; i++) {
            assertEquals(0, limits.search("127.0.0.2"));
        }
        assertEquals(1, limits.search("127.0.0.2"));
        now.addAndGet(SECOND);
        assertEquals(0, limits.search("127.0.0.2"));
    }
}
