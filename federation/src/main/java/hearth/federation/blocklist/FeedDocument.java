package hearth.federation.blocklist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.proof.DataIntegrity;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Hearth's signed blocklist feed as JSON, served at {@code /blocklist.json}: the {@link Feed}
 * under a Data Integrity proof ({@code eddsa-jcs-2022}, as for FEP-8b32 objects) made with the
 * node actor's Ed25519 key.
 *
 * <pre>{@code
 * // publishing
 * ObjectNode json = FeedDocument.sign(feed.since(n), nodeActor + "#ed25519-key", key, now);
 *
 * // subscribing: resolve the key the proof names, check it is the issuer's, then
 * String method = FeedDocument.verificationMethod(json).orElseThrow();
 * Feed feed = FeedDocument.verify(json, Multikey.decodeEd25519(issuersMultibase));
 * }</pre>
 *
 * <p>Shape: {@code @context}, {@code type: "Blocklist"}, {@code id}, {@code issuer},
 * {@code sequence}, {@code updated}, {@code entries} (each with the fields of {@link FeedEntry},
 * {@code kind} and {@code severity} in lower case, times to the second), and {@code proof}.
 * The proof covers the whole document, so no entry can be changed, added or removed without
 * breaking it.
 *
 * <p>Not decided here: whether the key belongs to the issuer, whether the issuer is on the
 * feed's host, and whether the sequence went backwards since the last fetch; those need the
 * subscriber's state. Stateless and thread-safe.
 */
public final class FeedDocument {

    private FeedDocument() {
    }

    /**
     * The feed as signed JSON.
     *
     * @throws IllegalArgumentException if the key is not an Ed25519 private key
     */
    public static ObjectNode sign(Feed feed, String verificationMethod, PrivateKey ed25519, Instant created) {
        Objects.requireNonNull(feed, "feed");
        return DataIntegrity.sign(FeedJson.write(feed), verificationMethod, ed25519, created);
    }

    /** The key the document's proof names, or empty when it has none; nothing is checked. */
    public static Optional<String> verificationMethod(JsonNode doc) {
        return doc instanceof ObjectNode object ? DataIntegrity.verificationMethod(object) : Optional.empty();
    }

    /**
     * The feed, once its proof verifies with this raw 32-byte Ed25519 public key and its content
     * is well formed. A missing or broken proof, any change after signing, a malformed entry, an
     * unknown severity or a target listed twice is refused with the reason.
     *
     * @throws IllegalArgumentException if the key does not have 32 bytes (a caller's mistake)
     */
    public static Feed verify(JsonNode doc, byte[] ed25519PublicKey) throws BlocklistFormatException {
        Objects.requireNonNull(ed25519PublicKey, "ed25519PublicKey");
        if (!(doc instanceof ObjectNode object)) {
            throw new BlocklistFormatException("the feed is not a JSON object");
        }
        if (!object.has("proof")) {
            throw new BlocklistFormatException("the feed is not signed (it has no proof)");
        }
        if (!DataIntegrity.verify(object, ed25519PublicKey)) {
            throw new BlocklistFormatException("the feed's signature does not verify: it was changed"
                    + " after signing, signed with another key, or its proof is not eddsa-jcs-2022");
        }
        return FeedJson.read(object);
    }

    /**
     * The feed without checking any proof: for showing a moderator what a refused feed says, or
     * for tools that checked it another way. Malformed content is refused as in {@link #verify}.
     */
    public static Feed parseUnverified(JsonNode doc) throws BlocklistFormatException {
        return FeedJson.read(doc);
    }
}
