package hearth.federation.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static Duration nominal(int failures) {
        return Backoff.nominal(failures).orElseThrow();
    }

    @Test
    void startsAtThirtySeconds() {
        assertEquals(Duration.ofSeconds(30), nominal(1));
    }

    @Test
    void doublesEachTime() {
        assertEquals(Duration.ofSeconds(60), nominal(2));
        assertEquals(Duration.ofSeconds(120), nominal(3));
        assertEquals(Duration.ofSeconds(30L << 9), nominal(10));
    }

    @Test
    void isCappedAtSixHours() {
        assertEquals(Duration.ofHours(6), nominal(11));
        assertEquals(Duration.ofHours(6), nominal(28));
    }

    @Test
    void isMonotone() {
        Duration previous = Duration.ZERO;
        for (int failures = 1; Backoff.nominal(failures).isPresent(); failures++) {
            Duration delay = nominal(failures);
            assertTrue(delay.compareTo(previous) >= 0, "after " + failures + " failures");
            previous = delay;
        }
    }

    @Test
    void givesUpAfterAboutFiveDays() {
        Duration total = Duration.ZERO;
        int failures = 1;
        while (Backoff.nominal(failures).isPresent()) {
            total = total.plus(nominal(failures));
            failures++;
        }
        assertEquals(29, failures, "the first failure that is not retried");
        assertTrue(total.compareTo(Duration.ofDays(5)) <= 0, total.toString());
        assertTrue(total.compareTo(Duration.ofDays(4).plusHours(12)) > 0, total.toString());
    }

    @Test
    void staysGivenUpForLargerCounts() {
        assertEquals(Optional.empty(), Backoff.delayAfter(29));
        assertEquals(Optional.empty(), Backoff.delayAfter(1_000));
        assertEquals(Optional.empty(), Backoff.delayAfter(Integer.MAX_VALUE));
    }

    /** Seeded, so a failure reproduces. */
    @Test
    void jitterStaysWithinTenPercent() {
        Random random = new Random(30);
        for (int failures = 1; failures <= 28; failures++) {
            for (int draw = 0; draw < 200; draw++) {
                long nominalMillis = nominal(failures).toMillis();
                long millis = Backoff.delayAfter(failures, random).orElseThrow().toMillis();
                assertTrue(millis >= Math.floor(nominalMillis * 0.9) && millis <= Math.ceil(nominalMillis * 1.1),
                        "seed 30, failures " + failures + ": " + millis);
            }
        }
    }

    @Test
    void jitterActuallySpreadsDelays() {
        Random random = new Random(30);
        long first = Backoff.delayAfter(5, random).orElseThrow().toMillis();
        boolean differs = false;
        for (int draw = 0; draw < 20 && !differs; draw++) {
            differs = Backoff.delayAfter(5, random).orElseThrow().toMillis() != first;
        }
        assertTrue(differs);
    }

    @Test
    void publicScheduleIsPresentUntilGivingUp() {
        for (int failures = 1; failures <= 28; failures++) {
            assertTrue(Backoff.delayAfter(failures).isPresent(), "after " + failures + " failures");
        }
    }

    @Test
    void rejectsZeroFailures() {
        assertThrows(IllegalArgumentException.class, () -> Backoff.delayAfter(0));
    }

    @Test
    void rejectsNegativeFailures() {
        assertThrows(IllegalArgumentException.class, () -> Backoff.delayAfter(-1));
    }
}
