package hearth.federation.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Digest (RFC 3230) and Content-Digest (RFC 9530) headers against bodies. */
class DigestsTest {

    private static final byte[] BODY = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void digestHeaderOfTheDraftCavageBody() {
        // draft-cavage-http-signatures-12, Appendix C.
        assertEquals("SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=", Digests.digestHeader(BODY));
    }

    @Test
    void contentDigestHeaderOfTheSameBody() {
        assertEquals("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:", Digests.contentDigestHeader(BODY));
    }

    @Test
    void digestOfAnEmptyBody() {
        assertEquals("SHA-256=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", Digests.digestHeader(new byte[0]));
    }

    @Test
    void acceptsSha512ContentDigestOfRfc9421TestRequest() {
        // RFC 9421 Appendix B.2, test-request.
        Digests.checkContentDigest("sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyeal"
                + "dVLvRwEmTHWXvJwew==:", BODY);
    }

    @Test
    void acceptsAlgorithmNamesInAnyCaseAndIgnoresUnknownOnes() {
        Digests.checkDigest("md5=abc=, Sha-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=", BODY);
    }

    @Test
    void everyKnownEntryMustMatch() {
        assertReason("digest mismatch", () -> Digests.checkDigest(
                "SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=,SHA-512=AAAA", BODY));
    }

    @Test
    void contentDigestMismatch() {
        assertReason("digest mismatch", () -> Digests.checkContentDigest(
                "sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:", BODY));
    }

    @Test
    void contentDigestThatIsNotAByteSequence() {
        assertReason("malformed digest", () -> Digests.checkContentDigest(
                "sha-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE", BODY));
    }

    @Test
    void contentDigestInOnlyUnknownAlgorithms() {
        assertReason("unsupported digest", () -> Digests.checkContentDigest("md5=:AAAA:", BODY));
    }

    @Test
    void digestWithBadBase64() {
        assertReason("malformed digest", () -> Digests.checkDigest("SHA-256=***", BODY));
    }

    private static void assertReason(String reason, Executable check) {
        assertEquals(reason, assertThrows(SignatureProblem.class, check).reason());
    }
}
