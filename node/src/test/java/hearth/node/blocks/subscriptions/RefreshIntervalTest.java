package hearth.node.blocks.subscriptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hearth.node.config.NodeConfig;
import org.junit.jupiter.api.Test;

/** The {@code blocklists.refreshMinutes} setting the refresher is started with. */
class RefreshIntervalTest {

    @Test
    void anHourByDefault() {
        assertEquals(60, new NodeConfig.Blocklists(null).refreshMinutes());
    }

    @Test
    void refusesZero() {
        assertThrows(IllegalArgumentException.class, () -> new NodeConfig.Blocklists(0));
    }

    @Test
    void refusesMoreThanAWeek() {
        assertThrows(IllegalArgumentException.class, () -> new NodeConfig.Blocklists(7 * 24 * 60 + 1));
    }
}
