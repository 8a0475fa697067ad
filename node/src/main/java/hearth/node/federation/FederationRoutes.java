package hearth.node.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.federation.discovery.Handle;
import hearth.federation.discovery.NodeInfo;
import hearth.federation.discovery.WebFinger;
import hearth.federation.json.Json;
import hearth.federation.object.Contexts;
import hearth.node.forum.FederatedPost;
import hearth.node.forum.FederatedPosts;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The node as other servers see it: WebFinger and NodeInfo, actor documents, a circle's outbox
 * and followers, threads and posts as objects, a thread's context collection for backfill, and
 * the inboxes ({@link InboxRoutes}). Pages and objects share URLs: a request that asks for ActivityPub JSON gets
 * JSON here, any other passes on to the HTML routes.
 */
public final class FederationRoutes {

    /** Largest activity accepted by an inbox. */
    public static final int MAX_ACTIVITY_BYTES = 1 << 20;
    static final String JSON_TYPE = "application/activity+json; charset=utf-8";

    private final java.util.function.Supplier<Federation> started;
    // Set once the node knows its address; read by handlers on many virtual threads.
    private volatile Federation federation;
    private volatile Urls urls;
    private volatile FederatedPosts posts;

    /** {@code started} gives the federation once the node knows its address; until then these routes answer 503. */
    public FederationRoutes(java.util.function.Supplier<Federation> started) {
        this.started = started;
    }

    private boolean ready(RoutingContext ctx) {
        if (federation == null) {
            Federation now = started.get();
            if (now == null) {
                error(ctx, 503, "starting");
                return false;
            }
            urls = now.urls();
            posts = now.posts();
            federation = now;
        }
        return true;
    }

    public void register(Router router) {
        router.route().handler(ctx -> {
            String path = ctx.request().path();
            boolean federated = path.startsWith("/.well-known/") || path.startsWith("/nodeinfo") || path.startsWith("/u/")
                    || path.equals("/actor") || path.endsWith("/inbox") || wantsJson(ctx);
            if (!federated || ready(ctx)) {
                ctx.next();
            }
        });
        router.get("/.well-known/webfinger").handler(this::webfinger);
        router.get("/.well-known/nodeinfo").handler(ctx -> json(ctx, 200, NodeInfo.wellKnown(
                URI.create(urls.base() + "/nodeinfo/2.1"))));
        router.get("/nodeinfo/2.1").handler(this::nodeInfo);
        new InboxRoutes(() -> federation).register(router);
        router.get("/actor").handler(ctx -> json(ctx, 200, federation.actors().node()));
        router.get("/c/:circle").handler(this::circle);
        router.get("/c/:circle/outbox").handler(this::outbox);
        router.get("/c/:circle/followers").handler(this::followers);
        router.get("/c/:circle/moderators").handler(this::moderators);
        router.get("/c/:circle/t/:thread").handler(this::thread);
        router.get("/c/:circle/t/:thread/context").handler(this::context);
        router.get("/c/:circle/t/:thread/p/:post").handler(this::post);
        router.get("/u/:pseudonym").handler(this::person);
    }

    // ---- discovery

    private void webfinger(RoutingContext ctx) {
        String resource = ctx.request().getParam("resource");
        Handle handle;
        try {
            handle = Handle.parse(resource == null ? "" : resource);
        } catch (IllegalArgumentException e) {
            error(ctx, 400, "resource must be acct:name@" + urls.host());
            return;
        }
        if (!handle.host().equalsIgnoreCase(urls.host())) {
            error(ctx, 404, "not on this node");
            return;
        }
        Optional<URI> actor = federation.actors().byHandleName(handle.name());
        if (actor.isEmpty()) {
            error(ctx, 404, "no such circle or pseudonym");
            return;
        }
        ctx.response().putHeader("Access-Control-Allow-Origin", "*");
        json(ctx, 200, WebFinger.document(handle, actor.get(), actor.get()), "application/jrd+json; charset=utf-8");
    }

    private void nodeInfo(RoutingContext ctx) {
        var usage = federation.usage();
        ObjectNode document = NodeInfo.document(Federation.VERSION, usage.pseudonyms(), usage.activeMonth(),
                usage.activeHalfYear(), usage.posts(), federation.nodeName());
        // Where other nodes subscribe to this node's signed blocklist.
        ((ObjectNode) document.get("metadata")).put("blocklist", urls.base() + "/blocklist.json");
        json(ctx, 200, document,
                "application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/2.1#\"; charset=utf-8");
    }

    // ---- actors

    private void circle(RoutingContext ctx) {
        if (!wantsJson(ctx)) {
            ctx.next();
            return;
        }
        String circle = ctx.pathParam("circle");
        Optional<ObjectNode> group = federation.actors().group(circle);
        if (group.isEmpty()) {
            error(ctx, 404, "no such circle");
            return;
        }
        json(ctx, 200, group.get());
    }

    private void person(RoutingContext ctx) {
        Optional<ObjectNode> person = federation.actors().person(ctx.pathParam("pseudonym"));
        if (person.isEmpty()) {
            error(ctx, 404, "no such pseudonym");
        } else if (!wantsJson(ctx)) {
            // A pseudonym has no page of its own: listing her posts would link them for anyone.
            ctx.response().setStatusCode(303).putHeader("Location", "/").end();
        } else {
            json(ctx, 200, person.get());
        }
    }

