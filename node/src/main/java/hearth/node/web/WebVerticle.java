package hearth.node.web;

import hearth.node.author.AuthorIds;
import hearth.node.blocks.Blocks;
import hearth.node.config.NodeConfig;
import hearth.node.federation.Federation;
import hearth.node.forum.ForumService;
import hearth.node.limits.VisitorLimits;
import hearth.node.moderation.ModerationService;
import hearth.node.moderation.ModeratorAccounts;
import hearth.node.reactions.Reactions;
import hearth.search.PostIndex;
import hearth.ui.Pages;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The node's web server. Deploy it with {@code ThreadingModel.VIRTUAL_THREAD}: its handlers
 * call the database directly, which is fine on a virtual thread and never on an event loop.
 */
public final class WebVerticle extends VerticleBase {

    /**
     * Largest request body accepted: room for a 20,000-character post written entirely in
     * 4-byte characters and then percent-encoded, and little more.
     */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    /** Longest request line accepted (a GET search form puts her words in the address). */
    public static final int MAX_URL_BYTES = 64 * 1024;

    private final String host;
    private final int port;
    private final ForumRoutes forumRoutes;
    private final ModRoutes modRoutes;
    private final BlockRoutes blockRoutes;
    private final SubscriptionRoutes subscriptionRoutes;
    private final SearchRoutes searchRoutes;
    private final ReactionsRoutes reactionsRoutes;
    private final SafetyRoutes safetyRoutes;
    private final FeedRoutes feedRoutes;
    private final MeRoutes meRoutes;
    private final Languages languages;
    private final ReaderPages readerPages;
    private final StaticAssets assets = new StaticAssets();
    private final Failures failures;
    private volatile HttpServer server;
    private volatile Router router;

    private final hearth.node.federation.FederationRoutes federationRoutes;

    public WebVerticle(String host, int port, NodeConfig config, ForumService forum, PostIndex index, AuthorIds ids,
                       boolean secureCookies, hearth.node.federation.FederationRoutes federationRoutes,
                       ModerationService moderation, ModeratorAccounts accounts, Blocks blocks,
                       Supplier<Federation> federation, Reactions reactions, VisitorLimits limits,
                       ReaderPages readerPages) {
        this.federationRoutes = federationRoutes;
        this.host = host;
        this.port = port;
        Pages pages = new Pages();
        this.languages = new Languages(config.node().languages(), secureCookies);
        Views views = new Views(config, languages);
        FormTokens tokens = new FormTokens(ids, Clock.systemUTC());
        ConsoleGate gate = new ConsoleGate(accounts, ids, secureCookies);
        Slowdown slowdown = new Slowdown(limits);
        this.forumRoutes = new ForumRoutes(forum, pages, views, config, ids, tokens, secureCookies, gate, moderation,
                reactions, slowdown, readerPages);
        this.readerPages = readerPages;
        this.reactionsRoutes = new ReactionsRoutes(reactions, pages, views, ids, tokens, secureCookies);
        this.modRoutes = new ModRoutes(moderation, accounts, forum, gate, tokens, pages, views);
        this.blockRoutes = new BlockRoutes(blocks, federation, gate, pages, views);
        this.subscriptionRoutes = new SubscriptionRoutes(() -> federation.get().subscriptions(), gate, pages, views);
        this.searchRoutes = new SearchRoutes(index, forum, pages, views, slowdown);
        this.safetyRoutes = new SafetyRoutes(pages, views);
        this.feedRoutes = new FeedRoutes(forum, () -> federation.get() == null ? null : federation.get().urls().base(),
                config.node().languages(), config.node().name());
        // "Forget me" erases her reactions through this hook: pass Reactions.forget here once reactions are wired.
        this.meRoutes = new MeRoutes(forum, pages, views, ids, tokens, secureCookies, reactions::forget);
        this.failures = new Failures(pages, views);
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        this.router = router;
        router.route().handler(hearth.node.metrics.HttpMetrics.on(router));
        router.route().handler(SecurityHeaders::apply);
        // Bad bytes in the address are refused before anything decodes them into replacement characters,
        // and a path that climbs ("..", encoded slashes) is not found before anything normalizes it.
        router.route().handler(ctx -> {
            if (!InputGuard.wellFormed(ctx.request().uri())) {
                ctx.fail(400);
            } else if (InputGuard.climbs(ctx.request().uri())) {
                ctx.fail(404);
            } else {
                ctx.next();
            }
        });
        // A reading page kept for readers without a cookie is answered before any route is matched.
        router.get().handler(ctx -> readerPages.serveKept(ctx, languages));
        router.get("/healthz").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end("ok\n"));
        // Inboxes read their own bodies (JSON, up to 1 MiB), so they come before the form reader.
        federationRoutes.register(router);
        // Read form bodies for every POST, bounded. Routed by method inside the handler rather than with
        // router.post(), which would make every path "exist" for POST and turn unknown GETs into 405s.
        BodyHandler forms = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);
        router.route().handler(ctx -> {
            if (ctx.request().method() != HttpMethod.GET && ctx.request().method() != HttpMethod.HEAD
                    && CrossSite.fromAnotherSite(ctx.request())) {
                ctx.fail(403);
            } else if (ctx.request().method() == HttpMethod.POST) {
                forms.handle(ctx);
            } else {
                ctx.next();
            }
        });
        router.route().handler(ctx -> {
            if (ctx.request().method() == HttpMethod.POST && ctx.body().buffer() != null
                    && !InputGuard.wellFormed(ctx.body().buffer().getBytes())) {
                ctx.fail(400);
            } else {
                ctx.next();
            }
        });
        assets.register(router);
        languages.register(router);
        forumRoutes.register(router);
        modRoutes.register(router);
        blockRoutes.register(router);
        subscriptionRoutes.register(router);
        searchRoutes.register(router);
        reactionsRoutes.register(router);
        safetyRoutes.register(router);
        feedRoutes.register(router);
        meRoutes.register(router);
        router.route().failureHandler(failures::handle);
        // No route matched (404) or the path exists but not with this method (405).
        router.errorHandler(404, failures::handle);
        router.errorHandler(405, failures::handle);

        HttpServerOptions options = new HttpServerOptions()
                .setHost(host)
                .setPort(port)
                .setCompressionSupported(true)
                .setMaxFormAttributeSize(MAX_BODY_BYTES)
                // Room for a pasted 10,000-character search in the address; the query itself is cut to 500.
                .setMaxInitialLineLength(MAX_URL_BYTES);
        return vertx.createHttpServer(options)
                .requestHandler(router)
                .listen()
                .onSuccess(s -> this.server = s);
    }

    /**
     * Every route of the router, one line each ("POST /c/:circle/new", "ANY /static/..." for a
     * route without a method): what the node answers, for tests that check each state-changing
     * route is protected. Empty before {@link #start()}.
     */
    public List<String> routeTable() {
        Router current = router;
        if (current == null) {
            return List.of();
        }
        List<String> table = new ArrayList<>();
        for (Route route : current.getRoutes()) {
            String path = route.getPath() != null ? route.getPath() : route.getName();
            if (path == null) {
                continue;
            }
            if (route.methods() == null || route.methods().isEmpty()) {
                table.add("ANY " + path);
            } else {
                route.methods().forEach(m -> table.add(m.name() + " " + path));
            }
        }
        return table;
    }

    /** The port the server listens on (useful when it was started on port 0). */
    public int actualPort() {
        return server.actualPort();
    }
}
