package hearth.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a {@link SearchQuery} into a Lucene query.
 *
 * <p>The cleaned text ({@link QueryText}) is parsed in each reading ({@link Languages}) by
 * Lucene's {@link SimpleQueryParser}, which never throws: words are ANDed, quotes make
 * phrases, {@code -} excludes, {@code |} ORs, parentheses group. Prefix, fuzzy and proximity
 * operators are off, so a query's cost stays proportional to its words. Within a reading:
 * <pre>
 *   +text_en:(all the words)   title_en:(any of the words)^2
 * </pre>
 * The title is part of an opening post's text too, so a word in the title counts about three
 * times a word in the body. Readings are combined with a disjunction-max: a post matches if it
 * matches in any of its readings, scored by its best one.
 *
 * <p>Because each reading drops its own stop words, "no puedo dormir" matches a Spanish post
 * without "no" in it, and "the baby" an English post without "the". An excluded word
 * ({@code -word}) is excluded in each reading separately.
 *
 * <p>Recency is not part of the query: it would keep Lucene from skipping hopeless candidates
 * (see {@link Recency}).
 *
 * <p>Stateless; safe to use from any thread.
 */
final class TextQueries {

    static final float TITLE_BOOST = 2f;

    private static final int OPERATORS =
            SimpleQueryParser.AND_OPERATOR
                    | SimpleQueryParser.OR_OPERATOR
                    | SimpleQueryParser.NOT_OPERATOR
                    | SimpleQueryParser.PHRASE_OPERATOR
                    | SimpleQueryParser.PRECEDENCE_OPERATORS
                    | SimpleQueryParser.ESCAPE_OPERATOR
                    | SimpleQueryParser.WHITESPACE_OPERATOR;

    private TextQueries() {}

    /**
     * The text part alone, or {@code null} when the text has nothing to search for (empty,
     * only punctuation, only operators).
     */
    static Query text(String cleaned, Languages languages) {
        if (cleaned.isEmpty()) {
            return null;
        }
        List<Query> readings = new ArrayList<>();
        for (String reading : languages.keys()) {
            Query words = parse(cleaned, languages, PostFields.text(reading), Occur.MUST);
            if (words == null) {
                continue;
            }
            BooleanQuery.Builder builder = new BooleanQuery.Builder().add(words, Occur.MUST);
            Query title = parse(cleaned, languages, PostFields.title(reading), Occur.SHOULD);
            if (title != null) {
                builder.add(new BoostQuery(title, TITLE_BOOST), Occur.SHOULD);
            }
            readings.add(builder.build());
        }
        return switch (readings.size()) {
            case 0 -> null;
            case 1 -> readings.getFirst();
            default -> new DisjunctionMaxQuery(readings, 0f);
        };
    }

    /** The text query restricted by the query's filters. */
    static Query filtered(Query text, SearchQuery query) {
        if (query.circle() == null && !query.localOnly()) {
            return text;
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder().add(text, Occur.MUST);
        if (query.circle() != null) {
            builder.add(new TermQuery(new Term(PostFields.CIRCLE, query.circle())), Occur.FILTER);
        }
        if (query.localOnly()) {
            builder.add(
                    new TermQuery(new Term(PostFields.ORIGIN, SearchDocument.LOCAL)), Occur.FILTER);
        }
        return builder.build();
    }

    private static Query parse(String text, Languages languages, String field, Occur operator) {
        String reading = PostFields.readingOf(field);
        SimpleQueryParser parser =
                new SimpleQueryParser(languages.analyzer(reading), Map.of(field, 1f), OPERATORS);
        parser.setDefaultOperator(operator);
        Query query = parser.parse(text);
        return query == null || query instanceof MatchNoDocsQuery ? null : query;
    }
}
