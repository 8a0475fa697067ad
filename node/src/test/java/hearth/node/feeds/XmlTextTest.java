package hearth.node.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Which characters may stand in an XML 1.0 document (XML 1.0, section 2.2, production [2] Char). */
class XmlTextTest {

    @Test
    void tabsNewlinesAndCarriageReturnsStay() {
        assertEquals("a\tb\nc\rd", XmlText.clean("a\tb\nc\rd"));
    }

    @Test
    void otherC0ControlsAreDropped() {
        assertEquals("ab", XmlText.clean("a\u0000\u0001\u0008\u000B\u000C\u001Fb"));
    }

    @Test
    void charactersBeyondTheBasicPlaneStay() {
        assertEquals("hug \uD83E\uDD17", XmlText.clean("hug \uD83E\uDD17"));
    }

    @Test
    void aLoneHighSurrogateIsDropped() {
        assertEquals("ab", XmlText.clean("a\uD83Eb"));
    }

    @Test
    void aLoneLowSurrogateIsDropped() {
        assertEquals("ab", XmlText.clean("a\uDD17b"));
    }

    @Test
    void theNoncharactersFffeAndFfffAreDropped() {
        assertEquals("ab", XmlText.clean("a\uFFFE\uFFFFb"));
    }

    @Test
    void rightToLeftTextAndMarksStay() {
        assertEquals("\u200Fمرحبا", XmlText.clean("\u200Fمرحبا"));
    }

    @Test
    void escapeTurnsMarkupCharactersIntoReferences() {
        assertEquals("&lt;b&gt; &amp; &quot;x&quot; &#39;y&#39;", XmlText.escape("<b> & \"x\" 'y'"));
    }
}
