package hearth.node.federation;

import hearth.federation.signature.SignedRequest;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.SecurityPolicyHandler;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The inboxes, in the order a delivery meets their checks: the sending server's
 * {@link HostLimit} (charged to the host {@link InboxGate} names, before the body is read), the
 * body limit, the {@link InboxVerifier}, and the {@link InboxQueue}, whose commit the 202 waits
 * for. A server over its limit is answered 429 with Retry-After; a replayed activity id, 409.
 * Registered by {@link FederationRoutes}, whose first handler makes sure the federation has
 * started before any of these run. Safe to call from every handler thread.
 */
final class InboxRoutes {

    private static final List<String> PATHS = List.of("/inbox", "/actor/inbox", "/c/:circle/inbox", "/u/:pseudonym/inbox");
    /** Where the gate leaves the host it charged, so the inbox does not charge it twice. */
    private static final String CHARGED = "hearth.inbox.charged";

    private final Supplier<Federation> started;
    // Vert.x lets only platform and security-policy handlers come before the body handler.
    private final SecurityPolicyHandler limit = this::limit;

    InboxRoutes(Supplier<Federation> started) {
        this.started = started;
    }

    void register(Router router) {
        BodyHandler activities = BodyHandler.create(false).setBodyLimit(FederationRoutes.MAX_ACTIVITY_BYTES);
        for (String inbox : PATHS) {
            router.post(inbox).handler(limit).handler(activities).handler(this::inbox);
        }
    }

    /** Charges the host the request claims to come from, before anything costly is done for it. */
    private void limit(RoutingContext ctx) {
        Federation federation = started.get();
        String host = InboxGate.claimedHost(request(ctx, federation.urls(), new byte[0]));
        if (host != null) {
            long wait = federation.inboxLimit().secondsToWait(host);
            if (wait > 0) {
                tooMany(ctx, wait);
                return;
            }
            ctx.put(CHARGED, host);
        }
        ctx.next();
    }

    private void inbox(RoutingContext ctx) {
        Federation federation = started.get();
        byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        SignedRequest request = request(ctx, federation.urls(), body);
        if (request == null) {
            FederationRoutes.error(ctx, 400, "the request target is not a valid URI");
            return;
        }
        InboxVerifier.Verified verified;
        try {
            verified = federation.verifier().verify(request);
        } catch (InboxVerifier.Rejected e) {
            FederationRoutes.error(ctx, e.status(), e.getMessage());
            return;
        }
        // A signature the gate could not read still counts: its signer pays now, so nothing verified escapes.
        String signer = InboxGate.hostOf(verified.actor());
        if (!signer.equals(ctx.get(CHARGED))) {
            long wait = federation.inboxLimit().secondsToWait(signer);
            if (wait > 0) {
                tooMany(ctx, wait);
                return;
            }
        }
        if (verified.activity().isEmpty()) {
            ctx.response().setStatusCode(202).end();
            return;
        }
        boolean fresh;
        try {
            // Await as a Vert.x future, so other requests run while this one waits for the commit.
            fresh = Future.fromCompletionStage(federation.queue().offer(new InboxQueue.Item(
                    verified.activity().get().id(), verified.actor(), new String(body, StandardCharsets.UTF_8))),
                    ctx.vertx().getOrCreateContext()).await(Duration.ofSeconds(30));
        } catch (Exception e) {
            FederationRoutes.error(ctx, 503, "the inbox is busy; try again later");
            return;
        }
        if (fresh) {
            ctx.response().setStatusCode(202).end();
        } else {
            FederationRoutes.error(ctx, 409, "this activity was already received");
        }
    }

    /** The request as the signature layer sees it, or null when its target is not a URI. */
    private static SignedRequest request(RoutingContext ctx, Urls urls, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ctx.request().headers().forEach(e -> headers.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT),
                k -> new ArrayList<>()).add(e.getValue()));
        // The signed host must be this node: a delivery signed for another server is not for us,
        // whatever Host header came with it (a proxy may rewrite Host, so the header is not trusted).
        headers.put("host", List.of(urls.host()));
        try {
            return new SignedRequest("POST", URI.create(urls.base() + ctx.request().uri()), headers, body);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void tooMany(RoutingContext ctx, long seconds) {
        ctx.response().putHeader("Retry-After", Long.toString(seconds));
        FederationRoutes.error(ctx, 429, "too many activities from this server; try again in " + seconds + " s");
    }
}
