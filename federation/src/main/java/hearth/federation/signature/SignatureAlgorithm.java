package hearth.federation.signature;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature algorithms Hearth verifies, by their RFC 9421 registry names, each with the
 * key type it accepts. Only the JDK's own providers are used: no provider is created per call,
 * and each thread keeps one {@link Signature} per algorithm. Thread-safe.
 */
enum SignatureAlgorithm {
    RSA_PSS_SHA512("rsa-pss-sha512", "RSASSA-PSS"),
    RSA_V1_5_SHA256("rsa-v1_5-sha256", "SHA256withRSA"),
    ECDSA_P256_SHA256("ecdsa-p256-sha256", "SHA256withECDSAinP1363Format"),
    ED25519("ed25519", "Ed25519"),
    HMAC_SHA256("hmac-sha256", "HmacSHA256");

    // RFC 9421 section 3.3.1: MGF1 with SHA-512 and a 64-byte salt.
    private static final PSSParameterSpec PSS_SHA512 =
            new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, 64, 1);

    // The group order identifies NIST P-256 among 256-bit curves (secp256k1 has another).
    private static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    private final String id;
    private final String jcaName;
    private final ThreadLocal<Signature> signatures;

    SignatureAlgorithm(String id, String jcaName) {
        this.id = id;
        this.jcaName = jcaName;
        this.signatures = ThreadLocal.withInitial(this::newSignature);
    }

    /** The name in the HTTP Signature Algorithms registry, e.g. {@code rsa-v1_5-sha256}. */
    String id() {
        return id;
    }

    /** The algorithm with that registry name, if Hearth knows it. */
    static Optional<SignatureAlgorithm> byId(String id) {
        for (SignatureAlgorithm a : values()) {
            if (a.id.equals(id)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Whether a public key of this type can check this algorithm at all. */
    boolean accepts(PublicKey key) {
        return switch (this) {
            case RSA_PSS_SHA512, RSA_V1_5_SHA256 -> key instanceof RSAKey;
            case ECDSA_P256_SHA256 -> key instanceof ECPublicKey ec && P256_ORDER.equals(ec.getParams().getOrder());
            case ED25519 -> key instanceof EdECKey ed && "Ed25519".equalsIgnoreCase(ed.getParams().getName());
            case HMAC_SHA256 -> false;
        };
    }

    /** True only if the signature over data checks with the key under this algorithm. */
    boolean verify(PublicKey key, byte[] data, byte[] signature) {
        if (!accepts(key)) {
            return false;
        }
        Signature verifier = signatures.get();
        try {
            verifier.initVerify(key);
            if (this == RSA_PSS_SHA512) {
                verifier.setParameter(PSS_SHA512);
            }
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // A key the provider refuses or a signature of the wrong length is simply no match.
            return false;
        }
    }

    /** Signs data with the private key under this algorithm (not for HMAC). */
    byte[] sign(PrivateKey key, byte[] data) {
        if (this == HMAC_SHA256) {
            throw new IllegalStateException("HMAC signs with a shared secret, not a private key");
        }
        Signature signer = signatures.get();
        try {
            signer.initSign(key);
            if (this == RSA_PSS_SHA512) {
                signer.setParameter(PSS_SHA512);
            }
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with " + id + ": " + e.getMessage(), e);
        }
    }

    /** True only if the HMAC-SHA256 of data under the secret equals the signature. */
    static boolean verifyHmac(byte[] secret, byte[] data, byte[] signature) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return MessageDigest.isEqual(mac.doFinal(data), signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private Signature newSignature() {
        if (this == HMAC_SHA256) {
            return null;
        }
        try {
            return Signature.getInstance(jcaName);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + jcaName, e);
        }
    }

    /** The algorithm a private key signs with when the caller does not choose. */
    static SignatureAlgorithm forSigning(PrivateKey key) {
        if (key instanceof RSAKey) {
            return RSA_V1_5_SHA256;
        }
        if (key instanceof EdECKey ed && "Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
            return ED25519;
        }
        throw new IllegalArgumentException("only RSA and Ed25519 keys sign here, not " + key.getAlgorithm());
    }
}
