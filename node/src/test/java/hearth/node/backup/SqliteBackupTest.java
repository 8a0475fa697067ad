package hearth.node.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.config.DataFolder;
import hearth.node.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups of a small store and their restoration, and each refusal on its own. */
class SqliteBackupTest {

    @TempDir
    Path temp;
    private Path data;
    private byte[] secret;

    @BeforeEach
    void aStoreWithRows() {
        data = temp.resolve("data");
        DataFolder folder = DataFolder.open(data);
        secret = folder.secret();
        try (Database db = Database.sqlite(folder.database())) {
            db.write(c -> {
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO change_counter (id, value) VALUES (?, ?)")) {
                    for (int i = 2; i < 50; i++) {
                        s.setInt(1, i);
                        s.setLong(2, i * 7L);
                        s.addBatch();
                    }
                    s.executeBatch();
                }
                return null;
            });
        }
    }

    @Test
    void aRestoredStoreHasTheSameCountsChecksumsAndSecret() throws Exception {
        Manifest taken = SqliteBackup.create(data, null, temp.resolve("backup"), "test");
        assertEquals(49, taken.tables().get("change_counter").rows());
        assertTrue(taken.files().containsKey("hearth.db"));
        assertTrue(taken.files().containsKey("data/node.secret"));

        Path fresh = temp.resolve("fresh");
        SqliteRestore.restore(temp.resolve("backup"), fresh);
        try (Connection c = SqliteBackup.open(fresh.resolve("hearth.db"))) {
            assertEquals(taken.tables(), TableDigests.of(c));
        }
        assertArrayEquals(secret, DataFolder.open(fresh).secret());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh.resolve("node.secret"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("backup"))));
    }

    @Test
    void theSearchIndexIsNotBackedUp() throws IOException {
        Files.createDirectories(data.resolve("index"));
        Files.writeString(data.resolve("index").resolve("segments_1"), "x");
        Manifest taken = SqliteBackup.create(data, null, temp.resolve("backup"), "test");
        assertFalse(taken.files().keySet().stream().anyMatch(f -> f.contains("index")), taken.files().toString());
    }

    @Test
    void aChangedRowChangesItsTablesChecksum() throws Exception {
        Manifest before = SqliteBackup.create(data, null, temp.resolve("one"), "test");
        try (Database db = Database.sqlite(data.resolve("hearth.db"))) {
            db.write(c -> c.prepareStatement("UPDATE change_counter SET value = value + 1 WHERE id = 7").executeUpdate());
        }
        Manifest after = SqliteBackup.create(data, null, temp.resolve("two"), "test");
        assertEquals(before.tables().get("change_counter").rows(), after.tables().get("change_counter").rows());
        assertFalse(before.tables().get("change_counter").sha256().equals(after.tables().get("change_counter").sha256()));
        assertEquals(before.tables().get("post"), after.tables().get("post"));
    }

    @Test
    void backupRefusesAFolderThatHoldsSomething() throws IOException {
        Files.createDirectories(temp.resolve("busy"));
        Files.writeString(temp.resolve("busy").resolve("keep.txt"), "mine");
        BackupProblem problem = assertThrows(BackupProblem.class,
                () -> SqliteBackup.create(data, null, temp.resolve("busy"), "test"));
        assertTrue(problem.getMessage().contains("not empty"));
        assertEquals("mine", Files.readString(temp.resolve("busy").resolve("keep.txt")));
    }

    @Test
    void backupRefusesAFolderWithoutAStore() {
        assertThrows(BackupProblem.class, () -> SqliteBackup.create(temp.resolve("nothing"), null,
                temp.resolve("backup"), "test"));
    }

    @Test
    void restoreRefusesADataFolderThatHoldsSomething() throws IOException {
        SqliteBackup.create(data, null, temp.resolve("backup"), "test");
        BackupProblem problem = assertThrows(BackupProblem.class,
                () -> SqliteRestore.restore(temp.resolve("backup"), data));
        assertTrue(problem.getMessage().contains("never overwrites"));
        assertArrayEquals(secret, DataFolder.open(data).secret(), "the node's folder is untouched");
    }

    @Test
    void restoreRefusesADamagedFile() throws IOException {
        Path backup = temp.resolve("backup");
        SqliteBackup.create(data, null, backup, "test");
        Files.writeString(backup.resolve("data").resolve("node.secret"), "bm90IHRoZSBzZWNyZXQ=\n");
        BackupProblem problem = assertThrows(BackupProblem.class,
                () -> SqliteRestore.restore(backup, temp.resolve("fresh")));
        assertTrue(problem.getMessage().contains("damaged"));
        assertFalse(Files.exists(temp.resolve("fresh")), "nothing is written before the files check out");
    }

    @Test
    void restoreRefusesAMissingFile() throws IOException {
        Path backup = temp.resolve("backup");
        SqliteBackup.create(data, null, backup, "test");
        Files.delete(backup.resolve("hearth.db"));
        assertThrows(BackupProblem.class, () -> SqliteRestore.restore(backup, temp.resolve("fresh")));
    }

    @Test
    void restoreRefusesAFolderWithoutManifest() throws IOException {
        Files.createDirectories(temp.resolve("random"));
        BackupProblem problem = assertThrows(BackupProblem.class,
                () -> SqliteRestore.restore(temp.resolve("random"), temp.resolve("fresh")));
        assertTrue(problem.getMessage().contains("not a Hearth backup"));
    }

    @Test
    void restoreRefusesAManifestNamingAFileOutsideTheBackup() throws IOException {
        Path backup = temp.resolve("backup");
        SqliteBackup.create(data, null, backup, "test");
        Path manifest = backup.resolve(Manifest.FILE);
        Files.writeString(manifest, Files.readString(manifest).replace("\"data/node.secret\"", "\"../data/node.secret\""));
        BackupProblem problem = assertThrows(BackupProblem.class, () -> SqliteRestore.restore(backup, temp.resolve("fresh")));
        assertTrue(problem.getMessage().contains("outside"), problem.getMessage());
    }

    @Test
    void aStorageUrlMustBePostgresql() {
        assertEquals("postgresql://hearth@127.0.0.1:5432/hearth", PgDump.libpq("jdbc:postgresql://hearth@127.0.0.1:5432/hearth"));
        assertThrows(BackupProblem.class, () -> PgDump.libpq("mysql://x/y"));
    }
}
