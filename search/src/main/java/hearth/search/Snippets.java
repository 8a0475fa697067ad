package hearth.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.NullFragmenter;
import org.apache.lucene.search.highlight.QueryTermScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.WeightedTerm;

/**
 * Highlighted, HTML-safe titles and snippets for one query's hits.
 *
 * <p>Uses Lucene's {@link Highlighter} with {@link SafeHtmlEncoder} (every piece of text is
 * escaped first) and a {@code <mark>} formatter (the only tags added). The words to mark are
 * the query's terms in each reading, excluded ({@code -word}) terms left out; a post's text is
 * tokenized in the readings it was indexed with ({@link MatchTokens}), so "sleeping" marks
 * "sleep" in an English post. Phrases mark each of their words.
 *
 * <p>Not thread-safe (it reuses its highlighters): make one per search ({@link #forQuery}).
 */
final class Snippets {

    /** About how long a snippet is, in characters. */
    static final int SNIPPET_CHARS = 200;

    /** Longer texts are highlighted in their first this-many characters only. */
    static final int MAX_ANALYZED_CHARS = 20_000;

    private static final SimpleHTMLFormatter MARK = new SimpleHTMLFormatter("<mark>", "</mark>");

    private final Languages languages;
    private final Map<String, CharArraySet> termsByReading;
    private final Highlighter titles;
    private final Highlighter bodies;

    private Snippets(Languages languages, Map<String, CharArraySet> termsByReading, WeightedTerm[] terms) {
        this.languages = languages;
        this.termsByReading = termsByReading;
        this.titles = highlighter(terms);
        titles.setTextFragmenter(new NullFragmenter());
        this.bodies = highlighter(terms);
        bodies.setTextFragmenter(new SimpleFragmenter(SNIPPET_CHARS));
    }

    /** Snippets that mark the terms of this text query. */
    static Snippets forQuery(Query text, Languages languages) {
        Map<String, Set<String>> found = new HashMap<>();
        text.visit(
                new QueryVisitor() {
                    @Override
                    public void consumeTerms(Query query, Term... terms) {
                        for (Term term : terms) {
                            String reading = PostFields.readingOf(term.field());
                            if (reading != null) {
                                found.computeIfAbsent(reading, r -> new LinkedHashSet<>()).add(term.text());
                            }
                        }
                    }

                    @Override
                    public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                        return occur == Occur.MUST_NOT ? EMPTY_VISITOR : this;
                    }
                });
        Map<String, CharArraySet> termsByReading = new HashMap<>();
        Set<String> keys = new LinkedHashSet<>();
        found.forEach(
                (reading, terms) -> {
                    termsByReading.put(reading, new CharArraySet(terms, false));
                    terms.forEach(term -> keys.add(MatchTokens.key(reading, term)));
                });
        WeightedTerm[] weighted =
                keys.stream().map(key -> new WeightedTerm(1f, key)).toArray(WeightedTerm[]::new);
        return new Snippets(languages, termsByReading, weighted);
    }

    /** The whole title, escaped, with matches marked. */
    String title(String title, List<String> readings) throws IOException {
        String text = bounded(title);
        String marked = highlight(titles, text, readings);
        return marked != null ? marked : SafeHtmlEncoder.escape(text);
    }

    /** The best passage of the body, escaped, with matches marked; else its beginning. */
    String body(String body, List<String> readings) throws IOException {
        String text = bounded(body);
        String marked = highlight(bodies, text, readings);
        return marked != null ? marked.strip() : beginning(text);
    }

    private String highlight(Highlighter highlighter, String text, List<String> readings)
            throws IOException {
        if (termsByReading.isEmpty() || text.isEmpty()) {
            return null;
        }
        try {
            return highlighter.getBestFragment(
                    MatchTokens.of(text, readings, termsByReading, languages), text);
        } catch (InvalidTokenOffsetsException e) {
            return null; // offsets come from the same text, so this does not happen; fall back
        }
    }

    private static Highlighter highlighter(WeightedTerm[] terms) {
        Highlighter highlighter =
                new Highlighter(MARK, SafeHtmlEncoder.INSTANCE, new QueryTermScorer(terms));
        highlighter.setMaxDocCharsToAnalyze(MAX_ANALYZED_CHARS);
        return highlighter;
    }

    /** The escaped beginning of the body, cut at a space near {@link #SNIPPET_CHARS}. */
    static String beginning(String body) {
        String text = body.strip();
        if (text.length() <= SNIPPET_CHARS) {
            return SafeHtmlEncoder.escape(text);
        }
        int cut = text.lastIndexOf(' ', SNIPPET_CHARS);
        if (cut < SNIPPET_CHARS / 2) {
            cut = SNIPPET_CHARS;
        }
        if (Character.isLowSurrogate(text.charAt(cut))) {
            cut--; // never split an emoji
        }
        return SafeHtmlEncoder.escape(text.substring(0, cut).strip()) + "\u2026";
    }

    private static String bounded(String text) {
        if (text.length() <= MAX_ANALYZED_CHARS) {
            return text;
        }
        int cut = MAX_ANALYZED_CHARS;
        return text.substring(0, Character.isLowSurrogate(text.charAt(cut)) ? cut - 1 : cut);
    }
}
