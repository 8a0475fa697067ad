package hearth.node.moderation.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PasswordsTest {

    // The real parameters cost ~19 MiB a call, so one instance serves the whole class.
    private static final Passwords OWASP = new Passwords();
    private static final Passwords CHEAP = new Passwords(64, 1, 1);

    // Made with the reference implementation's command line (Debian package argon2
    // 0~20171227): echo -n "correct horse battery staple" | argon2 hearthsaltvalue1 -id -t 2 -k 19456 -p 1 -l 32 -e
    private static final String REFERENCE =
            "$argon2id$v=19$m=19456,t=2,p=1$aGVhcnRoc2FsdHZhbHVlMQ$9JBE3ib28DWqz2UGn8IaktudGI/vSNqE1SQ13Jmbc8Y";
    // printf 'caf\xc3\xa9' | argon2 hearthsaltvalue2 -id -t 2 -k 64 -p 2 -l 32 -e  (precomposed é)
    private static final String REFERENCE_CAFE =
            "$argon2id$v=19$m=64,t=2,p=2$aGVhcnRoc2FsdHZhbHVlMg$Q71564yeZTJms+8gXvPf7ncKIxeAENN7s/aIT3NSTkU";

    private static byte[] repeat(int value, int count) {
        byte[] b = new byte[count];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private static char[] pw(String s) {
        return s.toCharArray();
    }

    // Refused by the parser itself, so no Argon2 run (and no allocation) happens, and refused
    // even with the right password: a lenient parser would accept some of these.
    private static void assertRefused(String encoded) {
        assertNull(PhcString.parse(encoded), encoded);
        assertFalse(OWASP.verify(pw("correct horse battery staple"), encoded), encoded);
    }

    @Test
    void theGeneratorMatchesTheRfc9106Argon2idVector() {
        // RFC 9106 section 5.3: m=32 KiB, t=3, p=4, password 32 x 0x01, salt 16 x 0x02,
        // secret 8 x 0x03, associated data 12 x 0x04, 32-byte tag.
        byte[] tag = Passwords.argon2id(repeat(1, 32), repeat(2, 16), repeat(3, 8), repeat(4, 12), 32, 3, 4, 32);
        assertArrayEquals(HexFormat.of().parseHex(
                "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"), tag);
    }

    @Test
    void verifiesAHashMadeByTheReferenceImplementation() {
        assertTrue(OWASP.verify(pw("correct horse battery staple"), REFERENCE));
        assertFalse(OWASP.verify(pw("correct horse battery stapler"), REFERENCE));
    }

    @Test
    void readsTheParametersFromTheStoredString() {
        assertTrue(CHEAP.verify(pw("café"), REFERENCE_CAFE));
    }

    @Test
    void comparesPasswordsAfterUnicodeNormalisation() {
        assertTrue(CHEAP.verify(pw("cafe\u0301"), REFERENCE_CAFE));
    }

    @Test
    void hashesInThePhcFormatWithTheOwaspParameters() {
        String hash = OWASP.hash(pw("a long moderator password"));
        assertTrue(hash.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), hash);
        assertTrue(OWASP.verify(pw("a long moderator password"), hash));
    }

    @Test
    void refusesTheWrongPassword() {
        String hash = CHEAP.hash(pw("right"));
        assertFalse(CHEAP.verify(pw("wrong"), hash));
        assertFalse(CHEAP.verify(pw("Right"), hash));
        assertFalse(CHEAP.verify(pw(""), hash));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertNotEquals(CHEAP.hash(pw("same")), CHEAP.hash(pw("same")));
    }

    @Test
    void refusesATamperedHash() {
        String hash = CHEAP.hash(pw("secret"));
        int at = hash.lastIndexOf('$') + 10;
        char swapped = hash.charAt(at) == 'A' ? 'B' : 'A';
        assertFalse(CHEAP.verify(pw("secret"), hash.substring(0, at) + swapped + hash.substring(at + 1)));
    }

    @Test
    void refusesATamperedSalt() {
        String hash = CHEAP.hash(pw("secret"));
        int at = hash.indexOf("p=1$") + 6;
        char swapped = hash.charAt(at) == 'A' ? 'B' : 'A';
        assertFalse(CHEAP.verify(pw("secret"), hash.substring(0, at) + swapped + hash.substring(at + 1)));
    }

    @Test
    void refusesTamperedParameters() {
        String hash = CHEAP.hash(pw("secret"));
        assertFalse(CHEAP.verify(pw("secret"), hash.replace(",t=1,", ",t=2,")));
        assertFalse(CHEAP.verify(pw("secret"), hash.replace("m=64,", "m=72,")));
    }

    @Test
    void refusesNullAndEmptyStrings() {
        assertRefused(null);
        assertRefused("");
    }

    @Test
    void refusesANullPassword() {
        assertFalse(OWASP.verify(null, REFERENCE));
    }

    @Test
    void refusesGarbage() {
        assertRefused("not a hash at all");
        assertRefused("$argon2id$");
    }

    @Test
    void refusesOtherAlgorithms() {
        assertRefused(REFERENCE.replace("$argon2id$", "$argon2i$"));
        assertRefused(REFERENCE.replace("$argon2id$", "$argon2d$"));
        assertRefused("$2b$12$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234");
    }

    @Test
    void refusesOtherVersions() {
        assertRefused(REFERENCE.replace("v=19", "v=16"));
        assertRefused(REFERENCE.replace("v=19$", ""));
    }

    @Test
    void refusesParametersOutOfOrder() {
        assertRefused(REFERENCE.replace("m=19456,t=2,p=1", "t=2,m=19456,p=1"));
    }

    @Test
    void refusesNonDecimalOrZeroParameters() {
        assertRefused(REFERENCE.replace("t=2", "t=x"));
        assertRefused(REFERENCE.replace("t=2", "t=02"));
        assertRefused(REFERENCE.replace("t=2", "t=0"));
        assertRefused(REFERENCE.replace("t=2", "t=-2"));
    }

    @Test
    void refusesMemoryCostsThatWouldExhaustTheNode() {
        assertRefused(REFERENCE.replace("m=19456", "m=4194304"));
        assertRefused(REFERENCE.replace("m=19456", "m=99999999999"));
    }

    @Test
    void refusesTimeCostsThatWouldStallTheNode() {
        assertRefused(REFERENCE.replace("t=2", "t=1000"));
    }

    @Test
    void refusesMoreLanesThanANodeRuns() {
        assertRefused(REFERENCE.replace("p=1", "p=64"));
    }

    @Test
    void refusesLessMemoryThanArgon2AllowsForTheLanes() {
        assertRefused(REFERENCE.replace("m=19456,t=2,p=1", "m=8,t=2,p=2"));
    }

    @Test
    void refusesBase64Padding() {
        assertRefused(REFERENCE.replace("MQ$", "MQ==$"));
    }

    @Test
    void refusesNonCanonicalBase64() {
        // 'R' differs from 'Q' only in bits the decoder drops: same bytes, different text.
        assertRefused(REFERENCE.replace("MQ$", "MR$"));
    }

    @Test
    void refusesATooShortSalt() {
        assertRefused(REFERENCE.replace("aGVhcnRoc2FsdHZhbHVlMQ", "aGVhcnQ"));
    }

    @Test
    void refusesATooShortHash() {
        assertRefused(REFERENCE.substring(0, REFERENCE.lastIndexOf('$') + 1) + "9JBE3ib28DWqzw");
    }

    @Test
    void refusesTrailingText() {
        assertRefused(REFERENCE + "$extra");
        assertRefused(REFERENCE + "\n");
    }

    @Test
    void refusesALoneSurrogateAtVerify() {
        assertFalse(CHEAP.verify(new char[] {'a', '\uD800'}, CHEAP.hash(pw("a?"))));
    }

    @Test
    void hashRefusesAnEmptyPassword() {
        assertThrows(IllegalArgumentException.class, () -> CHEAP.hash(new char[0]));
    }

    @Test
    void hashRefusesAnOverlongPassword() {
        assertThrows(IllegalArgumentException.class, () -> CHEAP.hash(new char[Passwords.MAX_LENGTH + 1]));
    }

    @Test
    void verifyRefusesAnOverlongPassword() {
        char[] longest = new char[Passwords.MAX_LENGTH + 1];
        Arrays.fill(longest, 'a');
        assertFalse(CHEAP.verify(longest, CHEAP.hash(Arrays.copyOf(longest, Passwords.MAX_LENGTH))));
    }

    @Test
    void hashRefusesALoneSurrogate() {
        assertThrows(IllegalArgumentException.class, () -> CHEAP.hash(new char[] {'a', '\uD800'}));
    }

    @Test
    void aCurrentHashNeedsNoRehash() {
        assertFalse(OWASP.needsRehash(REFERENCE));
    }

    @Test
    void aHashWithLessMemoryNeedsRehash() {
        assertTrue(OWASP.needsRehash(REFERENCE.replace("m=19456", "m=15360")));
    }

    @Test
    void aHashWithFewerPassesNeedsRehash() {
        assertTrue(OWASP.needsRehash(REFERENCE.replace("t=2", "t=1")));
    }

    @Test
    void aCheaperHashNeedsRehash() {
        assertTrue(OWASP.needsRehash(CHEAP.hash(pw("x"))));
    }

    @Test
    void anUnreadableHashNeedsRehash() {
        assertTrue(OWASP.needsRehash("not a hash"));
        assertTrue(OWASP.needsRehash(null));
    }

    @Test
    void theDummyHashUsesTodaysParametersAndMatchesNothing() {
        String dummy = OWASP.dummyHash();
        assertFalse(OWASP.needsRehash(dummy));
        assertFalse(OWASP.verify(pw(""), dummy));
        assertFalse(OWASP.verify(pw("password"), dummy));
        assertNotEquals(dummy, new Passwords(64, 1, 1).dummyHash());
    }
}
