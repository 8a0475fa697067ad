package hearth.node.moderation.auth;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in the PHC string format,
 * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>}, with salt and hash in
 * standard base64 without padding.
 *
 * <p>Parsing is strict and bounded: only version 19, parameters in the canonical order, no
 * padding, only canonical base64, and cost limits, so that a damaged or hostile row in the
 * database cannot make a sign-in allocate gigabytes or run for minutes.
 */
record PhcString(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {

    static final int MAX_MEMORY_KIB = 1 << 20;
    static final int MAX_ITERATIONS = 16;
    static final int MAX_PARALLELISM = 16;
    static final int MIN_SALT_BYTES = 8;
    static final int MIN_HASH_BYTES = 16;
    static final int MAX_BYTES = 64;

    private static final Pattern FORMAT = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=([1-9][0-9]{0,9}),t=([1-9][0-9]{0,9}),p=([1-9][0-9]{0,9})"
                    + "\\$([A-Za-z0-9+/]{1,100})\\$([A-Za-z0-9+/]{1,100})");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    /** The PHC text of this hash. */
    String format() {
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism
                + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    /** The parsed hash, or null when the text is not one this node would accept. */
    static PhcString parse(String text) {
        if (text == null || text.length() > 300) {
            return null;
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return null;
        }
        long memory = Long.parseLong(m.group(1));
        long iterations = Long.parseLong(m.group(2));
        long parallelism = Long.parseLong(m.group(3));
        // Argon2 needs at least 8 KiB of memory per lane.
        if (memory > MAX_MEMORY_KIB || iterations > MAX_ITERATIONS || parallelism > MAX_PARALLELISM
                || memory < 8 * parallelism) {
            return null;
        }
        byte[] salt = canonicalBase64(m.group(4));
        byte[] hash = canonicalBase64(m.group(5));
        if (salt == null || hash == null
                || salt.length < MIN_SALT_BYTES || salt.length > MAX_BYTES
                || hash.length < MIN_HASH_BYTES || hash.length > MAX_BYTES) {
            return null;
        }
        return new PhcString((int) memory, (int) iterations, (int) parallelism, salt, hash);
    }

    // The decoder ignores the unused low bits of the last character, so two texts could decode to
    // the same bytes; accepting only the canonical one means any change to the text is refused.
    private static byte[] canonicalBase64(String text) {
        if (text.length() % 4 == 1) {
            return null;
        }
        byte[] bytes = DECODER.decode(text);
        return ENCODER.encodeToString(bytes).equals(text) ? bytes : null;
    }
}
