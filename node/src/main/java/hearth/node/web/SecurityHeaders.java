package hearth.node.web;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers on every response: nothing third-party may load, nothing may frame us, no
 * referrer leaves, and pages are not kept in shared caches (a shared device must not
 * reveal what she read).
 */
final class SecurityHeaders {

    static final String CSP = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            "font-src 'self'",
            "connect-src 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'");

    private SecurityHeaders() {
    }

    // Names and values made once as ASCII strings: every answer carries them, and Vert.x then
    // neither validates nor encodes them again.
    private static final CharSequence[][] HEADERS = {
            optimized("Content-Security-Policy", CSP),
            optimized("Referrer-Policy", "no-referrer"),
            optimized("X-Content-Type-Options", "nosniff"),
            optimized("X-Frame-Options", "DENY"),
            optimized("Cross-Origin-Opener-Policy", "same-origin"),
            optimized("Cross-Origin-Resource-Policy", "same-origin"),
            optimized("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")};

    private static CharSequence[] optimized(String name, String value) {
        return new CharSequence[] {HttpHeaders.createOptimized(name), HttpHeaders.createOptimized(value)};
    }

    static void apply(RoutingContext ctx) {
        MultiMap h = ctx.response().headers();
        for (CharSequence[] header : HEADERS) {
            h.set(header[0], header[1]);
        }
        ctx.next();
    }
}
