package hearth.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** deploy/tor/torrc: an onion service that forwards to the node's loopback port, and nothing else. */
class TorrcTest {

    private static final Path FILE = Repo.deploy("tor/torrc");
    private static final String SERVICE_DIR = "/var/lib/tor/hearth/";

    private final List<String> lines = Repo.read(FILE).lines().map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();

    @Test
    void theOnionServiceForwardsPort80ToTheNodesLoopbackPort() {
        assertTrue(lines.contains("HiddenServicePort 80 " + NodeSurface.defaultBind() + ":" + NodeSurface.defaultPort()),
                lines.toString());
        assertTrue(NodeSurface.defaultBind().startsWith("127."), "the node must not be reachable around Tor");
    }

    @Test
    void theServiceKeepsItsKeysInItsOwnFolder() {
        assertTrue(lines.contains("HiddenServiceDir " + SERVICE_DIR), lines.toString());
    }

    @Test
    void thisTorOffersNoSocksProxy() {
        assertTrue(lines.contains("SocksPort 0"), lines.toString());
    }

    @Test
    void torAcceptsIt() throws IOException {
        Tools.require("tor");
        Path dir = Repo.scratch("tor");
        Path copy = dir.resolve("torrc");
        Files.writeString(copy, Repo.read(FILE).replace(SERVICE_DIR, dir.resolve("service") + "/")
                + "\nDataDirectory " + dir.resolve("data") + "\n");
        Tools.Result result = Tools.run(Map.of("HOME", dir.toString()), dir, Tools.path("tor"),
                "--verify-config", "-f", copy.toString());
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("Configuration was valid"), result.output());
    }
}
