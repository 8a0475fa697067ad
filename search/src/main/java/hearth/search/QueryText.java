package hearth.search;

/**
 * Makes what she typed safe to parse: bounded in length and word count, without control
 * characters. The result may be empty.
 *
 * <p>Why bound it: every word becomes a clause per field and reading, and Lucene refuses
 * queries with more than 1,024 clauses; a bounded query also has a bounded cost.
 *
 * <p>Stateless; safe to use from any thread.
 */
final class QueryText {

    /** Characters of the typed text that count. */
    static final int MAX_CHARS = 500;

    /** Words of the typed text that count. */
    static final int MAX_WORDS = 32;

    private QueryText() {}

    static String clean(String typed) {
        StringBuilder out = new StringBuilder(Math.min(typed.length(), MAX_CHARS));
        int words = 0;
        boolean inWord = false;
        int limit = Math.min(typed.length(), MAX_CHARS);
        for (int i = 0; i < limit; i++) {
            char c = typed.charAt(i);
            boolean space = Character.isWhitespace(c) || Character.isISOControl(c) || isBidiControl(c);
            if (space) {
                inWord = false;
                if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
                continue;
            }
            if (Character.isSurrogate(c) && !isPairedSurrogate(typed, i, limit)) {
                continue; // half an emoji cut at the limit, or a lone surrogate: drop it
            }
            if (!inWord) {
                if (++words > MAX_WORDS) {
                    break;
                }
                inWord = true;
            }
            out.append(c);
        }
        return out.toString().strip();
    }

    private static boolean isPairedSurrogate(String s, int i, int limit) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < limit && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** Embedding, override and isolate controls, which can make text display out of order. */
    static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
