package hearth.federation.signature;

import hearth.federation.signature.SignatureProblem.Kind;
import java.time.Duration;
import java.time.Instant;

/**
 * What every signed request must prove before the inbox (or a signed fetch) trusts it,
 * whichever signature scheme it uses:
 * <ul>
 *   <li>the target is signed (for a write, with its method), and so is the host;
 *   <li>a time is signed (Date, or created) and lies within the window of now; an expiry,
 *       when signed, has not passed;
 *   <li>a write signs a body digest, and every signed digest matches the body.
 * </ul>
 * Stateless.
 */
final class InboxRules {

    private InboxRules() {
    }

    static void enforce(Coverage c, SignedRequest request, Instant now, Duration window) {
        boolean read = request.isRead();
        if (!c.target() || (!read && !c.method())) {
            throw new SignatureProblem(Kind.MISSING_COVERED, "request-target");
        }
        if (!c.host()) {
            throw new SignatureProblem(Kind.MISSING_COVERED, "host");
        }
        if (!c.date() && c.created() == null) {
            throw new SignatureProblem(Kind.MISSING_COVERED, "date");
        }
        if (!read && c.digestHeaders().isEmpty()) {
            throw new SignatureProblem(Kind.MISSING_COVERED, "digest");
        }
        if (c.date()) {
            // The signature base could only be built if the Date header is there.
            within(HttpDates.parse(request.combined("date").orElseThrow()), now, window);
        }
        if (c.created() != null) {
            within(Instant.ofEpochSecond(c.created()), now, window);
        }
        if (c.expires() != null && now.isAfter(Instant.ofEpochSecond(c.expires()))) {
            throw new SignatureProblem(Kind.EXPIRED);
        }
        for (String header : c.digestHeaders()) {
            String value = request.combined(header).orElseThrow();
            if (header.equals("digest")) {
                Digests.checkDigest(value, request.body());
            } else {
                Digests.checkContentDigest(value, request.body());
            }
        }
    }

    private static void within(Instant signed, Instant now, Duration window) {
        if (Duration.between(signed, now).compareTo(window) > 0) {
            throw new SignatureProblem(Kind.STALE_DATE);
        }
        if (Duration.between(now, signed).compareTo(window) > 0) {
            throw new SignatureProblem(Kind.FUTURE_DATE);
        }
    }
}
