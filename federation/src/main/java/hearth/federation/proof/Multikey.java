package hearth.federation.proof;

import java.util.Arrays;
import java.util.Objects;

/**
 * Ed25519 public keys as Multikey {@code publicKeyMultibase} values: the multicodec prefix
 * 0xed 0x01 and the 32 raw key bytes, base58btc-encoded behind a {@code z}. Such values start
 * with {@code z6Mk}.
 *
 * <pre>{@code
 * String multibase = Multikey.encodeEd25519(Ed25519Keys.rawPublic(pair.getPublic()));
 * byte[] raw = Multikey.decodeEd25519(multibase);
 * }</pre>
 * Stateless and thread-safe.
 */
public final class Multikey {

    private static final byte[] ED25519_PUB = {(byte) 0xed, 0x01};
    private static final int KEY_LENGTH = 32;

    private Multikey() {
    }

    /** Encodes a raw 32-byte Ed25519 public key. */
    public static String encodeEd25519(byte[] rawPublicKey32) {
        Objects.requireNonNull(rawPublicKey32, "rawPublicKey32");
        if (rawPublicKey32.length != KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + rawPublicKey32.length);
        }
        byte[] prefixed = Arrays.copyOf(ED25519_PUB, ED25519_PUB.length + KEY_LENGTH);
        System.arraycopy(rawPublicKey32, 0, prefixed, ED25519_PUB.length, KEY_LENGTH);
        return Base58.encodeMultibase(prefixed);
    }

    /**
     * The raw 32-byte key of a Multikey value; {@link IllegalArgumentException} when the value is
     * not base58btc multibase, names another key type, or has the wrong length.
     */
    public static byte[] decodeEd25519(String multibase) {
        Objects.requireNonNull(multibase, "multibase");
        byte[] decoded = Base58.decodeMultibase(multibase);
        if (decoded.length != ED25519_PUB.length + KEY_LENGTH
                || decoded[0] != ED25519_PUB[0] || decoded[1] != ED25519_PUB[1]) {
            throw new IllegalArgumentException("not an Ed25519 Multikey");
        }
        return Arrays.copyOfRange(decoded, ED25519_PUB.length, decoded.length);
    }
}
