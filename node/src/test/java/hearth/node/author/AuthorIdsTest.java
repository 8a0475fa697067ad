package hearth.node.author;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AuthorIdsTest {

    private static byte[] secret(int fill) {
        byte[] s = new byte[32];
        Arrays.fill(s, (byte) fill);
        return s;
    }

    @Test
    void theSameKeyAlwaysGivesTheSameId() {
        AuthorKey key = AuthorKey.random();
        assertEquals(new AuthorIds(secret(1)).idOf(key), new AuthorIds(secret(1)).idOf(key));
    }

    @Test
    void theIdDependsOnTheNodeSecretSoAnotherNodeCannotLinkHer() {
        AuthorKey key = AuthorKey.random();
        assertNotEquals(new AuthorIds(secret(1)).idOf(key), new AuthorIds(secret(2)).idOf(key));
    }

    @Test
    void theIdRevealsNothingOfTheKey() {
        AuthorKey key = AuthorKey.random();
        String id = new AuthorIds(secret(1)).idOf(key);
        assertEquals(64, id.length());
        assertFalse(id.contains(key.toCookie()));
    }

    @Test
    void aKeyRoundTripsThroughItsCookie() {
        AuthorKey key = AuthorKey.random();
        assertEquals(key, AuthorKey.fromCookie(key.toCookie()).orElseThrow());
    }

    @Test
    void anythingElseInTheCookieIsNoKey() {
        assertTrue(AuthorKey.fromCookie(null).isEmpty());
        assertTrue(AuthorKey.fromCookie("").isEmpty());
        assertTrue(AuthorKey.fromCookie("not a key at all").isEmpty());
        assertTrue(AuthorKey.fromCookie("!".repeat(43)).isEmpty());
        assertTrue(AuthorKey.fromCookie(AuthorKey.random().toCookie() + "A").isEmpty());
    }

    @Test
    void aKeyNeverPrintsItself() {
        AuthorKey key = AuthorKey.random();
        assertFalse(key.toString().contains(key.toCookie()));
    }

    @Test
    void aShortSecretIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new AuthorIds(new byte[8]));
    }

    @Test
    void anOlderKeyOf32BytesKeepsTheIdItAlwaysHad() {
        byte[] bytes = new byte[32];
        for (int i = 0; i < 32; i++) {
            bytes[i] = (byte) i;
        }
        AuthorKey old = AuthorKey.of(bytes).orElseThrow();
        // HMAC-SHA256(HMAC-SHA256(secret, "hearth author id v1"), key), computed independently.
        assertEquals("9905c964feb7184a386edfbfe2ffd79133d63caba5cdafdbc2d1c1aa6c68a8d1", new AuthorIds(secret(1)).idOf(old));
        assertEquals(old, AuthorKey.fromCookie(old.toCookie()).orElseThrow(), "its 43-character cookie is still read");
        assertEquals(43, old.toCookie().length());
    }

    @Test
    void aNewKeyIs16BytesWithItsOwnId() {
        AuthorKey key = AuthorKey.random();
        assertEquals(22, key.toCookie().length());
        byte[] bytes = new byte[16];
        for (int i = 0; i < 16; i++) {
            bytes[i] = (byte) i;
        }
        assertEquals("11568fb15bdd197bb72761412bb2252519e6b4f0587701ee356a9a0624e93790",
                new AuthorIds(secret(1)).idOf(AuthorKey.of(bytes).orElseThrow()));
    }

    @Test
    void onlyTheTwoKeyLengthsAreKeys() {
        assertTrue(AuthorKey.of(new byte[24]).isEmpty());
        assertTrue(AuthorKey.fromCookie(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[24])).isEmpty());
    }
}
