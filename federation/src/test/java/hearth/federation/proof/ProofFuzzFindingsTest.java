package hearth.federation.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What fuzzing {@link Jcs} and {@link DataIntegrity} found ({@link DataIntegrityFuzzTest}), and
 * what was found while writing that fuzz test, one named test per finding; the inputs are kept in
 * {@code DataIntegrityFuzzTestInputs/}, where the fuzz test replays them too.
 */
class ProofFuzzFindingsTest {

    /**
     * {@code crash-double-1e20-canonical-integer-literal.json}: RFC 8785 writes the double 1e20
     * as {@code 100000000000000000000}, and Hearth refuses that literal when it reads it, because
     * it refuses every integer beyond 2^53 ({@code JcsTest#refusesNegativeLongBeyondTwoToThe53}).
     * So canonical text is not always canonical input again, and a proof over a document whose
     * sender wrote 1e20 that way (JavaScript's JSON.stringify does) does not verify here. This
     * pins the behaviour: relaxing the rule to "refuse only what a double would change" would
     * make both tests change together.
     */
    @Test
    void aDoubleBeyondTwoToThe53IsWrittenAsAnIntegerLiteralThatHearthRefusesToRead() {
        String canonical = Jcs.canonicalize(Json.parseObject("{\"n\":1e20}".getBytes(StandardCharsets.UTF_8)));

        assertEquals("{\"n\":100000000000000000000}", canonical);
        assertThrows(IllegalArgumentException.class,
                () -> Jcs.canonicalize(Json.parseObject(canonical.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void theSameDoubleWrittenWithAnExponentCanonicalizesAsItIs() {
        assertEquals("100000000000000000000", Jcs.canonicalize(new DoubleNode(1e20)));
    }

    /**
     * {@code timeout-long-base58-proof-value.json}: base58 decoding is quadratic in the length, and
     * a proofValue or publicKeyMultibase may be a JSON string of a megabyte; decoding one took
     * about an hour of a thread. Long text is now refused before decoding. (Found while writing
     * the fuzz test; its inputs stay below the size where this shows.)
     */
    @Test
    @Timeout(5)
    void aMegabyteOfBase58IsRefusedAtOnce() {
        String digits = "2".repeat(Json.MAX_STRING_LENGTH - 1);

        assertThrows(IllegalArgumentException.class, () -> Multikey.decodeEd25519("z" + digits));
        ObjectNode document = Json.parseObject(("{\"proof\":{\"type\":\"DataIntegrityProof\","
                + "\"cryptosuite\":\"eddsa-jcs-2022\",\"proofPurpose\":\"assertionMethod\","
                + "\"verificationMethod\":\"https://a.example/u#k\",\"proofValue\":\"z" + digits + "\"}}")
                .getBytes(StandardCharsets.UTF_8));
        assertFalse(DataIntegrity.verify(document, Multikey.decodeEd25519(DataIntegrityVectorsTest.PUBLIC_MULTIBASE)));
    }

    @Test
    void base58OfTheLongestAllowedLengthStillDecodes() {
        assertEquals(Base58.MAX_DECODED_LENGTH, Base58.encode(Base58.decode("2".repeat(Base58.MAX_DECODED_LENGTH))).length());
    }
}
