package hearth.federation.signature;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.interfaces.RSAKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Signs an outbound request the way Mastodon and Lemmy expect: draft-cavage-http-signatures-12,
 * {@code rsa-sha256}, covering {@code (request-target) host date digest content-type} (a GET
 * without body: {@code (request-target) host date}).
 *
 * <pre>{@code
 * Map<String, String> add = CavageSigner.sign("POST", inbox, "application/activity+json", body,
 *         "https://a.example/c/perinatal#main-key", privateKey, Instant.now());
 * add.forEach(request::putHeader);   // Date, Digest, Signature
 * }</pre>
 *
 * <p>The request must then be sent with exactly the signed values: its Host header as
 * {@code uri}'s authority without a default port (what HTTP clients send by themselves) and,
 * when {@code contentType} is given, that Content-Type. Stateless; safe from any thread.
 */
public final class CavageSigner {

    private CavageSigner() {
    }

    /**
     * The headers to add to the request: {@code Date} (from {@code now}), {@code Digest} (when
     * {@code body} is not {@code null}) and {@code Signature}, in that order.
     *
     * @param contentType the Content-Type the request will carry, or {@code null}
     * @param body        the exact body bytes, or {@code null} for a request without one
     * @param key         an RSA private key
     */
    public static Map<String, String> sign(String method, URI uri, String contentType, byte[] body,
                                           String keyId, PrivateKey key, Instant now) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(now, "now");
        if (!(key instanceof RSAKey)) {
            throw new IllegalArgumentException("rsa-sha256 needs an RSA key, not " + key.getAlgorithm());
        }
        if (keyId.isEmpty() || keyId.indexOf('"') >= 0) {
            throw new IllegalArgumentException("keyId must be non-empty and free of '\"': " + keyId);
        }
        if (uri.getRawAuthority() == null || uri.getScheme() == null) {
            throw new IllegalArgumentException("uri must be absolute: " + uri);
        }
        String date = HttpDates.format(now);
        String digest = body == null ? null : Digests.digestHeader(body);

        StringBuilder headers = new StringBuilder("(request-target) host date");
        StringBuilder text = new StringBuilder(256)
                .append("(request-target): ").append(method.toLowerCase(Locale.ROOT)).append(' ')
                .append(Uris.requestTarget(uri))
                .append("\nhost: ").append(Uris.authority(uri))
                .append("\ndate: ").append(date);
        if (digest != null) {
            headers.append(" digest");
            text.append("\ndigest: ").append(digest);
        }
        if (contentType != null) {
            headers.append(" content-type");
            text.append("\ncontent-type: ").append(contentType.strip());
        }
        byte[] signature = SignatureAlgorithm.RSA_V1_5_SHA256.sign(key, text.toString().getBytes(StandardCharsets.UTF_8));

        Map<String, String> out = new LinkedHashMap<>();
        out.put("Date", date);
        if (digest != null) {
            out.put("Digest", digest);
        }
        out.put("Signature", "keyId=\"" + keyId + "\",algorithm=\"rsa-sha256\",headers=\"" + headers
                + "\",signature=\"" + Base64.getEncoder().encodeToString(signature) + "\"");
        return Collections.unmodifiableMap(out);
    }
}
