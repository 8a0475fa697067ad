package hearth.federation.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.keys.Ed25519Keys;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DataIntegrityTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final KeyPair KEYS = Ed25519Keys.generate();
    private static final byte[] PUBLIC = Ed25519Keys.rawPublic(KEYS.getPublic());
    private static final String METHOD = "https://a.example/circles/perinatal#ed25519-key";
    private static final Instant NOW = Instant.parse("2025-03-01T10:15:30.123456Z");

    private static ObjectNode page() throws Exception {
        return (ObjectNode) MAPPER.readTree("""
                {
                  "@context": ["https://www.w3.org/ns/activitystreams", "https://w3id.org/security/data-integrity/v2"],
                  "id": "https://a.example/threads/7",
                  "type": "Page",
                  "attributedTo": "https://a.example/p/quiet-fern",
                  "audience": "https://a.example/circles/perinatal",
                  "name": "Nights are the hardest",
                  "content": "<p>Does anyone else lie awake?</p>",
                  "sensitive": true,
                  "summary": "sleep, low mood"
                }""");
    }

    private static ObjectNode signedPage() throws Exception {
        return DataIntegrity.sign(page(), METHOD, KEYS.getPrivate(), NOW);
    }

    private static ObjectNode proofOf(ObjectNode document) {
        return (ObjectNode) document.get("proof");
    }

    @Test
    void signedDocumentVerifies() throws Exception {
        assertTrue(DataIntegrity.verify(signedPage(), PUBLIC));
    }

    @Test
    void signedDocumentIsTheOriginalPlusAProof() throws Exception {
        ObjectNode signed = signedPage();
        ObjectNode proof = proofOf(signed);
        signed.remove("proof");
        assertEquals(page(), signed);
        assertEquals("DataIntegrityProof", proof.get("type").asText());
        assertEquals("eddsa-jcs-2022", proof.get("cryptosuite").asText());
        assertEquals("assertionMethod", proof.get("proofPurpose").asText());
        assertEquals(METHOD, proof.get("verificationMethod").asText());
        assertEquals("2025-03-01T10:15:30Z", proof.get("created").asText());
        assertEquals(page().get("@context"), proof.get("@context"));
        assertTrue(proof.get("proofValue").asText().startsWith("z"));
    }

    @Test
    void signingLeavesTheArgumentUnchanged() throws Exception {
        ObjectNode document = page();
        DataIntegrity.sign(document, METHOD, KEYS.getPrivate(), NOW);
        assertEquals(page(), document);
    }

    @Test
    void documentWithoutContextGetsProofWithoutContext() throws Exception {
        ObjectNode document = page();
        document.remove("@context");
        ObjectNode signed = DataIntegrity.sign(document, METHOD, KEYS.getPrivate(), NOW);
        assertFalse(proofOf(signed).has("@context"));
        assertTrue(DataIntegrity.verify(signed, PUBLIC));
    }

    @Test
    void verificationMethodIsReadFromTheProof() throws Exception {
        assertEquals(Optional.of(METHOD), DataIntegrity.verificationMethod(signedPage()));
    }

    @Test
    void verificationMethodIsEmptyWithoutProof() throws Exception {
        assertEquals(Optional.empty(), DataIntegrity.verificationMethod(page()));
    }

    @Test
    void linkedDataSignatureBesideTheProofIsIgnored() throws Exception {
        ObjectNode signed = signedPage();
        signed.putObject("signature").put("type", "RsaSignature2017").put("signatureValue", "abc");
        assertTrue(DataIntegrity.verify(signed, PUBLIC));
    }

    /** vc-di-eddsa: contexts appended after the proof's are outside what it signed. */
    @Test
    void contextAppendedAfterSigningStillVerifies() throws Exception {
        ObjectNode signed = signedPage();
        ((ArrayNode) signed.get("@context")).add("https://w3id.org/security/v1");
        assertTrue(DataIntegrity.verify(signed, PUBLIC));
    }

    // ---- rejections

    @Test
    void rejectsTamperedField() throws Exception {
        ObjectNode signed = signedPage();
        signed.put("content", "<p>Something else entirely</p>");
        assertFalse(DataIntegrity.verify(signed, PUBLIC));
    }

    @Test
    void rejectsAddedField() throws Exception {
        ObjectNode signed = signedPage();
        signed.put("inReplyTo", "https://b.example/threads/1");
        assertFalse(DataIntegrity.verify(signed, PUBLIC));
    }

    @Test
    void rejectsWrongKey() throws Exception {
        byte[] other = Ed25519Keys.rawPublic(Ed25519Keys.generate().getPublic());
        assertFalse(DataIntegrity.verify(signedPage(), other));
    }

    /** Bytes that decode to no point on the curve (y not reduced mod p) must be false, not an exception. */
    @Test
    void rejectsKeyThatIsNotACurvePoint() throws Exception {
        byte[] notAPoint = new byte[32];
        Arrays.fill(notAPoint, (byte) 0xff);
        assertFalse(DataIntegrity.verify(signedPage(), notAPoint));
    }

    @Test
    void rejectsAllZeroKey() throws Exception {
        assertFalse(DataIntegrity.verify(signedPage(), new byte[32]));
    }

    @Test
    void rejectsWrongCryptosuite() throws Exception {
        ObjectNode signed = signedPage();
        proofOf(signed).put("cryptosuite", "eddsa-rdfc-2022");
        assertFalse(DataIntegrity.verify(signed, PUBLIC));
    }

    @Test
    void rejectsWrongProofType() throws Exception {
        ObjectNode signed = signedPage();
        proofOf(signed).put("type", "Ed25519Signature2020");
        assertFalse(DataIntegrity.verify(signed, PUBLIC));
    }

    @Test
    void rejectsWrongProofPurpose() throws Exception {
        ObjectNode signed = signedPage();
        proofOf(signed).put("proofPurpose", "authentication");
        assertFalse(DataIntegrity.verify(signed, PUBLIC));
    }

    @Test
    void rejectsMissingProof() throws Exception {
        assertFalse(DataIntegrity.verify(page(), PUBLIC));
    }

    @Test
    void rejectsMissingProofValue() throws Exception {
        ObjectNode signed = signedPage();
        proofOf(signed).remove("proofValue");
        assertFalse(DataIntegrity.verify(signed, PUBLIC));
    }

    @Test
    void rejectsProofValueThatIsNotBase58btc() throws Exception {
        ObjectNode signed = signedPage();
        proofOf(signed).put("proofValue", "u" + proofOf(signed).get("proofValue").asText().substring(1));
        assertFalse(DataIntegrity.verify(signed, PUBLIC));
    }

    @Test
    void rejectsTruncatedSignature() throws Exception {
        ObjectNode signed = signedPage();
        String value = proofOf(signed).get("proofValue").asText();
        proofOf(signed).put("proofValue", value.substring(0, value.length() - 4));
        assertFalse(DataIntegrity.verify(signed, PUBLIC));
    }

    @Test
    void rejectsTamperedCreated() throws Exception {
        ObjectNode signed = signedPage();
        proofOf(signed).put("created", "2025-03-02T10:15:30Z");
        assertFalse(DataIntegrity.verify(signed, PUBLIC));
    }

    @Test
    void rejectsCreatedThatIsNotADateTime() throws Exception {
        ObjectNode signed = signedPage();
        proofOf(signed).put("created", "yesterday");
        assertFalse(DataIntegrity.verify(signed, PUBLIC));
    }

    @Test
    void rejectsTamperedVerificationMethod() throws Exception {
        ObjectNode signed = signedPage();
        proofOf(signed).put("verificationMethod", "https://evil.example/actor#key");
        assertFalse(DataIntegrity.verify(signed, PUBLIC));
    }

    @Test
    void rejectsDocumentContextThatDoesNotStartWithTheProofContext() throws Exception {
        ObjectNode signed = signedPage();
        signed.putArray("@context").add("https://w3id.org/security/data-integrity/v2")
                .add("https://www.w3.org/ns/activitystreams");
        assertFalse(DataIntegrity.verify(signed, PUBLIC));
    }

    @Test
    void rejectsProofSet() throws Exception {
        ObjectNode signed = signedPage();
        signed.putArray("proof").add(proofOf(signedPage()));
        assertFalse(DataIntegrity.verify(signed, PUBLIC));
    }

    @Test
    void rejectsPublicKeyOfWrongLength() throws Exception {
        ObjectNode signed = signedPage();
        assertThrows(IllegalArgumentException.class, () -> DataIntegrity.verify(signed, new byte[31]));
    }

    @Test
    void signRefusesDocumentThatAlreadyHasAProof() throws Exception {
        ObjectNode signed = signedPage();
        assertThrows(IllegalArgumentException.class,
                () -> DataIntegrity.sign(signed, METHOD, KEYS.getPrivate(), NOW));
    }

    @Test
    void signRefusesDocumentWithLinkedDataSignature() throws Exception {
        ObjectNode document = page();
        document.putObject("signature").put("type", "RsaSignature2017");
        assertThrows(IllegalArgumentException.class,
                () -> DataIntegrity.sign(document, METHOD, KEYS.getPrivate(), NOW));
    }

    @Test
    void signRefusesRsaKey() throws Exception {
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        ObjectNode document = page();
        assertThrows(IllegalArgumentException.class,
                () -> DataIntegrity.sign(document, METHOD, rsa.getPrivate(), NOW));
    }

    @Test
    void signRefusesBlankVerificationMethod() throws Exception {
        ObjectNode document = page();
        assertThrows(IllegalArgumentException.class,
                () -> DataIntegrity.sign(document, " ", KEYS.getPrivate(), NOW));
    }

    @Test
    void signRefusesDocumentJcsCannotCanonicalize() throws Exception {
        ObjectNode document = page();
        document.put("views", Long.MAX_VALUE);
        assertThrows(IllegalArgumentException.class,
                () -> DataIntegrity.sign(document, METHOD, KEYS.getPrivate(), NOW));
    }
}
