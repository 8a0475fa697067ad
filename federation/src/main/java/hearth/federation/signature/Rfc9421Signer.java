package hearth.federation.signature;

import hearth.federation.signature.StructuredFields.Item;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Signs an outbound request with RFC 9421 HTTP Message Signatures, the way Fedify does:
 * label {@code sig1}, covering {@code "@method" "@target-uri" "@authority" "date"}, plus
 * {@code "content-digest"} with a body and {@code "content-type"} when given, with parameters
 * {@code alg}, {@code keyid} and {@code created}. RSA keys sign {@code rsa-v1_5-sha256},
 * Ed25519 keys {@code ed25519}.
 *
 * <pre>{@code
 * Map<String, String> add = Rfc9421Signer.sign("POST", inbox, "application/activity+json", body,
 *         keyId, privateKey, Instant.now());   // Date, Content-Digest, Signature-Input, Signature
 * }</pre>
 *
 * <p>Most of the fediverse verifies only draft-cavage; use {@link CavageSigner} unless the peer
 * is known to accept this. Stateless; safe from any thread.
 */
public final class Rfc9421Signer {

    /** The label Hearth gives its signature. */
    public static final String LABEL = "sig1";

    private Rfc9421Signer() {
    }

    /**
     * The headers to add to the request: {@code Date}, {@code Content-Digest} (when {@code body}
     * is not {@code null}), {@code Signature-Input} and {@code Signature}.
     *
     * @param contentType the Content-Type the request will carry, or {@code null}
     * @param body        the exact body bytes, or {@code null} for a request without one
     * @param keyId       printable ASCII
     * @param key         an RSA or Ed25519 private key
     */
    public static Map<String, String> sign(String method, URI uri, String contentType, byte[] body,
                                           String keyId, PrivateKey key, Instant now) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(now, "now");
        if (keyId.isEmpty() || !keyId.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw new IllegalArgumentException("keyId must be non-empty printable ASCII: " + keyId);
        }
        SignatureAlgorithm algorithm = SignatureAlgorithm.forSigning(key);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("Date", HttpDates.format(now));
        List<String> components = new ArrayList<>(List.of("@method", "@target-uri", "@authority", "date"));
        if (body != null) {
            out.put("Content-Digest", Digests.contentDigestHeader(body));
            components.add("content-digest");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        out.forEach((name, value) -> headers.put(name, List.of(value)));
        if (contentType != null) {
            headers.put("Content-Type", List.of(contentType));
            components.add("content-type");
        }
        List<Item> items = components.stream().map(c -> new Item(c, Map.<String, Object>of())).toList();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("alg", algorithm.id());
        params.put("keyid", keyId);
        params.put("created", now.getEpochSecond());

        SignedRequest request = new SignedRequest(method, uri, headers, body == null ? new byte[0] : body);
        SignatureBase base = SignatureBase.build(items, params, request);
        byte[] signature = algorithm.sign(key, base.text().getBytes(StandardCharsets.UTF_8));
        out.put("Signature-Input", LABEL + "=" + StructuredFieldWriter.innerList(items, params));
        out.put("Signature", LABEL + "=:" + Base64.getEncoder().encodeToString(signature) + ":");
        return Collections.unmodifiableMap(out);
    }
}
