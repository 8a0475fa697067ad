package hearth.node.metrics;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Times every request and records it under its route template ({@code /c/:circle/t/:thread}),
 * never its path. Register it first on the router:
 * {@code router.route().handler(HttpMetrics.on(router));}. A delivery an inbox refuses is also
 * counted as an inbox rejection, its reason named from the status. Thread-safe.
 */
public final class HttpMetrics implements Handler<RoutingContext> {

    /** A path that matched no route: one label for all of them, so a scanner cannot grow the metrics. */
    static final String UNMATCHED = "unmatched";

    private final Router router;
    private volatile List<Template> templates;

    private HttpMetrics(Router router) {
        this.router = router;
    }

    public static HttpMetrics on(Router router) {
        return new HttpMetrics(router);
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!Metrics.recording()) {
            ctx.next();
            return;
        }
        long started = System.nanoTime();
        ctx.addEndHandler(done -> {
            int status = ctx.response().getStatusCode();
            String route = template(ctx);
            Metrics.request(route, method(ctx.request().method()), status / 100 + "xx", System.nanoTime() - started);
            if (status >= 400 && ctx.request().method() == HttpMethod.POST && route.endsWith("/inbox")) {
                Metrics.inboxRejected(reason(status));
            }
        });
        ctx.next();
    }

    /** Why an inbox refused, from the status it answered (InboxRoutes' statuses). */
    static String reason(int status) {
        return switch (status) {
            case 400 -> "malformed";
            case 401 -> "signature";
            case 403 -> "refused";
            case 409 -> "duplicate";
            case 413 -> "too_large";
            case 415 -> "media_type";
            case 429 -> "rate_limited";
            case 503 -> "busy";
            default -> status >= 500 ? "error" : "other";
        };
    }

    private static String method(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.POST || method == HttpMethod.HEAD
                ? method.name() : "other";
    }

    /**
     * The template of the route that answered. When a failure handler (which has no path) answered,
     * the path is matched against the router's templates instead, and only the template is kept.
     */
    private String template(RoutingContext ctx) {
        Route current = ctx.currentRoute();
        // A route with parameters is matched by a pattern, but getPath() still gives its template.
        if (current != null && current.getPath() != null) {
            return current.getPath();
        }
        String path = ctx.normalizedPath();
        for (Template t : templates()) {
            if (t.matches(path)) {
                return t.path();
            }
        }
        return UNMATCHED;
    }

    private List<Template> templates() {
        List<Template> known = templates;
        if (known == null) {
            known = new ArrayList<>();
            for (Route route : router.getRoutes()) {
                if (route.getPath() != null) {
                    known.add(Template.of(route.getPath(), route.isExactPath()));
                }
            }
            templates = known;
        }
        return known;
    }

    private record Template(String path, Pattern pattern) {
        static Template of(String path, boolean exact) {
            StringBuilder regex = new StringBuilder();
            for (String part : path.split("(?=/)")) {
                regex.append(part.startsWith("/:") ? "/[^/]+" : Pattern.quote(part));
            }
            return new Template(path, Pattern.compile(regex + (exact ? "/?" : ".*")));
        }

        boolean matches(String candidate) {
            return candidate != null && pattern.matcher(candidate).matches();
        }
    }
}
