package hearth.federation.proof;

import java.math.BigInteger;

/**
 * Base58 with the Bitcoin alphabet ("base58btc"), the encoding behind multibase's {@code z}
 * prefix. Leading zero bytes become leading '1's and back. Inputs here are tens of bytes, so a
 * BigInteger conversion is plenty; since it takes time quadratic in the length, text longer than
 * {@value #MAX_DECODED_LENGTH} characters is refused before decoding. Stateless and thread-safe.
 */
final class Base58 {

    /**
     * The longest text decoded: ample for a Multikey (47 characters) or a signature (88), while a
     * megabyte of digits from a hostile peer would otherwise keep a thread busy for an hour.
     */
    static final int MAX_DECODED_LENGTH = 256;

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);

    private Base58() {
    }

    static String encode(byte[] bytes) {
        int zeros = 0;
        while (zeros < bytes.length && bytes[zeros] == 0) {
            zeros++;
        }
        StringBuilder out = new StringBuilder();
        BigInteger value = new BigInteger(1, bytes);
        while (value.signum() > 0) {
            BigInteger[] quotientAndRemainder = value.divideAndRemainder(BASE);
            out.append(ALPHABET.charAt(quotientAndRemainder[1].intValue()));
            value = quotientAndRemainder[0];
        }
        out.append("1".repeat(zeros));
        return out.reverse().toString();
    }

    /**
     * The bytes, or {@link IllegalArgumentException} for a character outside the alphabet or text
     * longer than {@value #MAX_DECODED_LENGTH} characters.
     */
    static byte[] decode(String text) {
        if (text.length() > MAX_DECODED_LENGTH) {
            throw new IllegalArgumentException("base58btc text longer than " + MAX_DECODED_LENGTH + " characters");
        }
        int zeros = 0;
        while (zeros < text.length() && text.charAt(zeros) == '1') {
            zeros++;
        }
        BigInteger value = BigInteger.ZERO;
        for (int i = zeros; i < text.length(); i++) {
            int digit = ALPHABET.indexOf(text.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("not base58btc: " + text.charAt(i));
            }
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
        // toByteArray may add a sign byte; it is never part of the payload.
        int skip = magnitude.length > 0 && magnitude[0] == 0 ? 1 : 0;
        byte[] out = new byte[zeros + magnitude.length - skip];
        System.arraycopy(magnitude, skip, out, zeros, magnitude.length - skip);
        return out;
    }

    /** Decodes a multibase base58btc value ({@code z...}). */
    static byte[] decodeMultibase(String multibase) {
        if (multibase == null || multibase.length() < 2 || multibase.charAt(0) != 'z') {
            throw new IllegalArgumentException("not a base58btc multibase value");
        }
        return decode(multibase.substring(1));
    }

    static String encodeMultibase(byte[] bytes) {
        return "z" + encode(bytes);
    }
}
