package hearth.node.moderation.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time codes (RFC 6238 with the defaults every authenticator app knows:
 * HMAC-SHA1, 6 digits, 30-second steps).
 *
 * <pre>{@code
 * String secret = Totp.newSecret();                        // store it; show uri(...) as a QR code
 * OptionalLong step = Totp.accept(secret, typed, now.toEpochMilli(), moderator.lastTotpStep());
 * if (step.isPresent()) { store.setLastTotpStep(moderator, step.getAsLong()); ... }
 * }</pre>
 *
 * <p>The caller must persist the returned step: a code is accepted only for a step after the last
 * accepted one, so a code seen over her shoulder cannot be used again. Stateless and thread-safe.
 */
public final class Totp {

    /** Seconds per step. */
    public static final int PERIOD_SECONDS = 30;
    /** Digits per code. */
    public static final int DIGITS = 6;
    /** Pass as {@code lastAcceptedStep} when no code was ever accepted. */
    public static final long NO_STEP_YET = -1;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000};

    private Totp() {
    }

    /** A fresh secret: 20 random bytes (the HMAC-SHA1 block RFC 4226 recommends), in base32. */
    public static String newSecret() {
        byte[] key = new byte[20];
        RANDOM.nextBytes(key);
        return Base32.encode(key);
    }

    /**
     * Checks a typed code against the current step and one step either side (clocks on phones
     * drift), skipping any step not after {@code lastAcceptedStep}.
     *
     * @param code what she typed; spaces are ignored, anything but six ASCII digits is refused
     * @return the step the code belongs to, to be stored as the new last accepted step; empty if
     *     the code is wrong, malformed or already used
     * @throws IllegalArgumentException if the stored secret is not base32 or is empty
     */
    public static OptionalLong accept(String secretBase32, String code, long epochMillis, long lastAcceptedStep) {
        byte[] key = Base32.decode(secretBase32);
        if (key.length == 0) {
            throw new IllegalArgumentException("the TOTP secret is empty");
        }
        String typed = code == null ? "" : code.replace(" ", "");
        if (!isSixAsciiDigits(typed)) {
            return OptionalLong.empty();
        }
        byte[] given = typed.getBytes(StandardCharsets.US_ASCII);
        long now = Math.floorDiv(epochMillis, PERIOD_SECONDS * 1000L);
        for (long step = now - 1; step <= now + 1; step++) {
            if (step <= lastAcceptedStep) {
                continue;
            }
            byte[] expected = code(key, step, DIGITS).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, given)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /**
     * The {@code otpauth://} URI an authenticator app reads from a QR code, in the Key URI
     * format: {@code otpauth://totp/Issuer:account?secret=...&issuer=Issuer&algorithm=SHA1&digits=6&period=30}.
     */
    public static String uri(String issuer, String account, String secretBase32) {
        if (issuer == null || issuer.isBlank() || account == null || account.isBlank()) {
            throw new IllegalArgumentException("a TOTP URI needs an issuer and an account name");
        }
        byte[] key = Base32.decode(secretBase32);
        if (key.length == 0) {
            throw new IllegalArgumentException("the TOTP secret is empty");
        }
        // Re-encoding gives the canonical form: upper case, no padding, as apps expect.
        return "otpauth://totp/" + percentEncode(issuer) + ":" + percentEncode(account)
                + "?secret=" + Base32.encode(key)
                + "&issuer=" + percentEncode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + PERIOD_SECONDS;
    }

    /** The HOTP value (RFC 4226 section 5.3) of one step, zero-padded to {@code digits}. */
    static String code(byte[] key, long step, int digits) {
        if (digits < 1 || digits > 9) {
            throw new IllegalArgumentException("digits must be 1 to 9");
        }
        byte[] hash = hmacSha1(key, ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24)
                | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
        String value = Integer.toString(binary % POWERS_OF_TEN[digits]);
        return "0".repeat(digits - value.length()) + value;
    }

    private static boolean isSixAsciiDigits(String s) {
        if (s.length() != DIGITS) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static byte[] hmacSha1(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    // RFC 3986 unreserved characters stay; everything else is UTF-8 percent-encoded (a space
    // becomes %20, not the '+' of form encoding, which some authenticator apps show literally).
    private static String percentEncode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (unreserved) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >>> 4]).append(HEX[c & 15]);
            }
        }
        return out.toString();
    }
}
