package hearth.federation.blocklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.keys.Ed25519Keys;
import hearth.federation.proof.DataIntegrity;
import java.net.URI;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedDocumentTest {

    private static final KeyPair KEYS = Ed25519Keys.generate();
    private static final byte[] PUBLIC = Ed25519Keys.rawPublic(KEYS.getPublic());
    private static final String METHOD = "https://hearth.example/actor/node#ed25519-key";
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    static Feed feed() {
        return new Feed(URI.create("https://hearth.example/blocklist.json"),
                URI.create("https://hearth.example/actor/node"), 7, Instant.parse("2025-05-30T08:00:00Z"), List.of(
                new FeedEntry("spam.example", TargetKind.DOMAIN, Severity.SUSPEND, true, false,
                        List.of("spam"), "Spam waves", Instant.parse("2025-01-02T03:04:05Z"),
                        Instant.parse("2025-01-02T03:04:05Z"), 2, false),
                new FeedEntry("https://other.example/users/troll", TargetKind.ACTOR, Severity.SUSPEND, false, false,
                        List.of("harassment", "doxxing"), "Targets members across circles",
                        Instant.parse("2025-02-01T00:00:00Z"), Instant.parse("2025-03-01T00:00:00Z"), 5, false),
                new FeedEntry("lifted.example", TargetKind.DOMAIN, Severity.SILENCE, false, true,
                        List.of(), "", Instant.parse("2025-01-01T00:00:00Z"),
                        Instant.parse("2025-05-30T08:00:00Z"), 7, true)));
    }

    private static ObjectNode signed() {
        return FeedDocument.sign(feed(), METHOD, KEYS.getPrivate(), NOW);
    }

    private static ObjectNode entry(ObjectNode doc, int index) {
        return (ObjectNode) doc.get("entries").get(index);
    }

    @Test
    void aSignedFeedVerifiesAndReadsBackEqual() throws Exception {
        assertEquals(feed(), FeedDocument.verify(signed(), PUBLIC));
    }

    @Test
    void theDocumentHasTheAgreedShape() {
        ObjectNode doc = signed();
        assertEquals("https://www.w3.org/ns/activitystreams", doc.get("@context").get(0).asText());
        assertEquals("https://w3id.org/security/data-integrity/v2", doc.get("@context").get(1).asText());
        assertEquals("Blocklist", doc.get("type").asText());
        assertEquals("https://hearth.example/blocklist.json", doc.get("id").asText());
        assertEquals("https://hearth.example/actor/node", doc.get("issuer").asText());
        assertEquals(7, doc.get("sequence").asLong());
        assertEquals("2025-05-30T08:00:00Z", doc.get("updated").asText());
        ObjectNode actor = entry(doc, 1);
        assertEquals("actor", actor.get("kind").asText());
        assertEquals("suspend", actor.get("severity").asText());
        assertEquals("Targets members across circles", actor.get("publicReason").asText());
        assertEquals("2025-03-01T00:00:00Z", actor.get("lastChanged").asText());
        assertTrue(entry(doc, 2).get("retracted").asBoolean());
        assertTrue(entry(doc, 2).get("rejectReports").asBoolean());
        assertEquals("eddsa-jcs-2022", doc.get("proof").get("cryptosuite").asText());
    }

    @Test
    void theVerificationMethodIsTheOneSignedWith() {
        assertEquals(Optional.of(METHOD), FeedDocument.verificationMethod(signed()));
    }

    @Test
    void aDocumentWithoutProofNamesNoVerificationMethod() {
        ObjectNode doc = signed();
        doc.remove("proof");
        assertEquals(Optional.empty(), FeedDocument.verificationMethod(doc));
    }

    @Test
    void aChangedEntryFails() {
        ObjectNode doc = signed();
        entry(doc, 0).put("severity", "silence");
        assertRefused(doc, "does not verify");
    }

    @Test
    void aRemovedEntryFails() {
        ObjectNode doc = signed();
        ((ArrayNode) doc.get("entries")).remove(1);
        assertRefused(doc, "does not verify");
    }

    @Test
    void anAddedEntryFails() {
        ObjectNode doc = signed();
        ((ArrayNode) doc.get("entries")).add(entry(doc, 0).deepCopy().put("target", "partner.example"));
        assertRefused(doc, "does not verify");
    }

    @Test
    void aChangedSequenceFails() {
        ObjectNode doc = signed();
        doc.put("sequence", 8);
        assertRefused(doc, "does not verify");
    }

    @Test
    void anotherKeyFails() {
        BlocklistFormatException e = assertThrows(BlocklistFormatException.class,
                () -> FeedDocument.verify(signed(), Ed25519Keys.rawPublic(Ed25519Keys.generate().getPublic())));
        assertTrue(e.getMessage().contains("does not verify"), e.getMessage());
    }

    @Test
    void aMissingProofFails() {
        ObjectNode doc = signed();
        doc.remove("proof");
        assertRefused(doc, "not signed");
    }

    @Test
    void aSignedFeedWithAnUnknownSeverityIsRefused() {
        ObjectNode unsigned = FeedJson.write(feed());
        entry(unsigned, 0).put("severity", "obliterate");
        assertRefused(DataIntegrity.sign(unsigned, METHOD, KEYS.getPrivate(), NOW), "unknown severity");
    }

    @Test
    void aSignedFeedListingATargetTwiceIsRefused() {
        ObjectNode unsigned = FeedJson.write(feed());
        ((ArrayNode) unsigned.get("entries")).add(entry(unsigned, 0).deepCopy());
        assertRefused(DataIntegrity.sign(unsigned, METHOD, KEYS.getPrivate(), NOW), "listed twice");
    }

    @Test
    void aSignedFeedWithAMalformedEntryIsRefused() {
        ObjectNode unsigned = FeedJson.write(feed());
        entry(unsigned, 1).put("rejectMedia", "yes");
        assertRefused(DataIntegrity.sign(unsigned, METHOD, KEYS.getPrivate(), NOW),
                "entry 2 (https://other.example/users/troll): rejectMedia must be true or false");
    }

    private static void assertRefused(ObjectNode doc, String reason) {
        BlocklistFormatException e = assertThrows(BlocklistFormatException.class, () -> FeedDocument.verify(doc, PUBLIC));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
