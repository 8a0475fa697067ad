package hearth.node.moderation.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private final LoginThrottle throttle = new LoginThrottle();

    private void fail(String name, int times, Instant at) {
        for (int i = 0; i < times; i++) {
            throttle.failed(name, at);
        }
    }

    @Test
    void aNameNeverSeenMayTry() {
        assertEquals(Duration.ZERO, throttle.waitBefore("rowan", T0));
    }

    @Test
    void theFirstFiveFailuresAreFree() {
        fail("rowan", 5, T0);
        assertEquals(Duration.ZERO, throttle.waitBefore("rowan", T0));
    }

    @Test
    void theSixthFailureLocksForThirtySeconds() {
        fail("rowan", 6, T0);
        assertEquals(Duration.ofSeconds(30), throttle.waitBefore("rowan", T0));
        assertEquals(Duration.ofSeconds(10), throttle.waitBefore("rowan", T0.plusSeconds(20)));
        assertEquals(Duration.ZERO, throttle.waitBefore("rowan", T0.plusSeconds(30)));
    }

    @Test
    void eachFurtherFailureDoublesTheLockout() {
        fail("rowan", 5, T0);
        Instant now = T0;
        long[] expected = {30, 60, 120, 240, 480};
        for (long seconds : expected) {
            throttle.failed("rowan", now);
            assertEquals(Duration.ofSeconds(seconds), throttle.waitBefore("rowan", now));
            now = now.plusSeconds(seconds);
            assertEquals(Duration.ZERO, throttle.waitBefore("rowan", now));
        }
    }

    @Test
    void theLockoutStopsAtFifteenMinutes() {
        assertEquals(Duration.ofSeconds(480), LoginThrottle.lockout(5));
        assertEquals(Duration.ofMinutes(15), LoginThrottle.lockout(6));
        assertEquals(Duration.ofMinutes(15), LoginThrottle.lockout(1_000));
        fail("rowan", 40, T0);
        assertEquals(Duration.ofMinutes(15), throttle.waitBefore("rowan", T0));
    }

    @Test
    void otherNamesAreNotLocked() {
        fail("rowan", 10, T0);
        assertEquals(Duration.ZERO, throttle.waitBefore("juniper", T0));
    }

    @Test
    void namesAreComparedIgnoringCase() {
        fail("Rowan", 3, T0);
        fail("ROWAN", 3, T0);
        assertEquals(Duration.ofSeconds(30), throttle.waitBefore("rowan", T0));
    }

    @Test
    void successClearsTheFailures() {
        fail("rowan", 5, T0);
        throttle.succeeded("rowan");
        throttle.failed("rowan", T0);
        assertEquals(Duration.ZERO, throttle.waitBefore("rowan", T0));
    }

    @Test
    void anHourOfQuietForgetsTheName() {
        fail("rowan", 9, T0);
        Instant later = T0.plus(Duration.ofHours(1));
        throttle.failed("rowan", later);
        assertEquals(Duration.ZERO, throttle.waitBefore("rowan", later));
    }

    @Test
    void lessThanAnHourOfQuietKeepsCounting() {
        fail("rowan", 9, T0);
        Instant later = T0.plus(Duration.ofMinutes(59));
        throttle.failed("rowan", later);
        assertEquals(Duration.ofMinutes(8), throttle.waitBefore("rowan", later));
    }

    @Test
    void quietNamesAreDroppedFromMemory() {
        fail("rowan", 1, T0);
        fail("juniper", 1, T0.plus(Duration.ofMinutes(30)));
        throttle.failed("hazel", T0.plus(Duration.ofHours(1)));
        assertEquals(2, throttle.size());
    }

    @Test
    void memoryIsBoundedAndTheOldestNameGoesFirst() {
        // Ten failures lock each name for eight minutes.
        fail("oldest", 10, T0);
        fail("kept", 10, T0.plusSeconds(1));
        for (int i = 0; i < LoginThrottle.MAX_NAMES - 1; i++) {
            throttle.failed("name" + i, T0.plusSeconds(2 + i / 50));
        }
        assertEquals(LoginThrottle.MAX_NAMES, throttle.size());
        // Once the node-wide minute is over, only the names' own lockouts remain.
        Instant later = T0.plusSeconds(2 + LoginThrottle.MAX_NAMES / 50 + 61);
        assertEquals(Duration.ZERO, throttle.waitBefore("oldest", later));
        assertTrue(throttle.waitBefore("kept", later).compareTo(Duration.ZERO) > 0);
    }

    @Test
    void aSpreeAcrossNamesMakesEveryoneWaitUntilTheMinuteIsOver() {
        for (int i = 0; i <= LoginThrottle.NODE_FAILURES_PER_MINUTE; i++) {
            throttle.failed("guess" + i, T0.plusSeconds(i / 5));
        }
        assertEquals(Duration.ofSeconds(40), throttle.waitBefore("anyone", T0.plusSeconds(20)));
        assertEquals(Duration.ZERO, throttle.waitBefore("anyone", T0.plusSeconds(60)));
    }

    @Test
    void aHundredFailuresInAMinuteAreStillAllowed() {
        for (int i = 0; i < LoginThrottle.NODE_FAILURES_PER_MINUTE; i++) {
            throttle.failed("guess" + i, T0);
        }
        assertEquals(Duration.ZERO, throttle.waitBefore("anyone", T0));
    }

    @Test
    void failuresInDifferentMinutesDoNotAddUp() {
        for (int i = 0; i < 80; i++) {
            throttle.failed("guess" + i, T0);
        }
        for (int i = 0; i < 80; i++) {
            throttle.failed("other" + i, T0.plusSeconds(60));
        }
        assertEquals(Duration.ZERO, throttle.waitBefore("anyone", T0.plusSeconds(61)));
    }

    @Test
    void theLongerOfTheTwoWaitsApplies() {
        fail("rowan", 6, T0);
        for (int i = 0; i < LoginThrottle.NODE_FAILURES_PER_MINUTE; i++) {
            throttle.failed("guess" + i, T0);
        }
        assertEquals(Duration.ofSeconds(60), throttle.waitBefore("rowan", T0));
        assertEquals(Duration.ofSeconds(60), throttle.waitBefore("juniper", T0));
    }

    @Test
    void aNameIsRequired() {
        assertThrows(IllegalArgumentException.class, () -> throttle.waitBefore(null, T0));
        assertThrows(IllegalArgumentException.class, () -> throttle.failed(null, T0));
    }

    @Test
    void staysConsistentUnderConcurrentFailures() throws InterruptedException {
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 2_000; i++) {
                    throttle.failed("rowan" + (i % 3), T0.plusSeconds(i));
                    throttle.waitBefore("rowan" + (i % 7), T0.plusSeconds(i));
                }
            });
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(3, throttle.size());
    }
}
