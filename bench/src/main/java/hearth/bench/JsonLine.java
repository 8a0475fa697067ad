package hearth.bench;

import java.util.Locale;

/**
 * The one-line JSON object a benchmark ends with: {@code "bench"} first, then its figures in
 * the order they are put, then the size and the machine's cores and JDK.
 *
 * <pre>{@code
 * out.println(new JsonLine("thread-page").put("rps", 4120).put("p50_ms", 0.93, 2).finish(Size.FULL));
 * }</pre>
 *
 * Not thread-safe.
 */
public final class JsonLine {

    private final StringBuilder json = new StringBuilder("{");

    public JsonLine(String bench) {
        put("bench", bench);
    }

    public JsonLine put(String key, String value) {
        key(key);
        quote(value);
        return this;
    }

    public JsonLine put(String key, long value) {
        key(key);
        json.append(value);
        return this;
    }

    /** A number rounded to {@code decimals} places. */
    public JsonLine put(String key, double value, int decimals) {
        key(key);
        json.append(Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "null");
        return this;
    }

    public JsonLine put(String key, boolean value) {
        key(key);
        json.append(value);
        return this;
    }

    /** Adds size, cores and JDK, and closes the object. */
    public String finish(Size size) {
        put("size", size.label());
        put("cores", Machine.cores());
        put("jdk", Machine.jdk());
        return json.append('}').toString();
    }

    private void key(String key) {
        if (json.length() > 1) {
            json.append(',');
        }
        quote(key);
        json.append(':');
    }

    private void quote(String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
