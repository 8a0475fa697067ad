package hearth.node.author;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Her author key as BIP-39 words and back. The vectors are the BIP-39 reference vectors
 * (trezor/python-mnemonic {@code vectors.json}, English), kept in {@code bip39-vectors.tsv}.
 */
class RecoveryPhraseTest {

    private static final String VECTOR_12 =
            "legal winner thank year wave sausage worth useful legal winner thank yellow";

    // ---- the BIP-39 reference vectors

    @Test
    void everyReferenceVectorGivesItsMnemonic() throws Exception {
        List<String[]> vectors = vectors();
        assertEquals(24, vectors.size(), "the English vectors: 8 each of 16, 24 and 32 bytes");
        for (String[] v : vectors) {
            byte[] entropy = HexFormat.of().parseHex(v[1]);
            assertEquals(Integer.parseInt(v[0]), entropy.length);
            assertEquals(v[2], String.join(" ", RecoveryPhrase.encode(entropy)), "entropy " + v[1]);
        }
    }

    @Test
    void everyReferenceMnemonicDecodesToItsEntropy() throws Exception {
        for (String[] v : vectors()) {
            int[] indexes = RecoveryPhrase.tokens(v[2]).stream().mapToInt(Bip39Words.english()::indexOf).toArray();
            assertArrayEquals(HexFormat.of().parseHex(v[1]), RecoveryPhrase.decode(indexes), v[2]);
        }
    }

    @Test
    void theWordlistIsBip39sEnglishListByteForByte() throws Exception {
        String file = String.join("\n", Bip39Words.english().all()) + "\n";
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(file.getBytes(StandardCharsets.UTF_8));
        // The SHA-256 of bip-0039/english.txt in bitcoin/bips.
        assertEquals("2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda", HexFormat.of().formatHex(hash));
    }

    @Test
    void everyWordIsToldApartByItsFirstFourLetters() {
        long prefixes = Bip39Words.english().all().stream()
                .map(w -> w.substring(0, Math.min(4, w.length()))).distinct().count();
        assertEquals(2048, prefixes);
    }

    // ---- her keys

    @Test
    void aNewKeyIsTwelveWordsAndComesBack() {
        AuthorKey key = AuthorKey.random();
        List<String> words = RecoveryPhrase.of(key);
        assertEquals(12, words.size());
        assertEquals(key, RecoveryPhrase.read(String.join(" ", words)));
    }

    @Test
    void anOlderKeyOf32BytesIsTwentyFourWordsAndComesBack() {
        byte[] bytes = new byte[32];
        new Random(32).nextBytes(bytes);
        AuthorKey old = AuthorKey.of(bytes).orElseThrow();
        List<String> words = RecoveryPhrase.of(old);
        assertEquals(24, words.size());
        AuthorKey back = RecoveryPhrase.read(String.join(" ", words));
        assertEquals(old, back);
        assertEquals(old.toCookie(), back.toCookie(), "the same cookie, so the same author id");
    }

    @Test
    void manyRandomKeysComeBackWhateverTheirLength() {
        Random random = new Random(20260311L);
        for (int i = 0; i < 500; i++) {
            byte[] bytes = new byte[i % 2 == 0 ? 16 : 32];
            random.nextBytes(bytes);
            AuthorKey key = AuthorKey.of(bytes).orElseThrow();
            assertEquals(key, RecoveryPhrase.read(String.join("\n", RecoveryPhrase.of(key))), "seed 20260311, key " + i);
        }
    }

    // ---- forgiving about how she types

    @Test
    void anyCaseAndSpacingAndNewLinesAreRead() {
        String typed = "  LEGAL\tWinner\n\nthank,  year\r\nwave sausage    worth useful\nlegal winner thank Yellow ";
        assertEquals(RecoveryPhrase.read(VECTOR_12), RecoveryPhrase.read(typed));
    }

    @Test
    void aNumberedListIsRead() {
        List<String> words = RecoveryPhrase.tokens(VECTOR_12);
        String numbered = java.util.stream.IntStream.range(0, words.size())
                .mapToObj(i -> (i + 1) + ". " + words.get(i)).collect(Collectors.joining("\n"));
        assertEquals(RecoveryPhrase.read(VECTOR_12), RecoveryPhrase.read(numbered));
    }

    @Test
    void theFirstFourLettersOfEachWordAreEnough() {
        assertEquals(RecoveryPhrase.read(VECTOR_12),
                RecoveryPhrase.read("lega winn than year wave saus wort usef lega winn than yell"));
    }

    @Test
    void aWordMisspelledAfterItsFourthLetterIsStillKnown() {
        assertEquals(RecoveryPhrase.read(VECTOR_12),
                RecoveryPhrase.read("legall winnner thanks years wave sausages worthy usefull legal winner thank yellowish"));
    }

    @Test
    void accentsAreIgnored() {
        assertEquals(RecoveryPhrase.read(VECTOR_12),
                RecoveryPhrase.read("légal winnér thank year wave sausage worth useful legal winner thank yellow"));
    }

