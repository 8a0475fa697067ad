package hearth.bench.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeded rows fit the node's schema as its migrations make it today (read from the node's jar). */
class SqliteSeederTest {

    @TempDir Path dir;

    private Path nodeDatabase() throws SQLException {
        Path db = dir.resolve("hearth.db");
        Flyway.configure().dataSource("jdbc:sqlite:" + db, null, null).locations("classpath:db/migration").load()
                .migrate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("INSERT INTO circle (name, title, description, position, created_at) VALUES"
                    + " ('perinatal', 'P', 'd', 0, 0), ('everyday', 'E', 'd', 1, 0)");
        }
        return db;
    }

    private static long number(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void writesPostsTheNodeCanReadAndIndex() throws Exception {
        Path db = nodeDatabase();

        SqliteSeeder.Result result = SqliteSeeder.seed(db, 600, 50, 42);

        assertEquals(600, result.posts());
        assertTrue(result.targetThread().matches("/c/perinatal/t/[0-9A-Z]{26}"), result.targetThread());
        String target = result.targetThread().substring(result.targetThread().lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA foreign_keys=ON");
            }
            assertEquals(600, number(c, "SELECT COUNT(*) FROM post"));
            assertEquals(result.threads(), number(c, "SELECT COUNT(*) FROM thread"));
            assertEquals(51, number(c, "SELECT COUNT(*) FROM post WHERE thread_id = '" + target + "'"));
            assertEquals(50, number(c, "SELECT reply_count FROM thread WHERE id = '" + target + "'"));
            assertEquals(result.threads(), number(c, "SELECT COUNT(*) FROM post WHERE opening = 1"));
            // The change sequence: one number per post, and the counter at the last.
            assertEquals(600, number(c, "SELECT COUNT(DISTINCT change_seq) FROM post WHERE change_seq > 0"));
            assertEquals(600, number(c, "SELECT value FROM change_counter WHERE id = 1"));
            assertEquals(0, number(c, "SELECT COUNT(*) FROM pragma_foreign_key_check"));
            assertEquals(0, number(c, "SELECT COUNT(*) FROM post WHERE html NOT LIKE '<p>%'"));
            assertEquals(0, number(c, "SELECT COUNT(*) FROM thread t WHERE reply_count + 1 <> "
                    + "(SELECT COUNT(*) FROM post p WHERE p.thread_id = t.id)"));
            assertEquals("wal", stringOf(c, "PRAGMA journal_mode"));
            if (number(c, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'federation_cursor'") > 0) {
                // Seeded history is not news for followers: the outbox starts after it.
                assertEquals(600, number(c, "SELECT value FROM federation_cursor WHERE name = 'outbox'"));
            }
        }
    }

    @Test
    void refusesADatabaseWithoutCircles() throws Exception {
        Path db = dir.resolve("empty.db");
        Flyway.configure().dataSource("jdbc:sqlite:" + db, null, null).locations("classpath:db/migration").load()
                .migrate();
        assertThrows(IllegalStateException.class, () -> SqliteSeeder.seed(db, 100, 50, 1));
    }

    @Test
    void refusesTooFewPostsForTheTargetThread() {
        assertThrows(IllegalArgumentException.class, () -> SqliteSeeder.seed(dir.resolve("x.db"), 50, 50, 1));
    }

    private static String stringOf(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
