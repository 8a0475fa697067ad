package hearth.federation.signature;

import java.security.PrivateKey;
import java.util.Base64;

/**
 * Signs requests with any coverage, so tests can build signatures the signers never would
 * (no host, no digest, an expiry...). The signed text comes from the parser itself; the
 * published vectors check that text independently.
 */
final class TestSigning {

    private static final String PLACEHOLDER = "AAAA";

    private TestSigning() {
    }

    /** The request with a draft-cavage Signature header over the given parameters (no signature=). */
    static SignedRequest cavage(SignedRequest request, String params, PrivateKey key) {
        SignedRequest draft = TestRequests.withHeader(request, "Signature", params + ",signature=\"" + PLACEHOLDER + "\"");
        byte[] text = ((CavageClaim) HttpSignatures.parse(draft)).signingString();
        String signature = Base64.getEncoder().encodeToString(SignatureAlgorithm.RSA_V1_5_SHA256.sign(key, text));
        return TestRequests.withHeader(request, "Signature", params + ",signature=\"" + signature + "\"");
    }

    /** The request with RFC 9421 fields for the given inner list and parameters, labelled sig1. */
    static SignedRequest rfc9421(SignedRequest request, String input, SignatureAlgorithm algorithm, PrivateKey key) {
        SignedRequest draft = TestRequests.withHeader(
                TestRequests.withHeader(request, "Signature-Input", "sig1=" + input),
                "Signature", "sig1=:" + PLACEHOLDER + ":");
        byte[] base = ((Rfc9421Claim) HttpSignatures.parse(draft)).signatureBase();
        String signature = Base64.getEncoder().encodeToString(algorithm.sign(key, base));
        return TestRequests.withHeader(draft, "Signature", "sig1=:" + signature + ":");
    }
}
