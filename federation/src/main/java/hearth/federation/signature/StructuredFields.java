package hearth.federation.signature;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of RFC 8941 (Structured Field Values) that Signature-Input, Signature and
 * Content-Digest need: parsing a Dictionary ({@link StructuredFieldWriter} writes them back).
 *
 * <p>Bare values are {@link Long} (Integer), {@link BigDecimal} (Decimal), {@link String},
 * {@link Token}, {@code byte[]} (Byte Sequence) or {@link Boolean}. Parameters and dictionary
 * members keep their order. Parse errors are {@link IllegalArgumentException}s. Stateless.
 */
final class StructuredFields {

    /** A Token (an unquoted word such as {@code sha-256} or {@code application/json}). */
    record Token(String text) {
    }

    /** An Item: a bare value with parameters. */
    record Item(Object value, Map<String, Object> params) {
    }

    /** A Dictionary member: a bare value or an Inner List ({@code List<Item>}), with parameters. */
    record Member(Object value, Map<String, Object> params) {
    }

    private final String in;
    private int pos;

    private StructuredFields(String in) {
        this.in = in;
    }

    /** Parses a Dictionary field value (already combined from all lines with ", "). */
    static Map<String, Member> parseDictionary(String value) {
        // RFC 8941 section 4.2: leading and trailing spaces are not part of the value.
        return new StructuredFields(value.strip()).dictionary();
    }

    private Map<String, Member> dictionary() {
        Map<String, Member> out = new LinkedHashMap<>();
        skipSpaces();
        while (pos < in.length()) {
            String key = key();
            Member member;
            if (peek() == '=') {
                pos++;
                if (peek() == '(') {
                    List<Item> items = innerList();
                    member = new Member(items, params());
                } else {
                    Object bare = bare();
                    member = new Member(bare, params());
                }
            } else {
                member = new Member(Boolean.TRUE, params());
            }
            out.put(key, member);
            skipOws();
            if (pos >= in.length()) {
                return out;
            }
            expect(',');
            skipOws();
            if (pos >= in.length()) {
                throw fail("trailing comma");
            }
        }
        return out;
    }

    private List<Item> innerList() {
        expect('(');
        List<Item> items = new ArrayList<>();
        while (pos < in.length()) {
            skipSpaces();
            if (peek() == ')') {
                pos++;
                return items;
            }
            Object bare = bare();
            items.add(new Item(bare, params()));
            char next = peek();
            if (next != ' ' && next != ')') {
                throw fail("inner list");
            }
        }
        throw fail("unterminated inner list");
    }

    private Map<String, Object> params() {
        Map<String, Object> out = new LinkedHashMap<>();
        while (peek() == ';') {
            pos++;
            skipSpaces();
            String key = key();
            Object value = Boolean.TRUE;
            if (peek() == '=') {
                pos++;
                value = bare();
            }
            out.put(key, value);
        }
        return out;
    }

    private String key() {
        int start = pos;
        char first = peek();
        if (!(first >= 'a' && first <= 'z') && first != '*') {
            throw fail("key");
        }
        pos++;
        while (pos < in.length()) {
            char c = in.charAt(pos);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || c == '*') {
                pos++;
            } else {
                break;
            }
        }
        return in.substring(start, pos);
    }

    private Object bare() {
        char c = peek();
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
        } else if (c == '"') {
            return string();
        } else if (c == ':') {
            return bytes();
        } else if (c == '?') {
            pos++;
            char b = peek();
            pos++;
            if (b == '1' || b == '0') {
                return b == '1';
            }
            throw fail("boolean");
        } else if (c == '*' || isAlpha(c)) {
            return token();
        }
        throw fail("item");
    }

    private Object number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        int digitsStart = pos;
        int dot = -1;
        while (pos < in.length()) {
            char c = in.charAt(pos);
            if (c >= '0' && c <= '9') {
                pos++;
            } else if (c == '.' && dot < 0) {
                dot = pos++;
            } else {
                break;
            }
        }
        String text = in.substring(start, pos);
        if (dot < 0) {
            if (pos == digitsStart || pos - digitsStart > 15) {
                throw fail("integer");
            }
            return Long.parseLong(text);
        }
        int whole = dot - digitsStart;
        int fraction = pos - dot - 1;
        if (whole < 1 || whole > 12 || fraction < 1 || fraction > 3) {
            throw fail("decimal");
        }
        return new BigDecimal(text);
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (pos < in.length()) {
            char c = in.charAt(pos++);
            if (c == '\\') {
                char escaped = peek();
                pos++;
                if (escaped != '"' && escaped != '\\') {
                    throw fail("escape");
                }
                out.append(escaped);
            } else if (c == '"') {
                return out.toString();
            } else if (c < 0x20 || c > 0x7e) {
                throw fail("string character");
            } else {
                out.append(c);
            }
        }
        throw fail("unterminated string");
    }

    private Token token() {
        int start = pos++;
        while (pos < in.length() && (isTchar(in.charAt(pos)) || in.charAt(pos) == ':' || in.charAt(pos) == '/')) {
            pos++;
        }
        return new Token(in.substring(start, pos));
    }

    private byte[] bytes() {
        expect(':');
        int end = in.indexOf(':', pos);
        if (end < 0) {
            throw fail("unterminated byte sequence");
        }
        String base64 = in.substring(pos, end);
        pos = end + 1;
        return Base64.getDecoder().decode(base64);
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isTchar(char c) {
        return isAlpha(c) || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    private char peek() {
        return pos < in.length() ? in.charAt(pos) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw fail("expected '" + c + "'");
        }
        pos++;
    }

    private void skipSpaces() {
        while (peek() == ' ') {
            pos++;
        }
    }

    private void skipOws() {
        while (peek() == ' ' || peek() == '\t') {
            pos++;
        }
    }

    private IllegalArgumentException fail(String what) {
        return new IllegalArgumentException("structured field: bad " + what + " at " + pos);
    }
}
