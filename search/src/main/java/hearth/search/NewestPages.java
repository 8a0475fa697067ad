package hearth.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;

/**
 * Pages of matches newest first: sorted by (created desc, post id), continued with Lucene's
 * search-after from the last hit shown. Collects one hit more than the page to know whether
 * there is a next page. Lucene skips old documents using the points of {@code created}, so deep
 * pages stay fast.
 *
 * <p>Stateless; safe to use from any thread.
 */
final class NewestPages {

    static final Sort NEWEST_FIRST =
            new Sort(
                    LongField.newSortField(PostFields.CREATED, true, SortedNumericSelector.Type.MIN),
                    new SortField(PostFields.POST_ID, SortField.Type.STRING));

    private NewestPages() {}

    static Page page(
            IndexSearcher searcher, Query query, int pageSize, Cursor cursor, int fingerprint, long now)
            throws IOException {
        FieldDoc after = cursor == null ? null : cursor.position(SearchQuery.Order.NEWEST);
        TopFieldDocs top =
                searcher.search(
                        query,
                        new TopFieldCollectorManager(
                                NEWEST_FIRST, pageSize + 1, after, PostSearcher.EXACT_COUNT_LIMIT));
        int shown = Math.min(pageSize, top.scoreDocs.length);
        List<Integer> docs = new ArrayList<>(shown);
        for (int i = 0; i < shown; i++) {
            docs.add(top.scoreDocs[i].doc);
        }
        Cursor next =
                top.scoreDocs.length > shown
                        ? Cursor.afterNewest((FieldDoc) top.scoreDocs[shown - 1], fingerprint, now)
                        : null;
        return new Page(docs, top.totalHits.value(), next);
    }
}
