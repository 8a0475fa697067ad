package hearth.bench.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * HTTP/1.1 requests as bytes, built once and sent many times. They carry what matters to
 * the node and nothing else: no {@code Accept-Encoding}, so pages are measured uncompressed
 * (as wrk does), and no user agent, which the node never reads. Stateless.
 */
public final class Requests {

    private Requests() {
    }

    /**
     * A GET.
     *
     * @param host   the Host header, e.g. "127.0.0.1:8080"
     * @param path   the path and query
     * @param cookie the Cookie header's value, or null
     */
    public static byte[] get(String host, String path, String cookie) {
        StringBuilder request = start("GET", host, path, cookie);
        return request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A form POST ({@code application/x-www-form-urlencoded}) of the fields in their map order. */
    public static byte[] postForm(String host, String path, String cookie, Map<String, String> fields) {
        byte[] body = formBody(fields);
        StringBuilder request = start("POST", host, path, cookie)
                .append("Content-Type: application/x-www-form-urlencoded\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] head = request.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + body.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    static byte[] formBody(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return body.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static StringBuilder start(String method, String host, String path, String cookie) {
        if (!path.startsWith("/") || path.contains("\r") || path.contains("\n") || path.contains(" ")) {
            throw new IllegalArgumentException("not a request path: " + path);
        }
        StringBuilder request = new StringBuilder(256)
                .append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n")
                .append("Accept: text/html\r\n");
        if (cookie != null && !cookie.isEmpty()) {
            request.append("Cookie: ").append(cookie).append("\r\n");
        }
        return request;
    }
}
