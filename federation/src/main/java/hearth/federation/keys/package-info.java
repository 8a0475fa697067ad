/**
 * Key material for federation: generating, encoding and reading the keys an actor signs
 * with. {@link hearth.federation.keys.RsaKeys} handles the RSA keys of HTTP Signatures, as
 * PEM ({@code publicKeyPem} in an actor document); Ed25519 keys for object integrity proofs
 * live beside it.
 *
 * <p>Only the JDK's own cryptography is used. It must not know where keys are stored or
 * fetched from: the node keeps private keys and caches remote public keys.
 */
package hearth.federation.keys;
