package hearth.federation.signature;

import hearth.federation.signature.SignatureProblem.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The entry point for inbound signatures: finds whichever scheme the request uses
 * (RFC 9421 when it has Signature-Input, else draft-cavage in Signature or
 * {@code Authorization: Signature}), checks what the inbox requires, and returns the claim
 * for the node to verify against the key it looks up.
 *
 * <pre>{@code
 * try {
 *     SignatureClaim claim = HttpSignatures.check(request, Instant.now(), HttpSignatures.DEFAULT_WINDOW);
 *     claim.verifyOrThrow(actorKeys.lookup(claim.keyId()));
 * } catch (SignatureProblem p) {
 *     return unauthorized(p.reason());     // "stale date", "digest mismatch", ...
 * }
 * }</pre>
 *
 * <p>No I/O and no shared mutable state: safe to call from any number of threads.
 */
public final class HttpSignatures {

    /** How far Date or created may be from now, either way, unless the node configures otherwise. */
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

    private HttpSignatures() {
    }

    /**
     * Parses the signature and enforces the inbox rules: a write (any method but GET and HEAD)
     * must sign its target with the method, the host, a time (Date or created) and a body
     * digest; a read must sign its target, the host and a time. The signed time must be within
     * {@code window} of {@code now} either way, a signed expiry must not have passed, and every
     * signed digest (SHA-256 or SHA-512, in Digest or Content-Digest) must match the body.
     *
     * @throws SignatureProblem with the first rule the request breaks
     */
    public static SignatureClaim check(SignedRequest request, Instant now, Duration window) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(window, "window");
        if (window.isNegative()) {
            throw new IllegalArgumentException("window is negative: " + window);
        }
        SignatureClaim claim = parse(request);
        Coverage coverage = switch (claim) {
            case CavageClaim cavage -> cavage.coverage();
            case Rfc9421Claim rfc -> {
                if (rfc.needsSharedSecret()) {
                    throw new SignatureProblem(Kind.UNSUPPORTED_ALGORITHM);
                }
                yield rfc.coverage();
            }
        };
        InboxRules.enforce(coverage, request, now, window);
        return claim;
    }

    /** {@link #check(SignedRequest, Instant, Duration)} with the {@link #DEFAULT_WINDOW}. */
    public static SignatureClaim check(SignedRequest request, Instant now) {
        return check(request, now, DEFAULT_WINDOW);
    }

    /**
     * Parses the signature and builds what it signs, without any inbox rule: no required
     * headers, no clock, no digest check. For tests, test vectors and diagnostics; the inbox
     * uses {@link #check}.
     *
     * @throws SignatureProblem if the request is unsigned, or its signature cannot be read
     */
    public static SignatureClaim parse(SignedRequest request) {
        Objects.requireNonNull(request, "request");
        Optional<String> input = request.combined("signature-input");
        if (input.isPresent()) {
            String signature = request.combined("signature")
                    .orElseThrow(() -> new SignatureProblem(Kind.MALFORMED));
            return Rfc9421Claim.parse(input.get(), signature, request);
        }
        List<String> signature = request.header("signature");
        if (!signature.isEmpty()) {
            return CavageClaim.parse(signature.get(0), request);
        }
        Optional<String> authorization = request.first("authorization");
        if (authorization.isPresent() && authorization.get().regionMatches(true, 0, "Signature ", 0, 10)) {
            return CavageClaim.parse(authorization.get().substring(10), request);
        }
        throw new SignatureProblem(Kind.UNSIGNED);
    }

    /** Whether the request carries any signature header at all (to tell "unsigned" apart cheaply). */
    public static boolean isSigned(SignedRequest request) {
        return !request.header("signature-input").isEmpty()
                || !request.header("signature").isEmpty()
                || request.first("authorization").map(a -> a.toLowerCase(Locale.ROOT).startsWith("signature "))
                        .orElse(false);
    }
}
