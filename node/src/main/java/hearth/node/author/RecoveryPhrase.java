package hearth.node.author;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Her author key as words she can write down, and back: BIP-39 (the English wordlist and its
 * checksum), so a key of 16 bytes is twelve words and an older key of 32 bytes twenty-four, and
 * almost every mistyped or swapped word is caught before it could stand for someone else.
 *
 * <pre>{@code
 * List<String> words = RecoveryPhrase.of(key);             // ["legal", "winner", ...]
 * AuthorKey again = RecoveryPhrase.read("Legal WINN thank\n...");   // or throws Unreadable
 * }</pre>
 *
 * <p>Reading is forgiving about how she types: any case, any spaces, commas, numbering or new
 * lines between words, accents, and a word cut short to its first four letters (or more). The
 * words never leave this class in a log or an exception message. Stateless and thread-safe.
 */
public final class RecoveryPhrase {

    /** How many words a phrase of Hearth's has: twelve now, twenty-four for keys made before. */
    public static final int WORDS = 12;
    public static final int OLD_WORDS = 24;

    private static final int BITS_PER_WORD = 11;

    private RecoveryPhrase() {
    }

    /** The words for her key, in order. */
    public static List<String> of(AuthorKey key) {
        return encode(key.bytes());
    }

    /**
     * The key these words stand for.
     *
     * @throws Unreadable with what is wrong, so she can be told which word to look at again
     */
    public static AuthorKey read(String typed) {
        List<String> tokens = tokens(typed == null ? "" : typed);
        if (tokens.isEmpty()) {
            throw new Unreadable(Problem.EMPTY, 0, List.of());
        }
        if (tokens.size() != WORDS && tokens.size() != OLD_WORDS) {
            throw new Unreadable(Problem.WRONG_COUNT, tokens.size(), List.of());
        }
        Bip39Words list = Bip39Words.english();
        int[] indexes = new int[tokens.size()];
        List<Integer> unknown = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            indexes[i] = list.indexOf(tokens.get(i));
            if (indexes[i] < 0) {
                unknown.add(i + 1);
            }
        }
        if (!unknown.isEmpty()) {
            throw new Unreadable(Problem.UNKNOWN_WORD, tokens.size(), unknown);
        }
        byte[] entropy = decode(indexes);
        if (entropy == null) {
            throw new Unreadable(Problem.MISTYPED, tokens.size(), List.of());
        }
        return AuthorKey.of(entropy).orElseThrow();
    }

    /** BIP-39: entropy of 16 to 32 bytes (a multiple of 4), its checksum appended, cut into 11-bit word indexes. */
    static List<String> encode(byte[] entropy) {
        if (entropy.length < 16 || entropy.length > 32 || entropy.length % 4 != 0) {
            throw new IllegalArgumentException("BIP-39 entropy is 16 to 32 bytes, a multiple of 4");
        }
        int entropyBits = entropy.length * 8;
        int checksumBits = entropyBits / 32;
        byte[] all = Arrays.copyOf(entropy, entropy.length + 1);
        all[entropy.length] = sha256(entropy)[0];
        int count = (entropyBits + checksumBits) / BITS_PER_WORD;
        List<String> words = new ArrayList<>(count);
        for (int w = 0; w < count; w++) {
            words.add(Bip39Words.english().word(bits(all, w * BITS_PER_WORD, BITS_PER_WORD)));
        }
        return List.copyOf(words);
    }

    /** The entropy behind these word indexes, or null when the checksum does not match. */
    static byte[] decode(int[] indexes) {
        int totalBits = indexes.length * BITS_PER_WORD;
        int checksumBits = totalBits / 33;
        int entropyBits = totalBits - checksumBits;
        if (indexes.length % 3 != 0 || entropyBits < 128 || entropyBits > 256) {
            throw new IllegalArgumentException("BIP-39 phrases have 12, 15, 18, 21 or 24 words");
        }
        byte[] all = new byte[(totalBits + 7) / 8];
        for (int w = 0; w < indexes.length; w++) {
            for (int b = 0; b < BITS_PER_WORD; b++) {
                if ((indexes[w] >> (BITS_PER_WORD - 1 - b) & 1) == 1) {
                    int at = w * BITS_PER_WORD + b;
                    all[at / 8] |= (byte) (0x80 >>> (at % 8));
                }
            }
        }
        byte[] entropy = Arrays.copyOf(all, entropyBits / 8);
        int expected = (sha256(entropy)[0] & 0xff) >>> (8 - checksumBits);
        int found = bits(all, entropyBits, checksumBits);
        return expected == found ? entropy : null;
    }

    /** Lower-case words of letters only, accents dropped; everything else separates words. */
    static List<String> tokens(String typed) {
        String plain = Normalizer.normalize(typed, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String token : plain.split("[^a-z]+")) {
            if (!token.isEmpty()) {
                out.add(token);
            }
        }
        return out;
    }

    /** {@code length} bits of {@code bytes} from bit {@code from} (most significant first), as a number. */
    private static int bits(byte[] bytes, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            value = value << 1 | (bytes[i / 8] >> (7 - i % 8) & 1);
        }
        return value;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** What is wrong with a phrase she typed. */
    public enum Problem {
        /** Nothing was typed. */
        EMPTY,
        /** Not twelve or twenty-four words ({@link Unreadable#count()} says how many). */
        WRONG_COUNT,
        /** Some words are not on the list ({@link Unreadable#positions()} says which, from 1). */
        UNKNOWN_WORD,
        /** Every word is on the list but they do not fit together: one mistyped, or two swapped. */
        MISTYPED
    }

    /** A phrase that stands for no key. Carries positions and counts, never the words themselves. */
    public static final class Unreadable extends RuntimeException {
        private final Problem problem;
        private final int count;
        private final transient List<Integer> positions;

        Unreadable(Problem problem, int count, List<Integer> positions) {
            super("recovery phrase not read: " + problem, null, false, false);
            this.problem = problem;
            this.count = count;
            this.positions = List.copyOf(positions);
        }

        public Problem problem() {
            return problem;
        }

        /** How many words were typed. */
        public int count() {
            return count;
        }

        /** The positions (from 1) of words not on the list. */
        public List<Integer> positions() {
            return positions;
        }
    }
}
