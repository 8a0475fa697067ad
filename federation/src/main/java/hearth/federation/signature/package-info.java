/**
 * HTTP Signatures for server-to-server ActivityPub requests, compatible with Mastodon, Lemmy
 * and Fedify.
 *
 * <p>Outbound: {@link hearth.federation.signature.CavageSigner} (draft-cavage-http-signatures-12,
 * {@code rsa-sha256}, what the fediverse verifies) or {@link hearth.federation.signature.Rfc9421Signer}
 * (RFC 9421), each returning the headers to add. Inbound: the node wraps what arrived in a
 * {@link hearth.federation.signature.SignedRequest}, calls
 * {@link hearth.federation.signature.HttpSignatures#check}, which enforces the inbox rules
 * (signed target, host, time window, body digest) and returns a
 * {@link hearth.federation.signature.SignatureClaim}; the node then looks up the key named by
 * its {@code keyId} and calls {@code verifyOrThrow}. Every refusal is a
 * {@link hearth.federation.signature.SignatureProblem} with a short machine reason.
 *
 * <p>Inside, one concern per file: {@code CavageParams} and {@code CavageClaim} (the draft),
 * {@code StructuredFields} and {@code StructuredFieldWriter}, {@code SignatureBase}, {@code QueryParams} and {@code Rfc9421Claim}
 * (RFC 9421 with RFC 8941 fields), {@code Uris} (normalized URI parts), {@code HttpDates},
 * {@link hearth.federation.signature.Digests} (RFC 3230 Digest and RFC 9530 Content-Digest),
 * {@code SignatureAlgorithm} (the JDK's cryptography, one instance per thread) and
 * {@code InboxRules}.
 *
 * <p>Nothing here is {@code null} unless its Javadoc says so.
 *
 * <p>It must not know Vert.x, storage, or how keys are found: it does no I/O. Fetching an
 * actor's key, checking that the key's owner is the activity's actor, and turning a
 * {@code SignatureProblem} into a 401 are the node's.
 */
package hearth.federation.signature;
