package hearth.federation.signature;

import hearth.federation.keys.RsaKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** The published test keys in src/test/resources/hearth/federation/signature (see SOURCES.md there). */
final class SpecKeys {

    private SpecKeys() {
    }

    /** The PEM text of a resource in this package's resource folder. */
    static String pem(String name) {
        try (InputStream in = SpecKeys.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PublicKey cavageTest() {
        return RsaKeys.parsePublicPem(pem("cavage-12-test.pub.pem"));
    }

    static PrivateKey cavageTestPrivate() {
        return RsaKeys.parsePrivatePem(pem("cavage-12-test.key.pem"));
    }

    /** {@code test-key-rsa}, a PKCS#1 public key. */
    static PublicKey rsa() {
        return RsaKeys.parsePublicPem(pem("rfc9421-test-key-rsa.pub.pem"));
    }

    static PrivateKey rsaPrivate() {
        return RsaKeys.parsePrivatePem(pem("rfc9421-test-key-rsa.key.pem"));
    }

    static PublicKey rsaPss() {
        return RsaKeys.parsePublicPem(pem("rfc9421-test-key-rsa-pss.pub.pem"));
    }

    static PublicKey eccP256() {
        return publicKey("EC", "rfc9421-test-key-ecc-p256.pub.pem");
    }

    static PublicKey ed25519() {
        return publicKey("Ed25519", "rfc9421-test-key-ed25519.pub.pem");
    }

    static PrivateKey ed25519Private() {
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(der(pem("rfc9421-test-key-ed25519.key.pem"))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code test-shared-secret} of RFC 9421 Appendix B.1.5. */
    static byte[] sharedSecret() {
        return Base64.getDecoder().decode(
                "uzvJfB4u3N0Jy4T7NZ75MDVcr8zSTInedJtkgcu46YW4XByzNJjxBdtjUkdJPBtbmHhIDi6pcl8jsasjlTMtDQ==");
    }

    private static PublicKey publicKey(String algorithm, String resource) {
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der(pem(resource))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] der(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s+", "");
        return Base64.getDecoder().decode(base64);
    }
}
