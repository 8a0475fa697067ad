package hearth.federation.signature;

import hearth.federation.signature.SignatureProblem.Kind;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A draft-cavage-http-signatures-12 signature, as Mastodon, Lemmy and most of the fediverse
 * send it: {@code rsa-sha256}, or {@code hs2019} with the algorithm taken from the key (RSA:
 * PKCS#1 v1.5 with SHA-256, as Mastodon signs it, or PSS with SHA-512; or Ed25519). Built by
 * {@link HttpSignatures}; immutable and thread-safe.
 */
public final class CavageClaim implements SignatureClaim {

    private final String keyId;
    private final String algorithm;
    private final List<String> headers;
    private final byte[] signingString;
    private final byte[] signature;
    private final Coverage coverage;

    private CavageClaim(String keyId, String algorithm, List<String> headers, byte[] signingString,
                        byte[] signature, Coverage coverage) {
        this.keyId = keyId;
        this.algorithm = algorithm;
        this.headers = headers;
        this.signingString = signingString;
        this.signature = signature;
        this.coverage = coverage;
    }

    /** Parses the header value (without any {@code Signature } auth-scheme prefix) against the request. */
    static CavageClaim parse(String header, SignedRequest request) {
        Map<String, String> params = CavageParams.parse(header);
        String keyId = params.get("keyId");
        String encoded = params.get("signature");
        if (keyId == null || keyId.isBlank() || encoded == null || encoded.isEmpty()) {
            throw new SignatureProblem(Kind.MALFORMED);
        }
        String algorithm = params.get("algorithm");
        if (algorithm != null && !algorithm.equalsIgnoreCase("rsa-sha256") && !algorithm.equalsIgnoreCase("hs2019")) {
            throw new SignatureProblem(Kind.UNSUPPORTED_ALGORITHM);
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new SignatureProblem(Kind.MALFORMED);
        }
        // Without a headers list Mastodon (and the draft's own "Default Test") signs only Date.
        String list = params.getOrDefault("headers", "date").strip().toLowerCase(Locale.ROOT);
        if (list.isEmpty()) {
            throw new SignatureProblem(Kind.MALFORMED);
        }
        List<String> headers = List.of(list.split("[ \t]+"));
        Long created = params.containsKey("created") ? CavageParams.seconds(params.get("created")) : null;
        Long expires = params.containsKey("expires") ? CavageParams.seconds(params.get("expires")) : null;

        StringBuilder text = new StringBuilder(256);
        List<String> digests = new ArrayList<>(1);
        for (String name : headers) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(name).append(": ").append(value(name, params, request));
            if (name.equals("digest")) {
                digests.add(name);
            }
        }
        boolean requestTarget = headers.contains("(request-target)");
        Coverage coverage = new Coverage(requestTarget, requestTarget, headers.contains("host"),
                headers.contains("date"),
                headers.contains("(created)") ? created : null,
                headers.contains("(expires)") ? expires : null,
                List.copyOf(digests));
        return new CavageClaim(keyId, algorithm == null ? null : algorithm.toLowerCase(Locale.ROOT), headers,
                text.toString().getBytes(StandardCharsets.UTF_8), signature, coverage);
    }

    private static String value(String name, Map<String, String> params, SignedRequest request) {
        switch (name) {
            case "(request-target)":
                return request.method().toLowerCase(Locale.ROOT) + " " + Uris.requestTarget(request.uri());
            case "(created)":
            case "(expires)":
                String raw = params.get(name.substring(1, name.length() - 1));
                if (raw == null) {
                    throw new SignatureProblem(Kind.MALFORMED);
                }
                return raw;
            case "host":
                // HTTP/2 carries the host as :authority, which servers may not expose as Host.
                return request.combined("host").orElseGet(() -> Uris.authority(request.uri()));
            default:
                if (name.startsWith("(")) {
                    throw new SignatureProblem(Kind.UNSUPPORTED_COMPONENT, name);
                }
                return request.combined(name).orElseThrow(() -> new SignatureProblem(Kind.ABSENT_HEADER, name));
        }
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public List<String> coveredComponents() {
        return headers;
    }

    @Override
    public Optional<String> algorithm() {
        return Optional.ofNullable(algorithm);
    }

    @Override
    public boolean verify(PublicKey key) {
        if ("rsa-sha256".equals(algorithm)) {
            return SignatureAlgorithm.RSA_V1_5_SHA256.verify(key, signingString, signature);
        }
        // hs2019 (or no algorithm): the key decides. Mastodon signs hs2019 with PKCS#1 v1.5.
        if (key instanceof RSAKey) {
            return SignatureAlgorithm.RSA_V1_5_SHA256.verify(key, signingString, signature)
                    || SignatureAlgorithm.RSA_PSS_SHA512.verify(key, signingString, signature);
        }
        return SignatureAlgorithm.ED25519.verify(key, signingString, signature);
    }

    /** The string that was signed, as UTF-8 bytes (for tests and diagnostics). */
    byte[] signingString() {
        return signingString.clone();
    }

    Coverage coverage() {
        return coverage;
    }
}
