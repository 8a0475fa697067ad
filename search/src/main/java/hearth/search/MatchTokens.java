package hearth.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * One text's tokens under several readings at once, in offset order, so Lucene's highlighter
 * can mark a word that matched in any reading. A token that matches a query term of its reading
 * is named {@code reading|term} ({@code "en|sleep"}); any other token is named {@code ""}.
 * Tokens of different readings covering the same word overlap, and the highlighter treats
 * overlapping tokens as one.
 *
 * <p>Not thread-safe, like every {@link TokenStream}; build one per highlighted text.
 */
final class MatchTokens extends TokenStream {

    static final char SEPARATOR = '|';

    private record Token(int start, int end, String term) {}

    private final List<Token> tokens;
    private final CharTermAttribute termAttribute = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAttribute = addAttribute(OffsetAttribute.class);
    private int next;

    private MatchTokens(List<Token> tokens) {
        this.tokens = tokens;
    }

    /**
     * The tokens of {@code text} in each of these readings, matched against the query's terms
     * of each reading.
     */
    static MatchTokens of(
            String text, List<String> readings, Map<String, CharArraySet> terms, Languages languages)
            throws IOException {
        List<Token> tokens = new ArrayList<>();
        for (String reading : readings) {
            CharArraySet wanted = terms.get(reading);
            if (wanted == null) {
                continue;
            }
            try (TokenStream stream =
                    languages.analyzer(reading).tokenStream(PostFields.text(reading), text)) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    boolean match = wanted.contains(term.buffer(), 0, term.length());
                    String name = match ? key(reading, term) : "";
                    tokens.add(new Token(offset.startOffset(), offset.endOffset(), name));
                }
                stream.end();
            }
        }
        if (readings.size() > 1) {
            tokens.sort(Comparator.comparingInt(Token::start).thenComparingInt(Token::end));
        }
        return new MatchTokens(tokens);
    }

    /** The name of a matching token: reading, separator, analyzed term. */
    static String key(String reading, CharSequence term) {
        return reading + SEPARATOR + term;
    }

    @Override
    public boolean incrementToken() {
        if (next >= tokens.size()) {
            return false;
        }
        clearAttributes();
        Token token = tokens.get(next++);
        termAttribute.setEmpty().append(token.term());
        offsetAttribute.setOffset(token.start(), token.end());
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        next = 0;
    }
}
