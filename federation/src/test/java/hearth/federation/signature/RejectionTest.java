package hearth.federation.signature;

import static hearth.federation.signature.RoundTripTest.ACTIVITY;
import static hearth.federation.signature.RoundTripTest.INBOX;
import static hearth.federation.signature.RoundTripTest.KEYS;
import static hearth.federation.signature.RoundTripTest.KEY_ID;
import static hearth.federation.signature.RoundTripTest.NOW;
import static hearth.federation.signature.RoundTripTest.TYPE;
import static hearth.federation.signature.RoundTripTest.bytes;
import static hearth.federation.signature.TestRequests.request;
import static hearth.federation.signature.TestRequests.signed;
import static hearth.federation.signature.TestRequests.withBody;
import static hearth.federation.signature.TestRequests.withHeader;
import static hearth.federation.signature.TestRequests.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every way an inbound request is refused, one named test each, with the reason it gets. */
class RejectionTest {

    private static final PrivateKey SIGNER = KEYS.getPrivate();
    private static final String DATE = "Date: Sat, 08 Mar 2025 09:15:02 GMT";
    private static final String DIGEST = "Digest: " + Digests.digestHeader(bytes(ACTIVITY));

    /** A POST as Mastodon sends it, signed by the test key. */
    private static SignedRequest mastodonPost() {
        Map<String, String> added = CavageSigner.sign("POST", URI.create(INBOX), TYPE,
                bytes(ACTIVITY), KEY_ID, SIGNER, NOW);
        return signed("POST", INBOX, ACTIVITY, added, "Host: h.example", "Content-Type: " + TYPE);
    }

    /** A POST as Fedify sends it with RFC 9421. */
    private static SignedRequest fedifyPost() {
        Map<String, String> added = Rfc9421Signer.sign("POST", URI.create(INBOX), TYPE,
                bytes(ACTIVITY), KEY_ID, SIGNER, NOW);
        return signed("POST", INBOX, ACTIVITY, added, "Host: h.example", "Content-Type: " + TYPE);
    }

    /** The unsigned request, to be signed by {@link TestSigning} with chosen coverage. */
    private static SignedRequest unsignedPost() {
        return request("POST", INBOX, ACTIVITY, "Host: h.example", "Content-Type: " + TYPE, DATE, DIGEST);
    }

    private static String cavageParams(String headers) {
        return "keyId=\"" + KEY_ID + "\",algorithm=\"rsa-sha256\",headers=\"" + headers + "\"";
    }

    private static String refusal(SignedRequest request) {
        return refusal(request, NOW);
    }

    private static String refusal(SignedRequest request, Instant now) {
        return assertThrows(SignatureProblem.class,
                () -> HttpSignatures.check(request, now, HttpSignatures.DEFAULT_WINDOW)).reason();
    }

    @Test
    void unsigned() {
        assertEquals("unsigned", refusal(unsignedPost()));
    }

    @Test
    void wrongKey() {
        SignatureClaim claim = HttpSignatures.check(mastodonPost(), NOW);

        SignatureProblem problem = assertThrows(SignatureProblem.class,
                () -> claim.verifyOrThrow(SpecKeys.rsa()));
        assertEquals("bad signature", problem.reason());
    }

    @Test
    void wrongKeyForRfc9421() {
        SignatureClaim claim = HttpSignatures.check(fedifyPost(), NOW);

        assertEquals("bad signature", assertThrows(SignatureProblem.class,
                () -> claim.verifyOrThrow(SpecKeys.ed25519())).reason());
    }

    @Test
    void tamperedSignedHeader() {
        SignedRequest request = withHeader(mastodonPost(), "Content-Type", "text/html");
        SignatureClaim claim = HttpSignatures.check(request, NOW);

        assertEquals("bad signature", assertThrows(SignatureProblem.class,
                () -> claim.verifyOrThrow(KEYS.getPublic())).reason());
    }

    @Test
    void staleDate() {
        assertEquals("stale date", refusal(mastodonPost(), NOW.plus(Duration.ofMinutes(61))));
    }

    @Test
    void futureDate() {
        assertEquals("future date", refusal(mastodonPost(), NOW.minus(Duration.ofMinutes(61))));
    }

