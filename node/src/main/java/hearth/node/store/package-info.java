/**
 * Storage: the connection pool, schema migrations (Flyway, {@code db/migration}) and
 * transactions. SQL stays portable so SQLite (embedded default) and PostgreSQL run the
 * same migrations and statements.
 *
 * <p>Nothing here may store an IP address, a user agent or an author key.
 */
package hearth.node.store;
