package hearth.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code limits}: how often one visitor may post, report and search, with defaults and checked bounds. */
class LimitsConfigTest {

    @Test
    void withoutTheSectionTheDefaultsApply() throws IOException {
        Limits limits = new ConfigLoader().load(write("node:\n  name: Ours\n")).limits();
        assertEquals(Limits.DEFAULT_POSTS, limits.posts());
        assertEquals(Limits.DEFAULT_POSTS_PER_AUTHOR, limits.postsPerAuthor());
        assertEquals(Limits.DEFAULT_REPORTS, limits.reports());
        assertEquals(Limits.DEFAULT_SEARCHES, limits.searches());
    }

    @Test
    void theBundledExampleLoads() {
        assertEquals(Limits.DEFAULT_SEARCHES, new ConfigLoader().load(null).limits().searches());
    }

    @Test
    void aFigureCanBeSetAndTheOtherKeepsItsDefault() throws IOException {
        Limits limits = new ConfigLoader().load(write(
                "node:\n  name: Ours\nlimits:\n  posts:\n    perMinute: 100\n  searches:\n    burst: 7\n")).limits();
        assertEquals(new Limits.Rate(100, Limits.DEFAULT_POSTS.burst()), limits.posts());
        assertEquals(new Limits.Rate(Limits.DEFAULT_SEARCHES.perMinute(), 7), limits.searches());
    }

    @Test
    void aRateOfZeroIsRefusedAtStart() throws IOException {
        Path file = write("node:\n  name: Ours\nlimits:\n  reports:\n    perMinute: 0\n");
        var e = assertThrows(ConfigLoader.ConfigException.class, () -> new ConfigLoader().load(file));
        assertTrue(e.getMessage().contains("limits.reports.perMinute"), e.getMessage());
    }

    @Test
    void aNegativeBurstIsRefusedAtStart() throws IOException {
        Path file = write("node:\n  name: Ours\nlimits:\n  postsPerAuthor:\n    burst: -1\n");
        var e = assertThrows(ConfigLoader.ConfigException.class, () -> new ConfigLoader().load(file));
        assertTrue(e.getMessage().contains("limits.postsPerAuthor.burst"), e.getMessage());
    }

    @Test
    void anUnknownLimitIsRefusedAtStart() throws IOException {
        Path file = write("node:\n  name: Ours\nlimits:\n  likes:\n    perMinute: 5\n");
        assertThrows(ConfigLoader.ConfigException.class, () -> new ConfigLoader().load(file));
    }

    private static Path write(String yaml) throws IOException {
        Path file = TestNode.freshDataFolder().resolve("hearth.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
