package hearth.federation.signature;

import hearth.federation.signature.StructuredFields.Item;
import hearth.federation.signature.StructuredFields.Token;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Strict RFC 8941 serialization (section 4.1) of the values {@link StructuredFields} reads:
 * the one spelling a signer and a verifier must agree on for {@code @signature-params} and
 * component identifiers. Stateless.
 */
final class StructuredFieldWriter {

    private StructuredFieldWriter() {
    }

    /** Serializes an Inner List with its parameters, e.g. {@code ("@method" "date");created=1}. */
    static String innerList(List<Item> items, Map<String, Object> params) {
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            item(items.get(i), out);
        }
        out.append(')');
        params(params, out);
        return out.toString();
    }

    /** Appends an Item with its parameters, e.g. {@code "@query-param";name="Pet"}. */
    static void item(Item item, StringBuilder out) {
        bare(item.value(), out);
        params(item.params(), out);
    }

    private static void params(Map<String, Object> params, StringBuilder out) {
        for (Map.Entry<String, Object> p : params.entrySet()) {
            out.append(';').append(p.getKey());
            if (!Boolean.TRUE.equals(p.getValue())) {
                out.append('=');
                bare(p.getValue(), out);
            }
        }
    }

    private static void bare(Object value, StringBuilder out) {
        switch (value) {
            case Long l -> out.append(l);
            case BigDecimal d -> {
                BigDecimal rounded = d.setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros();
                out.append((rounded.scale() < 1 ? rounded.setScale(1) : rounded).toPlainString());
            }
            case String s -> {
                out.append('"');
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c == '"' || c == '\\') {
                        out.append('\\');
                    }
                    out.append(c);
                }
                out.append('"');
            }
            case Token t -> out.append(t.text());
            case byte[] b -> out.append(':').append(Base64.getEncoder().encodeToString(b)).append(':');
            case Boolean b -> out.append(b ? "?1" : "?0");
            default -> throw new IllegalArgumentException("not a structured field value: " + value);
        }
    }
}
