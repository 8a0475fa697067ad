package hearth.node.forum;

import java.text.Normalizer;
import java.util.List;
import java.util.Objects;

/**
 * A node's crisis phrases, matched the way a reader would see them: without regard to case or
 * accents, and only as whole words ("hopeless" is found in "I feel hopeless." but not in
 * "hopelessly"). Punctuation, Markdown marks and line breaks all count as a gap between words, so
 * "can’t go on" and "can't  go\non" are the same phrase.
 *
 * <pre>{@code
 * CrisisPhrases phrases = CrisisPhrases.of(List.of("want to die", "quiero morir"));
 * phrases.matches("Sometimes I *want* to DIE");   // true
 * phrases.matches("Ya no QUIERO MORÍR");          // true
 * }</pre>
 *
 * <p>Immutable and thread-safe. It answers yes or no and keeps nothing of the text it read.
 */
public final class CrisisPhrases {

    private final List<String> folded;

    private CrisisPhrases(List<String> folded) {
        this.folded = folded;
    }

    /** The phrases as configured; blank ones, or ones of punctuation only, are ignored. */
    public static CrisisPhrases of(List<String> phrases) {
        Objects.requireNonNull(phrases, "phrases");
        return new CrisisPhrases(phrases.stream()
                .map(CrisisPhrases::fold)
                .filter(p -> !p.isBlank())
                .distinct()
                .toList());
    }

    /** Whether {@code text} contains any of the phrases as whole words; false for null or empty text. */
    public boolean matches(String text) {
        if (text == null || text.isBlank() || folded.isEmpty()) {
            return false;
        }
        String words = fold(text);
        for (String phrase : folded) {
            if (words.contains(phrase)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Lower-case letters and digits without their accents, every other run of characters turned
     * into one space, with a space at each end: whole-word matching is then a plain substring test.
     */
    static String fold(String text) {
        // NFKD splits "í" into "i" and a combining accent, and "ﬁ" into "fi".
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length() + 2).append(' ');
        boolean gap = true;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(Character.toLowerCase(cp));
                gap = false;
            } else if (!gap) {
                out.append(' ');
                gap = true;
            }
        }
        if (!gap) {
            out.append(' ');
        }
        return out.toString();
    }
}
