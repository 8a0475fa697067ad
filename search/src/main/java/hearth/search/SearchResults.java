package hearth.search;

import java.util.List;
import java.util.Objects;

/**
 * One page of hits.
 *
 * <p>{@code totalHits} counts every matching post exactly up to
 * 1,000; beyond that it is a lower bound (the index stops
 * counting to stay fast), so show it as "1000+" rather than a precise number.
 * {@code nextCursor} is {@code null} on the last page; otherwise pass it to
 * {@link SearchQuery#after(String)}. It is opaque and URL-safe.
 *
 * <p>Immutable and therefore safe to share across threads.
 *
 * @param hits       the page's hits, best (or newest) first
 * @param totalHits  matching posts, exact up to 1,000 (then a lower bound)
 * @param nextCursor the cursor for the next page, or {@code null} on the last page
 */
public record SearchResults(List<SearchHit> hits, long totalHits, String nextCursor) {

    /** Copies the list; checks that the count is not negative. */
    public SearchResults {
        hits = List.copyOf(Objects.requireNonNull(hits, "hits"));
        if (totalHits < 0) {
            throw new IllegalArgumentException("totalHits must not be negative");
        }
    }

    /** A page with nothing on it. */
    public static SearchResults empty() {
        return new SearchResults(List.of(), 0, null);
    }
}
