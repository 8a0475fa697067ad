/**
 * Hearth's full-text search, as a library: per-language analyzers, the index
 * of posts (a projection of the node's store), queries that never fail on
 * user input, and highlighted snippets that are safe to put in a page.
 *
 * <p>The public API is small: the node maps each post onto a {@link hearth.search.SearchDocument},
 * keeps a {@link hearth.search.PostIndex} in step with its store (upsert, delete, and
 * {@link hearth.search.PostIndex#commit(long) commit} with the store's change sequence),
 * and answers a {@link hearth.search.SearchQuery} with {@link hearth.search.SearchResults}.
 * <pre>{@code
 * try (PostIndex index = PostIndex.open(dataDir.resolve("search"), List.of("en", "es"))) {
 *   long from = index.committedSequence();      // catch up from here after a restart
 *   index.upsert(document);
 *   index.commit(sequence);                      // durable; the node decides how often
 *   SearchResults page = index.search(SearchQuery.of("can't sleep"));
 * }
 * }</pre>
 *
 * <p>Everything else in the package is package-private, one concern per file:
 * <ul>
 *   <li>analysis: {@code Languages} (which analyzer reads which post), {@code WithoutInvisibles};
 *   <li>the schema: {@code PostFields};
 *   <li>queries: {@code QueryText} (bounding what she typed), {@code TextQueries};
 *   <li>ranking and paging: {@code RelevancePages} with {@code Recency}, {@code NewestPages},
 *       {@code Cursor} (opaque page tokens), {@code Page};
 *   <li>highlighting: {@code Snippets}, {@code MatchTokens}, {@code SafeHtmlEncoder} (the one
 *       place text is escaped);
 *   <li>{@code PostSearcher}: one search against one point-in-time view of the index.
 * </ul>
 *
 * <p>Nothing here is {@code null} unless its Javadoc says so.
 *
 * <p>It must not know Vert.x, JDBC, the protocol or the pages; the node maps
 * its posts onto this package's own small document type.
 */
package hearth.search;
