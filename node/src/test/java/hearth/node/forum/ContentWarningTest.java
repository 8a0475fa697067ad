package hearth.node.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules for her content warning, and for one that comes from another server. */
class ContentWarningTest {

    @Test
    void herWarningIsTrimmedAndKeptOnOneLine() {
        assertEquals("loss of a baby", ContentWarning.normalize("  loss \n of\ta   baby \r\n"));
    }

    @Test
    void aBlankWarningIsNoWarning() {
        assertNull(ContentWarning.normalize(null));
        assertNull(ContentWarning.normalize(""));
        assertNull(ContentWarning.normalize(" \n\t "));
    }

    @Test
    void bidiOverridesAndControlCharactersAreTakenOut() {
        // U+202E would turn the rest of the line around; U+0007 (a bell) is no text either.
        assertEquals("abuse", ContentWarning.normalize("\u202Eabuse\u202C"));
        assertEquals("loss grief", ContentWarning.normalize("loss\u0007grief"));
    }

    @Test
    void aHundredCharactersAreAccepted() {
        assertEquals(Optional.empty(), ContentWarning.tooLong("x".repeat(ContentWarning.MAX)));
    }

    @Test
    void aHundredAndOneCharactersAreRefusedWithTheirLength() {
        assertEquals(Optional.of(101), ContentWarning.tooLong("x".repeat(101)));
    }

    @Test
    void lengthIsCountedAfterTrimming() {
        assertEquals(Optional.empty(), ContentWarning.tooLong("   " + "x".repeat(100) + "\n\n  "));
    }

    @Test
    void lengthIsCountedInCharactersNotUtf16Units() {
        // 100 emoji are 200 UTF-16 units but 100 characters.
        assertEquals(Optional.empty(), ContentWarning.tooLong("\uD83D\uDC9C".repeat(100)));
        assertEquals(Optional.of(101), ContentWarning.tooLong("\uD83D\uDC9C".repeat(101)));
    }

    @Test
    void aSensitivePostWithASummaryIsWarnedInThoseWords() {
        // Mastodon's shape: sensitive true, the warning in summary (fixtures/mastodon/create_note.json).
        assertEquals("birth trauma", ContentWarning.fromRemote(true, "birth trauma"));
    }

    @Test
    void aSensitivePostWithoutASummaryGetsTheGeneralWarning() {
        // Lemmy's shape: sensitive is its NSFW mark and a Page has no summary.
        assertTrue(ContentWarning.generic(ContentWarning.fromRemote(true, null)));
        assertTrue(ContentWarning.generic(ContentWarning.fromRemote(true, "  ")));
    }

    @Test
    void aSummaryWithoutSensitiveIsNotAWarning() {
        // Mbin's shape: a thread's description in summary, sensitive false.
        assertNull(ContentWarning.fromRemote(false, "A gentle reminder to rest #selfcare"));
    }

    @Test
    void aLongRemoteWarningIsCutToTheLimit() {
        String cut = ContentWarning.fromRemote(true, "y".repeat(300));
        assertEquals(ContentWarning.MAX, cut.codePointCount(0, cut.length()));
        assertTrue(cut.endsWith("…"), cut);
    }

    @Test
    void herOwnWarningIsNeverTheGeneralOne() {
        assertNull(ContentWarning.normalize(ContentWarning.GENERIC));
    }
}
