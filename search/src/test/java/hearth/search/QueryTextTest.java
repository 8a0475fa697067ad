package hearth.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QueryTextTest {

    @Test
    void keepsOrdinaryTextAsTyped() {
        assertEquals("\"can't sleep\" -baby", QueryText.clean("  \"can't sleep\" -baby  "));
    }

    @Test
    void controlAndBidiCharactersBecomeSpaces() {
        assertEquals("sleep baby now", QueryText.clean("sleep\u0000baby\u202E\u0007now\n"));
    }

    @Test
    void boundedToTheFirstCharacters() {
        String cleaned = QueryText.clean("x".repeat(10_000));
        assertEquals(QueryText.MAX_CHARS, cleaned.length());
    }

    @Test
    void boundedToTheFirstWords() {
        String cleaned = QueryText.clean("w ".repeat(1_000));
        assertEquals(QueryText.MAX_WORDS, cleaned.split(" ").length);
    }

    @Test
    void neverCutsAnEmojiInHalf() {
        String cleaned = QueryText.clean("a".repeat(QueryText.MAX_CHARS - 1) + "\uD83D\uDE22");
        assertEquals("a".repeat(QueryText.MAX_CHARS - 1), cleaned);
        assertTrue(QueryText.clean("\uD83D\uDE22").codePoints().allMatch(Character::isValidCodePoint));
        assertEquals("sleep", QueryText.clean("\uDC00sleep"));
    }
}
