package hearth.node.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gentle note's configuration: off unless asked for, and never on without phrases. */
class CrisisNoteConfigTest {

    @Test
    void theBundledExampleHasTheNoteOffWithEnglishAndSpanishPhrases() {
        NodeConfig.CrisisNote note = new ConfigLoader().load(null).crisisNote();
        assertFalse(note.enabled());
        assertTrue(note.phrases().contains("want to die"));
        assertTrue(note.phrases().contains("quiero morir"));
    }

    @Test
    void aFileWithoutTheSectionHasTheNoteOff() throws IOException {
        NodeConfig config = new ConfigLoader().load(write("node:\n  name: Ours\n"));
        assertFalse(config.crisisNote().enabled());
    }

    @Test
    void blankPhrasesAreDroppedAndTheRestTrimmed() throws IOException {
        NodeConfig config = new ConfigLoader().load(write(
                "node:\n  name: Ours\ncrisisNote:\n  enabled: true\n  phrases: [\"  want to die \", \"\", \"   \"]\n"));
        assertTrue(config.crisisNote().enabled());
        assertEquals(List.of("want to die"), config.crisisNote().phrases());
    }

    @Test
    void enabledWithoutPhrasesIsRefusedAtStart() throws IOException {
        Path file = write("node:\n  name: Ours\ncrisisNote:\n  enabled: true\n");
        var e = assertThrows(ConfigLoader.ConfigException.class, () -> new ConfigLoader().load(file));
        assertTrue(e.getMessage().contains("crisisNote"), e.getMessage());
    }

    @Test
    void aMistypedKeyInTheSectionIsNamed() throws IOException {
        Path file = write("node:\n  name: Ours\ncrisisNote:\n  enabeld: true\n");
        var e = assertThrows(ConfigLoader.ConfigException.class, () -> new ConfigLoader().load(file));
        assertTrue(e.getMessage().contains("enabeld"), e.getMessage());
    }

    private static Path write(String yaml) throws IOException {
        Path file = TestNode.freshDataFolder().resolve("hearth.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
