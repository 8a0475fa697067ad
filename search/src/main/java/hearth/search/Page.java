package hearth.search;

import java.util.List;

/**
 * One page of matching documents, before they are turned into hits.
 *
 * @param docs      Lucene doc ids of the page's hits, in order; valid for one searcher only
 * @param totalHits matching posts, exact up to {@value PostSearcher#EXACT_COUNT_LIMIT}
 * @param next      where the next page starts, or {@code null} on the last page
 */
record Page(List<Integer> docs, long totalHits, Cursor next) {}
