package hearth.node.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Reads a {@link NodeConfig} from YAML; without a file, from the bundled example. An operator's file
 * may refer to environment variables as {@code ${env:NAME}} (see {@link EnvReferences}).
 */
public final class ConfigLoader {

    static final String BUNDLED_EXAMPLE = "/hearth/config/hearth.example.yaml";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final EnvReferences env;

    /** A loader that reads the process's environment. */
    public ConfigLoader() {
        this(System::getenv);
    }

    /** @param env looks up environment variables for {@code ${env:NAME}} (tests pass a map's get) */
    public ConfigLoader(Function<String, String> env) {
        this.env = new EnvReferences(env);
    }

    /**
     * @param file the operator's configuration, or {@code null} for the bundled example
     * @throws ConfigException with a message an operator can act on
     */
    public NodeConfig load(Path file) {
        if (file == null) {
            try (InputStream in = ConfigLoader.class.getResourceAsStream(BUNDLED_EXAMPLE)) {
                if (in == null) {
                    throw new ConfigException("the bundled example configuration is missing from the build");
                }
                return read(in, "the bundled example configuration");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!Files.isReadable(file)) {
            throw new ConfigException("cannot read the configuration file " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            String text = env.expand(new String(in.readAllBytes(), StandardCharsets.UTF_8), file.toString());
            return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private NodeConfig read(InputStream in, String where) throws IOException {
        try {
            return yaml.readValue(in, NodeConfig.class);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ConfigException("in " + where + ": " + cause.getMessage());
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new ConfigException("in " + where + (at == null ? "" : " near line " + at.getLineNr())
                    + ": " + e.getOriginalMessage());
        }
    }

    /** A configuration problem, described for the operator. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }
}
