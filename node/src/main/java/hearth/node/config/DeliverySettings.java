package hearth.node.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;

/**
 * How the node sends activities to other servers ({@code federation.delivery} in the
 * configuration). A failed delivery is tried again {@code firstRetry} later, each wait twice the
 * one before up to {@code longestWait}, until the waits add up to more than {@code giveUpAfter}:
 * then it is recorded as given up. One attempt may take at most {@code timeout}, connecting,
 * sending and reading the answer together. Every setting is optional:
 *
 * <pre>{@code
 * federation:
 *   delivery:
 *     firstRetry: 30s      # default
 *     longestWait: 6h      # default
 *     giveUpAfter: 5d      # default
 *     timeout: 15s         # default
 * }</pre>
 * Immutable and safe to share across threads.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record DeliverySettings(String firstRetry, String longestWait, String giveUpAfter, String timeout) {

    public static final DeliverySettings DEFAULT = new DeliverySettings(null, null, null, null);

    public DeliverySettings {
        firstRetry = firstRetry == null ? "30s" : firstRetry.strip();
        longestWait = longestWait == null ? "6h" : longestWait.strip();
        giveUpAfter = giveUpAfter == null ? "5d" : giveUpAfter.strip();
        timeout = timeout == null ? "15s" : timeout.strip();
        Duration first = Durations.parse(firstRetry, "federation.delivery.firstRetry");
        Duration longest = Durations.parse(longestWait, "federation.delivery.longestWait");
        Duration total = Durations.parse(giveUpAfter, "federation.delivery.giveUpAfter");
        Duration limit = Durations.parse(timeout, "federation.delivery.timeout");
        // A retry sooner than this would hammer a server that is already struggling.
        if (first.toMillis() < 100) {
            throw new IllegalArgumentException("federation.delivery.firstRetry is at least 100ms, got: " + firstRetry);
        }
        if (longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("federation.delivery.longestWait (" + longestWait
                    + ") is at least firstRetry (" + firstRetry + ")");
        }
        if (total.compareTo(first) < 0 || total.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("federation.delivery.giveUpAfter is between firstRetry and 30d, got: "
                    + giveUpAfter);
        }
        if (limit.compareTo(Duration.ofSeconds(1)) < 0 || limit.compareTo(Duration.ofMinutes(2)) > 0) {
            throw new IllegalArgumentException("federation.delivery.timeout is between 1s and 2m, got: " + timeout);
        }
    }

    public Duration firstRetryDelay() {
        return Durations.parse(firstRetry, "firstRetry");
    }

    public Duration longestWaitDelay() {
        return Durations.parse(longestWait, "longestWait");
    }

    public Duration giveUpAfterTotal() {
        return Durations.parse(giveUpAfter, "giveUpAfter");
    }

    public Duration attemptTimeout() {
        return Durations.parse(timeout, "timeout");
    }
}
