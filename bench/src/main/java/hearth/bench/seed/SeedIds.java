package hearth.bench.seed;

/**
 * Row ids in the node's format (26 characters of Crockford base32: a 48-bit time in
 * milliseconds, then 80 bits), made from a counter instead of randomness so that seeded
 * rows are unique and reproducible. Not thread-safe.
 */
final class SeedIds {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final long prefix;
    private long counter;

    /** {@code salt} tells apart ids of different kinds (threads, posts) made in the same millisecond. */
    SeedIds(int salt) {
        this.prefix = salt & 0xFFFFL;
    }

    String next(long millis) {
        char[] out = new char[26];
        long time = millis;
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        // 80 bits: 16 of salt, then 64 of counter.
        long low = counter++;
        long high = prefix;
        for (int i = 25; i >= 10; i--) {
            out[i] = ALPHABET[(int) (low & 31)];
            low = (low >>> 5) | ((high & 31) << 59);
            high >>>= 5;
        }
        return new String(out);
    }
}
