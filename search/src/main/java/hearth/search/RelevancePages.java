package hearth.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;

/**
 * Pages of matches by relevance: text order, with recency reordering each window.
 *
 * <p>Matches are taken in text order, (text score desc, post id), in windows of
 * {@value Recency#WINDOW}; each window is reordered by {@link Recency#boosted}, then by post id,
 * and pages walk through the windows. Because windows partition the text order and each is
 * ordered deterministically, paging shows every hit exactly once, and a deep page costs one
 * search-after for its window (two when the page spans a window's end), with Lucene free to
 * skip documents that cannot enter the window.
 *
 * <p>Stateless; safe to use from any thread.
 */
final class RelevancePages {

    static final Sort TEXT_ORDER =
            new Sort(SortField.FIELD_SCORE, new SortField(PostFields.POST_ID, SortField.Type.STRING));

    private RelevancePages() {}

    /** The window after {@code start}: its hits in boosted order, and whether more follow. */
    private record Window(List<FieldDoc> ranked, FieldDoc last, boolean more, long totalHits) {}

    static Page page(
            IndexSearcher searcher, Query query, int pageSize, Cursor cursor, int fingerprint, long now)
            throws IOException {
        FieldDoc start = cursor == null ? null : cursor.position(SearchQuery.Order.RELEVANCE);
        int offset = cursor == null ? 0 : cursor.offset();
        Window window = window(searcher, query, start, now);
        long totalHits = window.totalHits();
        List<Integer> docs = new ArrayList<>(pageSize);
        while (docs.size() < pageSize) {
            if (offset < window.ranked().size()) {
                docs.add(window.ranked().get(offset++).doc);
            } else if (window.more()) {
                start = window.last();
                window = window(searcher, query, start, now);
                offset = 0;
            } else {
                break;
            }
        }
        Cursor next;
        if (offset < window.ranked().size()) {
            next = Cursor.inWindow(start, offset, fingerprint, now);
        } else if (window.more()) {
            next = Cursor.inWindow(window.last(), 0, fingerprint, now);
        } else {
            next = null;
        }
        return new Page(docs, totalHits, next);
    }

    private static Window window(IndexSearcher searcher, Query query, FieldDoc start, long now)
            throws IOException {
        TopFieldDocs top =
                searcher.search(
                        query,
                        new TopFieldCollectorManager(
                                TEXT_ORDER, Recency.WINDOW + 1, start, PostSearcher.EXACT_COUNT_LIMIT));
        int size = Math.min(Recency.WINDOW, top.scoreDocs.length);
        List<FieldDoc> inWindow = new ArrayList<>(size);
        List<Double> boosted = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            ScoreDoc hit = top.scoreDocs[i];
            FieldDoc doc = (FieldDoc) hit;
            inWindow.add(doc);
            boosted.add(Recency.boosted((Float) doc.fields[0], Recency.createdAt(searcher, hit.doc), now));
        }
        List<Integer> order = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            order.add(i);
        }
        order.sort(
                Comparator.<Integer>comparingDouble(i -> -boosted.get(i))
                        .thenComparing(i -> (BytesRef) inWindow.get(i).fields[1]));
        List<FieldDoc> ranked = order.stream().map(inWindow::get).toList();
        FieldDoc last = size == 0 ? null : inWindow.get(size - 1);
        return new Window(ranked, last, top.scoreDocs.length > size, top.totalHits.value());
    }
}
