package hearth.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Runs one {@link SearchQuery} against one point-in-time {@link IndexSearcher}: builds the
 * query ({@link TextQueries}), finds the page ({@link RelevancePages} or {@link NewestPages})
 * and turns it into {@link SearchHit}s with highlighted snippets ({@link Snippets}).
 *
 * <p>Immutable; safe to share across threads.
 */
final class PostSearcher {

    /** Up to this many hits are counted exactly; beyond it counting stops (a lower bound). */
    static final int EXACT_COUNT_LIMIT = 1000;

    private final Languages languages;

    PostSearcher(Languages languages) {
        this.languages = languages;
    }

    SearchResults search(IndexSearcher searcher, SearchQuery query, long now) throws IOException {
        String cleaned = QueryText.clean(query.text());
        Query text = TextQueries.text(cleaned, languages);
        if (text == null) {
            return SearchResults.empty();
        }
        int fingerprint = Cursor.fingerprint(cleaned, query);
        Cursor cursor = Cursor.decode(query.cursor(), fingerprint);
        long origin = cursor == null ? now : cursor.now();
        Query filtered = TextQueries.filtered(text, query);
        Page page =
                query.order() == SearchQuery.Order.RELEVANCE
                        ? RelevancePages.page(searcher, filtered, query.pageSize(), cursor, fingerprint, origin)
                        : NewestPages.page(searcher, filtered, query.pageSize(), cursor, fingerprint, origin);

        Snippets snippets = Snippets.forQuery(text, languages);
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(page.docs().size());
        for (int doc : page.docs()) {
            hits.add(hit(stored.document(doc), snippets));
        }
        return new SearchResults(
                hits, page.totalHits(), page.next() == null ? null : page.next().encode());
    }

    private SearchHit hit(Document doc, Snippets snippets) throws IOException {
        String language = doc.get(PostFields.LANGUAGE);
        List<String> readings = languages.keysFor(language == null || language.isEmpty() ? null : language);
        return new SearchHit(
                doc.get(PostFields.POST_ID),
                doc.get(PostFields.THREAD_ID),
                doc.get(PostFields.CIRCLE),
                snippets.title(doc.get(PostFields.TITLE), readings),
                snippets.body(doc.get(PostFields.BODY), readings),
                doc.get(PostFields.PSEUDONYM),
                doc.getField(PostFields.OPENING).numericValue().intValue() == 1,
                doc.getField(PostFields.CREATED).numericValue().longValue(),
                doc.get(PostFields.ORIGIN));
    }
}
