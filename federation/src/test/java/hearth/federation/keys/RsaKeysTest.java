package hearth.federation.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;

/** RSA keys and their PEM forms; the PKCS#1 test keys are RFC 9421 Appendix B.1.1 and draft-cavage-12 Appendix C. */
class RsaKeysTest {

    private static final KeyPair PAIR = RsaKeys.generate();

    @Test
    void generatesA2048BitKeyWithExponent65537() {
        RSAPublicKey key = (RSAPublicKey) PAIR.getPublic();

        assertEquals(2048, key.getModulus().bitLength());
        assertEquals(65537, key.getPublicExponent().intValueExact());
    }

    @Test
    void publicPemRoundTrips() {
        String pem = RsaKeys.publicPem(PAIR.getPublic());

        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertTrue(pem.endsWith("\n-----END PUBLIC KEY-----\n"));
        assertTrue(pem.lines().allMatch(line -> line.length() <= 64));
        assertEquals(PAIR.getPublic(), RsaKeys.parsePublicPem(pem));
    }

    @Test
    void privatePemRoundTripsAndStillSigns() throws Exception {
        String pem = RsaKeys.privatePem(PAIR.getPrivate());
        PrivateKey parsed = RsaKeys.parsePrivatePem(pem);

        assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----\n"));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(parsed);
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(PAIR.getPublic());
        verifier.update(new byte[] {1, 2, 3});
        assertTrue(verifier.verify(signature));
    }

    @Test
    void readsPkcs1PublicKeys() {
        PublicKey fromPkcs1 = RsaKeys.parsePublicPem(resource("rfc9421-test-key-rsa.pub.pem"));
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) RsaKeys.parsePrivatePem(resource("rfc9421-test-key-rsa.key.pem"));

        assertEquals(privateKey.getModulus(), ((RSAPublicKey) fromPkcs1).getModulus());
        assertEquals(privateKey.getPublicExponent(), ((RSAPublicKey) fromPkcs1).getPublicExponent());
    }

    @Test
    void readsPkcs1PrivateKeysThatMatchTheirSpkiPublicKey() {
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) RsaKeys.parsePrivatePem(resource("cavage-12-test.key.pem"));
        RSAPublicKey publicKey = (RSAPublicKey) RsaKeys.parsePublicPem(resource("cavage-12-test.pub.pem"));

        assertEquals(publicKey.getModulus(), privateKey.getModulus());
    }

    @Test
    void toleratesCarriageReturnsAndIndentation() {
        String pem = RsaKeys.publicPem(PAIR.getPublic()).replace("\n", "\r\n    ");

        assertEquals(PAIR.getPublic(), RsaKeys.parsePublicPem(pem));
    }

    @Test
    void refusesAnEd25519PublicKey() {
        assertThrows(IllegalArgumentException.class,
                () -> RsaKeys.parsePublicPem(resource("rfc9421-test-key-ed25519.pub.pem")));
    }

    @Test
    void refusesTextThatIsNotPem() {
        assertThrows(IllegalArgumentException.class, () -> RsaKeys.parsePublicPem("ssh-rsa AAAAB3NzaC1yc2E"));
    }

    @Test
    void refusesAPrivateKeyWhereAPublicKeyIsExpected() {
        assertThrows(IllegalArgumentException.class,
                () -> RsaKeys.parsePublicPem(RsaKeys.privatePem(PAIR.getPrivate())));
    }

    @Test
    void refusesGarbageInsideThePemBlock() {
        assertThrows(IllegalArgumentException.class,
                () -> RsaKeys.parsePublicPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"));
    }

    @Test
    void refusesEncryptedPrivateKeys() {
        assertThrows(IllegalArgumentException.class, () -> RsaKeys.parsePrivatePem(
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0w\n-----END ENCRYPTED PRIVATE KEY-----\n"));
    }

    @Test
    void refusesAnEmptyPemBlock() {
        assertThrows(IllegalArgumentException.class,
                () -> RsaKeys.parsePublicPem("-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n"));
    }

    /** The published test keys live with the signature tests' resources. */
    private static String resource(String name) {
        try (InputStream in = RsaKeysTest.class.getResourceAsStream("/hearth/federation/signature/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
