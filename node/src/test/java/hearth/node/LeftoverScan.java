package hearth.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other integration test (its own Failsafe execution, see node/pom.xml): looks
 * through every test node's data folder ({@code target/test-nodes}) and every node process's log
 * ({@code target/node-processes}) for user-agent strings (headless Chromium's, the JDK HTTP
 * client's, the scan's own) and for loopback client addresses other than 127.0.0.1, which only
 * test clients use (nodes listen on 127.0.0.1; a fake peer on another loopback address is known to
 * the node by its URL, and that address and port are not a client's). None may be there: whatever the
 * suite did, no node kept who asked.
 */
class LeftoverScan {

    private static final List<Path> ROOTS = List.of(Path.of("target", "test-nodes"), Path.of("target", "node-processes"));

    @Test
    void noTestNodeKeptAUserAgentOrAClientAddress() {
        List<LeakScan.Needle> agents = LeakScan.needles(Map.of("headless Chromium", "HeadlessChrome",
                "JDK HTTP client", "Java-http-client", "scan agent", "HearthScanAgent", "limits test agent",
                "VisitorLimitsIT"));
        List<String> found = new ArrayList<>();
        for (Path root : ROOTS) {
            found.addAll(LeakScan.find(root, agents));
            found.addAll(LeakScan.findClientAddresses(root));
        }
        assertEquals(List.of(), found, "a test node kept a user agent or a client address");
    }
}
