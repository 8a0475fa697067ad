package hearth.node.author;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The BIP-39 English wordlist, read once from {@code hearth/author/bip39-english.txt}: 2048
 * words, each told apart from every other by its first four letters. Immutable and thread-safe.
 */
final class Bip39Words {

    static final int SIZE = 2048;
    static final int PREFIX = 4;

    private static final Bip39Words ENGLISH = load("/hearth/author/bip39-english.txt");

    private final List<String> words;
    private final Map<String, Integer> byWord;
    private final Map<String, Integer> byPrefix;

    private Bip39Words(List<String> words) {
        if (words.size() != SIZE) {
            throw new IllegalStateException("the BIP-39 wordlist must have " + SIZE + " words, not " + words.size());
        }
        this.words = List.copyOf(words);
        this.byWord = new HashMap<>();
        this.byPrefix = new HashMap<>();
        for (int i = 0; i < SIZE; i++) {
            String word = words.get(i);
            byWord.put(word, i);
            // Words of three letters are their own prefix.
            if (byPrefix.put(word.substring(0, Math.min(PREFIX, word.length())), i) != null) {
                throw new IllegalStateException("two words share the first letters of " + word);
            }
        }
    }

    static Bip39Words english() {
        return ENGLISH;
    }

    String word(int index) {
        return words.get(index);
    }

    /** Every word, in order. */
    List<String> all() {
        return words;
    }

    /**
     * The index of the word {@code typed} stands for: the word itself, or (from four letters on)
     * any spelling that starts with a word's first four letters; -1 for none.
     */
    int indexOf(String typed) {
        Integer exact = byWord.get(typed);
        if (exact != null) {
            return exact;
        }
        if (typed.length() < PREFIX) {
            return -1;
        }
        Integer abbreviated = byPrefix.get(typed.substring(0, PREFIX));
        return abbreviated == null ? -1 : abbreviated;
    }

    private static Bip39Words load(String resource) {
        try (InputStream in = Bip39Words.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            List<String> words = new ArrayList<>(SIZE);
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    words.add(line.strip());
                }
            }
            return new Bip39Words(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
