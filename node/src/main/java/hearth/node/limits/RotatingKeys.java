package hearth.node.limits;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Names a value (a connection's address, an author id) by a keyed hash, so a limit can count it
 * without holding it. The key is random, lives only in memory and is replaced every
 * {@code period}: once it is gone, nobody (not the operator, not someone who copies the memory
 * later) can tell which address a name stood for, even by hashing every address there is.
 *
 * <pre>{@code
 * RotatingKeys names = new RotatingKeys(Duration.ofHours(1), System::nanoTime);
 * String key = names.of(remoteAddress);   // never store or log the address itself
 * }</pre>
 *
 * <p>A rotation makes every name new, so limits start afresh for everyone at once; that is the
 * price of forgetting. Thread-safe.
 */
public final class RotatingKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String HMAC = "HmacSHA256";

    private final long periodNanos;
    private final LongSupplier nanos;
    private Mac mac;
    private long rotatedAt;

    /**
     * @param period how long one key is used
     * @param nanos  a monotonic clock in nanoseconds ({@code System::nanoTime})
     */
    public RotatingKeys(Duration period, LongSupplier nanos) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the period must be positive: " + period);
        }
        this.periodNanos = period.toNanos();
        this.nanos = Objects.requireNonNull(nanos, "nanos");
        rotate(nanos.getAsLong());
    }

    /** The name of {@code value} under the current key: 32 hex digits, the same for the same value until the key changes. */
    public synchronized String of(String value) {
        Objects.requireNonNull(value, "value");
        long now = nanos.getAsLong();
        if (now - rotatedAt >= periodNanos) {
            rotate(now);
        }
        byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    private void rotate(long now) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        try {
            Mac fresh = Mac.getInstance(HMAC);
            fresh.init(new SecretKeySpec(key, HMAC));
            mac = fresh;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
        rotatedAt = now;
    }
}