    // ---- what is refused, each on its own

    @Test
    void oneWrongWordIsCaughtByTheChecksum() {
        // "year" (3rd from last group) replaced by "yard": on the list, but the checksum no longer fits.
        String wrong = "legal winner thank yard wave sausage worth useful legal winner thank yellow";
        var refused = assertThrows(RecoveryPhrase.Unreadable.class, () -> RecoveryPhrase.read(wrong));
        assertEquals(RecoveryPhrase.Problem.MISTYPED, refused.problem());
    }

    @Test
    void twoSwappedWordsAreCaught() {
        String swapped = "winner legal thank year wave sausage worth useful legal winner thank yellow";
        var refused = assertThrows(RecoveryPhrase.Unreadable.class, () -> RecoveryPhrase.read(swapped));
        assertEquals(RecoveryPhrase.Problem.MISTYPED, refused.problem());
    }

    @Test
    void almostEveryWrongWordIsCaught() {
        // Brute force over every replacement of one word: a 12-word phrase carries 4 checksum bits,
        // so exactly the replacements whose checksum happens to fit (about 1 in 16) pass.
        List<String> words = RecoveryPhrase.tokens(VECTOR_12);
        int passed = 0;
        int tried = 0;
        for (int position = 0; position < words.size(); position++) {
            for (String other : Bip39Words.english().all()) {
                if (other.equals(words.get(position))) {
                    continue;
                }
                List<String> changed = new ArrayList<>(words);
                changed.set(position, other);
                tried++;
                try {
                    RecoveryPhrase.read(String.join(" ", changed));
                    passed++;
                } catch (RecoveryPhrase.Unreadable expected) {
                    assertEquals(RecoveryPhrase.Problem.MISTYPED, expected.problem());
                }
            }
        }
        double share = (double) passed / tried;
        assertTrue(share > 0.04 && share < 0.09, "about 1 in 16 should slip through, not " + share);
    }

    @Test
    void aWordNotOnTheListIsNamedByItsPlace() {
        var refused = assertThrows(RecoveryPhrase.Unreadable.class, () -> RecoveryPhrase.read(
                "legal winner thxnk year wave sausage worth useful legal winner zz yellow"));
        assertEquals(RecoveryPhrase.Problem.UNKNOWN_WORD, refused.problem());
        assertEquals(List.of(3, 11), refused.positions());
    }

    @Test
    void aShortWordMustBeWholeSinceItsLettersStartOtherWords() {
        var refused = assertThrows(RecoveryPhrase.Unreadable.class, () -> RecoveryPhrase.read(
                "leg winner thank year wave sausage worth useful legal winner thank yellow".replace("leg ", "le ")));
        assertEquals(List.of(1), refused.positions());
    }

    @Test
    void tooFewWordsAreCounted() {
        var refused = assertThrows(RecoveryPhrase.Unreadable.class,
                () -> RecoveryPhrase.read("legal winner thank year wave sausage worth useful legal winner thank"));
        assertEquals(RecoveryPhrase.Problem.WRONG_COUNT, refused.problem());
        assertEquals(11, refused.count());
    }

    @Test
    void aValidEighteenWordPhraseIsNotAKeyOfHearths() {
        var refused = assertThrows(RecoveryPhrase.Unreadable.class, () -> RecoveryPhrase.read(
                "legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth useful legal will"));
        assertEquals(RecoveryPhrase.Problem.WRONG_COUNT, refused.problem());
        assertEquals(18, refused.count());
    }

    @Test
    void nothingTypedIsSaidSo() {
        assertEquals(RecoveryPhrase.Problem.EMPTY,
                assertThrows(RecoveryPhrase.Unreadable.class, () -> RecoveryPhrase.read(" \n 1. 2. ")).problem());
        assertEquals(RecoveryPhrase.Problem.EMPTY,
                assertThrows(RecoveryPhrase.Unreadable.class, () -> RecoveryPhrase.read(null)).problem());
    }

    @Test
    void aRefusalNeverRepeatsHerWords() {
        var refused = assertThrows(RecoveryPhrase.Unreadable.class, () -> RecoveryPhrase.read(
                "legal winner thank yard wave sausage worth useful legal winner thank yellow"));
        assertFalse(refused.getMessage().contains("legal"), refused.getMessage());
        assertFalse(refused.toString().contains("sausage"));
    }

    @Test
    void entropyOfAnOddSizeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> RecoveryPhrase.encode(new byte[15]));
        assertThrows(IllegalArgumentException.class, () -> RecoveryPhrase.encode(new byte[36]));
    }

    private static List<String[]> vectors() throws IOException {
        List<String[]> out = new ArrayList<>();
        try (var in = RecoveryPhraseTest.class.getResourceAsStream("/hearth/author/bip39-vectors.tsv")) {
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    out.add(line.split("\t"));
                }
            }
        }
        return out;
    }
}
