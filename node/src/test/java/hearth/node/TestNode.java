package hearth.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real node for tests: started in this JVM on a free loopback port with its own data
 * folder under {@code target/}, using the bundled example configuration.
 *
 * <pre>{@code
 * try (TestNode node = TestNode.start()) { ... node.url("/c/perinatal") ... }
 * }</pre>
 */
public final class TestNode implements AutoCloseable {

    private final Path data;
    private final String publicUrl;
    private final boolean allowPrivateAddresses;
    private HearthNode node;

    private TestNode(Path data, String publicUrl, boolean allowPrivateAddresses) {
        this.data = data;
        this.publicUrl = publicUrl;
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.node = HearthNode.start(settings());
    }

    private TestNode(Path data, String publicUrl) {
        this(data, publicUrl, false);
    }

    private TestNode(Path data) {
        this(data, null);
    }

    private HearthNode.Settings settings() {
        return new HearthNode.Settings(0, "127.0.0.1", data, TestConfigs.withoutVisitorLimits(data), publicUrl,
                allowPrivateAddresses);
    }

    /** A node that believes readers reach it at {@code publicUrl} (e.g. through a TLS proxy). */
    public static TestNode startBehind(String publicUrl) {
        return new TestNode(freshDataFolder(), publicUrl);
    }

    public static TestNode start() {
        return new TestNode(freshDataFolder());
    }

    /**
     * A node that may fetch from and deliver to loopback addresses, so it can federate with
     * servers a test runs on 127.0.0.1 (a real node refuses private addresses).
     */
    public static TestNode startAllowingPrivateAddresses() {
        return new TestNode(freshDataFolder(), null, true);
    }

    /** Starts a node on an existing data folder (to check what survives a restart). */
    public static TestNode startOn(Path data) {
        return new TestNode(data);
    }

    public static Path freshDataFolder() {
        try {
            Path root = Path.of("target", "test-nodes");
            Files.createDirectories(root);
            return Files.createTempDirectory(root.toAbsolutePath(), "node-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops and starts the node again on the same data folder (a new port). */
    public void restart() {
        node.close();
        node = HearthNode.start(settings());
    }

    public Path data() {
        return data;
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + node.port() + path);
    }

    public int port() {
        return node.port();
    }

    @Override
    public void close() {
        node.close();
    }
}
