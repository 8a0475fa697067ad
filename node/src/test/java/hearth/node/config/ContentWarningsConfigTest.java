package hearth.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hearth.node.config.NodeConfig.ContentWarnings;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The node's suggested content-warning topics. */
class ContentWarningsConfigTest {

    @Test
    void withoutTopicsTheDefaultsAreSuggested() {
        assertEquals(ContentWarnings.DEFAULT_TOPICS, new ContentWarnings(null).topics());
    }

    @Test
    void theBundledExampleSuggestsTheDefaultTopics() {
        assertEquals(List.of("self-harm", "suicide", "abuse", "loss", "substance use", "eating"),
                new ConfigLoader().load(null).contentWarnings().topics());
    }

    @Test
    void topicsAreTrimmedAndRepeatsDropped() {
        assertEquals(List.of("loss", "birth trauma"),
                new ContentWarnings(List.of(" loss ", "birth   trauma", "Loss")).topics());
    }

    @Test
    void aTopicWithACommaIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ContentWarnings(List.of("loss, grief")));
    }

    @Test
    void aBlankTopicIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ContentWarnings(Arrays.asList("loss", " ")));
    }

    @Test
    void aVeryLongTopicIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ContentWarnings(List.of("x".repeat(61))));
    }
}
