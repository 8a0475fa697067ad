package hearth.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RecencyTest {

    static final long NOW = 1_750_000_000_000L;

    @Test
    void newPostGetsTheWholeBoostAndAMonthOldOneHalf() {
        assertEquals(1.2, Recency.boosted(1f, NOW, NOW), 1e-9);
        assertEquals(1.1, Recency.boosted(1f, NOW - TimeUnit.DAYS.toMillis(30), NOW), 1e-9);
        assertTrue(Recency.boosted(1f, NOW - TimeUnit.DAYS.toMillis(365), NOW) < 1.02);
    }

    @Test
    void boostIsProportionalToTheTextScore() {
        assertEquals(2 * Recency.boosted(1.5f, NOW - 1000, NOW), Recency.boosted(3f, NOW - 1000, NOW), 1e-9);
    }

    @Test
    void aPostDatedInTheFutureIsNotFavoured() {
        long day = TimeUnit.DAYS.toMillis(1);
        assertEquals(Recency.boosted(1f, NOW - day, NOW), Recency.boosted(1f, NOW + day, NOW), 1e-9);
    }
}