    @Test
    void staleCreatedWithoutDate() {
        SignedRequest unsigned = withHeader(without(unsignedPost(), "Date"),
                "Content-Digest", Digests.contentDigestHeader(bytes(ACTIVITY)));
        SignedRequest request = TestSigning.rfc9421(unsigned,
                "(\"@method\" \"@target-uri\" \"@authority\" \"content-digest\");keyid=\"k\";created="
                        + NOW.minus(Duration.ofHours(2)).getEpochSecond(),
                SignatureAlgorithm.RSA_V1_5_SHA256, SIGNER);

        assertEquals("stale date", refusal(request));
    }

    @Test
    void expired() {
        long created = NOW.getEpochSecond() - 60;
        SignedRequest request = TestSigning.cavage(unsignedPost(),
                "keyId=\"k\",algorithm=\"hs2019\",created=" + created + ",expires=" + (created + 30)
                        + ",headers=\"(request-target) (created) (expires) host digest\"", SIGNER);

        assertEquals("expired", refusal(request));
    }

    @Test
    void expiredRfc9421() {
        SignedRequest request = TestSigning.rfc9421(unsignedPost(),
                "(\"@method\" \"@path\" \"@authority\" \"date\" \"digest\");keyid=\"k\";expires="
                        + (NOW.getEpochSecond() - 1),
                SignatureAlgorithm.RSA_V1_5_SHA256, SIGNER);

        assertEquals("expired", refusal(request));
    }

    @Test
    void tamperedBody() {
        SignedRequest request = withBody(mastodonPost(), ACTIVITY.replace("Create", "Delete"));

        assertEquals("digest mismatch", refusal(request));
    }

    @Test
    void tamperedBodyUnderContentDigest() {
        SignedRequest request = withBody(fedifyPost(), ACTIVITY.replace("Create", "Delete"));

        assertEquals("digest mismatch", refusal(request));
    }

    @Test
    void badDigestSignedBySender() {
        SignedRequest request = withHeader(unsignedPost(), "Digest", "SHA-512=" + java.util.Base64.getEncoder()
                .encodeToString(new byte[64]));
        request = TestSigning.cavage(request, cavageParams("(request-target) host date digest"), SIGNER);

        assertEquals("digest mismatch", refusal(request));
    }

    @Test
    void digestInAnAlgorithmHearthDoesNotCompute() {
        SignedRequest request = withHeader(unsignedPost(), "Digest", "MD5=HUXZLQLMuI/KZ5KDcJPcOA==");
        request = TestSigning.cavage(request, cavageParams("(request-target) host date digest"), SIGNER);

        assertEquals("unsupported digest", refusal(request));
    }

    @Test
    void malformedDigest() {
        SignedRequest request = withHeader(unsignedPost(), "Digest", "SHA-256");
        request = TestSigning.cavage(request, cavageParams("(request-target) host date digest"), SIGNER);

        assertEquals("malformed digest", refusal(request));
    }

    @Test
    void missingDigestOnPost() {
        SignedRequest request = TestSigning.cavage(unsignedPost(), cavageParams("(request-target) host date"), SIGNER);

        assertEquals("missing covered header digest", refusal(request));
    }

    @Test
    void postSignedWithoutABodyDigest() {
        Map<String, String> added = CavageSigner.sign("POST", URI.create(INBOX), TYPE, null, KEY_ID, SIGNER, NOW);

        assertEquals("missing covered header digest",
                refusal(signed("POST", INBOX, ACTIVITY, added, "Host: h.example", "Content-Type: " + TYPE)));
    }

    @Test
    void missingHost() {
        SignedRequest request = TestSigning.cavage(unsignedPost(), cavageParams("(request-target) date digest"), SIGNER);

        assertEquals("missing covered header host", refusal(request));
    }

    @Test
    void missingHostInRfc9421() {
        SignedRequest request = TestSigning.rfc9421(unsignedPost(),
                "(\"@method\" \"@path\" \"date\" \"digest\");keyid=\"k\"", SignatureAlgorithm.RSA_V1_5_SHA256, SIGNER);

        assertEquals("missing covered header host", refusal(request));
    }

    @Test
    void missingRequestTarget() {
        SignedRequest request = TestSigning.cavage(unsignedPost(), cavageParams("host date digest"), SIGNER);

        assertEquals("missing covered header request-target", refusal(request));
    }

    @Test
    void missingMethodOnRfc9421Post() {
        SignedRequest request = TestSigning.rfc9421(unsignedPost(),
                "(\"@target-uri\" \"date\" \"digest\");keyid=\"k\"", SignatureAlgorithm.RSA_V1_5_SHA256, SIGNER);

        assertEquals("missing covered header request-target", refusal(request));
    }

