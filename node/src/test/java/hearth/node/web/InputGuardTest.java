package hearth.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The checks on addresses and form bodies before any handler reads them (issue 8). */
class InputGuardTest {

    @Test
    void plainAndPercentEncodedUtf8IsWellFormed() {
        assertTrue(InputGuard.wellFormed("/search?q=caf%C3%A9+%F0%9F%92%9C"));
        assertTrue(InputGuard.wellFormed("title=Hello&body=%E2%80%AE"));
        assertTrue(InputGuard.wellFormed(""));
    }

    @Test
    void aLoneContinuationByteIsRefused() {
        assertFalse(InputGuard.wellFormed("q=%80"));
    }

    @Test
    void aTruncatedSequenceIsRefused() {
        assertFalse(InputGuard.wellFormed("q=%E2%82"));
    }

    @Test
    void anOverlongEncodingIsRefused() {
        // "/" as two bytes: the classic way past filters that look for a slash.
        assertFalse(InputGuard.wellFormed("q=%C0%AF"));
    }

    @Test
    void anEncodedSurrogateIsRefused() {
        assertFalse(InputGuard.wellFormed("q=%ED%A0%80"));
    }

    @Test
    void aRawInvalidByteIsRefused() {
        assertFalse(InputGuard.wellFormed(new byte[] {'q', '=', (byte) 0xff}));
    }

    @Test
    void aBrokenEscapeIsRefused() {
        assertFalse(InputGuard.wellFormed("q=%zz"));
        assertFalse(InputGuard.wellFormed("q=abc%"));
        assertFalse(InputGuard.wellFormed("q=%4"));
    }

    @Test
    void dotSegmentsClimb() {
        assertTrue(InputGuard.climbs("/static/../pom.xml"));
        assertTrue(InputGuard.climbs("/c/everyday/.."));
        assertTrue(InputGuard.climbs("/c/./everyday"));
    }

    @Test
    void encodedDotsSlashesBackslashesAndNulClimb() {
        assertTrue(InputGuard.climbs("/static/%2e%2e/x"));
        assertTrue(InputGuard.climbs("/static/..%2Fx"));
        assertTrue(InputGuard.climbs("/static/..%5cx"));
        assertTrue(InputGuard.climbs("/static/x%00.png"));
        assertTrue(InputGuard.climbs("/static/..\\x"));
    }

    @Test
    void ordinaryAddressesDoNotClimb() {
        assertFalse(InputGuard.climbs("/c/everyday/t/01HZX5Q3P0000000000000000/p/01HZX5Q3P0000000000000001/edit"));
        assertFalse(InputGuard.climbs("/static/hearth.css"));
        assertFalse(InputGuard.climbs("/search?q=../%2e%2e"), "only the path is looked at, not the query");
        assertFalse(InputGuard.climbs("/u/Quiet%20Heron%204821"));
    }

    @Test
    void textWithNothingVisibleIsEmpty() {
        assertEquals("", InputGuard.visibleOrEmpty("\u202E\u200B\u2066\u200D\u2069 \u3164\uFEFF\u00A0\t"));
        assertEquals("", InputGuard.visibleOrEmpty("\uFE0F\u180E\u2800"));
    }

    @Test
    void plainWhitespaceIsKeptAsTypedForTheSizeRulesToRefuse() {
        assertEquals("   ", InputGuard.visibleOrEmpty("   "));
    }

    @Test
    void textWithSomethingVisibleIsKeptAsTyped() {
        assertEquals("\u202Eabc", InputGuard.visibleOrEmpty("\u202Eabc"));
        assertEquals("💜", InputGuard.visibleOrEmpty("💜"));
        assertEquals("ن", InputGuard.visibleOrEmpty("ن"));
        assertEquals(null, InputGuard.visibleOrEmpty(null));
    }
}
