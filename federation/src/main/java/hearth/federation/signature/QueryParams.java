package hearth.federation.signature;

import hearth.federation.signature.SignatureProblem.Kind;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The {@code @query-param} component of RFC 9421 section 2.2.8: parse the query as
 * {@code application/x-www-form-urlencoded}, then re-encode name and value with every byte
 * outside {@code A-Z a-z 0-9 * - . _} percent-encoded (so a space becomes {@code %20}, as in
 * the RFC's examples). Stateless.
 */
final class QueryParams {

    private QueryParams() {
    }

    /**
     * The encoded value of the parameter whose encoded name is {@code encodedName}. A name
     * that is absent, or present more than once, cannot be signed.
     */
    static String value(URI uri, String encodedName) {
        String query = uri.getRawQuery();
        String found = null;
        int matches = 0;
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                if (encode(decode(name)).equals(encodedName)) {
                    found = encode(decode(value));
                    matches++;
                }
            }
        }
        if (matches == 0) {
            throw new SignatureProblem(Kind.ABSENT_HEADER, "@query-param");
        }
        if (matches > 1) {
            throw new SignatureProblem(Kind.MALFORMED);
        }
        return found;
    }

    /** Form decoding: "+" is a space, %XX a byte; a stray "%" stays as it is. */
    private static byte[] decode(String text) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            int hi = i + 2 < in.length ? Character.digit(in[i + 1], 16) : -1;
            int lo = i + 2 < in.length ? Character.digit(in[i + 2], 16) : -1;
            if (b == '+') {
                out.write(' ');
            } else if (b == '%' && hi >= 0 && lo >= 0) {
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int c = b & 0xff;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '*' || c == '-' || c == '.' || c == '_';
            if (plain) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
