package hearth.node.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** When a failed delivery is tried again, and when it is given up. */
class RetryScheduleTest {

    private static final RetrySchedule QUICK =
            new RetrySchedule(Duration.ofMillis(200), Duration.ofMillis(1_600), Duration.ofSeconds(4));

    @Test
    void theWaitsDoubleUpToTheLongestAndStopOnceTheyAddUpToMoreThanTheLimit() {
        assertEquals(Optional.of(Duration.ofMillis(200)), QUICK.nominal(1));
        assertEquals(Optional.of(Duration.ofMillis(400)), QUICK.nominal(2));
        assertEquals(Optional.of(Duration.ofMillis(800)), QUICK.nominal(3));
        assertEquals(Optional.of(Duration.ofMillis(1_600)), QUICK.nominal(4));
        // 200 + 400 + 800 + 1600 + 1600 = 4.6 s, past 4 s: the fifth failure is the last.
        assertEquals(Optional.empty(), QUICK.nominal(5));
    }

    @Test
    void theWaitStaysAtTheLongestOnceReached() {
        RetrySchedule capped = new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMinutes(1));
        assertEquals(Optional.of(Duration.ofSeconds(2)), capped.nominal(2));
        assertEquals(Optional.of(Duration.ofSeconds(2)), capped.nominal(10));
    }

    @Test
    void theDefaultIs30sDoublingTo6hWithThe28thFailureTheLastRetried() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), RetrySchedule.DEFAULT.nominal(1));
        assertEquals(Optional.of(Duration.ofMinutes(1)), RetrySchedule.DEFAULT.nominal(2));
        assertEquals(Optional.of(Duration.ofHours(6)), RetrySchedule.DEFAULT.nominal(11));
        assertTrue(RetrySchedule.DEFAULT.nominal(28).isPresent());
        assertEquals(Optional.empty(), RetrySchedule.DEFAULT.nominal(29));
    }

    @Test
    void eachWaitIsSpreadByAtMostTenPercent() {
        SplittableRandom random = new SplittableRandom(8);
        for (int failures = 1; failures <= 4; failures++) {
            long nominal = QUICK.nominal(failures).orElseThrow().toMillis();
            for (int i = 0; i < 200; i++) {
                long millis = QUICK.delayAfter(failures, random).orElseThrow().toMillis();
                assertTrue(millis >= nominal * 0.9 - 1 && millis <= nominal * 1.1 + 1, millis + " for " + nominal);
            }
        }
    }

    @Test
    void aFailureCountBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> QUICK.delayAfter(0));
    }

    @Test
    void aLongestWaitShorterThanTheFirstIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new RetrySchedule(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMinutes(1)));
    }

    @Test
    void aFirstWaitOfZeroIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new RetrySchedule(Duration.ZERO, Duration.ofSeconds(1), Duration.ofMinutes(1)));
    }
}
