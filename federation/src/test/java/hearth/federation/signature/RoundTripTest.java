package hearth.federation.signature;

import static hearth.federation.signature.TestRequests.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.federation.keys.RsaKeys;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What Hearth signs, Hearth (and so Mastodon, Lemmy, Fedify) accepts. */
class RoundTripTest {

    static final KeyPair KEYS = RsaKeys.generate();
    static final String KEY_ID = "https://a.example/c/perinatal#main-key";
    static final Instant NOW = Instant.parse("2025-03-08T09:15:02Z");
    static final String ACTIVITY = "{\"type\":\"Create\",\"actor\":\"https://a.example/c/perinatal\"}";
    static final String TYPE = "application/activity+json";
    static final String INBOX = "https://h.example/inbox";

    @Test
    void cavagePostPassesTheInboxRulesAndVerifies() {
        Map<String, String> added = CavageSigner.sign("POST", URI.create(INBOX), TYPE,
                bytes(ACTIVITY), KEY_ID, KEYS.getPrivate(), NOW);
        SignedRequest request = signed("POST", INBOX, ACTIVITY, added, "Host: h.example", "Content-Type: " + TYPE);

        SignatureClaim claim = HttpSignatures.check(request, NOW.plusSeconds(30), HttpSignatures.DEFAULT_WINDOW);

        assertEquals(KEY_ID, claim.keyId());
        assertEquals(Optional.of("rsa-sha256"), claim.algorithm());
        assertEquals(List.of("(request-target)", "host", "date", "digest", "content-type"), claim.coveredComponents());
        assertTrue(claim.verify(KEYS.getPublic()));
    }

    @Test
    void cavageSignerAddsDateDigestAndSignatureHeaders() {
        Map<String, String> added = CavageSigner.sign("POST", URI.create(INBOX), TYPE,
                bytes(ACTIVITY), KEY_ID, KEYS.getPrivate(), NOW);

        assertEquals(List.of("Date", "Digest", "Signature"), List.copyOf(added.keySet()));
        assertEquals("Sat, 08 Mar 2025 09:15:02 GMT", added.get("Date"));
        assertEquals(Digests.digestHeader(bytes(ACTIVITY)), added.get("Digest"));
        assertTrue(added.get("Signature").startsWith("keyId=\"" + KEY_ID + "\",algorithm=\"rsa-sha256\","
                + "headers=\"(request-target) host date digest content-type\",signature=\""));
    }

    @Test
    void cavageGetSignsTargetHostAndDateOnly() {
        String outbox = "https://h.example/c/perinatal/outbox?page=true";
        Map<String, String> added = CavageSigner.sign("GET", URI.create(outbox), null, null,
                KEY_ID, KEYS.getPrivate(), NOW);
        SignedRequest request = signed("GET", outbox, null, added, "Host: h.example");

        SignatureClaim claim = HttpSignatures.check(request, NOW, HttpSignatures.DEFAULT_WINDOW);

        assertFalse(added.containsKey("Digest"));
        assertEquals(List.of("(request-target)", "host", "date"), claim.coveredComponents());
        assertTrue(claim.verify(KEYS.getPublic()));
    }

    @Test
    void cavageHostKeepsAPortThatIsNotTheDefault() {
        String inbox = "https://H.example:8443/inbox";
        Map<String, String> added = CavageSigner.sign("POST", URI.create(inbox), TYPE,
                bytes(ACTIVITY), KEY_ID, KEYS.getPrivate(), NOW);
        SignedRequest request = signed("POST", inbox, ACTIVITY, added, "Host: h.example:8443", "Content-Type: " + TYPE);

        assertTrue(HttpSignatures.check(request, NOW).verify(KEYS.getPublic()));
    }

