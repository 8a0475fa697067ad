package hearth.node.web;

import hearth.node.limits.VisitorLimits;
import hearth.ui.i18n.Text;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * The web side of {@link VisitorLimits}: charges a post, report or search to the connection it
 * came on, and when the visitor must wait, says so with a 429 and Retry-After. The handler then
 * renders its own form again with what she typed and the {@link Text} returned here, so nothing
 * she wrote is lost. The address is handed to the limits to be hashed and is never kept, logged
 * or shown. Thread-safe.
 */
final class Slowdown {

    private final VisitorLimits limits;

    Slowdown(VisitorLimits limits) {
        this.limits = limits;
    }

    /** Null to go ahead; else the calm words to show (the response already carries 429 and Retry-After). */
    Text post(RoutingContext ctx, String authorId) {
        return answer(ctx, limits.post(address(ctx), authorId), "forum.limit.posts");
    }

    /** As {@link #post}, for a report. */
    Text report(RoutingContext ctx) {
        return answer(ctx, limits.report(address(ctx)), "forum.limit.reports");
    }

    /** As {@link #post}, for a search. */
    Text search(RoutingContext ctx) {
        return answer(ctx, limits.search(address(ctx)), "forum.limit.searches");
    }

    private static Text answer(RoutingContext ctx, long seconds, String key) {
        if (seconds <= 0) {
            return null;
        }
        ctx.response().putHeader("Retry-After", Long.toString(seconds));
        return Text.of(key, seconds);
    }

    // The peer of this connection (a proxy's, behind one): counted, never kept.
    private static String address(RoutingContext ctx) {
        SocketAddress peer = ctx.request().remoteAddress();
        return peer == null || peer.hostAddress() == null ? "" : peer.hostAddress();
    }
}
