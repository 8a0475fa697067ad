package hearth.federation.signature;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the signature layer needs of an inbound (or outbound) HTTP request.
 *
 * <p>{@code uri} is the full URI the request was sent to, as the sender saw it: scheme,
 * public host name, path and query (behind a reverse proxy, the node rebuilds it from its
 * public base URL, not from the loopback address it listens on). {@code headers} holds every
 * header line in arrival order per name; names are matched case-insensitively, and the
 * record keeps a case-insensitive, unmodifiable copy. {@code body} is the raw body, empty
 * for none, never {@code null}; it is not copied, so do not change it afterwards.
 *
 * <pre>{@code
 * SignedRequest request = new SignedRequest("POST", URI.create("https://h.example/inbox"),
 *         Map.of("Host", List.of("h.example"), "Signature", List.of(sig)), bodyBytes);
 * }</pre>
 *
 * <p>Immutable as long as the body array is left alone; safe to share across threads.
 */
public record SignedRequest(String method, URI uri, Map<String, List<String>> headers, byte[] body) {

    /** Checks the arguments and takes a case-insensitive copy of the headers. */
    public SignedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body (use an empty array for none)");
        if (method.isEmpty()) {
            throw new IllegalArgumentException("method is empty");
        }
        if (!uri.isAbsolute() || uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("uri must be absolute with an authority: " + uri);
        }
        headers = caseInsensitiveCopy(headers);
    }

    private static Map<String, List<String>> caseInsensitiveCopy(Map<String, List<String>> headers) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            Objects.requireNonNull(e.getKey(), "header name");
            List<String> values = e.getValue() == null ? List.of() : e.getValue();
            // "Host" and "host" may both be keys of a plain map: keep every line of both.
            copy.merge(e.getKey(), List.copyOf(values), (a, b) -> {
                List<String> both = new ArrayList<>(a);
                both.addAll(b);
                return List.copyOf(both);
            });
        }
        return Collections.unmodifiableMap(copy);
    }

    /** Every line of the named header in arrival order; empty if absent. */
    public List<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null ? List.of() : values;
    }

    /**
     * The header's lines trimmed and joined with {@code ", "} (RFC 9110 section 5.3), or empty
     * if the request has no such header.
     */
    public Optional<String> combined(String name) {
        List<String> values = header(name);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() == 1) {
            return Optional.of(values.get(0).strip());
        }
        StringBuilder out = new StringBuilder();
        for (String value : values) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(value.strip());
        }
        return Optional.of(out.toString());
    }

    /** The first line of the named header, trimmed, or empty if absent. */
    public Optional<String> first(String name) {
        List<String> values = header(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0).strip());
    }

    /** True for methods that carry no body by definition (GET, HEAD). */
    boolean isRead() {
        return method.equalsIgnoreCase("GET") || method.equalsIgnoreCase("HEAD");
    }
}
