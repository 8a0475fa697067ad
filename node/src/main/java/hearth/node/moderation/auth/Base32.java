package hearth.node.moderation.auth;

import java.io.ByteArrayOutputStream;

/**
 * RFC 4648 base32 (the {@code A-Z2-7} alphabet), the form authenticator apps expect for TOTP
 * secrets.
 *
 * <pre>{@code
 * String text = Base32.encode(secret);      // "JBSWY3DPEHPK3PXP", never padded
 * byte[] back = Base32.decode("jbswy3dp ehpk3pxp".replace(" ", ""));
 * }</pre>
 *
 * <p>Output carries no padding; input may be in either case and may carry trailing {@code =}
 * padding. Stateless and thread-safe.
 */
public final class Base32 {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private Base32() {
    }

    /** Encodes bytes as upper-case base32 without padding. */
    public static String encode(byte[] data) {
        if (data == null) {
            throw new IllegalArgumentException("no data to encode");
        }
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                out.append(ALPHABET[(buffer >>> bits) & 31]);
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }

    /**
     * Decodes base32 text, ignoring case and trailing padding.
     *
     * @throws IllegalArgumentException for a character outside the alphabet (spaces included),
     *     padding anywhere but the end, or a length no encoder can produce
     */
    public static byte[] decode(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no base32 text");
        }
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '=') {
            end--;
        }
        // 1, 3 or 6 leftover characters would hold fewer than 8 bits of a byte that never existed.
        int rest = end % 8;
        if (rest == 1 || rest == 3 || rest == 6) {
            throw new IllegalArgumentException("base32 text has an impossible length");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(end * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < end; i++) {
            buffer = (buffer << 5) | valueOf(text.charAt(i));
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out.write((buffer >>> bits) & 0xff);
            }
        }
        return out.toByteArray();
    }

    private static int valueOf(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= '2' && c <= '7') {
            return c - '2' + 26;
        }
        throw new IllegalArgumentException("a character outside the base32 alphabet");
    }
}
