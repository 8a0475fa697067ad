package hearth.federation.proof;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base58Test {

    /** draft-msporny-base58-03, section 5 (test vectors). */
    @Test
    void draftBase58Vectors() {
        assertEquals("2NEpo7TZRRrLZSi2U", Base58.encode("Hello World!".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z",
                Base58.encode("The quick brown fox jumps over the lazy dog.".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("11233QC4", Base58.encode(HexFormat.of().parseHex("0000287fb4cd")));
    }

    @Test
    void emptyInputIsEmptyText() {
        assertEquals("", Base58.encode(new byte[0]));
        assertArrayEquals(new byte[0], Base58.decode(""));
    }

    /** Seeded random round trip; the seed is fixed so a failure reproduces. */
    @Test
    void decodeInvertsEncode() {
        Random random = new Random(8_785);
        for (int i = 0; i < 500; i++) {
            byte[] bytes = new byte[random.nextInt(70)];
            random.nextBytes(bytes);
            if (bytes.length > 2 && random.nextBoolean()) {
                bytes[0] = 0;
                bytes[1] = 0;
            }
            assertArrayEquals(bytes, Base58.decode(Base58.encode(bytes)), "seed 8785, case " + i);
        }
    }

    @Test
    void rejectsZero() {
        assertThrows(IllegalArgumentException.class, () -> Base58.decode("0"));
    }

    @Test
    void rejectsCapitalO() {
        assertThrows(IllegalArgumentException.class, () -> Base58.decode("O"));
    }

    @Test
    void rejectsMultibaseWithoutPrefix() {
        assertThrows(IllegalArgumentException.class, () -> Base58.decodeMultibase("2NEpo7TZRRrLZSi2U"));
    }
}
