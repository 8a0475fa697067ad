package hearth.node.moderation.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base32Test {

    // RFC 4648 section 10, "BASE32" test vectors; Hearth writes them without the padding.
    private static final String[][] RFC_4648 = {
        {"", ""},
        {"f", "MY======"},
        {"fo", "MZXQ===="},
        {"foo", "MZXW6==="},
        {"foob", "MZXW6YQ="},
        {"fooba", "MZXW6YTB"},
        {"foobar", "MZXW6YTBOI======"},
    };

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void encodesTheRfc4648VectorsWithoutPadding() {
        for (String[] v : RFC_4648) {
            assertEquals(v[1].replace("=", ""), Base32.encode(ascii(v[0])), v[0]);
        }
    }

    @Test
    void decodesTheRfc4648VectorsWithTheirPadding() {
        for (String[] v : RFC_4648) {
            assertArrayEquals(ascii(v[0]), Base32.decode(v[1]), v[1]);
        }
    }

    @Test
    void decodesTheRfc4648VectorsWithoutPadding() {
        for (String[] v : RFC_4648) {
            assertArrayEquals(ascii(v[0]), Base32.decode(v[1].replace("=", "")), v[1]);
        }
    }

    @Test
    void decodesLowerAndMixedCase() {
        assertArrayEquals(ascii("foobar"), Base32.decode("mzxw6ytboi"));
        assertArrayEquals(ascii("foobar"), Base32.decode("MzXw6yTbOi"));
    }

    @Test
    void randomBytesRoundTrip() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int i = 0; i < 500; i++) {
            byte[] data = new byte[random.nextInt(41)];
            random.nextBytes(data);
            assertArrayEquals(data, Base32.decode(Base32.encode(data)), "seed " + seed);
        }
    }

    @Test
    void refusesDigitsOutsideTheAlphabet() {
        assertThrows(IllegalArgumentException.class, () -> Base32.decode("MZXW6YT1"));
        assertThrows(IllegalArgumentException.class, () -> Base32.decode("MZXW6YT8"));
        assertThrows(IllegalArgumentException.class, () -> Base32.decode("MZXW6YT0"));
    }

    @Test
    void refusesSpaces() {
        assertThrows(IllegalArgumentException.class, () -> Base32.decode("MZXW 6YTB"));
    }

    @Test
    void refusesPaddingInTheMiddle() {
        assertThrows(IllegalArgumentException.class, () -> Base32.decode("MY==MZXQ"));
    }

    @Test
    void refusesNonAsciiLetters() {
        assertThrows(IllegalArgumentException.class, () -> Base32.decode("MZXW6YTÉ"));
    }

    @Test
    void refusesALengthNoEncoderProduces() {
        assertThrows(IllegalArgumentException.class, () -> Base32.decode("M"));
        assertThrows(IllegalArgumentException.class, () -> Base32.decode("MZX"));
        assertThrows(IllegalArgumentException.class, () -> Base32.decode("MZXW6Y"));
    }

    @Test
    void refusesNull() {
        assertThrows(IllegalArgumentException.class, () -> Base32.decode(null));
        assertThrows(IllegalArgumentException.class, () -> Base32.encode(null));
    }
}
