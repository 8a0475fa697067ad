package hearth.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.forum.ContentWarning;
import hearth.ui.i18n.Messages;
import hearth.ui.view.ContentWarningView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which warnings a reader sees unfolded: only topics she unticked, and nothing else, ever. */
class ContentWarningPrefsTest {

    private static final List<String> TOPICS = List.of("self-harm", "suicide", "abuse", "loss", "substance use");

    private static ContentWarningPrefs unticking(String... topics) {
        return ContentWarningPrefs.opening(List.of(topics), TOPICS);
    }

    @Test
    void withoutAChoiceEveryWarningIsFolded() {
        ContentWarningPrefs none = ContentWarningPrefs.fromCookie(null, TOPICS);
        assertFalse(none.opens("loss"));
        assertTrue(TOPICS.stream().allMatch(none::collapses));
    }

    @Test
    void anUntickedTopicOpens() {
        assertTrue(unticking("loss").opens("loss"));
        assertFalse(unticking("loss").opens("abuse"));
    }

    @Test
    void topicsCompareWithoutCaseOrExtraSpaces() {
        assertTrue(unticking("substance use").opens("  Substance   USE "));
    }

    @Test
    void aWarningNamingSeveralTopicsOpensOnlyWhenAllAreUnticked() {
        assertFalse(unticking("loss").opens("loss, abuse"));
        assertTrue(unticking("loss", "abuse").opens("loss, abuse"));
        assertTrue(unticking("loss", "abuse").opens("loss; abuse"));
    }

    @Test
    void aWarningThatIsNotATopicIsAlwaysFolded() {
        ContentWarningPrefs all = unticking(TOPICS.toArray(String[]::new));
        assertFalse(all.opens("birth trauma"));
        assertFalse(all.opens("loss of a baby"), "containing a topic is not being one");
        assertFalse(all.opens("loss, birth trauma"));
    }

    @Test
    void theGeneralWarningIsAlwaysFolded() {
        assertFalse(unticking(TOPICS.toArray(String[]::new)).opens(ContentWarning.GENERIC));
    }

    @Test
    void theChoiceSurvivesItsCookie() {
        ContentWarningPrefs saved = unticking("loss", "self-harm");
        ContentWarningPrefs read = ContentWarningPrefs.fromCookie(saved.cookieValue(), TOPICS);
        assertTrue(read.opens("loss"));
        assertTrue(read.opens("self-harm"));
        assertFalse(read.opens("abuse"));
    }

    @Test
    void theCookieHoldsNoPlainWordsAndNothingWhenAllIsFolded() {
        String value = unticking("loss").cookieValue();
        assertTrue(value.matches("o1\\.[A-Za-z0-9_-]+"), value);
        assertEquals("", ContentWarningPrefs.fromCookie(null, TOPICS).cookieValue());
    }

    @Test
    void anUnreadableCookieCountsAsNoChoice() {
        assertFalse(ContentWarningPrefs.fromCookie("o1.!!not base64!!", TOPICS).opens("loss"));
        assertFalse(ContentWarningPrefs.fromCookie("something else", TOPICS).opens("loss"));
        assertFalse(ContentWarningPrefs.fromCookie("o1." + "A".repeat(5000), TOPICS).opens("loss"));
    }

    @Test
    void aTopicTheNodeNoLongerSuggestsIsDropped() {
        String value = unticking("loss").cookieValue();
        assertFalse(ContentWarningPrefs.fromCookie(value, List.of("abuse")).opens("loss"));
    }

    @Test
    void anUnknownTopicCannotBeUntickedByAForgedForm() {
        assertFalse(unticking("birth trauma").opens("birth trauma"));
    }

    @Test
    void theGeneralWarningIsShownInHerLanguage() {
        ContentWarningView english = unticking().view(ContentWarning.GENERIC, Messages.of("en"));
        ContentWarningView spanish = unticking().view(ContentWarning.GENERIC, Messages.of("es"));
        assertEquals("Sensitive content", english.text());
        assertEquals("Contenido delicado", spanish.text());
        assertFalse(english.open());
    }

    @Test
    void noWarningHasNoView() {
        assertNull(unticking("loss").view(null, Messages.of("en")));
    }

    @Test
    void herWordsAreShownAsSheWroteThem() {
        ContentWarningView view = unticking("loss").view("Loss", Messages.of("en"));
        assertEquals("Loss", view.text());
        assertTrue(view.open());
    }
}
