package hearth.node.author;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The random bytes that make a browser "her": kept in her browser's cookie only.
 *
 * <p>New keys are 16 bytes (128 bits), so her recovery phrase is twelve words; keys of 32 bytes
 * made before phrases existed are still read, and keep their author id. Either length is far
 * beyond guessing: the id stored is a keyed hash of the key, useless without the node's secret.
 *
 * <p>The server never stores a key; it stores {@link AuthorIds#idOf(AuthorKey)}.
 * Immutable; {@link #toString()} never reveals the bytes, so a key cannot leak into a log by accident.
 */
public final class AuthorKey {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** The length of keys made now: twelve words. */
    static final int LENGTH = 16;
    /** The length of keys made before recovery phrases: twenty-four words. */
    static final int OLD_LENGTH = 32;

    private final byte[] bytes;

    private AuthorKey(byte[] bytes) {
        this.bytes = bytes;
    }

    public static AuthorKey random() {
        byte[] bytes = new byte[LENGTH];
        RANDOM.nextBytes(bytes);
        return new AuthorKey(bytes);
    }

    /** A key from its bytes (a recovery phrase's entropy); only the two lengths Hearth has made. */
    static Optional<AuthorKey> of(byte[] bytes) {
        return bytes != null && (bytes.length == LENGTH || bytes.length == OLD_LENGTH)
                ? Optional.of(new AuthorKey(bytes.clone()))
                : Optional.empty();
    }

    /** Reads a cookie value; anything that is not exactly a key is treated as no key. */
    public static Optional<AuthorKey> fromCookie(String value) {
        // Unpadded base64url: 22 characters for 16 bytes, 43 for 32.
        if (value == null || (value.length() != 22 && value.length() != 43)) {
            return Optional.empty();
        }
        try {
            return of(Base64.getUrlDecoder().decode(value));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    public String toCookie() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuthorKey k && MessageDigest.isEqual(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "AuthorKey[hidden]";
    }
}
