package hearth.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Configurations for test nodes. Tests post, report and search far faster than a person and all
 * from one address, so the nodes they start take the bundled example with the visitor limits
 * raised out of reach; the tests about those limits ({@code VisitorLimitsIT}) set their own.
 * Stateless and thread-safe.
 */
public final class TestConfigs {

    /** The name of the file {@link #withoutVisitorLimits} writes in a data folder. */
    public static final String FILE = "hearth-test.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final int OUT_OF_REACH = 1_000_000;

    private TestConfigs() {
    }

    /** Writes the bundled example, visitor limits raised out of reach, into {@code data}, and returns the file. */
    public static Path withoutVisitorLimits(Path data) {
        Path file = data.resolve(FILE);
        if (Files.exists(file)) {
            return file;
        }
        try (InputStream in = TestConfigs.class.getResourceAsStream("/hearth/config/hearth.example.yaml")) {
            ObjectNode yaml = (ObjectNode) YAML.readTree(in);
            ObjectNode limits = yaml.putObject("limits");
            for (String name : new String[] {"posts", "postsPerAuthor", "reports", "searches"}) {
                ObjectNode rate = limits.putObject(name);
                rate.put("perMinute", OUT_OF_REACH);
                rate.put("burst", OUT_OF_REACH);
            }
            Files.createDirectories(data);
            YAML.writeValue(file.toFile(), yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
