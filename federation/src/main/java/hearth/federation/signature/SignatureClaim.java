package hearth.federation.signature;

import hearth.federation.signature.SignatureProblem.Kind;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;

/**
 * A parsed HTTP signature that claims to come from the holder of {@link #keyId()}: the
 * signature base is already built from the request, so {@link #verify(PublicKey)} only runs
 * the cryptography. The node looks up the key (fetching the actor if needed), checks that its
 * owner is the activity's actor, then verifies:
 *
 * <pre>{@code
 * SignatureClaim claim = HttpSignatures.check(request, Instant.now(), HttpSignatures.DEFAULT_WINDOW);
 * PublicKey key = keys.forKeyId(claim.keyId());   // the node's own lookup
 * claim.verifyOrThrow(key);                       // SignatureProblem "bad signature" if not
 * }</pre>
 *
 * <p>Immutable; safe to share across threads and to verify against several keys (say, after
 * refetching a rotated key).
 */
public sealed interface SignatureClaim permits CavageClaim, Rfc9421Claim {

    /** The key identifier the sender named, e.g. {@code https://a.example/c/perinatal#main-key}. */
    String keyId();

    /**
     * What the signature covers, in signing order and lowercase: header names and
     * draft-cavage pseudo-headers ({@code (request-target)}, {@code (created)}) or RFC 9421
     * component identifiers as serialized ({@code @method}, {@code "@query-param";name="a"}
     * appears as {@code @query-param;name="a"}).
     */
    List<String> coveredComponents();

    /**
     * The algorithm the sender named ({@code rsa-sha256}, {@code hs2019}, {@code rsa-v1_5-sha256}
     * ...), or empty when it left the choice to the key, as RFC 9421 allows.
     */
    Optional<String> algorithm();

    /** True only if the signature checks with this key under the claimed (or the key's) algorithm. */
    boolean verify(PublicKey key);

    /** Verifies, or throws {@link SignatureProblem} with reason {@code "bad signature"}. */
    default void verifyOrThrow(PublicKey key) {
        if (!verify(key)) {
            throw new SignatureProblem(Kind.BAD_SIGNATURE);
        }
    }
}
