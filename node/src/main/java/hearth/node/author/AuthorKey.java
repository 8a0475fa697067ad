package hearth.node.author;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The 32 random bytes that make a browser "her": kept in her browser's cookie only.
 *
 * <p>The server never stores a key; it stores {@link AuthorIds#idOf(AuthorKey)}.
 * Immutable; {@link #toString()} never reveals the bytes, so a key cannot leak into a log by accident.
 */
public final class AuthorKey {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int LENGTH = 32;

    private final byte[] bytes;

    private AuthorKey(byte[] bytes) {
        this.bytes = bytes;
    }

    public static AuthorKey random() {
        byte[] bytes = new byte[LENGTH];
        RANDOM.nextBytes(bytes);
        return new AuthorKey(bytes);
    }

    /** Reads a cookie value; anything that is not exactly a key is treated as no key. */
    public static Optional<AuthorKey> fromCookie(String value) {
        if (value == null || value.length() != 43) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(value);
            return bytes.length == LENGTH ? Optional.of(new AuthorKey(bytes)) : Optional.empty();
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
