package hearth.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code metrics}: off by default, and on loopback and a port of its own when turned on. */
class MetricsConfigTest {

    @Test
    void withoutTheSectionMetricsAreOffOnLoopback() throws IOException {
        NodeConfig.Metrics metrics = new ConfigLoader().load(write("node:\n  name: Ours\n")).metrics();
        assertFalse(metrics.enabled());
        assertEquals("127.0.0.1", metrics.host());
        assertEquals(NodeConfig.Metrics.DEFAULT_PORT, metrics.port());
    }

    @Test
    void turnedOnTheyStayOnLoopbackUnlessAHostIsGiven() throws IOException {
        NodeConfig.Metrics metrics = new ConfigLoader().load(write(
                "node:\n  name: Ours\nmetrics:\n  enabled: true\n  port: 9100\n")).metrics();
        assertTrue(metrics.enabled());
        assertEquals("127.0.0.1", metrics.host());
        assertEquals(9100, metrics.port());
    }

    @Test
    void aPortOutOfRangeIsRefusedAtStart() throws IOException {
        Path file = write("node:\n  name: Ours\nmetrics:\n  enabled: true\n  port: 70000\n");
        ConfigLoader.ConfigException problem = assertThrows(ConfigLoader.ConfigException.class,
                () -> new ConfigLoader().load(file));
        assertTrue(problem.getMessage().contains("metrics.port"), problem.getMessage());
    }

    @Test
    void anUnknownMetricsKeyIsRefusedAtStart() throws IOException {
        Path file = write("node:\n  name: Ours\nmetrics:\n  path: /stats\n");
        assertThrows(ConfigLoader.ConfigException.class, () -> new ConfigLoader().load(file));
    }

    private static Path write(String yaml) throws IOException {
        Path file = TestNode.freshDataFolder().resolve("hearth.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
