package hearth.federation.signature;

import java.util.Objects;

/**
 * Why an inbound request's signature was refused.
 *
 * <p>{@link #reason()} is a short, stable, machine-readable text such as {@code "stale date"}
 * or {@code "missing covered header host"}: fit for a log line, a metric label or a terse
 * 401 body. It never contains header values, so it is safe to show to the remote server.
 * {@link #kind()} is the same reason without its detail, for code that branches on it.
 *
 * <p>Immutable; safe to share across threads.
 */
public final class SignatureProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The families of refusal; {@link #text()} is the start of every {@link #reason()}. */
    public enum Kind {
        /** No Signature, Signature-Input or {@code Authorization: Signature} at all. */
        UNSIGNED("unsigned"),
        /** A signature header that cannot be parsed, or lacks keyId or signature. */
        MALFORMED("malformed signature"),
        /** An algorithm Hearth does not verify (or cannot verify with a public key). */
        UNSUPPORTED_ALGORITHM("unsupported algorithm"),
        /** An RFC 9421 component or component parameter Hearth does not derive. */
        UNSUPPORTED_COMPONENT("unsupported component"),
        /** The signature covers a header the request does not carry; detail: its name. */
        ABSENT_HEADER("absent header"),
        /** A part the inbox requires is not covered; detail: request-target, host, date or digest. */
        MISSING_COVERED("missing covered header"),
        /** The Date header or a created/expires value cannot be read. */
        MALFORMED_DATE("malformed date"),
        /** Date or created is older than the allowed window. */
        STALE_DATE("stale date"),
        /** Date or created is further ahead than the allowed window. */
        FUTURE_DATE("future date"),
        /** The signature's expires time has passed. */
        EXPIRED("expired"),
        /** A Digest or Content-Digest value cannot be read. */
        MALFORMED_DIGEST("malformed digest"),
        /** The digest header names no algorithm Hearth computes (SHA-256, SHA-512). */
        UNSUPPORTED_DIGEST("unsupported digest"),
        /** The body does not hash to the digest the sender signed. */
        DIGEST_MISMATCH("digest mismatch"),
        /** The signature does not check with the key (see {@link SignatureClaim#verifyOrThrow}). */
        BAD_SIGNATURE("bad signature");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        /** The stable text of this kind, e.g. {@code "digest mismatch"}. */
        public String text() {
            return text;
        }
    }

    private final Kind kind;
    private final String reason;

    /** A problem with no detail: its reason is {@code kind.text()}. */
    public SignatureProblem(Kind kind) {
        this(kind, null);
    }

    /** A problem whose reason is {@code kind.text() + " " + detail}; detail may be {@code null}. */
    public SignatureProblem(Kind kind, String detail) {
        // No stack trace: refusals are routine, can arrive in floods, and say all in the reason.
        super(reasonOf(Objects.requireNonNull(kind, "kind"), detail), null, false, false);
        this.kind = kind;
        this.reason = reasonOf(kind, detail);
    }

    private static String reasonOf(Kind kind, String detail) {
        String safe = safeDetail(detail);
        return safe.isEmpty() ? kind.text() : kind.text() + " " + safe;
    }

    /** Details are names taken from the sender's headers: keep them short and harmless in logs. */
    private static String safeDetail(String detail) {
        if (detail == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(detail.length(), 40));
        for (int i = 0; i < detail.length() && out.length() < 40; i++) {
            char c = detail.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '@' || c == '(' || c == ')' || c == '_' || c == '.';
            out.append(plain ? c : '?');
        }
        return out.toString();
    }

    /** The short machine reason, e.g. {@code "missing covered header host"}. */
    public String reason() {
        return reason;
    }

    /** The family of the reason. */
    public Kind kind() {
        return kind;
    }
}
