package hearth.federation.signature;

import hearth.federation.signature.SignatureProblem.Kind;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the parameter list of a draft-cavage {@code Signature} header:
 * {@code keyId="…",algorithm="rsa-sha256",headers="…",signature="…"}, where {@code created}
 * and {@code expires} may also appear unquoted. Values are taken verbatim (the draft defines
 * no escapes). A repeated parameter or garbled syntax is a {@link Kind#MALFORMED} problem.
 * Stateless.
 */
final class CavageParams {

    private CavageParams() {
    }

    /** The parameters by their case-sensitive names. */
    static Map<String, String> parse(String header) {
        Map<String, String> params = new HashMap<>();
        int pos = 0;
        int length = header.length();
        while (true) {
            pos = skip(header, pos, " \t,");
            if (pos >= length) {
                return params;
            }
            int nameStart = pos;
            while (pos < length && isNameChar(header.charAt(pos))) {
                pos++;
            }
            if (pos == nameStart) {
                throw malformed();
            }
            String name = header.substring(nameStart, pos);
            pos = skip(header, pos, " \t");
            if (pos >= length || header.charAt(pos) != '=') {
                throw malformed();
            }
            pos = skip(header, pos + 1, " \t");
            String value;
            if (pos < length && header.charAt(pos) == '"') {
                int end = header.indexOf('"', pos + 1);
                if (end < 0) {
                    throw malformed();
                }
                value = header.substring(pos + 1, end);
                pos = end + 1;
                int next = skip(header, pos, " \t");
                if (next < length && header.charAt(next) != ',') {
                    throw malformed();
                }
            } else {
                int end = header.indexOf(',', pos);
                end = end < 0 ? length : end;
                value = header.substring(pos, end).strip();
                pos = end;
            }
            if (params.put(name, value) != null) {
                throw malformed();
            }
        }
    }

    /** A {@code created} or {@code expires} value: Unix seconds, a fraction being ignored. */
    static long seconds(String value) {
        int dot = value.indexOf('.');
        String whole = dot < 0 ? value : value.substring(0, dot);
        if (whole.isEmpty() || whole.length() > 12) {
            throw malformed();
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9') && i != dot) {
                throw malformed();
            }
        }
        return Long.parseLong(whole);
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static int skip(String s, int pos, String chars) {
        while (pos < s.length() && chars.indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
        return pos;
    }

    private static SignatureProblem malformed() {
        return new SignatureProblem(Kind.MALFORMED);
    }
}
