package hearth.node.author;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes derived from the node secret: the stored author id, and form tokens.
 *
 * <p>Thread-safe. {@code author_id = HMAC-SHA256(K_author, key)} where {@code K_author}
 * is derived from the node secret, so the id cannot be computed without the secret and
 * reveals nothing about the key.
 */
public final class AuthorIds {

    // Keyed once; each use clones them, which skips the provider lookup and key setup every page paid.
    private final Mac authorMac;
    private final Mac formMac;

    public AuthorIds(byte[] nodeSecret) {
        if (nodeSecret == null || nodeSecret.length < 32) {
            throw new IllegalArgumentException("the node secret must be at least 32 bytes");
        }
        SecretKeySpec root = new SecretKeySpec(nodeSecret, "HmacSHA256");
        this.authorMac = keyed(new SecretKeySpec(
                hmac(keyed(root), "hearth author id v1".getBytes(StandardCharsets.UTF_8)), "HmacSHA256"));
        this.formMac = keyed(new SecretKeySpec(
                hmac(keyed(root), "hearth form token v1".getBytes(StandardCharsets.UTF_8)), "HmacSHA256"));
    }

    /** The id stored for the author who holds this key. */
    public String idOf(AuthorKey key) {
        return HexFormat.of().formatHex(hmac(authorMac, key.bytes()));
    }

    /** A keyed hash of a form-token payload (see {@code FormTokens}). */
    public byte[] formMac(String payload) {
        return hmac(formMac, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** Compares two MACs in constant time. */
    public static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    private static Mac keyed(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** A Mac is not thread-safe, so each call works on its own clone of the keyed one. */
    private static byte[] hmac(Mac keyed, byte[] data) {
        try {
            return ((Mac) keyed.clone()).doFinal(data);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 can be cloned", e);
        }
    }
}
