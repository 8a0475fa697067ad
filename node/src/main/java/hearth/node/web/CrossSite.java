package hearth.node.web;

import io.vertx.core.http.HttpServerRequest;

/**
 * Refuses requests a browser says were started by another site, before any form is read.
 *
 * <p>A second lock beside the per-form tokens: the {@code Sec-Fetch-Site} header is set by the
 * browser and cannot be forged by a page, so a form on another site (a sandboxed frame on one
 * included) is turned away even if it somehow carries a valid token, and even on forms whose
 * token is not bound to a session (signing in, anonymous preferences). Requests without the
 * header (older browsers, servers, tests) fall back to the tokens alone. Neither {@code Origin}
 * nor {@code Host} is compared: with Hearth's {@code Referrer-Policy: no-referrer} browsers send
 * {@code Origin: null} on her own forms, and a reverse proxy may rewrite {@code Host}.
 * Stateless and thread-safe.
 */
final class CrossSite {

    private CrossSite() {
    }

    /** True when the browser reports that another site made this request. */
    static boolean fromAnotherSite(HttpServerRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        return "cross-site".equalsIgnoreCase(site) || "same-site".equalsIgnoreCase(site);
    }
}
