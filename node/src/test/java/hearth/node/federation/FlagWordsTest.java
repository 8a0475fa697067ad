package hearth.node.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hearth.node.moderation.ReportReason;
import org.junit.jupiter.api.Test;

/** How a Flag's words are written and read back: the reason first, then her comment, as text only. */
class FlagWordsTest {

    @Test
    void aForwardedReportStartsWithItsReasonsLabelThenHerComment() {
        assertEquals("Harmful advice\n\nStop the tablets, she says.",
                FlagForwarder.content("harmful-advice", " Stop the tablets, she says. "));
    }

    @Test
    void aForwardedReportWithoutACommentIsItsLabel() {
        assertEquals("Spam", FlagForwarder.content("spam", ""));
    }

    @Test
    void everyReasonSurvivesTheRoundTrip() {
        for (ReportReason reason : ReportReason.values()) {
            assertEquals(reason, FlagIntake.reasonOf(FlagForwarder.content(reason.wire(), "and a comment")));
        }
    }

    @Test
    void lemmysFreeTextReasonIsReadWhenItIsOneOfHearths() {
        assertEquals(ReportReason.AT_RISK, FlagIntake.reasonOf("Someone may be at risk"));
        assertEquals(ReportReason.HARMFUL_ADVICE, FlagIntake.reasonOf("harmful advice"));
    }

    @Test
    void wordsThatNameNoReasonAreOther() {
        assertEquals(ReportReason.OTHER, FlagIntake.reasonOf("Sends private messages pushing a paid course"));
        assertEquals(ReportReason.OTHER, FlagIntake.reasonOf("spammy links everywhere"));
        assertEquals(ReportReason.OTHER, FlagIntake.reasonOf(null));
    }

    @Test
    void markupIsDroppedAndEntitiesRead() {
        assertEquals("Look at this & that\nplease", FlagIntake.plainText("<p>Look at <b>this</b> &amp; that</p>please", 100));
    }

    @Test
    void controlCharactersAreDropped() {
        assertEquals("ab\ncd", FlagIntake.plainText("a\u0000b\ncd\u200e", 100));
    }

    @Test
    void theCommentIsClippedToItsLimit() {
        assertEquals(2000, FlagIntake.plainText("x".repeat(5000), 2000).length());
    }
}
