package hearth.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** One test per way a post's text could try to become markup in a snippet. */
class SafeHtmlEncoderTest {

    private static String escape(String text) {
        return SafeHtmlEncoder.INSTANCE.encodeText(text);
    }

    @Test
    void scriptTag() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", escape("<script>alert(1)</script>"));
    }

    @Test
    void eventHandlerAttribute() {
        assertEquals("&lt;img src=x onerror=alert(1)&gt;", escape("<img src=x onerror=alert(1)>"));
    }

    @Test
    void attributeBreakoutWithQuotes() {
        assertEquals("&quot; onmouseover=&#39;x&#39;", escape("\" onmouseover='x'"));
    }

    @Test
    void forgedMarkTag() {
        assertEquals("&lt;mark&gt;not a match&lt;/mark&gt;", escape("<mark>not a match</mark>"));
    }

    @Test
    void entityThatWouldDecodeToATag() {
        assertEquals("&amp;lt;script&amp;gt;", escape("&lt;script&gt;"));
    }

    @Test
    void nulAndControlCharactersBecomeSpaces() {
        assertEquals("a b c d", escape("a\u0000b\u001bc\nd"));
    }

    @Test
    void bidiOverridesAreDropped() {
        assertEquals("evil.exe", escape("evil\u202E.exe\u202C"));
        assertEquals("isolated", escape("\u2066isolated\u2069"));
    }

    @Test
    void ordinaryTextIsUnchanged() {
        String text = "No puedo dormir, ¿y tú? שלום 😢 can/not";
        assertEquals(text, escape(text));
    }
}
