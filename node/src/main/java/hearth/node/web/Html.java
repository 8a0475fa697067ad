package hearth.node.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/** Sends pages and redirects. Pages are never stored by caches: a shared device must not keep what she read. */
final class Html {

    private Html() {
    }

    static void send(RoutingContext ctx, int status, byte[] page) {
        ReaderPages.keep(ctx, status, page);
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(Buffer.buffer(page));
    }

    static void ok(RoutingContext ctx, byte[] page) {
        send(ctx, 200, page);
    }

    /** 303 See Other: after a form post the browser fetches the result with GET, so reloading never posts twice. */
    static void seeOther(RoutingContext ctx, String location) {
        ctx.response()
                .setStatusCode(303)
                .putHeader("Location", location)
                .putHeader("Cache-Control", "no-store")
                .end();
    }
}
