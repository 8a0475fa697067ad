package hearth.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvReferencesTest {

    private static final Map<String, String> ENV = Map.of(
            "HEARTH_DB_PASSWORD", "s3cr$t\\1", "NODE_NAME", "Our circle");

    private final EnvReferences references = new EnvReferences(ENV::get);

    @Test
    void aReferenceIsReplacedByTheVariableEvenWithDollarsAndBackslashes() {
        assertEquals("url: \"postgresql://db/hearth?password=s3cr$t\\1\"",
                references.expand("url: \"postgresql://db/hearth?password=${env:HEARTH_DB_PASSWORD}\"", "f"));
    }

    @Test
    void severalReferencesOnALineAreAllReplaced() {
        assertEquals("a: Our circle Our circle", references.expand("a: ${env:NODE_NAME} ${env:NODE_NAME}", "f"));
    }

    @Test
    void commentLinesAreLeftAlone() {
        String text = "# write ${env:UNSET_HERE} to use a variable\n  # ${env:ALSO_UNSET}\nname: x";
        assertEquals(text, references.expand(text, "f"));
    }

    @Test
    void textWithoutReferencesIsUnchanged() {
        String text = "node:\n  name: \"$HOME {env} ${notenv:X}\"\n";
        assertEquals(text, references.expand(text, "f"));
    }

    @Test
    void anUnsetVariableIsRefusedWithItsNameAndLine() {
        var e = assertThrows(ConfigLoader.ConfigException.class,
                () -> references.expand("node:\n  name: ${env:MISSING_NAME}\n", "hearth.yaml"));
        assertTrue(e.getMessage().contains("MISSING_NAME"), e.getMessage());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("hearth.yaml"), e.getMessage());
    }

    @Test
    void aValueWithALineBreakIsRefused() {
        EnvReferences sneaky = new EnvReferences(Map.of("X", "a\ncircles: []")::get);
        var e = assertThrows(ConfigLoader.ConfigException.class, () -> sneaky.expand("name: ${env:X}", "f"));
        assertTrue(e.getMessage().contains("line break"), e.getMessage());
    }

    @Test
    void theLoaderExpandsReferencesInAnOperatorsFile() throws IOException {
        Path file = Files.createTempFile("hearth-env", ".yaml");
        try {
            Files.writeString(file, "node:\n  name: \"${env:NODE_NAME}\"\n");
            NodeConfig config = new ConfigLoader(ENV::get).load(file);
            assertEquals("Our circle", config.node().name());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
