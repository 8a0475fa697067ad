package hearth.federation.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Json;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of object integrity proofs (FEP-8b32, eddsa-jcs-2022) as a relayed post
 * or a blocklist feed brings them, and of the JSON Canonicalization Scheme underneath. The
 * contract: {@link DataIntegrity#verify} answers true or false for any document, never throws and
 * never hangs; {@link Jcs} either refuses a value with {@link IllegalArgumentException} or gives
 * JSON that Hearth reads back and canonicalizes to the same text (canonical form is a fixed point),
 * save for the integers beyond 2^53 that Hearth refuses to read.
 *
 * <p>The key is the W3C vc-di-eddsa 1.0 test key pair ({@link DataIntegrityVectorsTest}); the
 * seeds in {@code DataIntegrityFuzzTestInputs/verify/} are documents signed with it (the W3C
 * eddsa-jcs-2022 credential, a Hearth page, a blocklist feed) and the Fedify fixture's proof.
 */
class DataIntegrityFuzzTest {

    private static final byte[] KEY = Multikey.decodeEd25519(DataIntegrityVectorsTest.PUBLIC_MULTIBASE);

    @BeforeAll
    static void warmUp() {
        // Loads (and, when fuzzing, instruments) the classes before the per-input timer runs.
        verifyAndCanonicalize(("{\"@context\":[\"https://www.w3.org/ns/activitystreams\"],\"n\":[1.5e300,-0,1E-7],"
                + "\"proof\":{\"type\":\"DataIntegrityProof\",\"cryptosuite\":\"eddsa-jcs-2022\","
                + "\"proofPurpose\":\"assertionMethod\",\"verificationMethod\":\"https://a.example/k\","
                + "\"created\":\"2023-02-24T23:36:38Z\",\"proofValue\":\"z2HnFSS\","
                + "\"@context\":[\"https://www.w3.org/ns/activitystreams\"]}}").getBytes(StandardCharsets.UTF_8));
    }

    @FuzzTest
    @Timeout(20)
    void verify(byte[] body) {
        verifyAndCanonicalize(body);
    }

    private static void verifyAndCanonicalize(byte[] body) {
        ObjectNode document;
        try {
            document = Json.parseObject(body);
        } catch (Json.MalformedJson refused) {
            return;
        }
        DataIntegrity.verificationMethod(document);
        DataIntegrity.verify(document, KEY);
        String canonical;
        try {
            canonical = Jcs.canonicalize(document);
        } catch (IllegalArgumentException noCanonicalForm) {
            return;
        }
        ObjectNode again = Json.parseObject(canonical.getBytes(StandardCharsets.UTF_8));
        String twice;
        try {
            twice = Jcs.canonicalize(again);
        } catch (IllegalArgumentException refused) {
            // Allowed for one reason only: a double such as 1e20 is written as an integer literal
            // beyond 2^53, which Hearth does not read back (see ProofFuzzFindingsTest).
            assertTrue(hasUnsafeInteger(again), () -> canonical + " is refused: " + refused.getMessage());
            return;
        }
        assertEquals(canonical, twice);
    }

    private static boolean hasUnsafeInteger(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().abs().compareTo(BigInteger.TWO.pow(53)) > 0;
        }
        for (JsonNode child : node) {
            if (hasUnsafeInteger(child)) {
                return true;
            }
        }
        return false;
    }
}
