/**
 * Seeded forums: through a running node's forms as women would post
 * ({@link hearth.bench.seed.HttpSeeder}), or a million posts straight into a stopped node's
 * SQLite file ({@link hearth.bench.seed.SqliteSeeder}).
 *
 * <p>Only the SQLite seeder knows the node's schema (its migrations in
 * {@code node/src/main/resources/db/migration}); a test runs it against those migrations, so a
 * schema change that breaks it fails the build. It must not know about load or timing.
 */
package hearth.bench.seed;
