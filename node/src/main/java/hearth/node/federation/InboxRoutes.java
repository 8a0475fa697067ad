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
 * {@link HostLimit} (asked, before the body is read, about the host {@link InboxGate} says the
 * request claims), the body limit, the {@link InboxVerifier}, the host's allowance and the one
 * for all hosts (charged once the signature verified), and the {@link InboxQueue}, whose commit
 * the 202 waits for. A delivery that does not verify is charged to its claimed host's unverified
 * bucket instead, so a forger naming a partner never spends the partner's allowance; once that
 * bucket is dry, requests claiming the host are checked only against the key already held (no
 * fetch) and refused 429 if they fail. A server over its limit is answered 429 with Retry-After;
 * a replayed activity id, 409.
 * Registered by {@link FederationRoutes}, whose first handler makes sure the federation has
 * started before any of these run. Safe to call from every handler thread.
 */
final class InboxRoutes {

    private static final List<String> PATHS = List.of("/inbox", "/actor/inbox", "/c/:circle/inbox", "/u/:pseudonym/inbox");
    /** Where the gate leaves the host the request claims. */
    private static final String CLAIMED = "hearth.inbox.claimed";
    /** Set by the gate when the claimed host has failed verification too often: no key fetch for it now. */
    private static final String HELD_KEYS_ONLY = "hearth.inbox.heldKeysOnly";

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

    /**
     * Refuses, before the body is read, a host that has spent its allowance. Only asks: the
     * allowance is charged once the signature verified, so a request that merely claims the host
     * cannot spend it.
     */
    private void limit(RoutingContext ctx) {
        Federation federation = started.get();
        String host = InboxGate.claimedHost(request(ctx, federation.urls(), new byte[0]));
        if (host != null) {
            long wait = federation.inboxLimit().peek(host);
            if (wait > 0) {
                tooMany(ctx, wait);
                return;
            }
            ctx.put(CLAIMED, host);
            if (!federation.inboxLimit().unverifiedAllowed(host)) {
                ctx.put(HELD_KEYS_ONLY, Boolean.TRUE);
            }
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
        String claimed = ctx.get(CLAIMED);
        boolean heldKeysOnly = Boolean.TRUE.equals(ctx.get(HELD_KEYS_ONLY));
        InboxVerifier.Verified verified;
        try {
            verified = federation.verifier().verify(request, !heldKeysOnly);
        } catch (InboxVerifier.Rejected e) {
            refused(ctx, federation.inboxLimit(), claimed, heldKeysOnly, e);
            return;
        }
        // Charged to the server that signed, which the gate may not have been able to read.
        long wait = federation.inboxLimit().secondsToWait(InboxGate.hostOf(verified.actor()));
        if (wait == 0) {
            wait = federation.inboxLimit().allHostsWait();
        }
        if (wait > 0) {
            tooMany(ctx, wait);
            return;
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

    /**
     * Answers a delivery that did not verify, charging it to the host it claimed. A host whose
     * unverified bucket was already dry is told to wait rather than why, which is all a forger
     * needs to know.
     */
    private static void refused(RoutingContext ctx, HostLimit limit, String claimed, boolean heldKeysOnly,
                                InboxVerifier.Rejected e) {
        if (e.status() == 429) {
            tooMany(ctx, Math.max(1, e.retryAfter()));
            return;
        }
        long wait = claimed == null ? 0 : limit.chargeUnverified(claimed);
        if (heldKeysOnly && e.status() == 401) {
            tooMany(ctx, Math.max(1, wait));
            return;
        }
        FederationRoutes.error(ctx, e.status(), e.getMessage());
    }

    private static void tooMany(RoutingContext ctx, long seconds) {
        ctx.response().putHeader("Retry-After", Long.toString(seconds));
        FederationRoutes.error(ctx, 429, "too many activities from this server; try again in " + seconds + " s");
    }
}
