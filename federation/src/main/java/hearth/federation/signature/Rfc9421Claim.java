package hearth.federation.signature;

import hearth.federation.signature.SignatureProblem.Kind;
import hearth.federation.signature.StructuredFields.Item;
import hearth.federation.signature.StructuredFields.Member;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An RFC 9421 HTTP Message Signature (Signature-Input and Signature fields), as Fedify and
 * newer servers send it. When several signatures are present, the first label in
 * Signature-Input is the one used. Without an {@code alg} parameter the key decides: RSA keys
 * check as {@code rsa-v1_5-sha256} or {@code rsa-pss-sha512}, P-256 keys as
 * {@code ecdsa-p256-sha256}, Ed25519 keys as {@code ed25519}. Built by {@link HttpSignatures};
 * immutable and thread-safe.
 */
public final class Rfc9421Claim implements SignatureClaim {

    private final String label;
    private final String keyId;
    private final SignatureAlgorithm algorithm;
    private final List<String> covered;
    private final byte[] base;
    private final byte[] signature;
    private final Coverage coverage;

    private Rfc9421Claim(String label, String keyId, SignatureAlgorithm algorithm, List<String> covered,
                         byte[] base, byte[] signature, Coverage coverage) {
        this.label = label;
        this.keyId = keyId;
        this.algorithm = algorithm;
        this.covered = covered;
        this.base = base;
        this.signature = signature;
        this.coverage = coverage;
    }

    /** Parses the first signature of the (combined) Signature-Input and Signature values. */
    static Rfc9421Claim parse(String signatureInput, String signatureField, SignedRequest request) {
        Map<String, Member> inputs = dictionary(signatureInput);
        if (inputs.isEmpty()) {
            throw new SignatureProblem(Kind.MALFORMED);
        }
        Map.Entry<String, Member> first = inputs.entrySet().iterator().next();
        String label = first.getKey();
        Member input = first.getValue();
        Member value = dictionary(signatureField).get(label);
        if (!(input.value() instanceof List<?> list) || value == null || !(value.value() instanceof byte[] sig)) {
            throw new SignatureProblem(Kind.MALFORMED);
        }
        @SuppressWarnings("unchecked")
        List<Item> items = (List<Item>) list;
        Map<String, Object> params = input.params();
        String keyId = string(params, "keyid");
        String alg = string(params, "alg");
        Long created = integer(params, "created");
        Long expires = integer(params, "expires");
        string(params, "nonce");
        string(params, "tag");
        if (keyId == null || keyId.isBlank()) {
            throw new SignatureProblem(Kind.MALFORMED);
        }
        SignatureAlgorithm algorithm = null;
        if (alg != null) {
            algorithm = SignatureAlgorithm.byId(alg)
                    .orElseThrow(() -> new SignatureProblem(Kind.UNSUPPORTED_ALGORITHM));
        }
        SignatureBase built = SignatureBase.build(items, params, request);
        Coverage coverage = new Coverage(
                built.covers("@method"),
                built.covers("@target-uri") || built.covers("@path") || built.covers("@request-target"),
                built.covers("@authority") || built.covers("host") || built.covers("@target-uri"),
                built.covers("date"),
                created, expires,
                built.digestHeaders());
        return new Rfc9421Claim(label, keyId, algorithm, built.covered(),
                built.text().getBytes(StandardCharsets.UTF_8), sig, coverage);
    }

    private static Map<String, Member> dictionary(String value) {
        try {
            return StructuredFields.parseDictionary(value);
        } catch (IllegalArgumentException e) {
            throw new SignatureProblem(Kind.MALFORMED);
        }
    }

    private static String string(Map<String, Object> params, String name) {
        Object value = params.get(name);
        if (value != null && !(value instanceof String)) {
            throw new SignatureProblem(Kind.MALFORMED);
        }
        return (String) value;
    }

    private static Long integer(Map<String, Object> params, String name) {
        Object value = params.get(name);
        if (value != null && !(value instanceof Long)) {
            throw new SignatureProblem(Kind.MALFORMED);
        }
        return (Long) value;
    }

    /** The signature's label in Signature-Input and Signature, e.g. {@code sig1}. */
    public String label() {
        return label;
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public List<String> coveredComponents() {
        return covered;
    }

    @Override
    public Optional<String> algorithm() {
        return Optional.ofNullable(algorithm).map(SignatureAlgorithm::id);
    }

    @Override
    public boolean verify(PublicKey key) {
        if (algorithm != null) {
            return algorithm.verify(key, base, signature);
        }
        if (key instanceof RSAKey) {
            return SignatureAlgorithm.RSA_V1_5_SHA256.verify(key, base, signature)
                    || SignatureAlgorithm.RSA_PSS_SHA512.verify(key, base, signature);
        }
        if (key instanceof ECPublicKey) {
            return SignatureAlgorithm.ECDSA_P256_SHA256.verify(key, base, signature);
        }
        return SignatureAlgorithm.ED25519.verify(key, base, signature);
    }

    /**
     * True only if this is an {@code hmac-sha256} signature (or one without {@code alg}) that
     * checks with the shared secret. Hearth federates with public keys only; this exists for
     * peers that agree on a secret out of band, and for the RFC's test vectors.
     */
    public boolean verifyHmac(byte[] secret) {
        if (algorithm != null && algorithm != SignatureAlgorithm.HMAC_SHA256) {
            return false;
        }
        return SignatureAlgorithm.verifyHmac(secret, base, signature);
    }

    /** The signature base as UTF-8 bytes (for tests and diagnostics). */
    byte[] signatureBase() {
        return base.clone();
    }

    /** Whether the algorithm named can only be checked with a shared secret. */
    boolean needsSharedSecret() {
        return algorithm == SignatureAlgorithm.HMAC_SHA256;
    }

    Coverage coverage() {
        return coverage;
    }
}
