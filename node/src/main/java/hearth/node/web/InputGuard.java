package hearth.node.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks on what arrives before any handler reads it: addresses and form bodies must be
 * well-formed UTF-8 once their percent escapes are decoded (otherwise the decoder would quietly
 * turn the bad bytes into replacement characters and store them), and text with no visible
 * character counts as empty. Stateless and thread-safe.
 */
final class InputGuard {

    private InputGuard() {
    }

    /**
     * True when {@code encoded} (a request target, a query string or an url-encoded body) is
     * valid UTF-8 after decoding its {@code %XX} escapes; a malformed escape is not.
     */
    static boolean wellFormed(byte[] encoded) {
        byte[] decoded = new byte[encoded.length];
        int n = 0;
        for (int i = 0; i < encoded.length; i++) {
            byte b = encoded[i];
            if (b == '%') {
                if (i + 2 >= encoded.length) {
                    return false;
                }
                int hi = Character.digit(encoded[i + 1], 16);
                int lo = Character.digit(encoded[i + 2], 16);
                if (hi < 0 || lo < 0) {
                    return false;
                }
                b = (byte) (hi << 4 | lo);
                i += 2;
            }
            decoded[n++] = b;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decoded, 0, n));
            return true;
        } catch (CharacterCodingException bad) {
            return false;
        }
    }

    /**
     * True when a request path tries to climb or hide its shape: dot segments, or encoded dots,
     * slashes, backslashes or NUL. No Hearth address has any of them (ids, circle names, file
     * names and language tags are plain), so such a path is simply not found.
     */
    static boolean climbs(String uri) {
        int query = uri.indexOf('?');
        String path = (query < 0 ? uri : uri.substring(0, query)).toLowerCase(java.util.Locale.ROOT);
        return path.contains("%2e") || path.contains("%2f") || path.contains("%5c") || path.contains("%00")
                || path.contains("\\") || path.contains("/../") || path.contains("/./") || path.endsWith("/..")
                || path.endsWith("/.");
    }

    static boolean wellFormed(String encoded) {
        // The request line reaches us as Latin-1 characters, one per byte.
        return wellFormed(encoded.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * {@code text}, or {@code ""} when it has nothing a reader could see (only spaces, controls,
     * bidi and zero-width format characters, Hangul fillers): such a title is no title.
     */
    static String visibleOrEmpty(String text) {
        // Plain whitespace is left as typed: the form shows it back and the size rules call it empty.
        if (text == null || text.isBlank()) {
            return text;
        }
        return text.codePoints().allMatch(InputGuard::invisible) ? "" : text;
    }

    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.FORMAT
                || type == Character.CONTROL || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0
                || c == 0x2800 || (c >= 0xFE00 && c <= 0xFE0F);
    }
}
