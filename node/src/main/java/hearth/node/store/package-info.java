/**
 * Storage: the connection pool, schema migrations (Flyway, {@code db/migration}) and
 * transactions, on the embedded SQLite file (default) or a PostgreSQL server
 * ({@code storage.url}); and {@link hearth.node.store.PostgresCopy}, which moves a node from the
 * first to the second. SQL stays portable so both run the same migrations and statements.
 *
 * <p>Knows nothing of the forum, federation or the web. Nothing here may store an IP address, a
 * user agent or an author key.
 */
package hearth.node.store;
