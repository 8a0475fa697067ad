/**
 * Backups of a node and their restoration into a fresh data folder: a consistent online snapshot of
 * the SQLite store (SQLite's {@code VACUUM INTO}, never a file copy), or a {@code pg_dump} when the
 * node runs on PostgreSQL; the data folder's other files (the node secret, a configuration kept
 * there); and a manifest of row counts and SHA-256 checksums that a restore checks before and after
 * it writes anything. The search index is left out: a node rebuilds it from the store at start.
 *
 * <p>It knows the data folder's layout and plain JDBC; it knows nothing of the forum, the web or
 * federation.
 */
package hearth.node.backup;
