package hearth.node.moderation.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionTokensTest {

    @Test
    void aTokenIs32RandomBytesInBase64UrlWithoutPadding() {
        String token = SessionTokens.newToken();
        assertEquals(43, token.length());
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
        assertEquals(32, Base64.getUrlDecoder().decode(token).length);
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(SessionTokens.newToken()));
        }
    }

    @Test
    void theHashIsSha256InLowerCaseHex() {
        // FIPS 180-2, appendix B.1: SHA-256("abc").
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SessionTokens.hash("abc"));
    }

    @Test
    void theHashIsStableAndDoesNotContainTheToken() {
        String token = SessionTokens.newToken();
        assertEquals(SessionTokens.hash(token), SessionTokens.hash(token));
        assertNotEquals(token, SessionTokens.hash(token));
        assertTrue(SessionTokens.hash(token).matches("[0-9a-f]{64}"));
    }

    @Test
    void differentTokensHashDifferently() {
        assertNotEquals(SessionTokens.hash(SessionTokens.newToken()), SessionTokens.hash(SessionTokens.newToken()));
    }

    @Test
    void refusesToHashNull() {
        assertThrows(IllegalArgumentException.class, () -> SessionTokens.hash(null));
    }
}
