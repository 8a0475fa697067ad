package hearth.node.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** If-None-Match against an ETag, as RFC 9110 section 13.1.2 describes it. */
class EtagsTest {

    static final String TAG = "\"0123abcd\"";

    @Test
    void theSameTagMatches() {
        assertTrue(Etags.matches("\"0123abcd\"", TAG));
    }

    @Test
    void oneTagOfAListMatches() {
        assertTrue(Etags.matches("\"old\", \"0123abcd\" , \"older\"", TAG));
    }

    @Test
    void aWeakTagMatchesItsStrongTwin() {
        assertTrue(Etags.matches("W/\"0123abcd\"", TAG));
    }

    @Test
    void aStarMatchesAnything() {
        assertTrue(Etags.matches("*", TAG));
    }

    @Test
    void anotherTagDoesNotMatch() {
        assertFalse(Etags.matches("\"0123abce\"", TAG));
    }

    @Test
    void anUnquotedTagDoesNotMatch() {
        assertFalse(Etags.matches("0123abcd", TAG));
    }

    @Test
    void noHeaderDoesNotMatch() {
        assertFalse(Etags.matches(null, TAG));
        assertFalse(Etags.matches("  ", TAG));
    }
}
