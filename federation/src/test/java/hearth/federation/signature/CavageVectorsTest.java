package hearth.federation.signature;

import static hearth.federation.signature.TestRequests.request;
import static hearth.federation.signature.TestRequests.withHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The test values of draft-cavage-http-signatures-12, Appendix C
 * (https://datatracker.ietf.org/doc/html/draft-cavage-http-signatures-12#appendix-C): the key
 * {@code Test}, the request {@code POST /foo?param=value&pet=dog}, and the signatures of the
 * "Default Test", "Basic Test" and "All Headers Test".
 */
class CavageVectorsTest {

    private static final String BODY = "{\"hello\": \"world\"}";

    private static SignedRequest appendixRequest(String signature) {
        return request("POST", "http://example.com/foo?param=value&pet=dog", BODY,
                "Host: example.com",
                "Date: Sun, 05 Jan 2014 21:31:40 GMT",
                "Content-Type: application/json",
                "Digest: SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=",
                "Content-Length: 18",
                "Signature: " + signature);
    }

    private static final String DEFAULT_TEST = "keyId=\"Test\",algorithm=\"rsa-sha256\","
            + "signature=\"SjWJWbWN7i0wzBvtPl8rbASWz5xQW6mcJmn+ibttBqtifLN7Sazz6m79cNfwwb8DMJ5cou1s7uEGKKCs+FLEEaDV5"
            + "lp7q25WqS+lavg7T8hc0GppauB6hbgEKTwblDHYGEtbGmtdHgVCk9SuS13F0hZ8FD0k/5OxEPXe5WozsbM=\"";

    private static final String BASIC_TEST = "keyId=\"Test\",algorithm=\"rsa-sha256\","
            + "headers=\"(request-target) host date\","
            + "signature=\"qdx+H7PHHDZgy4y/Ahn9Tny9V3GP6YgBPyUXMmoxWtLbHpUnXS2mg2+SbrQDMCJypxBLSPQR2aAjn7ndmw2iicw3H"
            + "Mbe8VfEdKFYRqzic+efkb3nndiv/x1xSHDJWeSWkx3ButlYSuBskLu6kd9Fswtemr3lgdDEmn04swr2Os0=\"";

    // The draft prints this signature under a header list that also names "(created) (expires)",
    // but the signature matches the signing string it prints, which has neither (its appendix
    // warns the vectors may be wrong). The list below is the one that was signed.
    private static final String ALL_HEADERS_TEST = "keyId=\"Test\",algorithm=\"rsa-sha256\", "
            + "headers=\"(request-target) host date content-type digest content-length\", "
            + "signature=\"vSdrb+dS3EceC9bcwHSo4MlyKS59iFIrhgYkz8+oVLEEzmYZZvRs8rgOp+63LEM3v+MFHB32NfpB2bEKBIvB1q52"
            + "LaEUHFv120V01IL+TAD48XaERZFukWgHoBTLMhYS2Gb51gWxpeIq8knRmPnYePbF5MOkR0Zkly4zKH7s1dE=\"";

    @Test
    void defaultTestSignsOnlyTheDate() {
        SignatureClaim claim = HttpSignatures.parse(appendixRequest(DEFAULT_TEST));

        assertEquals("Test", claim.keyId());
        assertEquals(List.of("date"), claim.coveredComponents());
        assertEquals("date: Sun, 05 Jan 2014 21:31:40 GMT", signingString(claim));
        assertTrue(claim.verify(SpecKeys.cavageTest()));
    }

    @Test
    void defaultTestInAuthorizationHeader() {
        SignedRequest request = TestRequests.without(appendixRequest(DEFAULT_TEST), "Signature");
        request = withHeader(request, "Authorization", "Signature " + DEFAULT_TEST);

        assertTrue(HttpSignatures.parse(request).verify(SpecKeys.cavageTest()));
    }

    @Test
    void basicTest() {
        SignatureClaim claim = HttpSignatures.parse(appendixRequest(BASIC_TEST));

        assertEquals("(request-target): post /foo?param=value&pet=dog\n"
                + "host: example.com\n"
                + "date: Sun, 05 Jan 2014 21:31:40 GMT", signingString(claim));
        assertTrue(claim.verify(SpecKeys.cavageTest()));
    }

    @Test
    void allHeadersTest() {
        SignatureClaim claim = HttpSignatures.parse(appendixRequest(ALL_HEADERS_TEST));

        assertEquals("(request-target): post /foo?param=value&pet=dog\n"
                + "host: example.com\n"
                + "date: Sun, 05 Jan 2014 21:31:40 GMT\n"
                + "content-type: application/json\n"
                + "digest: SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=\n"
                + "content-length: 18", signingString(claim));
        assertTrue(claim.verify(SpecKeys.cavageTest()));
    }

    @Test
    void appendixDigestIsTheBodyDigest() {
        assertEquals("SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=",
                Digests.digestHeader(BODY.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void basicTestFailsWhenTheTargetChanges() {
        SignedRequest moved = new SignedRequest("POST",
                java.net.URI.create("http://example.com/foo?param=value&pet=cat"),
                appendixRequest(BASIC_TEST).headers(), BODY.getBytes(StandardCharsets.UTF_8));

        assertFalse(HttpSignatures.parse(moved).verify(SpecKeys.cavageTest()));
    }

    @Test
    void hs2019WithTheSameRsaSignatureVerifies() {
        String hs2019 = BASIC_TEST.replace("rsa-sha256", "hs2019");

        assertTrue(HttpSignatures.parse(appendixRequest(hs2019)).verify(SpecKeys.cavageTest()));
    }

    @Test
    void signingWithTheTestKeyReproducesTheBasicTest() {
        // PKCS#1 v1.5 is deterministic: the published value comes out again.
        byte[] text = ("(request-target): post /foo?param=value&pet=dog\nhost: example.com\n"
                + "date: Sun, 05 Jan 2014 21:31:40 GMT").getBytes(StandardCharsets.UTF_8);
        byte[] signature = SignatureAlgorithm.RSA_V1_5_SHA256.sign(SpecKeys.cavageTestPrivate(), text);

        assertEquals("qdx+H7PHHDZgy4y/Ahn9Tny9V3GP6YgBPyUXMmoxWtLbHpUnXS2mg2+SbrQDMCJypxBLSPQR2aAjn7ndmw2iicw3H"
                + "Mbe8VfEdKFYRqzic+efkb3nndiv/x1xSHDJWeSWkx3ButlYSuBskLu6kd9Fswtemr3lgdDEmn04swr2Os0=",
                java.util.Base64.getEncoder().encodeToString(signature));
    }

    private static String signingString(SignatureClaim claim) {
        return new String(((CavageClaim) claim).signingString(), StandardCharsets.UTF_8);
    }
}
