package hearth.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** deploy/caddy/Caddyfile: TLS in front of the node, no access log, no client address passed on. */
class CaddyfileTest {

    private static final Path FILE = Repo.deploy("caddy/Caddyfile");
    private static final List<String> ADDRESS_HEADERS = List.of("X-Forwarded-For", "X-Real-IP", "Forwarded");

    private final String text = Repo.read(FILE);

    @Test
    void theUpstreamDefaultsToTheNodesAddressAndPort() {
        assertTrue(text.contains("reverse_proxy {$HEARTH_UPSTREAM:" + NodeSurface.defaultBind() + ":"
                + NodeSurface.defaultPort() + "}"), "the upstream is the node's default address");
    }

    @Test
    void headersThatCarryAClientAddressAreRemoved() {
        for (String header : ADDRESS_HEADERS) {
            assertTrue(text.contains("header_up -" + header + "\n"), header);
        }
    }

    @Test
    void noSiteKeepsAnAccessLog() {
        for (String line : code()) {
            assertFalse(line.equals("log") || line.startsWith("log ") && !line.equals("log {"), line);
        }
        // The only log block is Caddy's own (global options), and it drops addresses.
        assertEquals(1, code().stream().filter(l -> l.equals("log {")).count());
        assertTrue(text.contains("request>remote_ip delete") && text.contains("request>client_ip delete"));
    }

    @Test
    void caddyValidatesIt() {
        Tools.require("caddy");
        Tools.Result result = caddy("validate");
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("Valid configuration"), result.output());
    }

    @Test
    void caddysOwnReadingDeletesTheAddressHeadersAndLogsNoRequests() throws IOException {
        Tools.require("caddy");
        Tools.Result result = caddy("adapt");
        assertEquals(0, result.exit(), result.output());
        // Caddy's notices go to stderr as lines of their own; the adapted configuration is one JSON line.
        String json = result.output().lines().filter(l -> l.startsWith("{") && l.contains("\"apps\""))
                .findFirst().orElseThrow(() -> new AssertionError(result.output()));
        JsonNode config = new ObjectMapper().readTree(json);
        JsonNode server = config.path("apps").path("http").path("servers").elements().next();
        assertFalse(server.has("logs"), "an access log is configured: " + server.path("logs"));
        List<String> deleted = new ArrayList<>();
        config.findParents("handler").stream().filter(h -> h.path("handler").asText().equals("reverse_proxy"))
                .forEach(h -> h.path("headers").path("request").path("delete").forEach(d -> deleted.add(d.asText())));
        assertTrue(deleted.containsAll(ADDRESS_HEADERS), deleted.toString());
        JsonNode dropped = config.path("logging").path("logs").path("default").path("encoder").path("fields");
        assertEquals("delete", dropped.path("request>remote_ip").path("filter").asText(), dropped.toString());
        assertEquals("delete", dropped.path("request>client_ip").path("filter").asText(), dropped.toString());
    }

    private Tools.Result caddy(String command) {
        Path home = Repo.scratch("caddy");
        Map<String, String> env = Map.of("HOME", home.toString(), "XDG_DATA_HOME", home.toString(),
                "XDG_CONFIG_HOME", home.toString(), "HEARTH_DOMAIN", "forum.example.org");
        return Tools.run(env, home, Tools.path("caddy"), command, "--config", FILE.toString(), "--adapter", "caddyfile");
    }

    /** The lines that are not comments, stripped. */
    private List<String> code() {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
}
