package hearth.federation.signature;

import hearth.federation.signature.SignatureProblem.Kind;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Body digests as HTTP headers: {@code Digest} (RFC 3230, what Mastodon and Lemmy send and
 * check) and {@code Content-Digest} (RFC 9530, what RFC 9421 signers send).
 *
 * <pre>{@code
 * headers.put("Digest", Digests.digestHeader(body));               // "SHA-256=X48E9q..."
 * headers.put("Content-Digest", Digests.contentDigestHeader(body)); // "sha-256=:X48E9q...:"
 * }</pre>
 *
 * <p>Stateless; safe to use from any thread.
 */
public final class Digests {

    // MessageDigest instances are not thread-safe but are costly enough to keep one per thread.
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> digest("SHA-256"));
    private static final ThreadLocal<MessageDigest> SHA_512 = ThreadLocal.withInitial(() -> digest("SHA-512"));

    private Digests() {
    }

    /** The {@code Digest} header value for the body: {@code "SHA-256=<base64>"}. */
    public static String digestHeader(byte[] body) {
        Objects.requireNonNull(body, "body");
        return "SHA-256=" + Base64.getEncoder().encodeToString(sha256(body));
    }

    /** The {@code Content-Digest} header value for the body: {@code "sha-256=:<base64>:"}. */
    public static String contentDigestHeader(byte[] body) {
        Objects.requireNonNull(body, "body");
        return "sha-256=:" + Base64.getEncoder().encodeToString(sha256(body)) + ":";
    }

    /** The SHA-256 hash of the bytes. */
    static byte[] sha256(byte[] bytes) {
        return SHA_256.get().digest(bytes);
    }

    /**
     * Checks a {@code Digest} header (comma-separated {@code algorithm=base64} pairs, algorithm
     * names case-insensitive) against the body. Every SHA-256 or SHA-512 entry must match, and
     * there must be at least one; other algorithms (SHA-1, MD5) are ignored.
     */
    static void checkDigest(String value, byte[] body) {
        boolean checked = false;
        for (String part : value.split(",")) {
            String entry = part.strip();
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new SignatureProblem(Kind.MALFORMED_DIGEST);
            }
            String algorithm = entry.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            byte[] expected = decode(entry.substring(eq + 1).strip());
            checked |= checkOne(algorithm, expected, body);
        }
        if (!checked) {
            throw new SignatureProblem(Kind.UNSUPPORTED_DIGEST);
        }
    }

    /**
     * Checks a {@code Content-Digest} header (an RFC 8941 dictionary of byte sequences) against
     * the body, with the same rules as {@link #checkDigest}.
     */
    static void checkContentDigest(String value, byte[] body) {
        Map<String, StructuredFields.Member> members;
        try {
            members = StructuredFields.parseDictionary(value);
        } catch (IllegalArgumentException e) {
            throw new SignatureProblem(Kind.MALFORMED_DIGEST);
        }
        boolean checked = false;
        for (Map.Entry<String, StructuredFields.Member> e : members.entrySet()) {
            if (!(e.getValue().value() instanceof byte[] expected)) {
                throw new SignatureProblem(Kind.MALFORMED_DIGEST);
            }
            checked |= checkOne(e.getKey(), expected, body);
        }
        if (!checked) {
            throw new SignatureProblem(Kind.UNSUPPORTED_DIGEST);
        }
    }

    /** Returns whether the algorithm was one Hearth computes; throws if it does not match. */
    private static boolean checkOne(String algorithm, byte[] expected, byte[] body) {
        MessageDigest md = switch (algorithm) {
            case "sha-256" -> SHA_256.get();
            case "sha-512" -> SHA_512.get();
            default -> null;
        };
        if (md == null) {
            return false;
        }
        if (!MessageDigest.isEqual(md.digest(body), expected)) {
            throw new SignatureProblem(Kind.DIGEST_MISMATCH);
        }
        return true;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new SignatureProblem(Kind.MALFORMED_DIGEST);
        }
    }

    private static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + name, e);
        }
    }
}
