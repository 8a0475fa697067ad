package hearth.federation.proof;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.federation.keys.Ed25519Keys;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MultikeyTest {

    /** W3C vc-di-eddsa 1.0, TestVectors/keyPair.json; the raw key bytes are its base58btc decoding. */
    private static final String VECTOR = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
    private static final String VECTOR_RAW = "b00d8d938e7f773d51565aad36a623f5344f7f5d1960f9cf3e8e12620ea2810f";

    @Test
    void decodesPublishedKey() {
        assertEquals(VECTOR_RAW, HexFormat.of().formatHex(Multikey.decodeEd25519(VECTOR)));
    }

    @Test
    void encodesPublishedKey() {
        assertEquals(VECTOR, Multikey.encodeEd25519(HexFormat.of().parseHex(VECTOR_RAW)));
    }

    @Test
    void roundTripsGeneratedKeys() {
        for (int i = 0; i < 20; i++) {
            byte[] raw = Ed25519Keys.rawPublic(Ed25519Keys.generate().getPublic());
            String encoded = Multikey.encodeEd25519(raw);
            assertTrue(encoded.startsWith("z6Mk"), encoded);
            assertArrayEquals(raw, Multikey.decodeEd25519(encoded));
        }
    }

    @Test
    void keepsLeadingZeroBytes() {
        byte[] raw = new byte[32];
        raw[31] = 1;
        assertArrayEquals(raw, Multikey.decodeEd25519(Multikey.encodeEd25519(raw)));
    }

    @Test
    void rejectsOtherMultibasePrefix() {
        assertThrows(IllegalArgumentException.class, () -> Multikey.decodeEd25519("u" + VECTOR.substring(1)));
    }

    @Test
    void rejectsCharacterOutsideBase58() {
        assertThrows(IllegalArgumentException.class, () -> Multikey.decodeEd25519(VECTOR.substring(0, 10) + "0"));
    }

    /** The did:key specification's X25519 example key (multicodec 0xec01), not an Ed25519 key. */
    @Test
    void rejectsOtherKeyType() {
        assertThrows(IllegalArgumentException.class,
                () -> Multikey.decodeEd25519("z6LSeu9HkTHSfLLeUs2nnzUSNedgDUevfNQgQjQC23ZCit6F"));
    }

    @Test
    void rejectsTruncatedKey() {
        assertThrows(IllegalArgumentException.class, () -> Multikey.decodeEd25519(VECTOR.substring(0, VECTOR.length() - 3)));
    }

    @Test
    void rejectsEmptyValue() {
        assertThrows(IllegalArgumentException.class, () -> Multikey.decodeEd25519("z"));
    }

    @Test
    void refusesToEncodeWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> Multikey.encodeEd25519(new byte[33]));
    }
}
