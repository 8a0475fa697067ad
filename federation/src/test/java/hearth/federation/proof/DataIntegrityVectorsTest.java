package hearth.federation.proof;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.keys.Ed25519Keys;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Published test vectors. Both sources use the same key pair:
 * W3C vc-di-eddsa 1.0, TestVectors/keyPair.json (publicKeyMultibase, privateKeyMultibase).
 */
class DataIntegrityVectorsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    static final String PUBLIC_MULTIBASE = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
    static final String PRIVATE_MULTIBASE = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq";
    static final Instant CREATED = Instant.parse("2023-02-24T23:36:38Z");

    /** The private key multibase value is multicodec ed25519-priv (0x1300, varint 0x80 0x26) + 32-byte seed. */
    static PrivateKey vectorPrivateKey() {
        byte[] decoded = Base58.decodeMultibase(PRIVATE_MULTIBASE);
        assertEquals(34, decoded.length);
        assertArrayEquals(new byte[] {(byte) 0x80, 0x26}, Arrays.copyOf(decoded, 2));
        byte[] pkcs8 = HEX.parseHex("302e020100300506032b657004220420" + HEX.formatHex(decoded, 2, 34));
        return Ed25519Keys.privateFromBytes(pkcs8);
    }

    private static ObjectNode object(String json) throws Exception {
        return (ObjectNode) MAPPER.readTree(json);
    }

    // ---- W3C vc-di-eddsa 1.0, appendix "Representation: eddsa-jcs-2022" (TestVectors/eddsa-jcs-2022/)

    private static final String W3C_UNSIGNED = """
            {
                "@context": [
                    "https://www.w3.org/ns/credentials/v2",
                    "https://www.w3.org/ns/credentials/examples/v2"
                ],
                "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
                "type": ["VerifiableCredential", "AlumniCredential"],
                "name": "Alumni Credential",
                "description": "A minimum viable example of an Alumni Credential.",
                "issuer": "https://vc.example/issuers/5678",
                "validFrom": "2023-01-01T00:00:00Z",
                "credentialSubject": {
                    "id": "did:example:abcdefgh",
                    "alumniOf": "The School of Examples"
                }
            }""";
    private static final String W3C_METHOD = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
            + "#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
    private static final String W3C_PROOF_CONFIG = """
            {
              "type": "DataIntegrityProof",
              "cryptosuite": "eddsa-jcs-2022",
              "created": "2023-02-24T23:36:38Z",
              "verificationMethod": "%s",
              "proofPurpose": "assertionMethod",
              "@context": [
                "https://www.w3.org/ns/credentials/v2",
                "https://www.w3.org/ns/credentials/examples/v2"
              ]
            }""".formatted(W3C_METHOD);
    private static final String W3C_PROOF_VALUE =
            "z2HnFSSPPBzR36zdDgK8PbEHeXbR56YF24jwMpt3R1eHXQzJDMWS93FCzpvJpwTWd3GAVFuUfjoJdcnTMuVor51aX";

    /** canonDocJCS.txt and docHashJCS.txt */
    @Test
    void w3cCanonicalDocumentAndItsHash() throws Exception {
        String canonical = Jcs.canonicalize(object(W3C_UNSIGNED));
        assertEquals("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\",\"https://www.w3.org/ns/credentials/examples/v2\"],"
                + "\"credentialSubject\":{\"alumniOf\":\"The School of Examples\",\"id\":\"did:example:abcdefgh\"},"
                + "\"description\":\"A minimum viable example of an Alumni Credential.\","
                + "\"id\":\"urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33\",\"issuer\":\"https://vc.example/issuers/5678\","
                + "\"name\":\"Alumni Credential\",\"type\":[\"VerifiableCredential\",\"AlumniCredential\"],"
                + "\"validFrom\":\"2023-01-01T00:00:00Z\"}", canonical);
        assertEquals("59b7cb6251b8991add1ce0bc83107e3db9dbbab5bd2c28f687db1a03abc92f19",
                HEX.formatHex(DataIntegrity.sha256(Jcs.canonicalBytes(object(W3C_UNSIGNED)))));
    }

    /** proofConfigJCS.json, proofCanonJCS.txt and proofHashJCS.txt */
    @Test
    void w3cCanonicalProofConfigAndItsHash() throws Exception {
        String canonical = Jcs.canonicalize(object(W3C_PROOF_CONFIG));
        assertEquals("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\",\"https://www.w3.org/ns/credentials/examples/v2\"],"
                + "\"created\":\"2023-02-24T23:36:38Z\",\"cryptosuite\":\"eddsa-jcs-2022\",\"proofPurpose\":\"assertionMethod\","
                + "\"type\":\"DataIntegrityProof\",\"verificationMethod\":\"" + W3C_METHOD + "\"}", canonical);
        assertEquals("66ab154f5c2890a140cb8388a22a160454f80575f6eae09e5a097cabe539a1db",
                HEX.formatHex(DataIntegrity.sha256(Jcs.canonicalBytes(object(W3C_PROOF_CONFIG)))));
    }

    /** sigHexJCS.txt is the base58btc proofValue of sigBTC58JCS.txt, decoded. */
    @Test
    void w3cSignatureHexIsTheDecodedProofValue() {
        assertEquals("407cd12654b33d718ecbb99179a1506daaa849450bf3fc523cce3e1c96f8b803"
                + "51da3f253d725c6f00b07c9e5448d50b3ef78012b9ab54255116d069c6dd2808",
                HEX.formatHex(Base58.decodeMultibase(W3C_PROOF_VALUE)));
    }

    /** Signing unsigned.json gives signedJCS.json (Ed25519 is deterministic, so the signature matches too). */
    @Test
    void w3cSigningReproducesSignedDocument() throws Exception {
        ObjectNode signed = DataIntegrity.sign(object(W3C_UNSIGNED), W3C_METHOD, vectorPrivateKey(), CREATED);
        ObjectNode expected = object(W3C_UNSIGNED);
        ObjectNode proof = object(W3C_PROOF_CONFIG);
        proof.put("proofValue", W3C_PROOF_VALUE);
        expected.set("proof", proof);
        assertEquals(expected, signed);
    }

    @Test
    void w3cSignedDocumentVerifies() throws Exception {
        ObjectNode signed = object(W3C_UNSIGNED);
        ObjectNode proof = object(W3C_PROOF_CONFIG);
        proof.put("proofValue", W3C_PROOF_VALUE);
        signed.set("proof", proof);
        assertTrue(DataIntegrity.verify(signed, Multikey.decodeEd25519(PUBLIC_MULTIBASE)));
    }

    // ---- FEP-8b32, fep/8b32/fep-8b32.feature (codeberg.org/fediverse/fep, revision of 2025-10-15)

    static final String FEP_DOCUMENT = """
            {
                "@context": [
                    "https://www.w3.org/ns/activitystreams",
                    "https://w3id.org/security/data-integrity/v2"
                ],
                "id": "https://server.example/activities/1",
                "type": "Create",
                "actor": "https://server.example/users/alice",
                "object": {
                    "id": "https://server.example/objects/1",
                    "type": "Note",
                    "attributedTo": "https://server.example/users/alice",
                    "content": "Hello world",
                    "location": {
                        "type": "Place",
                        "longitude": -71.184902,
                        "latitude": 25.273962
                    }
                }
            }""";
    static final String FEP_PROOF = """
            {
                "@context": [
                    "https://www.w3.org/ns/activitystreams",
                    "https://w3id.org/security/data-integrity/v2"
                ],
                "type": "DataIntegrityProof",
                "cryptosuite": "eddsa-jcs-2022",
                "verificationMethod": "https://server.example/users/alice#ed25519-key",
                "proofPurpose": "assertionMethod",
                "proofValue": "z42ffGu6AUKPCFcFPiabmUvnGLPJzC7e4DGWC52NUasSSH37UMa9c58tdgVszUcZfytxa4fQ5TYHaJENCxUDe9SdL",
                "created": "2023-02-24T23:36:38Z"
            }""";
    static final String FEP_KEY_ID = "https://server.example/users/alice#ed25519-key";

    static ObjectNode fepSignedDocument() throws Exception {
        ObjectNode signed = object(FEP_DOCUMENT);
        signed.set("proof", MAPPER.readTree(FEP_PROOF));
        return signed;
    }

    /** Scenario "Signing document". */
    @Test
    void fepSigningScenario() throws Exception {
        ObjectNode signed = DataIntegrity.sign(object(FEP_DOCUMENT), FEP_KEY_ID, vectorPrivateKey(), CREATED);
        assertEquals(fepSignedDocument(), signed);
    }

    /** Scenario "Verifying a signature", with the actor's assertionMethod Multikey. */
    @Test
    void fepVerifyingScenario() throws Exception {
        assertTrue(DataIntegrity.verify(fepSignedDocument(), Multikey.decodeEd25519(PUBLIC_MULTIBASE)));
        assertEquals(FEP_KEY_ID, DataIntegrity.verificationMethod(fepSignedDocument()).orElseThrow());
    }
}
