package hearth.node.federation;

import hearth.node.config.DeliverySettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again: {@code first} after the first failure, each wait twice the
 * one before up to {@code longest}, until the waits add up to more than {@code giveUpAfter}; then
 * never again. With the defaults (30 s, 6 h, 5 days: 30 s, 1 min, 2 min, ... 4 h 16 min, then
 * every 6 h) the 28th failure is the last one retried, nominally about 4 days 20 hours in.
 * Each wait is spread by up to 10% either way, so the deliveries to a server that was down do
 * not all come back at the same instant.
 *
 * <pre>{@code
 * Optional<Duration> wait = schedule.delayAfter(failures);   // empty: give up
 * }</pre>
 * Immutable and thread-safe.
 */
public record RetrySchedule(Duration first, Duration longest, Duration giveUpAfter) {

    static final double JITTER = 0.10;

    public static final RetrySchedule DEFAULT = of(DeliverySettings.DEFAULT);

    public RetrySchedule {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(longest, "longest");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("first must be positive and longest at least first");
        }
    }

    public static RetrySchedule of(DeliverySettings settings) {
        return new RetrySchedule(settings.firstRetryDelay(), settings.longestWaitDelay(), settings.giveUpAfterTotal());
    }

    /** How long to wait after {@code failures} failures (1 for the first), or empty: give up. */
    public Optional<Duration> delayAfter(int failures) {
        return delayAfter(failures, ThreadLocalRandom.current());
    }

    Optional<Duration> delayAfter(int failures, RandomGenerator random) {
        return nominal(failures).map(delay -> {
            double factor = 1 + JITTER * (2 * random.nextDouble() - 1);
            return Duration.ofMillis(Math.round(delay.toMillis() * factor));
        });
    }

    /** The wait before jitter, or empty once the waits would add up to more than {@code giveUpAfter}. */
    Optional<Duration> nominal(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures starts at 1, not " + failures);
        }
        Duration total = Duration.ZERO;
        Duration delay = first;
        for (int failure = 1; failure <= failures; failure++) {
            if (failure > 1) {
                Duration doubled = delay.multipliedBy(2);
                delay = doubled.compareTo(longest) <= 0 ? doubled : longest;
            }
            total = total.plus(delay);
            if (total.compareTo(giveUpAfter) > 0) {
                return Optional.empty();
            }
        }
        return Optional.of(delay);
    }
}
