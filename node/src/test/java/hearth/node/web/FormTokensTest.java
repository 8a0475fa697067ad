package hearth.node.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.author.AuthorIds;
import hearth.node.author.AuthorKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FormTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private static FormTokens at(Instant when, int secretFill) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) secretFill);
        return new FormTokens(new AuthorIds(secret), Clock.fixed(when, ZoneOffset.UTC));
    }

    @Test
    void herTokenWorksForHerOnly() {
        AuthorKey her = AuthorKey.random();
        FormTokens tokens = at(NOW, 1);
        String token = tokens.issue(her);
        assertTrue(tokens.accepts(token, her));
        assertFalse(tokens.accepts(token, AuthorKey.random()));
        assertFalse(tokens.accepts(token, null));
    }

    @Test
    void aNewVisitorsTokenLastsADay() {
        String token = at(NOW, 1).issue(null);
        assertTrue(at(NOW.plus(Duration.ofHours(23)), 1).accepts(token, null));
        assertFalse(at(NOW.plus(Duration.ofHours(26)), 1).accepts(token, null));
    }

    @Test
    void tokensFromAnotherNodeOrMadeUpAreRefused() {
        assertFalse(at(NOW, 1).accepts(at(NOW, 2).issue(null), null));
        assertFalse(at(NOW, 1).accepts(null, null));
        assertFalse(at(NOW, 1).accepts("", null));
        assertFalse(at(NOW, 1).accepts("a.1.x", null));
        assertFalse(at(NOW, 1).accepts("a.notanumber.x", null));
        assertFalse(at(NOW, 1).accepts("x".repeat(10_000), null));
    }

    @Test
    void aTokenFromTheFutureIsRefused() {
        String token = at(NOW.plus(Duration.ofHours(3)), 1).issue(null);
        assertFalse(at(NOW, 1).accepts(token, null));
    }
}
