package hearth.node.feeds;

/**
 * Text made safe to place in an XML 1.0 document, or in the HTML of an entry.
 *
 * <pre>{@code
 * String html = "<p>" + XmlText.escape(note) + "</p>";
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class XmlText {

    private XmlText() {
    }

    /**
     * {@code text} without the characters XML 1.0 forbids (most C0 controls, lone surrogates,
     * U+FFFE and U+FFFF). An XML writer refuses them, and one stray control character in one
     * remote post must not take a whole feed down.
     */
    public static String clean(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD
                    || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD)
                    || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!allowed && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (allowed && out != null) {
                out.appendCodePoint(cp);
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }

    /** {@code text} escaped for HTML or XML character data and attribute values. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
