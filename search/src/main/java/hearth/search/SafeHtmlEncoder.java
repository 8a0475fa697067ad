package hearth.search;

import org.apache.lucene.search.highlight.Encoder;

/**
 * Escapes a post's text for HTML before the highlighter adds its {@code <mark>} tags, so the
 * tags are the only markup in a snippet.
 *
 * <p>Escapes {@code & < > " '}; turns control characters (newlines included) into spaces, as
 * a snippet is one line; and drops bidi embedding, override and isolate characters, which
 * could otherwise make the rest of a page display out of order. Ordinary right-to-left text
 * is kept as is.
 *
 * <p>Stateless; safe to share across threads.
 */
final class SafeHtmlEncoder implements Encoder {

    static final SafeHtmlEncoder INSTANCE = new SafeHtmlEncoder();

    private SafeHtmlEncoder() {}

    @Override
    public String encodeText(String text) {
        return escape(text);
    }

    static String escape(String text) {
        int first = 0;
        while (first < text.length() && isPlain(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text; // the highlighter calls this for every word: most need nothing
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(' ');
                    } else if (!QueryText.isBidiControl(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean isPlain(char c) {
        return switch (c) {
            case '&', '<', '>', '"', '\'' -> false;
            default -> !Character.isISOControl(c) && !QueryText.isBidiControl(c);
        };
    }
}
