package hearth.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    @Test
    void theBundledExampleHasCirclesAndCrisisLines() {
        NodeConfig config = new ConfigLoader().load(null);
        assertFalse(config.circles().isEmpty());
        assertFalse(config.crisisResources().isEmpty());
        assertEquals("en", config.node().languages().get(0));
    }

    @Test
    void aMinimalFileGetsSensibleDefaults() throws IOException {
        Path file = write("node:\n  name: Our circle\n");
        NodeConfig config = new ConfigLoader().load(file);
        assertEquals("Our circle", config.node().name());
        assertEquals("UTC", config.node().timeZone());
        assertTrue(config.circles().isEmpty());
    }

    @Test
    void aMistypedKeyIsNamedWithItsLine() throws IOException {
        Path file = write("node:\n  name: Ours\n  nmae: typo\n");
        var e = assertThrows(ConfigLoader.ConfigException.class, () -> new ConfigLoader().load(file));
        assertTrue(e.getMessage().contains("nmae"), e.getMessage());
        assertTrue(e.getMessage().contains("near line"), e.getMessage());
    }

    @Test
    void aBadCircleNameIsExplained() throws IOException {
        Path file = write("node:\n  name: Ours\ncircles:\n  - name: Bad Name\n    title: X\n");
        var e = assertThrows(ConfigLoader.ConfigException.class, () -> new ConfigLoader().load(file));
        assertTrue(e.getMessage().contains("Bad Name"), e.getMessage());
    }

    @Test
    void aMissingFileIsExplained() {
        var e = assertThrows(ConfigLoader.ConfigException.class,
                () -> new ConfigLoader().load(Path.of("/nonexistent/hearth.yaml")));
        assertTrue(e.getMessage().contains("/nonexistent/hearth.yaml"));
    }

    @Test
    void theNodeSecretIsCreatedOnceAndReadableOnlyByTheNode() throws IOException {
        Path dir = TestNode.freshDataFolder().resolve("fresh");
        DataFolder folder = DataFolder.open(dir);
        byte[] first = folder.secret();
        assertEquals(32, first.length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("node.secret"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertTrue(java.util.Arrays.equals(first, DataFolder.open(dir).secret()));
    }

    private static Path write(String yaml) throws IOException {
        Path file = TestNode.freshDataFolder().resolve("hearth.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
