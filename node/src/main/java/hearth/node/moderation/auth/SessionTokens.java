package hearth.node.moderation.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Moderator session tokens: the browser holds the token, the database holds only its hash, so a
 * leaked copy of the database signs nobody in.
 *
 * <pre>{@code
 * String token = SessionTokens.newToken();   // goes into the cookie
 * store.saveSession(SessionTokens.hash(token), moderatorId, expiry);
 * // later, from the cookie:
 * store.findSession(SessionTokens.hash(cookieValue));
 * }</pre>
 *
 * <p>A plain SHA-256 is enough here (no salt, no slow hash) because the token is 256 random bits,
 * not something a person chose. Stateless and thread-safe.
 */
public final class SessionTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionTokens() {
    }

    /** A fresh token: 32 random bytes in base64url without padding (43 characters). */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The value to store and look up: the lower-case hex SHA-256 of the token's UTF-8 bytes. */
    public static String hash(String token) {
        if (token == null) {
            throw new IllegalArgumentException("no token to hash");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
