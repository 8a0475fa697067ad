package hearth.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code federation.delivery}: how the node retries and gives up, with defaults and checked bounds. */
class DeliveryConfigTest {

    @Test
    void withoutTheSectionRetriesStartAt30sDoubleTo6hAndStopAfter5Days() throws IOException {
        DeliverySettings delivery = load("node:\n  name: Ours\n");
        assertEquals(Duration.ofSeconds(30), delivery.firstRetryDelay());
        assertEquals(Duration.ofHours(6), delivery.longestWaitDelay());
        assertEquals(Duration.ofDays(5), delivery.giveUpAfterTotal());
        assertEquals(Duration.ofSeconds(15), delivery.attemptTimeout());
    }

    @Test
    void theDefaultTimeoutEndsAnAttemptBeforeAServerThatAnswersAfter30s() {
        assertTrue(DeliverySettings.DEFAULT.attemptTimeout().compareTo(Duration.ofSeconds(30)) < 0);
    }

    @Test
    void everySettingCanBeSetWithUnits() throws IOException {
        DeliverySettings delivery = load("node:\n  name: Ours\nfederation:\n  delivery:\n    firstRetry: 200ms\n"
                + "    longestWait: 1.5s\n    giveUpAfter: 2d\n    timeout: 1m\n");
        assertEquals(Duration.ofMillis(200), delivery.firstRetryDelay());
        assertEquals(Duration.ofMillis(1_500), delivery.longestWaitDelay());
        assertEquals(Duration.ofDays(2), delivery.giveUpAfterTotal());
        assertEquals(Duration.ofMinutes(1), delivery.attemptTimeout());
    }

    @Test
    void aNumberWithoutAUnitIsRefusedAtStart() throws IOException {
        assertRefused("    firstRetry: 30\n", "federation.delivery.firstRetry");
    }

    @Test
    void anUnknownUnitIsRefusedAtStart() throws IOException {
        assertRefused("    timeout: 15 weeks\n", "federation.delivery.timeout");
    }

    @Test
    void aFirstRetryBelow100msIsRefusedAtStart() throws IOException {
        assertRefused("    firstRetry: 50ms\n", "federation.delivery.firstRetry");
    }

    @Test
    void aLongestWaitShorterThanTheFirstIsRefusedAtStart() throws IOException {
        assertRefused("    firstRetry: 1m\n    longestWait: 30s\n", "federation.delivery.longestWait");
    }

    @Test
    void givingUpAfterMoreThan30DaysIsRefusedAtStart() throws IOException {
        assertRefused("    giveUpAfter: 31d\n", "federation.delivery.giveUpAfter");
    }

    @Test
    void aTimeoutBelowOneSecondIsRefusedAtStart() throws IOException {
        assertRefused("    timeout: 500ms\n", "federation.delivery.timeout");
    }

    @Test
    void aTimeoutAboveTwoMinutesIsRefusedAtStart() throws IOException {
        assertRefused("    timeout: 3m\n", "federation.delivery.timeout");
    }

    @Test
    void aMistypedKeyInTheSectionIsNamed() throws IOException {
        assertRefused("    firstRetyr: 1s\n", "firstRetyr");
    }

    private static void assertRefused(String settings, String named) throws IOException {
        Path file = write("node:\n  name: Ours\nfederation:\n  delivery:\n" + settings);
        var e = assertThrows(ConfigLoader.ConfigException.class, () -> new ConfigLoader().load(file));
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }

    private static DeliverySettings load(String yaml) throws IOException {
        return new ConfigLoader().load(write(yaml)).federation().delivery();
    }

    private static Path write(String yaml) throws IOException {
        Path file = TestNode.freshDataFolder().resolve("hearth.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
