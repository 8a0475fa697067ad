package hearth.federation.signature;

import static hearth.federation.signature.TestRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which scheme a request uses, and the checks on the caller's own arguments. */
class HttpSignaturesTest {

    private static final String URI = "https://h.example/inbox";

    @Test
    void signatureInputMeansRfc9421EvenBesideACavageLookingSignature() {
        SignedRequest request = request("GET", URI, null, "Host: h.example",
                "Signature-Input: sig1=(\"@method\");keyid=\"k\"", "Signature: sig1=:AAAA:");

        assertTrue(HttpSignatures.parse(request) instanceof Rfc9421Claim);
    }

    @Test
    void signatureAloneMeansDraftCavage() {
        SignedRequest request = request("GET", URI, null, "Date: Sun, 05 Jan 2014 21:31:40 GMT",
                "Signature: keyId=\"k\",signature=\"AAAA\"");

        assertTrue(HttpSignatures.parse(request) instanceof CavageClaim);
    }

    @Test
    void isSignedSeesEachScheme() {
        assertTrue(HttpSignatures.isSigned(request("GET", URI, null, "Signature-Input: sig1=()")));
        assertTrue(HttpSignatures.isSigned(request("GET", URI, null, "Signature: keyId=\"k\"")));
        assertTrue(HttpSignatures.isSigned(request("GET", URI, null, "Authorization: Signature keyId=\"k\"")));
        assertFalse(HttpSignatures.isSigned(request("GET", URI, null, "Authorization: Bearer abc")));
    }

    @Test
    void aNegativeWindowIsTheCallersMistake() {
        SignedRequest request = request("GET", URI, null);

        assertThrows(IllegalArgumentException.class,
                () -> HttpSignatures.check(request, Instant.EPOCH, Duration.ofSeconds(-1)));
    }

    @Test
    void aRelativeUriIsTheCallersMistake() {
        assertThrows(IllegalArgumentException.class, () -> request("GET", "/inbox", null));
    }

    @Test
    void headersKeepEveryLineOfNamesThatDifferOnlyInCase() {
        SignedRequest request = request("GET", URI, null, "Accept: a", "accept: b");

        assertEquals("a, b", request.combined("ACCEPT").orElseThrow());
        assertEquals("a", request.first("accept").orElseThrow());
    }

    @Test
    void problemKindAndReasonAgree() {
        SignatureProblem problem = new SignatureProblem(SignatureProblem.Kind.MISSING_COVERED, "host");

        assertEquals(SignatureProblem.Kind.MISSING_COVERED, problem.kind());
        assertEquals("missing covered header host", problem.reason());
        assertEquals("missing covered header host", problem.getMessage());
    }
}
