package hearth.federation.net;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * When to retry a delivery that failed: 30 seconds after the first failure, doubling each time up
 * to 6 hours, then every 6 hours until about 5 days have passed, after which the delivery is
 * given up. Each delay is spread by up to 10% either way so that many deliveries to a host that
 * was down do not all return at the same instant.
 *
 * <pre>{@code
 * Optional<Duration> wait = Backoff.delayAfter(delivery.failedAttempts());
 * if (wait.isEmpty()) markGivenUp(delivery); else scheduleAt(now.plus(wait.get()));
 * }</pre>
 *
 * <p>Without jitter the schedule is 30 s, 1 min, 2 min, ... 4 h 16 min, then 6 h; the 28th
 * failure is the last one retried (nominally about 4 days 20 hours in). Stateless and
 * thread-safe.
 */
public final class Backoff {

    static final Duration FIRST = Duration.ofSeconds(30);
    static final Duration CAP = Duration.ofHours(6);
    static final Duration GIVE_UP_AFTER = Duration.ofDays(5);
    static final double JITTER = 0.10;

    private Backoff() {
    }

    /**
     * How long to wait after {@code failedAttempts} failures (1 for the first), or empty once the
     * nominal total waiting would pass about 5 days: then stop retrying.
     */
    public static Optional<Duration> delayAfter(int failedAttempts) {
        return delayAfter(failedAttempts, ThreadLocalRandom.current());
    }

    /** As {@link #delayAfter(int)}, drawing the jitter from {@code random}. */
    static Optional<Duration> delayAfter(int failedAttempts, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        return nominal(failedAttempts).map(delay -> {
            double factor = 1 + JITTER * (2 * random.nextDouble() - 1);
            return Duration.ofMillis(Math.round(delay.toMillis() * factor));
        });
    }

    /** The delay before jitter, or empty once the nominal total would pass {@link #GIVE_UP_AFTER}. */
    static Optional<Duration> nominal(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts starts at 1, not " + failedAttempts);
        }
        Duration total = Duration.ZERO;
        Duration delay = FIRST;
        for (int attempt = 1; attempt <= failedAttempts; attempt++) {
            if (attempt > 1) {
                delay = min(delay.multipliedBy(2), CAP);
            }
            total = total.plus(delay);
            if (total.compareTo(GIVE_UP_AFTER) > 0) {
                return Optional.empty();
            }
        }
        return Optional.of(delay);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