    @Test
    void missingDate() {
        SignedRequest request = TestSigning.cavage(unsignedPost(), cavageParams("(request-target) host digest"), SIGNER);

        assertEquals("missing covered header date", refusal(request));
    }

    @Test
    void missingDateOnGet() {
        SignedRequest get = request("GET", "https://h.example/c/perinatal", null, "Host: h.example", DATE);
        SignedRequest request = TestSigning.cavage(get, cavageParams("(request-target) host"), SIGNER);

        assertEquals("missing covered header date", refusal(request));
    }

    @Test
    void coveredHeaderAbsentFromTheRequest() {
        SignedRequest request = TestSigning.cavage(unsignedPost(),
                cavageParams("(request-target) host date digest content-type"), SIGNER);

        assertEquals("absent header content-type", refusal(without(request, "Content-Type")));
    }

    @Test
    void malformedDate() {
        SignedRequest request = withHeader(unsignedPost(), "Date", "yesterday");
        request = TestSigning.cavage(request, cavageParams("(request-target) host date digest"), SIGNER);

        assertEquals("malformed date", refusal(request));
    }

    @Test
    void unsupportedAlgorithm() {
        SignedRequest request = withHeader(unsignedPost(), "Signature",
                "keyId=\"k\",algorithm=\"hmac-sha256\",headers=\"(request-target) host date digest\",signature=\"AAAA\"");

        assertEquals("unsupported algorithm", refusal(request));
    }

    @Test
    void unsupportedAlgorithmInRfc9421() {
        SignedRequest request = withHeader(withHeader(unsignedPost(), "Signature-Input",
                "sig1=(\"@method\");keyid=\"k\";alg=\"rsa-sha1\""), "Signature", "sig1=:AAAA:");

        assertEquals("unsupported algorithm", refusal(request));
    }

    @Test
    void sharedSecretAlgorithmInTheInbox() {
        SignedRequest request = withHeader(withHeader(unsignedPost(), "Signature-Input",
                "sig1=(\"@method\" \"@path\" \"@authority\" \"date\" \"digest\");keyid=\"k\";alg=\"hmac-sha256\""),
                "Signature", "sig1=:AAAA:");

        assertEquals("unsupported algorithm", refusal(request));
    }

    @Test
    void unsupportedComponent() {
        SignedRequest request = withHeader(withHeader(unsignedPost(), "Signature-Input",
                "sig1=(\"@status\" \"@method\");keyid=\"k\""), "Signature", "sig1=:AAAA:");

        assertEquals("unsupported component @status", refusal(request));
    }

    @Test
    void malformedSignatureHeader() {
        SignedRequest request = withHeader(unsignedPost(), "Signature", "keyId=\"k\",headers=\"date\",signature=");

        assertEquals("malformed signature", refusal(request));
    }

    @Test
    void malformedSignatureHeaderWithoutKeyId() {
        SignedRequest request = withHeader(unsignedPost(), "Signature", "algorithm=\"rsa-sha256\",signature=\"AAAA\"");

        assertEquals("malformed signature", refusal(request));
    }

    @Test
    void malformedSignatureBase64() {
        SignedRequest request = withHeader(unsignedPost(), "Signature", "keyId=\"k\",signature=\"not base64!\"");

        assertEquals("malformed signature", refusal(request));
    }

    @Test
    void malformedSignatureInput() {
        SignedRequest request = withHeader(withHeader(unsignedPost(), "Signature-Input",
                "sig1=(\"@method\" ;keyid=k"), "Signature", "sig1=:AAAA:");

        assertEquals("malformed signature", refusal(request));
    }

    @Test
    void signatureInputWithoutItsSignature() {
        SignedRequest request = withHeader(withHeader(unsignedPost(), "Signature-Input",
                "sig1=(\"@method\");keyid=\"k\""), "Signature", "other=:AAAA:");

        assertEquals("malformed signature", refusal(request));
    }

    @Test
    void reasonsNeverEchoWhatTheSenderWrote() {
        SignedRequest request = TestSigning.cavage(
                withHeader(unsignedPost(), "X-Evil", "x"), cavageParams("(request-target) host date digest x-evil"), SIGNER);
        SignedRequest renamed = withHeader(request, "Signature",
                request.first("signature").orElseThrow().replace("x-evil", "x-evil<script>"));

        assertEquals("absent header x-evil?script?", refusal(renamed));
    }
}
