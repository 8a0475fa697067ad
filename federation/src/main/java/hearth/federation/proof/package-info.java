/**
 * Object integrity proofs (FEP-8b32): Ed25519 signatures on the objects a node originates, in
 * the W3C Data Integrity form with the {@code eddsa-jcs-2022} cryptosuite, so that a thread
 * relayed or backfilled through a third node can still be checked against its origin.
 *
 * <p>{@link hearth.federation.proof.DataIntegrity} signs and verifies,
 * {@link hearth.federation.proof.Jcs} is the canonical JSON (RFC 8785) the signatures cover, and
 * {@link hearth.federation.proof.Multikey} writes and reads the public keys actors publish.
 *
 * <p>It must not know where keys are stored or how actor documents are fetched: callers hand it
 * a private key to sign with, or the raw public key they resolved and whose owner they checked.
 * No I/O and no clock; every type here is stateless and thread-safe.
 */
package hearth.federation.proof;
