package hearth.ui.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The "traces" area's text: complete in English and Spanish, and its counted phrases read right. */
class TracesMessagesTest {

    private final Messages en = Messages.of("en");
    private final Messages es = Messages.of("es");

    @Test
    void everyKeyHasItsOwnSpanishText() throws IOException {
        Properties english = load("traces.properties");
        Properties spanish = load("traces_es.properties");
        assertEquals(english.keySet(), spanish.keySet());
        for (String key : english.stringPropertyNames()) {
            assertTrue(key.startsWith("traces."), key);
            assertNotEquals(english.getProperty(key), spanish.getProperty(key), key + " is not translated");
            assertFalse(spanish.getProperty(key).isBlank(), key);
        }
    }

    @Test
    void countsReadNaturallyInBothLanguages() {
        assertEquals("Your 1 post is deleted from this site.", en.get("traces.forget.posts", 1));
        assertEquals("Your 12 posts are deleted from this site.", en.get("traces.forget.posts", 12));
        assertEquals("Tus 12 mensajes se borran de este sitio.", es.get("traces.forget.posts", 12));
        assertEquals("One of them is a thread you started.", en.get("traces.forget.threads", 1));
        assertEquals("3 de ellos son hilos que empezaste tú.", es.get("traces.forget.threads", 3));
        assertTrue(en.get("traces.forget.replies", 0).startsWith("Nobody else has replied"));
        assertTrue(es.get("traces.forget.replies", 2).startsWith("Las 2 respuestas"));
    }

    @Test
    void aProblemNamesTheWordsByPlace() {
        assertTrue(en.get("traces.restore.problem.unknown", 1, "5").startsWith("Word 5 is not on the list"));
        assertTrue(en.get("traces.restore.problem.unknown", 2, "3, 7").startsWith("Words 3, 7 are not on the list"));
        assertTrue(es.get("traces.restore.problem.unknown", 1, "5").startsWith("La palabra 5 no está"));
        assertTrue(en.get("traces.restore.problem.count", 11).startsWith("We found 11 words"));
        assertTrue(es.get("traces.restore.problem.count", 1).startsWith("Hemos encontrado una palabra"));
    }

    @Test
    void theLifetimeChoicesAreAllThere() {
        for (String key : new String[] {"traces.expiry.choice.0", "traces.expiry.choice.1", "traces.expiry.choice.7",
                "traces.expiry.choice.30"}) {
            assertTrue(en.has(key));
            assertFalse(es.get(key).startsWith("??"));
        }
        assertEquals("This post disappears by itself on 3 Dec 2026, 10:00. Only you can see this note.",
                en.get("traces.expiry.note", "3 Dec 2026, 10:00"));
    }

    private static Properties load(String name) throws IOException {
        Properties out = new Properties();
        try (var in = TracesMessagesTest.class.getResourceAsStream("/hearth/i18n/" + name)) {
            out.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return out;
    }
}
