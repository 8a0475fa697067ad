package hearth.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanguagesTest {

    private final Languages englishFirst = new Languages(List.of("en", "es"), false);
    private final Languages spanishFirst = new Languages(List.of("es", "en"), false);

    @Test
    void aRegionalTagFindsItsLanguage() {
        assertEquals("es", englishFirst.fromHeader("es-ES,es;q=0.9"));
    }

    @Test
    void theHighestQualityWinsWhateverTheOrder() {
        assertEquals("es", englishFirst.fromHeader("en;q=0.1, es;q=0.8"));
        assertEquals("en", spanishFirst.fromHeader("es;q=0.2, en"));
    }

    @Test
    void aLanguageSheRefusesIsNeverChosen() {
        assertEquals("en", spanishFirst.fromHeader("es;q=0, en;q=0.5"));
    }

    @Test
    void anUnofferedLanguageGetsTheNodeDefault() {
        assertEquals("en", englishFirst.fromHeader("fr"));
        assertEquals("es", spanishFirst.fromHeader("fr-FR, de;q=0.7"));
    }

    @Test
    void aLaterChoiceIsUsedWhenTheFirstIsNotOffered() {
        assertEquals("es", englishFirst.fromHeader("fr, es-MX;q=0.5"));
    }

    @Test
    void noHeaderGetsTheNodeDefault() {
        assertEquals("es", spanishFirst.fromHeader(null));
        assertEquals("es", spanishFirst.fromHeader(""));
        assertEquals("es", spanishFirst.fromHeader("*"));
    }

    @Test
    void aMalformedHeaderGetsTheNodeDefault() {
        assertEquals("en", englishFirst.fromHeader("es;q=banana"));
        assertEquals("en", englishFirst.fromHeader(";;;=="));
    }

    @Test
    void aConfiguredLanguageWithoutTextIsNotOffered() {
        Languages hebrewFirst = new Languages(List.of("he", "es"), false);
        assertEquals("es", hebrewFirst.fromHeader("he"));
        assertEquals("es", hebrewFirst.fromHeader(null));
    }

    @Test
    void aNodeWithoutAnyUsableLanguageSpeaksEnglish() {
        assertEquals("en", new Languages(List.of("he"), false).fromHeader("he"));
    }

    @Test
    void aLocalPathIsKept() {
        assertEquals("/c/perinatal", Languages.localPath("/c/perinatal"));
        assertEquals("/search?q=sleep&scope=local", Languages.localPath("/search?q=sleep&scope=local"));
    }

    @Test
    void anotherSiteByProtocolRelativeAddressIsRefused() {
        assertEquals("/", Languages.localPath("//evil.example"));
    }

    @Test
    void anotherSiteByFullAddressIsRefused() {
        assertEquals("/", Languages.localPath("https://evil.example"));
    }

    @Test
    void anotherSiteByBackslashIsRefused() {
        assertEquals("/", Languages.localPath("/\\evil.example"));
    }

    @Test
    void controlCharactersAreRefused() {
        assertEquals("/", Languages.localPath("/\r\nSet-Cookie: x=y"));
        assertEquals("/", Languages.localPath("/\t/evil.example"));
    }

    @Test
    void noPathGoesHome() {
        assertEquals("/", Languages.localPath(null));
        assertEquals("/", Languages.localPath(""));
    }
}
