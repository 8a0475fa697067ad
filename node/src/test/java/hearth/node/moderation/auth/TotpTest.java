package hearth.node.moderation.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TotpTest {

    // The seed of RFC 4226 appendix D and RFC 6238 appendix B (SHA-1).
    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final String SECRET = Base32.encode(SEED);
    private static final long NEVER = Totp.NO_STEP_YET;
    // 59 s after the epoch is step 1; RFC 4226 gives the codes of steps 0..3.
    private static final long AT_59_S = 59_000;
    private static final String STEP_0 = "755224";
    private static final String STEP_1 = "287082";
    private static final String STEP_2 = "359152";
    private static final String STEP_3 = "969429";

    @Test
    void matchesTheRfc6238AppendixBSha1Vectors() {
        long[] times = {59L, 1111111109L, 1111111111L, 1234567890L, 2000000000L, 20000000000L};
        String[] codes = {"94287082", "07081804", "14050471", "89005924", "69279037", "65353130"};
        for (int i = 0; i < times.length; i++) {
            assertEquals(codes[i], Totp.code(SEED, times[i] / 30, 8), "T = " + times[i]);
        }
    }

    @Test
    void matchesTheRfc4226AppendixDHotpVectors() {
        String[] codes = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"};
        for (int counter = 0; counter < codes.length; counter++) {
            assertEquals(codes[counter], Totp.code(SEED, counter, 6), "counter " + counter);
        }
    }

    @Test
    void acceptsTheCurrentStepAndSaysWhichItWas() {
        assertEquals(OptionalLong.of(1), Totp.accept(SECRET, STEP_1, AT_59_S, NEVER));
    }

    @Test
    void acceptsThePreviousStepForASlowPhone() {
        assertEquals(OptionalLong.of(0), Totp.accept(SECRET, STEP_0, AT_59_S, NEVER));
    }

    @Test
    void acceptsTheNextStepForAFastPhone() {
        assertEquals(OptionalLong.of(2), Totp.accept(SECRET, STEP_2, AT_59_S, NEVER));
    }

    @Test
    void refusesACodeTwoStepsAhead() {
        assertTrue(Totp.accept(SECRET, STEP_3, AT_59_S, NEVER).isEmpty());
    }

    @Test
    void refusesACodeTwoStepsBehind() {
        assertTrue(Totp.accept(SECRET, STEP_0, 60_000, NEVER).isEmpty());
        assertEquals(OptionalLong.of(0), Totp.accept(SECRET, STEP_0, 59_999, NEVER));
    }

    @Test
    void refusesTheSameCodeASecondTime() {
        long step = Totp.accept(SECRET, STEP_1, AT_59_S, NEVER).orElseThrow();
        assertTrue(Totp.accept(SECRET, STEP_1, AT_59_S, step).isEmpty());
    }

    @Test
    void refusesAnOlderCodeOnceANewerOneWasUsed() {
        assertTrue(Totp.accept(SECRET, STEP_0, AT_59_S, 1).isEmpty());
    }

    @Test
    void stillAcceptsANewerCodeAfterAnOlderOne() {
        assertEquals(OptionalLong.of(2), Totp.accept(SECRET, STEP_2, AT_59_S, 1));
    }

    @Test
    void refusesAWrongCode() {
        assertTrue(Totp.accept(SECRET, "000000", AT_59_S, NEVER).isEmpty());
    }

    @Test
    void refusesACodeForAnotherSecret() {
        String other = Base32.encode("abcdefghijabcdefghij".getBytes(StandardCharsets.US_ASCII));
        assertTrue(Totp.accept(other, STEP_1, AT_59_S, NEVER).isEmpty());
    }

    @Test
    void toleratesSpacesInTheCode() {
        assertEquals(OptionalLong.of(1), Totp.accept(SECRET, " 287 082 ", AT_59_S, NEVER));
    }

    @Test
    void refusesLetters() {
        assertTrue(Totp.accept(SECRET, "28708a", AT_59_S, NEVER).isEmpty());
    }

    @Test
    void refusesNonAsciiDigits() {
        // Arabic-Indic digits for 287082: Character.isDigit would let them through.
        assertTrue(Totp.accept(SECRET, "\u0662\u0668\u0667\u0660\u0668\u0662", AT_59_S, NEVER).isEmpty());
    }

    @Test
    void refusesSignsAndPunctuation() {
        assertTrue(Totp.accept(SECRET, "+28708", AT_59_S, NEVER).isEmpty());
        assertTrue(Totp.accept(SECRET, "287-082", AT_59_S, NEVER).isEmpty());
    }

    @Test
    void refusesTooFewDigits() {
        assertTrue(Totp.accept(SECRET, "28708", AT_59_S, NEVER).isEmpty());
    }

    @Test
    void refusesTooManyDigits() {
        assertTrue(Totp.accept(SECRET, "2870820", AT_59_S, NEVER).isEmpty());
        assertTrue(Totp.accept(SECRET, "94287082", AT_59_S, NEVER).isEmpty());
    }

    @Test
    void refusesAnEmptyOrMissingCode() {
        assertTrue(Totp.accept(SECRET, "", AT_59_S, NEVER).isEmpty());
        assertTrue(Totp.accept(SECRET, null, AT_59_S, NEVER).isEmpty());
    }

    @Test
    void aStoredSecretThatIsNotBase32IsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Totp.accept("not base32!", STEP_1, AT_59_S, NEVER));
    }

    @Test
    void anEmptyStoredSecretIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Totp.accept("", STEP_1, AT_59_S, NEVER));
    }

    @Test
    void aNewSecretIs20RandomBytesInBase32() {
        String secret = Totp.newSecret();
        assertEquals(32, secret.length());
        assertEquals(20, Base32.decode(secret).length);
        assertNotEquals(secret, Totp.newSecret());
    }

    @Test
    void aNewSecretWorksWithItsOwnCodes() {
        String secret = Totp.newSecret();
        long now = 1_700_000_000_000L;
        String code = Totp.code(Base32.decode(secret), now / 30_000, 6);
        assertEquals(OptionalLong.of(now / 30_000), Totp.accept(secret, code, now, NEVER));
    }

    @Test
    void theUriFollowsTheKeyUriFormat() {
        assertEquals("otpauth://totp/Hearth%20Circle:mod%40example.org?secret=GEZDGNBVGY3TQOJQ"
                        + "&issuer=Hearth%20Circle&algorithm=SHA1&digits=6&period=30",
                Totp.uri("Hearth Circle", "mod@example.org", "gezdgnbvgy3tqojq"));
    }

    @Test
    void theUriPercentEncodesColonsAmpersandsAndNonAscii() {
        String uri = Totp.uri("Ĥ&a", "x:y", SECRET);
        assertTrue(uri.startsWith("otpauth://totp/%C4%A4%26a:x%3Ay?"), uri);
        assertTrue(uri.contains("&issuer=%C4%A4%26a&"), uri);
    }

    @Test
    void theUriNeedsAnIssuer() {
        assertThrows(IllegalArgumentException.class, () -> Totp.uri(" ", "mod", SECRET));
    }

    @Test
    void theUriNeedsAnAccount() {
        assertThrows(IllegalArgumentException.class, () -> Totp.uri("Hearth", "", SECRET));
    }

    @Test
    void theUriNeedsASecret() {
        assertThrows(IllegalArgumentException.class, () -> Totp.uri("Hearth", "mod", ""));
    }
}
