package hearth.node.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Keyed token buckets, on a clock the test moves by hand. */
class TokenBucketsTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(7 * SECOND);

    private static int takenInARow(TokenBuckets buckets, String key) {
        int taken = 0;
        while (buckets.take(key) == 0) {
            taken++;
            if (taken > 10_000) {
                throw new AssertionError("never ran dry");
            }
        }
        return taken;
    }

    @Test
    void aNewKeyMaySpendItsBurstAtOnceAndNoMore() {
        TokenBuckets buckets = TokenBuckets.perMinute(6, 3, now::get);
        assertEquals(3, takenInARow(buckets, "k"));
    }

    @Test
    void aRatePerMinuteEarnsOneTokenEveryFewSeconds() {
        TokenBuckets buckets = TokenBuckets.perMinute(6, 3, now::get);
        takenInARow(buckets, "k");
        assertEquals(10, buckets.take("k"), "six a minute: the next in ten seconds");
        now.addAndGet(9 * SECOND);
        assertEquals(1, buckets.take("k"));
        now.addAndGet(SECOND);
        assertEquals(0, buckets.take("k"));
    }

    @Test
    void peekingTakesNothing() {
        TokenBuckets buckets = TokenBuckets.perMinute(6, 2, now::get);
        for (int i = 0; i < 50; i++) {
            assertEquals(0, buckets.peek("k"));
        }
        assertEquals(2, takenInARow(buckets, "k"));
        assertTrue(buckets.peek("k") > 0, "a dry bucket is seen as dry");
        assertEquals(0, buckets.keys() - 1, "only the key that took is remembered");
    }

    @Test
    void peekingAnUnknownKeyRemembersNothing() {
        TokenBuckets buckets = TokenBuckets.perMinute(6, 2, now::get);
        buckets.peek("never-took");
        assertEquals(0, buckets.keys());
    }

    @Test
    void keysAreForgottenBeyondTheBound() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 100, now::get);
        for (int i = 0; i < 1_000; i++) {
            buckets.take("k" + i);
        }
        assertEquals(100, buckets.keys());
    }

    @Test
    void aZeroRateIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBuckets(0, 1, 1, now::get));
    }

    @Test
    void aZeroBurstIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TokenBuckets(1, 0, 1, now::get));
    }
}