    @Test
    void rfc9421PostPassesTheInboxRulesAndVerifies() {
        Map<String, String> added = Rfc9421Signer.sign("POST", URI.create(INBOX), TYPE,
                bytes(ACTIVITY), KEY_ID, KEYS.getPrivate(), NOW);
        SignedRequest request = signed("POST", INBOX, ACTIVITY, added, "Host: h.example", "Content-Type: " + TYPE);

        SignatureClaim claim = HttpSignatures.check(request, NOW, HttpSignatures.DEFAULT_WINDOW);

        assertEquals(List.of("Date", "Content-Digest", "Signature-Input", "Signature"), List.copyOf(added.keySet()));
        assertEquals("sig1=(\"@method\" \"@target-uri\" \"@authority\" \"date\" \"content-digest\" \"content-type\")"
                + ";alg=\"rsa-v1_5-sha256\";keyid=\"" + KEY_ID + "\";created=" + NOW.getEpochSecond(),
                added.get("Signature-Input"));
        assertEquals(Optional.of("rsa-v1_5-sha256"), claim.algorithm());
        assertTrue(claim.verify(KEYS.getPublic()));
    }

    @Test
    void rfc9421GetPassesTheInboxRulesAndVerifies() {
        String actor = "https://h.example/c/perinatal";
        Map<String, String> added = Rfc9421Signer.sign("GET", URI.create(actor), null, null,
                KEY_ID, KEYS.getPrivate(), NOW);
        SignedRequest request = signed("GET", actor, null, added, "Host: h.example");

        SignatureClaim claim = HttpSignatures.check(request, NOW, HttpSignatures.DEFAULT_WINDOW);

        assertEquals(List.of("@method", "@target-uri", "@authority", "date"), claim.coveredComponents());
        assertTrue(claim.verify(KEYS.getPublic()));
    }

    @Test
    void rfc9421Ed25519RoundTrip() {
        Map<String, String> added = Rfc9421Signer.sign("POST", URI.create(INBOX), TYPE,
                bytes(ACTIVITY), "test-key-ed25519", SpecKeys.ed25519Private(), NOW);
        SignedRequest request = signed("POST", INBOX, ACTIVITY, added, "Host: h.example", "Content-Type: " + TYPE);

        SignatureClaim claim = HttpSignatures.check(request, NOW);

        assertEquals(Optional.of("ed25519"), claim.algorithm());
        assertTrue(claim.verify(SpecKeys.ed25519()));
        assertFalse(claim.verify(KEYS.getPublic()));
    }

    @Test
    void headerNamesMatchWhateverTheirCase() {
        Map<String, String> added = CavageSigner.sign("POST", URI.create(INBOX), TYPE,
                bytes(ACTIVITY), KEY_ID, KEYS.getPrivate(), NOW);
        SignedRequest request = TestRequests.request("POST", INBOX, ACTIVITY,
                "HOST: h.example", "content-TYPE: " + TYPE,
                "date: " + added.get("Date"), "DIGEST: " + added.get("Digest"), "signature: " + added.get("Signature"));

        assertTrue(HttpSignatures.check(request, NOW).verify(KEYS.getPublic()));
    }

    @Test
    void aWiderWindowAcceptsAnOlderDate() {
        Map<String, String> added = CavageSigner.sign("POST", URI.create(INBOX), TYPE,
                bytes(ACTIVITY), KEY_ID, KEYS.getPrivate(), NOW);
        SignedRequest request = signed("POST", INBOX, ACTIVITY, added, "Host: h.example", "Content-Type: " + TYPE);

        assertTrue(HttpSignatures.check(request, NOW.plusSeconds(11 * 3600), java.time.Duration.ofHours(12))
                .verify(KEYS.getPublic()));
    }

    @Test
    void hs2019WithCreatedInsteadOfDatePasses() {
        SignedRequest unsigned = TestRequests.request("POST", INBOX, ACTIVITY, "Host: h.example",
                "Digest: " + Digests.digestHeader(bytes(ACTIVITY)));
        SignedRequest request = TestSigning.cavage(unsigned, "keyId=\"" + KEY_ID + "\",algorithm=\"hs2019\",created="
                + NOW.getEpochSecond() + ",headers=\"(request-target) (created) host digest\"", KEYS.getPrivate());

        SignatureClaim claim = HttpSignatures.check(request, NOW);

        assertEquals(Optional.of("hs2019"), claim.algorithm());
        assertTrue(claim.verify(KEYS.getPublic()));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
