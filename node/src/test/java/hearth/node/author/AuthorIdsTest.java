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
}
