package hearth.node.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/** Sends pages and redirects. Pages are never stored by caches: a shared device must not keep what she read. */
final class Html {

    private Html() {
    }

    static void send(RoutingContext ctx, int status, byte[] page) {
        Buffer body = Buffer.buffer(page);
        ReaderPages.keep(ctx, status, body);
        send(ctx, status, body);
    }

    /** Sends a page already in a buffer; one buffer may be sent any number of times, at once. */
    static void send(RoutingContext ctx, int status, Buffer page) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(page);
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
