package hearth.node.reactions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The reactor: a keyed hash of her author id and the post, different on every post. */
class ReactorsTest {

    private static final byte[] SECRET = filled(7);
    private static final String HER = "a".repeat(64);
    private static final String POST = "01J0000000000000000000000A";

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    @Test
    void theSameWomanOnTheSamePostAlwaysHasTheSameReactor() {
        assertEquals(new Reactors(SECRET).of(HER, POST), new Reactors(SECRET.clone()).of(HER, POST));
    }

    @Test
    void itIsTheDocumentedHmacComputedIndependently() throws Exception {
        // Oracle: the formula written out with the JDK's Mac, separately from Reactors.
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        byte[] key = mac.doFinal("hearth reactor v1".getBytes(StandardCharsets.UTF_8));
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((HER + "\0" + POST).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, new Reactors(SECRET).of(HER, POST));
    }

    @Test
    void herReactorDiffersOnEveryPost() {
        Reactors reactors = new Reactors(SECRET);
        assertNotEquals(reactors.of(HER, POST), reactors.of(HER, "01J0000000000000000000000B"));
    }

    @Test
    void twoWomenOnOnePostHaveDifferentReactors() {
        Reactors reactors = new Reactors(SECRET);
        assertNotEquals(reactors.of(HER, POST), reactors.of("b".repeat(64), POST));
    }

    @Test
    void anotherNodeSecretGivesAnotherReactor() {
        assertNotEquals(new Reactors(SECRET).of(HER, POST), new Reactors(filled(8)).of(HER, POST));
    }

    @Test
    void theReactorRevealsNeitherIdAndHasAFixedShape() {
        String reactor = new Reactors(SECRET).of(HER, POST);
        assertTrue(reactor.matches("[0-9a-f]{64}"), reactor);
        assertNotEquals(HER, reactor);
        assertFalse(reactor.contains(POST.toLowerCase()));
    }

    @Test
    void theSeparatorKeepsPairsApart() {
        // Without a separator, ("ab", "c") and ("a", "bc") would hash the same input.
        Reactors reactors = new Reactors(SECRET);
        assertNotEquals(reactors.of("ab", "c"), reactors.of("a", "bc"));
    }

    @Test
    void aShortNodeSecretIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Reactors(new byte[16]));
    }

    @Test
    void aMissingAuthorIdIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Reactors(SECRET).of(null, POST));
        assertThrows(IllegalArgumentException.class, () -> new Reactors(SECRET).of("", POST));
    }
}