    // ---- collections

    private void outbox(RoutingContext ctx) {
        String circle = ctx.pathParam("circle");
        if (!localCircle(circle)) {
            error(ctx, 404, "no such circle");
            return;
        }
        ArrayNode items = Json.array();
        for (FederatedPost opening : posts.latestThreads(circle, Backfill.THREADS)) {
            federation.objects().announcement(opening).ifPresent(items::add);
        }
        json(ctx, 200, collection(urls.circleOutbox(circle), items.size(), items));
    }

    private void followers(RoutingContext ctx) {
        String circle = ctx.pathParam("circle");
        if (!localCircle(circle)) {
            error(ctx, 404, "no such circle");
            return;
        }
        // Followers are servers, not people, but the list is still nobody else's business: a count only.
        json(ctx, 200, collection(urls.circleFollowers(circle), federation.follows().followers(circle).size(), null));
    }

    private void moderators(RoutingContext ctx) {
        String circle = ctx.pathParam("circle");
        if (!localCircle(circle)) {
            error(ctx, 404, "no such circle");
            return;
        }
        json(ctx, 200, collection(urls.circleModerators(circle), 0, Json.array()));
    }

    private void context(RoutingContext ctx) {
        List<FederatedPost> thread = localThread(ctx);
        if (thread == null) {
            return;
        }
        ArrayNode items = Json.array();
        Map<String, FederatedPosts.Moderation> moderation = posts.moderationOfThread(ctx.pathParam("thread"));
        for (FederatedPost post : thread) {
            federation.objects().asServed(post, moderation.get(post.id())).ifPresent(items::add);
        }
        json(ctx, 200, collection(urls.context(ctx.pathParam("circle"), ctx.pathParam("thread")), items.size(), items));
    }

    // ---- objects

    private void thread(RoutingContext ctx) {
        if (!wantsJson(ctx)) {
            ctx.next();
            return;
        }
        List<FederatedPost> thread = localThread(ctx);
        if (thread != null) {
            served(ctx, thread.get(0));
        }
    }

    private void post(RoutingContext ctx) {
        String circle = ctx.pathParam("circle");
        String threadId = ctx.pathParam("thread");
        Optional<FederatedPost> post = posts.post(ctx.pathParam("post"))
                .filter(p -> p.circleName().equals(circle) && p.threadId().equals(threadId));
        if (!wantsJson(ctx)) {
            if (post.isEmpty()) {
                ctx.next();
            } else {
                ctx.response().setStatusCode(303)
                        .putHeader("Location", "/c/" + circle + "/t/" + threadId + "#p-" + post.get().id()).end();
            }
            return;
        }
        if (post.isEmpty() || !post.get().local() || post.get().opening()) {
            error(ctx, 404, "no such post");
            return;
        }
        served(ctx, post.get());
    }

    private void served(RoutingContext ctx, FederatedPost post) {
        if (!post.local()) {
            error(ctx, 404, "this post lives on another server");
            return;
        }
        FederatedPosts.Moderation moderation = posts.moderation(post.id()).orElse(null);
        Optional<ObjectNode> served = federation.objects().asServed(post, moderation);
        if (served.isEmpty()) {
            error(ctx, 404, "no such post");
            return;
        }
        boolean gone = post.deleted() || moderation != null && moderation.removed();
        json(ctx, gone ? 410 : 200, served.get());
    }

    /** A thread of one of this node's circles, or null after answering 404. */
    private List<FederatedPost> localThread(RoutingContext ctx) {
        String circle = ctx.pathParam("circle");
        List<FederatedPost> thread = localCircle(circle) ? posts.thread(ctx.pathParam("thread")) : List.of();
        if (thread.isEmpty() || !thread.get(0).circleName().equals(circle) || thread.get(0).threadRemoved()) {
            error(ctx, 404, "no such thread");
            return null;
        }
        return thread;
    }

    // ---- helpers

    private boolean localCircle(String circle) {
        return posts.isLocalCircle(circle);
    }

    static boolean wantsJson(RoutingContext ctx) {
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && (accept.contains("application/activity+json")
                || (accept.contains("application/ld+json") && accept.contains("activitystreams")));
    }

    private static ObjectNode collection(URI id, int total, ArrayNode items) {
        ObjectNode json = Json.object();
        json.put("id", id.toString());
        json.put("type", "OrderedCollection");
        json.put("totalItems", total);
        if (items != null) {
            json.set("orderedItems", items);
        }
        return Contexts.withContext(json);
    }

    private static void json(RoutingContext ctx, int status, JsonNode body) {
        json(ctx, status, body, JSON_TYPE);
    }

    private static void json(RoutingContext ctx, int status, JsonNode body, String type) {
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", type)
                .putHeader("Vary", "Accept")
                .end(io.vertx.core.buffer.Buffer.buffer(Json.bytes(body)));
    }

    static void error(RoutingContext ctx, int status, String reason) {
        ObjectNode body = Json.object();
        body.put("error", reason);
        json(ctx, status, body, "application/json; charset=utf-8");
    }
}
