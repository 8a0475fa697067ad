package hearth.federation.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Ed25519KeysTest {

    private static final HexFormat HEX = HexFormat.of();

    /** RFC 8032, section 7.1, TEST 1: secret key, public key, empty message, signature. */
    private static final String RFC8032_SECRET = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private static final String RFC8032_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private static final String RFC8032_SIGNATURE = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
            + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    /** PKCS#8 v1 wrapping of a 32-byte Ed25519 seed (RFC 8410, section 7). */
    private static byte[] pkcs8(String seedHex) {
        return HEX.parseHex("302e020100300506032b657004220420" + seedHex);
    }

    @Test
    void rfc8032TestOneSignsAndVerifies() throws Exception {
        PrivateKey secret = Ed25519Keys.privateFromBytes(pkcs8(RFC8032_SECRET));
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(secret);
        assertEquals(RFC8032_SIGNATURE, HEX.formatHex(signer.sign()));

        PublicKey publicKey = Ed25519Keys.publicFromRaw(HEX.parseHex(RFC8032_PUBLIC));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey);
        assertTrue(verifier.verify(HEX.parseHex(RFC8032_SIGNATURE)));
        assertEquals(RFC8032_PUBLIC, HEX.formatHex(Ed25519Keys.rawPublic(publicKey)));
    }

    @Test
    void generatedKeysAreDistinctAndUsable() throws Exception {
        KeyPair one = Ed25519Keys.generate();
        KeyPair two = Ed25519Keys.generate();
        assertNotEquals(HEX.formatHex(Ed25519Keys.rawPublic(one.getPublic())),
                HEX.formatHex(Ed25519Keys.rawPublic(two.getPublic())));
        byte[] message = "hello".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(one.getPrivate());
        signer.update(message);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(one.getPublic());
        verifier.update(message);
        assertTrue(verifier.verify(signer.sign()));
    }

    @Test
    void rawPublicIs32BytesAndRoundTrips() {
        PublicKey key = Ed25519Keys.generate().getPublic();
        byte[] raw = Ed25519Keys.rawPublic(key);
        assertEquals(32, raw.length);
        assertEquals(key, Ed25519Keys.publicFromRaw(raw));
    }

    @Test
    void privateKeyRoundTripsThroughStorageBytes() {
        PrivateKey key = Ed25519Keys.generate().getPrivate();
        byte[] stored = Ed25519Keys.privateToBytes(key);
        assertArrayEquals(stored, Ed25519Keys.privateToBytes(Ed25519Keys.privateFromBytes(stored)));
    }

    @Test
    void rejectsRawPublicKeyOfWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> Ed25519Keys.publicFromRaw(new byte[31]));
    }

    @Test
    void rejectsRsaPublicKey() throws Exception {
        PublicKey rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic();
        assertThrows(IllegalArgumentException.class, () -> Ed25519Keys.rawPublic(rsa));
    }

    @Test
    void rejectsEd448PublicKey() throws Exception {
        PublicKey ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair().getPublic();
        assertThrows(IllegalArgumentException.class, () -> Ed25519Keys.rawPublic(ed448));
    }

    @Test
    void rejectsRsaPrivateKeyForStorage() throws Exception {
        PrivateKey rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        assertThrows(IllegalArgumentException.class, () -> Ed25519Keys.privateToBytes(rsa));
    }

    @Test
    void rejectsEd448PrivateKeyBytes() throws Exception {
        byte[] ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair().getPrivate().getEncoded();
        assertThrows(IllegalArgumentException.class, () -> Ed25519Keys.privateFromBytes(ed448));
    }

    @Test
    void rejectsGarbagePrivateKeyBytes() {
        assertThrows(IllegalArgumentException.class, () -> Ed25519Keys.privateFromBytes(new byte[] {1, 2, 3}));
    }
}
