package hearth.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code federation.inboxLimit}: how fast one server may deliver, with defaults and checked bounds. */
class InboxLimitConfigTest {

    @Test
    void withoutTheSectionEachServerMayDeliverFiftyASecondInBurstsOfTwoHundred() throws IOException {
        NodeConfig.InboxLimit limit = new ConfigLoader().load(write("node:\n  name: Ours\n")).federation().inboxLimit();
        assertEquals(50, limit.perSecond());
        assertEquals(200, limit.burst());
    }

    @Test
    void theBundledExampleUsesTheDefaults() {
        NodeConfig.InboxLimit limit = new ConfigLoader().load(null).federation().inboxLimit();
        assertEquals(NodeConfig.InboxLimit.DEFAULT_PER_SECOND, limit.perSecond());
        assertEquals(NodeConfig.InboxLimit.DEFAULT_BURST, limit.burst());
    }

    @Test
    void bothFiguresCanBeSet() throws IOException {
        NodeConfig.InboxLimit limit = new ConfigLoader().load(write(
                "node:\n  name: Ours\nfederation:\n  inboxLimit:\n    perSecond: 5\n    burst: 20\n")).federation().inboxLimit();
        assertEquals(5, limit.perSecond());
        assertEquals(20, limit.burst());
    }

    @Test
    void aRateOfZeroIsRefusedAtStart() throws IOException {
        Path file = write("node:\n  name: Ours\nfederation:\n  inboxLimit:\n    perSecond: 0\n");
        var e = assertThrows(ConfigLoader.ConfigException.class, () -> new ConfigLoader().load(file));
        assertTrue(e.getMessage().contains("federation.inboxLimit.perSecond"), e.getMessage());
    }

    @Test
    void aNegativeBurstIsRefusedAtStart() throws IOException {
        Path file = write("node:\n  name: Ours\nfederation:\n  inboxLimit:\n    burst: -1\n");
        var e = assertThrows(ConfigLoader.ConfigException.class, () -> new ConfigLoader().load(file));
        assertTrue(e.getMessage().contains("federation.inboxLimit.burst"), e.getMessage());
    }

    @Test
    void aMistypedKeyInTheSectionIsNamed() throws IOException {
        Path file = write("node:\n  name: Ours\nfederation:\n  inboxLimit:\n    perSecnd: 5\n");
        var e = assertThrows(ConfigLoader.ConfigException.class, () -> new ConfigLoader().load(file));
        assertTrue(e.getMessage().contains("perSecnd"), e.getMessage());
    }

    private static Path write(String yaml) throws IOException {
        Path file = TestNode.freshDataFolder().resolve("hearth.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
