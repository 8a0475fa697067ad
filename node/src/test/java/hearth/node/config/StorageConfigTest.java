package hearth.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The storage section: absent means SQLite in the data folder; a PostgreSQL address switches to it. */
class StorageConfigTest {

    @Test
    void withoutStorageTheNodeKeepsItsSqliteFile() throws IOException {
        assertNull(new ConfigLoader().load(write("node:\n  name: Ours\n")).storage().url());
        assertNull(new ConfigLoader().load(null).storage().url(), "the bundled example uses SQLite");
    }

    @Test
    void aPostgresAddressIsKept() throws IOException {
        NodeConfig config = new ConfigLoader().load(write(
                "node:\n  name: Ours\nstorage:\n  url: \" postgresql://hearth:pw@127.0.0.1:5432/hearth \"\n"));
        assertEquals("postgresql://hearth:pw@127.0.0.1:5432/hearth", config.storage().url());
    }

    @Test
    void anotherKindOfAddressIsRefusedAtStart() throws IOException {
        Path file = write("node:\n  name: Ours\nstorage:\n  url: \"mysql://hearth@127.0.0.1/hearth\"\n");
        var e = assertThrows(ConfigLoader.ConfigException.class, () -> new ConfigLoader().load(file));
        assertTrue(e.getMessage().contains("storage.url"), e.getMessage());
    }

    private static Path write(String yaml) throws IOException {
        Path file = TestNode.freshDataFolder().resolve("hearth.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
