package hearth.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import hearth.node.config.ConfigLoader;
import hearth.node.config.NodeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deploy/compose/compose.yaml: node + PostgreSQL + Caddy, checked against the image and the node. */
class ComposeFileTest {

    private static final Path DIR = Repo.deploy("compose");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    private final JsonNode services = compose().path("services");
    private final JsonNode node = services.path("node");
    private final Map<String, String> imageEnv = Containerfile.read().runtimeStage().env();

    @Test
    void thereAreANodeADatabaseAndAProxy() {
        assertTrue(services.has("node") && services.has("db") && services.has("proxy"), services.toString());
        assertTrue(services.path("db").path("image").asText().contains("postgres"));
        assertTrue(services.path("proxy").path("image").asText().contains("caddy"));
    }

    @Test
    void theNodeIsBuiltFromTheContainerfileAtTheRepositoryRoot() throws IOException {
        Path context = DIR.resolve(node.path("build").path("context").asText()).toRealPath();
        assertEquals(Repo.root().toRealPath(), context);
        assertTrue(Files.isSameFile(Containerfile.FILE, context.resolve(node.path("build").path("dockerfile").asText())));
    }

    @Test
    void onlyTheProxyPublishesPorts() {
        assertFalse(node.has("ports"), "the node is reached through the proxy only");
        assertFalse(services.path("db").has("ports"));
        List<String> published = texts(services.path("proxy").path("ports"));
        assertTrue(published.contains("443:443") && published.contains("80:80"), published.toString());
    }

    @Test
    void theDatabaseIsOnAnInternalNetworkWithTheNodeOnly() {
        assertTrue(compose().path("networks").path("backend").path("internal").asBoolean());
        assertEquals(List.of("backend"), texts(services.path("db").path("networks")));
        assertFalse(texts(services.path("proxy").path("networks")).contains("backend"));
    }

    @Test
    void theNodesVolumeIsTheImagesDataFolderAndItsConfigurationIsMountedWhereItLooks() {
        List<String> volumes = texts(node.path("volumes"));
        String data = imageEnv.get(NodeSurface.env("--data"));
        assertTrue(volumes.contains("node-data:" + data), volumes.toString());
        String config = environment(node).get(NodeSurface.env("--config"));
        assertTrue(volumes.contains("./hearth.yaml:" + config + ":ro"), volumes.toString());
        assertTrue(Files.isRegularFile(DIR.resolve("hearth.yaml")));
    }

    @Test
    void everyVariableGivenToTheNodeIsReadByTheNodeOrItsConfiguration() {
        List<String> known = new ArrayList<>(NodeSurface.knownEnv());
        // As the node reads it: references on comment lines do not count.
        String config = Repo.read(DIR.resolve("hearth.yaml")).replaceAll("(?m)^\\s*#.*$", "");
        Matcher m = ENV_REFERENCE.matcher(config);
        List<String> referenced = new ArrayList<>();
        while (m.find()) {
            referenced.add(m.group(1));
        }
        known.addAll(referenced);
        Map<String, String> env = environment(node);
        for (String name : env.keySet()) {
            assertTrue(known.contains(name), name + " is read by nobody");
        }
        assertTrue(env.keySet().containsAll(referenced), "the configuration needs " + referenced);
        assertTrue(env.get(NodeSurface.env("--public-url")).startsWith("https://"));
    }

    @Test
    void theNodesConfigurationLoadsWithTheComposeEnvironmentAndPointsAtTheDatabaseService() {
        Map<String, String> env = new HashMap<>(environment(node));
        env.replaceAll((k, v) -> interpolate(v));
        NodeConfig config = new ConfigLoader(env::get).load(DIR.resolve("hearth.yaml"));
        assertFalse(config.circles().isEmpty());
        JsonNode db = services.path("db").path("environment");
        String url = env.get("HEARTH_STORAGE_URL");
        assertEquals("postgresql://" + db.path("POSTGRES_USER").asText() + ":" + interpolate(
                db.path("POSTGRES_PASSWORD").asText()) + "@db:5432/" + db.path("POSTGRES_DB").asText(), url);
    }

    @Test
    void theProxyReachesTheNodeAtItsPortThroughTheCaddyfileThatPassesNoAddress() throws IOException {
        Map<String, String> env = environment(services.path("proxy"));
        assertEquals("node:" + imageEnv.get(NodeSurface.env("--port")), env.get("HEARTH_UPSTREAM"));
        assertEquals("${HEARTH_DOMAIN}", env.get("HEARTH_DOMAIN"));
        List<String> volumes = texts(services.path("proxy").path("volumes"));
        assertTrue(volumes.contains("../caddy/Caddyfile:/etc/caddy/Caddyfile:ro"), volumes.toString());
        assertTrue(Files.isSameFile(Repo.deploy("caddy/Caddyfile"), DIR.resolve("../caddy/Caddyfile")));
    }

    @Test
    void theNodeContainerIsReadOnlyWithoutCapabilities() {
        assertTrue(node.path("read_only").asBoolean());
        assertEquals(List.of("ALL"), texts(node.path("cap_drop")));
        assertTrue(texts(node.path("security_opt")).contains("no-new-privileges:true"));
    }

    @Test
    void theExampleEnvironmentNamesEveryVariableTheComposeFileRequires() {
        Map<String, String> example = dotEnv();
        Matcher m = Pattern.compile("\\$\\{([A-Z_]+):\\?").matcher(Repo.read(DIR.resolve("compose.yaml")));
        while (m.find()) {
            assertTrue(example.containsKey(m.group(1)), "env.example lacks " + m.group(1));
        }
    }

    /** Compose's own ${NAME} and ${NAME:?message}, filled from env.example. */
    private static String interpolate(String value) {
        Map<String, String> example = dotEnv();
        Matcher m = Pattern.compile("\\$\\{([A-Z_]+)(?::\\?[^}]*)?}").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            assertNotNull(example.get(m.group(1)), "env.example lacks " + m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(example.get(m.group(1))));
        }
        return m.appendTail(out).toString();
    }

    private static Map<String, String> dotEnv() {
        Map<String, String> env = new HashMap<>();
        for (String line : Repo.read(DIR.resolve("env.example")).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return env;
    }

    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new HashMap<>();
        service.path("environment").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static JsonNode compose() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(DIR.resolve("compose.yaml").toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
