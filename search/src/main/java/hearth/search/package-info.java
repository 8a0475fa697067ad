/**
 * Hearth's full-text search, as a library: per-language analyzers, the index
 * of posts (a projection of the node's store), queries that never fail on
 * user input, and highlighted snippets.
 *
 * <p>It must not know Vert.x, JDBC, the protocol or the pages; the node maps
 * its posts onto this package's own small document type.
 */
package hearth.search;
