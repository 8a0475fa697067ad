package hearth.federation.proof;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON Canonicalization Scheme (RFC 8785): one exact byte form for a JSON value, so that a
 * signature made by one implementation verifies in another.
 *
 * <pre>{@code
 * byte[] bytes = Jcs.canonicalBytes(mapper.readTree("{\"b\":1,\"a\":[1.50,true]}"));
 * // {"a":[1.5,true],"b":1}
 * }</pre>
 *
 * <p>Properties are sorted by UTF-16 code units, numbers are written as ECMAScript writes a
 * double, and strings escape only what JSON requires. Values that have no I-JSON form are
 * refused with {@link IllegalArgumentException}: NaN and infinities, integers beyond 2^53 (a
 * double would silently change them), strings with unpaired surrogates, and non-JSON nodes
 * (binary, POJO, missing). Stateless and thread-safe.
 */
public final class Jcs {

    private static final BigInteger MAX_SAFE = BigInteger.TWO.pow(53);

    private Jcs() {
    }

    /** The canonical form as text; {@link #canonicalBytes} gives the UTF-8 bytes to hash. */
    public static String canonicalize(JsonNode value) {
        Objects.requireNonNull(value, "value");
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    /** The canonical form encoded as UTF-8, ready to hash or sign. */
    public static byte[] canonicalBytes(JsonNode value) {
        return canonicalize(value).getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, out);
            case ARRAY -> writeArray(node, out);
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> out.append(number(node));
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    private static void writeObject(JsonNode node, StringBuilder out) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.size());
        node.properties().forEach(members::add);
        // String.compareTo compares UTF-16 code units, which is exactly the order RFC 8785 asks for.
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(members.get(i).getKey(), out);
            out.append(':');
            write(members.get(i).getValue(), out);
        }
        out.append('}');
    }

    private static void writeArray(JsonNode node, StringBuilder out) {
        out.append('[');
        Iterator<JsonNode> elements = node.elements();
        boolean first = true;
        while (elements.hasNext()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            write(elements.next(), out);
        }
        out.append(']');
    }

    private static void writeString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException("unpaired surrogate at index " + i);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static String number(JsonNode node) {
        if (node.isIntegralNumber()) {
            BigInteger value = node.bigIntegerValue();
            if (value.abs().compareTo(MAX_SAFE) > 0) {
                throw new IllegalArgumentException("integer beyond 2^53 has no exact I-JSON form: " + value);
            }
            return value.toString();
        }
        return EcmaNumbers.toString(node.doubleValue());
    }
}
