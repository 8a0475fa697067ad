package hearth.node.moderation.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Moderator password hashes: Argon2id with the OWASP parameters (19 MiB, 2 passes, 1 lane, a
 * 16-byte random salt, a 32-byte hash), stored as a PHC string.
 *
 * <pre>{@code
 * Passwords passwords = new Passwords();             // one per node
 * String stored = passwords.hash(typed);
 * String candidate = account != null ? account.passwordHash() : passwords.dummyHash();
 * boolean ok = passwords.verify(typed, candidate) && account != null;
 * if (ok && passwords.needsRehash(candidate)) { store.setPasswordHash(account, passwords.hash(typed)); }
 * }</pre>
 *
 * <p>Verify against {@link #dummyHash()} when the name is unknown, so the answer takes as long
 * as for a real account. Each call costs about 19 MiB and tens of milliseconds of CPU: call it
 * from a worker thread, never an event loop, and behind {@link LoginThrottle}. Passwords are
 * compared after NFKC normalisation (NIST SP 800-63B), so the same password typed on different
 * keyboards matches. Thread-safe.
 */
public final class Passwords {

    /** Longer input is refused outright; no person types a kilobyte. */
    public static final int MAX_LENGTH = 1024;

    static final int MEMORY_KIB = 19_456;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final SecureRandom random = new SecureRandom();
    // Computed off the caller's thread: an Argon2 hash costs tens of milliseconds that start-up need not wait for.
    private final java.util.concurrent.CompletableFuture<String> dummyHash;

    /** Hashes with the OWASP parameters. Starts computing one hash in the background, for {@link #dummyHash()}. */
    public Passwords() {
        this(MEMORY_KIB, ITERATIONS, PARALLELISM);
    }

    /** Cheaper or dearer parameters, for tests and future upgrades. */
    Passwords(int memoryKib, int iterations, int parallelism) {
        if (iterations < 1 || parallelism < 1 || memoryKib < 8 * parallelism) {
            throw new IllegalArgumentException("Argon2 needs t >= 1, p >= 1 and m >= 8p");
        }
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.dummyHash = new java.util.concurrent.CompletableFuture<>();
        Thread.ofVirtual().name("hearth-dummy-hash").start(() -> {
            try {
                byte[] nobody = new byte[32];
                random.nextBytes(nobody);
                // A hash of 32 random bytes that are thrown away: nothing typed can match it.
                dummyHash.complete(encode(nobody));
                Arrays.fill(nobody, (byte) 0);
            } catch (RuntimeException | Error e) {
                dummyHash.completeExceptionally(e);
            }
        });
    }

    /**
     * The PHC string to store for this password.
     *
     * @throws IllegalArgumentException if the password is empty, longer than {@link #MAX_LENGTH}
     *     or not valid UTF-16 (a lone surrogate)
     */
    public String hash(char[] password) {
        if (password == null || password.length == 0 || password.length > MAX_LENGTH) {
            throw new IllegalArgumentException("a password must be 1 to " + MAX_LENGTH + " characters");
        }
        byte[] bytes = utf8(password);
        if (bytes == null) {
            throw new IllegalArgumentException("the password is not valid Unicode text");
        }
        try {
            return encode(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * True if the password matches the stored hash, using the parameters written in it. False,
     * never an exception, for a null, malformed or unsupported hash.
     */
    public boolean verify(char[] password, String encoded) {
        PhcString stored = PhcString.parse(encoded);
        if (stored == null || password == null || password.length > MAX_LENGTH) {
            return false;
        }
        byte[] bytes = utf8(password);
        if (bytes == null) {
            return false;
        }
        try {
            byte[] actual = argon2id(bytes, stored.salt(), null, null,
                    stored.memoryKib(), stored.iterations(), stored.parallelism(), stored.hash().length);
            return MessageDigest.isEqual(actual, stored.hash());
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** True if the hash should be replaced at her next sign-in: weaker than today's, or unreadable. */
    public boolean needsRehash(String encoded) {
        PhcString stored = PhcString.parse(encoded);
        return stored == null
                || stored.memoryKib() < memoryKib
                || stored.iterations() < iterations
                || stored.parallelism() < parallelism
                || stored.salt().length < SALT_BYTES
                || stored.hash().length < HASH_BYTES;
    }

    /** A valid hash with today's parameters that no password matches, for unknown names. */
    public String dummyHash() {
        return dummyHash.join();
    }

    /** Argon2id (version 0x13) through Bouncy Castle; secret and associated data may be null. */
    static byte[] argon2id(byte[] password, byte[] salt, byte[] secret, byte[] associated,
            int memoryKib, int iterations, int parallelism, int length) {
        Argon2Parameters.Builder params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt);
        if (secret != null) {
            params.withSecret(secret);
        }
        if (associated != null) {
            params.withAdditional(associated);
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params.build());
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }

    private String encode(byte[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2id(password, salt, null, null, memoryKib, iterations, parallelism, HASH_BYTES);
        return new PhcString(memoryKib, iterations, parallelism, salt, hash).format();
    }

    // NFKC, then UTF-8; null for a lone surrogate rather than silently hashing a '?'.
    private static byte[] utf8(char[] password) {
        String normal = Normalizer.normalize(CharBuffer.wrap(password), Normalizer.Form.NFKC);
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(normal));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            Arrays.fill(encoded.array(), (byte) 0);
            return bytes;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
