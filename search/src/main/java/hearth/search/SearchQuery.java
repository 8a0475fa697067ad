package hearth.search;

import java.util.Objects;

/**
 * What she asked for: the text she typed, optional filters, the order, and where the page
 * starts.
 *
 * <p>{@code text} is taken as typed: any string is accepted and none makes
 * {@link PostIndex#search(SearchQuery)} fail. Words are combined with AND, {@code "quotes"}
 * make a phrase, {@code -word} excludes, {@code |} means OR, parentheses group. Only the first
 * 500 characters and 32 words count; control characters are ignored.
 *
 * <p>{@code cursor} is the {@link SearchResults#nextCursor()} of the previous page, or
 * {@code null} for the first page; a cursor that is garbled, or belongs to a different
 * query, also gives the first page.
 *
 * <p>Immutable and therefore safe to share across threads.
 * <pre>{@code
 * SearchResults first = index.search(SearchQuery.of("no puedo dormir"));
 * SearchResults second = index.search(SearchQuery.of("no puedo dormir").after(first.nextCursor()));
 * }</pre>
 *
 * @param text      what she typed, never {@code null} (may be empty)
 * @param circle    only posts in this circle, or {@code null} for every circle
 * @param localOnly only posts written on this node
 * @param order     relevance or newest first
 * @param cursor    from the previous page, or {@code null}
 * @param pageSize  hits per page, 1 to {@value #MAX_PAGE_SIZE}
 */
public record SearchQuery(
        String text, String circle, boolean localOnly, Order order, String cursor, int pageSize) {

    /** The page size {@link #of(String)} uses. */
    public static final int DEFAULT_PAGE_SIZE = 20;

    /** The largest page a query may ask for. */
    public static final int MAX_PAGE_SIZE = 100;

    /** The order of hits. */
    public enum Order {
        /** Best text match first; among near-equal matches, newer first. */
        RELEVANCE,
        /** Newest post first. */
        NEWEST
    }

    /** Checks the caller's arguments (not her text: any text is fine). */
    public SearchQuery {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(order, "order");
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException(
                    "pageSize must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
        }
    }

    /** A first page of {@value #DEFAULT_PAGE_SIZE} hits by relevance, across all circles. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, null, false, Order.RELEVANCE, null, DEFAULT_PAGE_SIZE);
    }

    /** The same query limited to one circle ({@code null} for all). */
    public SearchQuery inCircle(String circle) {
        return new SearchQuery(text, circle, localOnly, order, cursor, pageSize);
    }

    /** The same query limited to posts written on this node, or not. */
    public SearchQuery localOnly(boolean localOnly) {
        return new SearchQuery(text, circle, localOnly, order, cursor, pageSize);
    }

    /** The same query in another order. */
    public SearchQuery ordered(Order order) {
        return new SearchQuery(text, circle, localOnly, order, cursor, pageSize);
    }

    /** The same query starting after the given cursor ({@code null} for the first page). */
    public SearchQuery after(String cursor) {
        return new SearchQuery(text, circle, localOnly, order, cursor, pageSize);
    }

    /** The same query with another page size. */
    public SearchQuery withPageSize(int pageSize) {
        return new SearchQuery(text, circle, localOnly, order, cursor, pageSize);
    }
}
