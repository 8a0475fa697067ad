package hearth.federation.signature;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of inbound HTTP signatures, draft-cavage and RFC 9421 alike: header
 * parsing (Signature, Signature-Input, Authorization), the signature base, the inbox rules with
 * Date, Digest and Content-Digest, and verification against RSA, RSA-PSS, P-256, Ed25519 and HMAC
 * keys. The contract: a bad request is refused with {@link SignatureProblem} only, whatever its
 * headers say, and {@link SignatureClaim#verify} answers true or false, never throws, never hangs.
 *
 * <p>An input is a request as it travels, so seeds can be read and written by hand:
 * <pre>
 * POST /inbox?a=1
 * Host: h.example
 * Signature: keyId="...",headers="(request-target) host date digest",signature="..."
 *
 * {"body": "after the first empty line"}
 * </pre>
 * The seeds in {@code HttpSignaturesFuzzTestInputs/check/} are the signed examples of
 * draft-cavage-http-signatures-12 Appendix C and RFC 9421 Appendix B.2 (valid under their own
 * keys, stale under {@link #NOW}), and requests signed at {@link #NOW} with those keys that pass
 * the inbox rules.
 */
class HttpSignaturesFuzzTest {

    /** The clock of the fuzzed inbox: the seeds signed for Hearth's rules are signed at this time. */
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private static final String ORIGIN = "https://h.example";

    private static List<PublicKey> keys;

    @BeforeAll
    static void warmUp() {
        keys = List.of(SpecKeys.cavageTest(), SpecKeys.rsa(), SpecKeys.rsaPss(), SpecKeys.eccP256(),
                SpecKeys.ed25519());
        // Loads (and, when fuzzing, instruments) the classes before the per-input timer runs.
        checkAndVerify(("POST /inbox\nHost: h.example\nDigest: SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=\n"
                + "Content-Digest: sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:\n"
                + "Signature-Input: s=(\"@method\" \"@path\" \"@query-param\";name=\"a\");created=1;alg=\"ed25519\"\n"
                + "Signature: s=:AAAA:\n\n{\"hello\": \"world\"}").getBytes(StandardCharsets.UTF_8));
    }

    @FuzzTest
    @Timeout(20)
    void check(byte[] wire) {
        checkAndVerify(wire);
    }

    private static void checkAndVerify(byte[] wire) {
        SignedRequest request = request(wire);
        try {
            SignatureClaim claim = HttpSignatures.parse(request);
            for (PublicKey key : keys) {
                claim.verify(key);
            }
            if (claim instanceof Rfc9421Claim rfc) {
                rfc.verifyHmac(SpecKeys.sharedSecret());
            }
        } catch (SignatureProblem refused) {
            // Answered with 401 and the problem's reason.
        }
        try {
            HttpSignatures.check(request, NOW);
        } catch (SignatureProblem refused) {
            // As above.
        }
    }

    /**
     * Reads the request line (method, then a target resolved against {@link #ORIGIN}), header
     * lines up to the first empty line, and the body after it. It never refuses: the node builds
     * a well-formed request from whatever arrives, so anything odd here is read some plain way.
     */
    static SignedRequest request(byte[] wire) {
        String text = new String(wire, StandardCharsets.UTF_8);
        int end = text.indexOf("\n\n");
        String head = end < 0 ? text : text.substring(0, end);
        byte[] body = end < 0 ? new byte[0] : text.substring(end + 2).getBytes(StandardCharsets.UTF_8);
        String[] lines = head.split("\n", -1);
        String[] requestLine = lines[0].strip().split(" ", 2);
        String method = requestLine[0].isEmpty() ? "POST" : requestLine[0];
        URI uri = URI.create(ORIGIN + "/inbox");
        if (requestLine.length == 2) {
            try {
                URI target = new URI(ORIGIN + requestLine[1].strip());
                if (target.getRawAuthority() != null) {
                    uri = target;
                }
            } catch (URISyntaxException unusable) {
                // Keep the default target.
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).strip(), name -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).strip());
            }
        }
        return new SignedRequest(method, uri, headers, body);
    }
}
