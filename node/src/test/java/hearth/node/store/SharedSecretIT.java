package hearth.node.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every process on one PostgreSQL database ends up with the same node secret; SQLite keeps its own. */
class SharedSecretIT {

    private static byte[] filled(int value) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) value);
        return secret;
    }

    @Test
    void theFirstProcessesSecretIsUsedByEveryProcessOnPostgres() {
        StorageUrl url = PgServer.shared().freshDatabase();
        try (Database first = Database.postgres(url); Database second = Database.postgres(url)) {
            assertArrayEquals(filled(1), SharedSecret.resolve(first, filled(1)));
            assertArrayEquals(filled(1), SharedSecret.resolve(second, filled(2)), "the second process adopts it");
            assertArrayEquals(filled(1), SharedSecret.resolve(first, filled(1)), "a restart keeps it");
        }
    }

    @Test
    void sqliteKeepsTheDataFoldersSecret() throws Exception {
        Path folder = Files.createTempDirectory("hearth-secret");
        try (Database db = Database.sqlite(folder.resolve("hearth.db"))) {
            assertArrayEquals(filled(3), SharedSecret.resolve(db, filled(3)));
        }
    }

    @Test
    void aShortSecretIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SharedSecret.resolve(null, new byte[16]));
    }
}
