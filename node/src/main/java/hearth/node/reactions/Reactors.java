package hearth.node.reactions;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who reacted, as the store keeps it: {@code reactor = HMAC-SHA256(K_reactor, authorId || 0x00 || postId)},
 * hex, where {@code K_reactor = HMAC-SHA256(node secret, "hearth reactor v1")}.
 *
 * <p>The same woman has a different reactor on every post, so reactions can be neither grouped by
 * person nor traced to her author id without the node secret, yet she (holding her key) can find
 * and take back her own. Thread-safe.
 */
public final class Reactors {

    private final SecretKeySpec key;

    public Reactors(byte[] nodeSecret) {
        if (nodeSecret == null || nodeSecret.length < 32) {
            throw new IllegalArgumentException("the node secret must be at least 32 bytes");
        }
        SecretKeySpec root = new SecretKeySpec(nodeSecret, "HmacSHA256");
        this.key = new SecretKeySpec(hmac(root, "hearth reactor v1".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
    }

    /** Her reactor on one post. */
    public String of(String authorId, String postId) {
        if (authorId == null || authorId.isEmpty() || postId == null || postId.isEmpty()) {
            throw new IllegalArgumentException("a reactor needs an author id and a post id");
        }
        // The 0 byte cannot occur in either id, so no two (author, post) pairs give the same input.
        byte[] data = (authorId + "\0" + postId).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(hmac(key, data));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
