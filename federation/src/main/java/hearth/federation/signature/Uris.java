package hearth.federation.signature;

import java.net.URI;
import java.util.Locale;

/**
 * The parts of a request URI that signatures cover, normalized as RFC 9110 section 4.2.3
 * asks (lowercase scheme and host, no default port, "/" for an empty path) and otherwise
 * kept as sent: percent-encoding is never decoded. Stateless.
 */
final class Uris {

    private Uris() {
    }

    /** {@code https} */
    static String scheme(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT);
    }

    /** {@code a.example} or {@code a.example:8443}: the host as an HTTP client sends it in Host. */
    static String authority(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            // Not a server-based authority (say, a name with "_"): keep it as written.
            return uri.getRawAuthority().toLowerCase(Locale.ROOT);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1
                || (port == 443 && "https".equals(scheme(uri)))
                || (port == 80 && "http".equals(scheme(uri)));
        String lower = host.toLowerCase(Locale.ROOT);
        return defaultPort ? lower : lower + ":" + port;
    }

    /** {@code /inbox}, never empty. */
    static String path(URI uri) {
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** {@code ?a=1}, or {@code ?} alone when there is no query (RFC 9421 section 2.2.7). */
    static String query(URI uri) {
        String query = uri.getRawQuery();
        return query == null ? "?" : "?" + query;
    }

    /** The origin-form request target: {@code /inbox?a=1}, or {@code /inbox} with no query. */
    static String requestTarget(URI uri) {
        String query = uri.getRawQuery();
        return query == null ? path(uri) : path(uri) + "?" + query;
    }

    /** {@code https://a.example/inbox?a=1}: the target URI without any fragment. */
    static String targetUri(URI uri) {
        return scheme(uri) + "://" + authority(uri) + requestTarget(uri);
    }
}
