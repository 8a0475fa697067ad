package hearth.federation.keys;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Ed25519 keys for object integrity proofs, using the JDK's own provider.
 *
 * <pre>{@code
 * KeyPair pair = Ed25519Keys.generate();
 * byte[] stored = Ed25519Keys.privateToBytes(pair.getPrivate());   // keep secret
 * PrivateKey again = Ed25519Keys.privateFromBytes(stored);
 * byte[] raw = Ed25519Keys.rawPublic(pair.getPublic());            // 32 bytes, for Multikey
 * }</pre>
 *
 * <p>Private keys are stored as PKCS#8 DER. Public keys travel as their 32 raw bytes (RFC 8032),
 * which are the last 32 bytes of the fixed-length X.509 SubjectPublicKeyInfo (RFC 8410).
 * Malformed input is refused with {@link IllegalArgumentException}. Stateless and thread-safe.
 */
public final class Ed25519Keys {

    private static final String ALGORITHM = "Ed25519";
    /** SubjectPublicKeyInfo header for id-Ed25519 (1.3.101.112) with a 32-byte key. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final int RAW_LENGTH = 32;

    private Ed25519Keys() {
    }

    /** A fresh key pair from the platform's strong random source. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK offers no Ed25519", e);
        }
    }

    /** The 32 raw bytes of an Ed25519 public key. */
    public static byte[] rawPublic(PublicKey key) {
        Objects.requireNonNull(key, "key");
        byte[] spki = key.getEncoded();
        if (spki == null || spki.length != SPKI_PREFIX.length + RAW_LENGTH
                || !Arrays.equals(spki, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
        }
        return Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length);
    }

    /** The public key whose 32 raw bytes are given. */
    public static PublicKey publicFromRaw(byte[] raw) {
        Objects.requireNonNull(raw, "raw");
        if (raw.length != RAW_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + raw.length);
        }
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + RAW_LENGTH);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, RAW_LENGTH);
        try {
            return factory().generatePublic(new X509EncodedKeySpec(spki));
        } catch (InvalidKeySpecException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** The private key as PKCS#8 DER bytes, for storage. */
    public static byte[] privateToBytes(PrivateKey key) {
        Objects.requireNonNull(key, "key");
        byte[] encoded = "PKCS#8".equals(key.getFormat()) ? key.getEncoded() : null;
        if (encoded == null) {
            throw new IllegalArgumentException("private key cannot be exported as PKCS#8");
        }
        privateFromBytes(encoded); // refuses Ed448 and every other algorithm
        return encoded;
    }

    /** The private key from bytes made by {@link #privateToBytes}. */
    public static PrivateKey privateFromBytes(byte[] pkcs8) {
        Objects.requireNonNull(pkcs8, "pkcs8");
        try {
            return factory().generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (InvalidKeySpecException | RuntimeException e) {
            throw new IllegalArgumentException("not a PKCS#8 Ed25519 private key", e);
        }
    }

    private static KeyFactory factory() {
        try {
            return KeyFactory.getInstance(ALGORITHM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK offers no Ed25519", e);
        }
    }
}
