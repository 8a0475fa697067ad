package hearth.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A real node like {@link TestNode}, but started with the bundled example configuration as changed
 * by the test (a different exit address, the gentle note turned on, ...).
 *
 * <pre>{@code
 * try (ConfiguredTestNode node = ConfiguredTestNode.start(yaml ->
 *         ((ObjectNode) yaml.get("node")).put("exitUrl", "http://127.0.0.1:8089/"))) { ... }
 * }</pre>
 */
public final class ConfiguredTestNode implements AutoCloseable {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final HearthNode node;

    private ConfiguredTestNode(HearthNode node) {
        this.node = node;
    }

    /** @param edit changes the example configuration's YAML tree before the node reads it */
    public static ConfiguredTestNode start(Consumer<ObjectNode> edit) {
        Path data = TestNode.freshDataFolder();
        Path file = data.resolve("hearth.yaml");
        try (InputStream in = ConfiguredTestNode.class.getResourceAsStream("/hearth/config/hearth.example.yaml")) {
            ObjectNode config = (ObjectNode) YAML.readTree(in);
            edit.accept(config);
            YAML.writeValue(file.toFile(), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ConfiguredTestNode(HearthNode.start(new HearthNode.Settings(0, "127.0.0.1", data, file, null)));
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + node.port() + path);
    }

    @Override
    public void close() {
        node.close();
    }
}
