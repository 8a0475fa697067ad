package hearth.federation.keys;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAKey;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * RSA keys for HTTP Signatures, and their PEM form as it appears in an actor's
 * {@code publicKey.publicKeyPem}. PEM and ASN.1 are read and written by Bouncy Castle.
 *
 * <pre>{@code
 * KeyPair pair = RsaKeys.generate();
 * String pem = RsaKeys.publicPem(pair.getPublic());          // "-----BEGIN PUBLIC KEY-----\n..."
 * PublicKey remote = RsaKeys.parsePublicPem(actor.publicKeyPem());
 * }</pre>
 *
 * <p>Reads SPKI ({@code PUBLIC KEY}) and PKCS#1 ({@code RSA PUBLIC KEY}) public keys, PKCS#8
 * ({@code PRIVATE KEY}) and PKCS#1 ({@code RSA PRIVATE KEY}) private keys; writes SPKI and
 * PKCS#8. Anything else, including encrypted keys, is an {@link IllegalArgumentException}.
 * Stateless; safe from any thread.
 */
public final class RsaKeys {

    /** The key size {@link #generate()} uses, as Mastodon does. */
    public static final int BITS = 2048;

    private static final AlgorithmIdentifier RSA =
            new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE);

    private RsaKeys() {
    }

    /** A fresh 2048-bit key pair with public exponent 65537. */
    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(BITS, RSAKeyGenParameterSpec.F4));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK generates RSA keys", e);
        }
    }

    /** The SPKI PEM ({@code -----BEGIN PUBLIC KEY-----}) with 64-character lines and a final newline. */
    public static String publicPem(PublicKey key) {
        return pem("PUBLIC KEY", requireRsa(key).getEncoded());
    }

    /** The unencrypted PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}); keep it secret. */
    public static String privatePem(PrivateKey key) {
        return pem("PRIVATE KEY", requireRsa(key).getEncoded());
    }

    /** Reads an SPKI or PKCS#1 RSA public key PEM. */
    public static PublicKey parsePublicPem(String pem) {
        Object parsed = parse(pem);
        try {
            SubjectPublicKeyInfo info;
            if (parsed instanceof SubjectPublicKeyInfo spki) {
                info = spki;
            } else if (parsed instanceof RSAPublicKey pkcs1) {
                info = new SubjectPublicKeyInfo(RSA, pkcs1);
            } else {
                throw new IllegalArgumentException("not an RSA public key PEM");
            }
            return requireRsa(new JcaPEMKeyConverter().getPublicKey(info));
        } catch (IOException | RuntimeException e) {
            throw e instanceof IllegalArgumentException iae ? iae : new IllegalArgumentException("unreadable RSA public key", e);
        }
    }

    /** Reads a PKCS#8 or PKCS#1 RSA private key PEM. */
    public static PrivateKey parsePrivatePem(String pem) {
        Object parsed = parse(pem);
        try {
            PrivateKeyInfo info;
            if (parsed instanceof PrivateKeyInfo pkcs8) {
                info = pkcs8;
            } else if (parsed instanceof PEMKeyPair pair) {
                info = pair.getPrivateKeyInfo();
            } else if (parsed instanceof RSAPrivateKey pkcs1) {
                info = new PrivateKeyInfo(RSA, pkcs1);
            } else {
                throw new IllegalArgumentException("not an RSA private key PEM");
            }
            return requireRsa(new JcaPEMKeyConverter().getPrivateKey(info));
        } catch (IOException | RuntimeException e) {
            throw e instanceof IllegalArgumentException iae ? iae : new IllegalArgumentException("unreadable RSA private key", e);
        }
    }

    private static Object parse(String pem) {
        Objects.requireNonNull(pem, "pem");
        // Some servers indent the key or end lines with CR LF; the parser wants neither.
        String tidy = pem.lines().map(String::strip).filter(l -> !l.isEmpty())
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        try (PEMParser parser = new PEMParser(new StringReader(tidy))) {
            Object object = parser.readObject();
            if (object == null) {
                throw new IllegalArgumentException("no PEM block found");
            }
            return object;
        } catch (IOException | RuntimeException e) {
            throw e instanceof IllegalArgumentException iae ? iae : new IllegalArgumentException("malformed PEM", e);
        }
    }

    private static String pem(String type, byte[] der) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new IllegalStateException("writing PEM to memory cannot fail", e);
        }
        return out.toString().replace("\r\n", "\n");
    }

    private static <K extends java.security.Key> K requireRsa(K key) {
        Objects.requireNonNull(key, "key");
        if (!(key instanceof RSAKey) || !"RSA".equals(key.getAlgorithm())) {
            throw new IllegalArgumentException("not an RSA key: " + key.getAlgorithm());
        }
        return key;
    }
}
