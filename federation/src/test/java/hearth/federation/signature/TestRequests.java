package hearth.federation.signature;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds {@link SignedRequest}s from header lines as they would appear on the wire. */
final class TestRequests {

    private TestRequests() {
    }

    /** A request with the given body (UTF-8, or {@code null} for none) and "Name: value" lines. */
    static SignedRequest request(String method, String uri, String body, String... headerLines) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line : headerLines) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).strip());
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return new SignedRequest(method, URI.create(uri), headers, bytes);
    }

    /** The same request with one more header, or with its lines for {@code name} replaced. */
    static SignedRequest withHeader(SignedRequest request, String name, String... values) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(request.headers());
        headers.remove(name);
        if (values.length > 0) {
            headers.put(name, List.of(values));
        }
        return new SignedRequest(request.method(), request.uri(), headers, request.body());
    }

    /** The same request without the named header. */
    static SignedRequest without(SignedRequest request, String name) {
        return withHeader(request, name);
    }

    /** The same request with another body. */
    static SignedRequest withBody(SignedRequest request, String body) {
        return new SignedRequest(request.method(), request.uri(), request.headers(),
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** A request carrying the signer's headers on top of the given lines. */
    static SignedRequest signed(String method, String uri, String body, Map<String, String> added,
                                String... headerLines) {
        SignedRequest request = request(method, uri, body, headerLines);
        for (Map.Entry<String, String> e : added.entrySet()) {
            request = withHeader(request, e.getKey(), e.getValue());
        }
        return request;
    }
}
