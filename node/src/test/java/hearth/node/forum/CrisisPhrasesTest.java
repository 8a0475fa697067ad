package hearth.node.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How the gentle note's phrases are found in what she wrote. */
class CrisisPhrasesTest {

    private final CrisisPhrases phrases = CrisisPhrases.of(List.of("want to die", "hopeless", "quiero morir",
            "can't go on", "sin salida"));

    @Test
    void aPhraseIsFoundInsideASentence() {
        assertTrue(phrases.matches("Some nights I want to die, honestly."));
    }

    @Test
    void caseDoesNotMatter() {
        assertTrue(phrases.matches("I WANT TO DIE"));
        assertTrue(phrases.matches("Hopeless."));
    }

    @Test
    void accentsDoNotMatterInTheText() {
        assertTrue(phrases.matches("Ya no QUIERO MORÍR"));
    }

    @Test
    void accentsDoNotMatterInThePhrase() {
        assertTrue(CrisisPhrases.of(List.of("ya no aguanto más")).matches("ya no aguanto mas"));
    }

    @Test
    void punctuationMarkdownAndLineBreaksBetweenWordsStillMatch() {
        assertTrue(phrases.matches("I *want* to\n\ndie"));
        assertTrue(phrases.matches("Estoy sin-salida"));
    }

    @Test
    void aTypographicApostropheMatchesAStraightOne() {
        assertTrue(phrases.matches("I can’t go on like this"));
    }

    @Test
    void aWordInsideALongerWordDoesNotMatch() {
        assertFalse(phrases.matches("Hopelessly romantic, that's me."));
    }

    @Test
    void aPhraseMustNotBeSplitAcrossOtherWords() {
        assertFalse(phrases.matches("I want to go, not die"));
    }

    @Test
    void aPhraseWhoseLastWordOnlyStartsAWordDoesNotMatch() {
        assertFalse(phrases.matches("I want to diet before summer"));
    }

    @Test
    void ordinaryTextDoesNotMatch() {
        assertFalse(phrases.matches("The baby finally slept four hours. I feel human again."));
    }

    @Test
    void emptyAndNullTextDoNotMatch() {
        assertFalse(phrases.matches(""));
        assertFalse(phrases.matches(null));
    }

    @Test
    void blankAndPunctuationOnlyPhrasesAreIgnored() {
        CrisisPhrases odd = CrisisPhrases.of(List.of("  ", "!!!"));
        assertFalse(odd.matches("anything at all !!! here"));
    }

    @Test
    void nullPhrasesAreRefused() {
        assertThrows(NullPointerException.class, () -> CrisisPhrases.of(null));
    }

    @Test
    void foldingLeavesSpacedLowerCaseWordsWithoutAccents() {
        assertEquals(" ya no puedo mas ", CrisisPhrases.fold("¡Ya NO puedo MÁS!"));
    }
}
