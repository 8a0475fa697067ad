package hearth.ui.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final List<String> SAMPLE = List.of("sample");

    private static Messages sample(String lang) {
        return Messages.load("hearth.i18n.test.", SAMPLE, lang);
    }

    @Test
    void spanishTextIsSpanish() {
        assertEquals("Te damos la bienvenida", sample("es").get("sample.greeting"));
    }

    @Test
    void englishTextIsEnglish() {
        assertEquals("Welcome", sample("en").get("sample.greeting"));
    }

    @Test
    void aKeyMissingFromSpanishFallsBackToEnglish() {
        Messages es = sample("es");
        assertEquals("Only in English", es.get("sample.onlyEnglish"));
        assertTrue(es.has("sample.onlyEnglish"));
    }

    @Test
    void anUnknownKeyShowsItselfMarked() {
        assertEquals("??sample.nothing??", sample("es").get("sample.nothing"));
        assertEquals("??sample.nothing??", sample("en").get("sample.nothing", 3));
        assertFalse(sample("en").has("sample.nothing"));
    }

    @Test
    void pluralsFollowTheCountInEnglish() {
        Messages en = sample("en");
        assertEquals("no posts", en.get("sample.posts", 0));
        assertEquals("1 post", en.get("sample.posts", 1));
        assertEquals("2 posts", en.get("sample.posts", 2));
        assertEquals("1,500 posts", en.get("sample.posts", 1500));
    }

    @Test
    void pluralsFollowTheCountInSpanish() {
        Messages es = sample("es");
        assertEquals("ningún mensaje", es.get("sample.posts", 0));
        assertEquals("1 mensaje", es.get("sample.posts", 1));
        assertEquals("2 mensajes", es.get("sample.posts", 2));
        assertEquals("1.500 mensajes", es.get("sample.posts", 1500));
    }

    @Test
    void onlyTextWithArgumentsIsAPattern() {
        Messages en = sample("en");
        assertEquals("Don't worry", en.get("sample.plain"));
        assertEquals("It's late", en.get("sample.quote", "late"));
    }

    @Test
    void textWaitingForALanguageIsSaidInIt() {
        Text posts = Text.of("sample.posts", 2);
        assertEquals("2 posts", sample("en").get(posts));
        assertEquals("2 mensajes", sample("es").get(posts));
    }

    @Test
    void textKeepsItsArguments() {
        Instant when = Instant.ofEpochSecond(0);
        assertEquals(List.of(1, "two", when), Text.of("k", 1, "two", when).args());
    }

    @Test
    void hebrewAndArabicAreWrittenRightToLeft() {
        assertEquals("rtl", Messages.dir("he"));
        assertEquals("rtl", Messages.dir("ar"));
        assertEquals("rtl", Messages.dir("ar-EG"));
        assertEquals("rtl", Messages.dir("fa"));
    }

    @Test
    void englishAndSpanishAreWrittenLeftToRight() {
        assertEquals("ltr", Messages.dir("en"));
        assertEquals("ltr", Messages.dir("es-ES"));
        assertEquals("ltr", Messages.of("es").dir());
        assertEquals("ltr", Messages.dir(null));
    }

    @Test
    void theProductBundlesAnswerInTheAskedLanguage() {
        assertEquals("Español", Messages.of("es").get("common.language.name"));
        assertEquals("English", Messages.of("en").get("common.language.name"));
        assertEquals("es", Messages.of(Locale.forLanguageTag("es-MX")).lang());
    }

    @Test
    void aLanguageWithoutBundlesGetsEnglish() {
        assertSame(Messages.of("en"), Messages.of("fr"));
        assertEquals("en", Messages.of("he").lang());
    }
}
