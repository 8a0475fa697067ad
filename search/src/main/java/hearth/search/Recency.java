package hearth.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.IndexSearcher;

/**
 * The mild recency boost: a post written now scores up to {@value #MAX_BOOST_PERCENT}% more
 * than its text match alone, half that at {@value #HALF_LIFE_DAYS} days old, almost nothing
 * after a year.
 *
 * <p>It is applied after the text search, within windows of {@value #WINDOW} hits in text
 * order ({@link RelevancePages}), so it reorders near-equal matches and can never lift a post
 * above a clearly better one. Why not in the query: an additive recency clause makes every
 * candidate competitive, and on a million posts that made common words several times slower.
 *
 * <p>Stateless; safe to use from any thread.
 */
final class Recency {

    /** Hits reordered together: the boost never moves a hit out of its window. */
    static final int WINDOW = 100;

    static final int MAX_BOOST_PERCENT = 20;
    static final long HALF_LIFE_DAYS = 30;

    private static final double MAX_BOOST = MAX_BOOST_PERCENT / 100.0;
    private static final double PIVOT_MILLIS = HALF_LIFE_DAYS * 24 * 60 * 60 * 1000.0;

    private Recency() {}

    /** The text score boosted by the age of a post created at {@code created}. */
    static double boosted(float textScore, long created, long now) {
        double age = Math.abs((double) now - created);
        return textScore * (1 + MAX_BOOST * PIVOT_MILLIS / (PIVOT_MILLIS + age));
    }

    /** The creation time of a document, from doc values. */
    static long createdAt(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        SortedNumericDocValues values = DocValues.getSortedNumeric(leaf.reader(), PostFields.CREATED);
        return values.advanceExact(doc - leaf.docBase) ? values.nextValue() : 0;
    }
}
