package hearth.node.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.store.Database;
import hearth.node.store.PgServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backup and restore of a node on PostgreSQL: {@code pg_dump} of a database with Hearth's schema and
 * rows, {@code pg_restore} into an empty database with equal row counts, and a restore into a
 * database that has tables refused. Runs against a real server ({@link PgServer}).
 */
class PgDumpIT {

    @TempDir
    Path temp;

    @Test
    void aDumpRestoresIntoAnEmptyDatabaseWithTheSameCounts() {
        PgServer server = PgServer.shared();
        String source = server.configUrl(server.freshDatabase());
        try (Database db = Database.open(source, null)) {
            db.write(c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO change_counter (id, value) VALUES (?, ?)")) {
                    for (int i = 2; i <= 40; i++) {
                        s.setInt(1, i);
                        s.setLong(2, i);
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                return null;
            });
        }
        Path backup = temp.resolve("backup");
        Manifest taken = PgDump.create(source, null, backup, "test");
        assertEquals(Manifest.POSTGRESQL, taken.kind());
        assertEquals(40, taken.tables().get("change_counter").rows());
        assertNull(taken.tables().get("change_counter").sha256(), "PostgreSQL backups carry counts only");
        assertTrue(Files.isRegularFile(backup.resolve(PgDump.DUMP)));

        String empty = server.configUrl(server.emptyDatabase());
        Manifest restored = PgDump.restore(backup, empty);
        assertEquals(taken.tables(), restored.tables());

        // The restored database now has tables: a second restore into it must not touch them.
        BackupProblem refused = assertThrows(BackupProblem.class, () -> PgDump.restore(backup, empty));
        assertTrue(refused.getMessage().contains("already has tables"), refused.getMessage());
    }

    @Test
    void aSqliteRestoreRefusesAPostgresqlBackup() {
        PgServer server = PgServer.shared();
        Path backup = temp.resolve("backup");
        PgDump.create(server.configUrl(server.freshDatabase()), null, backup, "test");
        BackupProblem refused = assertThrows(BackupProblem.class,
                () -> SqliteRestore.restore(backup, temp.resolve("data")));
        assertTrue(refused.getMessage().contains("--storage-url"), refused.getMessage());
    }
}
