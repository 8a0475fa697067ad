package hearth.bench.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One HTTP/1.1 response: its status, its header block as received, and its body if the
 * caller asked to keep it (otherwise empty). Headers are looked up on demand, so a load
 * generator that only needs the status pays for nothing else. Immutable.
 *
 * @param status the status code
 * @param head   the header lines after the status line, as bytes (ISO-8859-1)
 * @param body   the body (chunked bodies decoded), or empty if not kept
 */
public record HttpResponse(int status, byte[] head, byte[] body) {

    /** The first value of a header (name in any case), or null. */
    public String header(String name) {
        List<String> values = headers(name);
        return values.isEmpty() ? null : values.getFirst();
    }

    /** Every value of a header, in the order received (e.g. several Set-Cookie). */
    public List<String> headers(String name) {
        List<String> values = new ArrayList<>(1);
        for (String[] pair : pairs()) {
            if (pair[0].equalsIgnoreCase(name)) {
                values.add(pair[1]);
            }
        }
        return values;
    }

    /** Every header as name and value, in the order received. */
    public List<String[]> pairs() {
        List<String[]> out = new ArrayList<>();
        for (String line : new String(head, StandardCharsets.ISO_8859_1).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                out.add(new String[] {line.substring(0, colon).strip(), line.substring(colon + 1).strip()});
            }
        }
        return out;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
