package hearth.node.web;

import hearth.node.forum.Circle;
import hearth.node.forum.ForumService;
import hearth.node.forum.PostRef;
import hearth.search.PostIndex;
import hearth.search.SearchHit;
import hearth.search.SearchQuery;
import hearth.search.SearchResults;
import hearth.ui.Pages;
import hearth.ui.view.PausedSearchPage;
import hearth.ui.view.SearchPage;
import hearth.ui.view.SearchResultRow;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Search: {@code GET /search?q=…&circle=…&scope=local|all&order=relevance|newest&after=…}.
 * Whatever she types, she gets results or a calm "nothing found".
 */
final class SearchRoutes {

    /** Longest query text read from the address; the index bounds it again. */
    static final int MAX_QUERY_CHARS = 500;

    private final PostIndex index;
    private final ForumService forum;
    private final Pages pages;
    private final Views views;
    private final Slowdown slowdown;

    SearchRoutes(PostIndex index, ForumService forum, Pages pages, Views views, Slowdown slowdown) {
        this.slowdown = slowdown;
        this.index = index;
        this.forum = forum;
        this.pages = pages;
        this.views = views;
    }

    void register(Router router) {
        router.get("/search").handler(this::search);
    }

    private void search(RoutingContext ctx) {
        String text = bounded(ctx.request().getParam("q"));
        List<Circle> circles = forum.circles();
        String circle = circles.stream().map(Circle::name)
                .filter(name -> name.equals(ctx.request().getParam("circle"))).findFirst().orElse(null);
        boolean newest = "newest".equals(ctx.request().getParam("order"));
        boolean localOnly = "local".equals(ctx.request().getParam("scope"));
        String after = ctx.request().getParam("after");

        List<SearchResultRow> rows = List.of();
        String next = null;
        long total = 0;
        Map<String, String> circleTitles = circles.stream().collect(Collectors.toMap(Circle::name, Circle::title,
                (a, b) -> a, java.util.LinkedHashMap::new));
        hearth.ui.i18n.Text wait = text.isBlank() ? null : slowdown.search(ctx);
        if (wait != null) {
            // Her words and filters stay in the form; she only has to press the button again.
            SearchPage kept = new SearchPage(views.chrome(ctx), text, circle, circleTitles, newest, localOnly, List.of(),
                    0, null, false);
            Html.send(ctx, 429, pages.render("search-paused.jte", new PausedSearchPage(kept, views.say(ctx, wait))));
            return;
        }
        if (!text.isBlank()) {
            SearchQuery query = SearchQuery.of(text).inCircle(circle).localOnly(localOnly)
                    .ordered(newest ? SearchQuery.Order.NEWEST : SearchQuery.Order.RELEVANCE).after(after);
            SearchResults results = run(query);
            rows = shownRows(ctx, results.hits(), circles);
            total = results.totalHits();
            if (results.nextCursor() != null) {
                next = link(text, circle, localOnly, newest) + "&after=" + enc(results.nextCursor());
            }
        }
        Html.ok(ctx, pages.search(new SearchPage(views.chrome(ctx), text, circle, circleTitles, newest, localOnly, rows,
                total, next, after != null && !after.isBlank())));
    }

    private SearchResults run(SearchQuery query) {
        try {
            return index.search(query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The store has the last word: a post removed a moment ago is dropped even if the index still has it,
     * and a hit is folded behind the content warning the store has now (the post's own, else its thread's).
     */
    private List<SearchResultRow> shownRows(RoutingContext ctx, List<SearchHit> hits, List<Circle> circles) {
        List<String> ids = hits.stream().map(SearchHit::postId).toList();
        Set<String> shown = forum.shown(ids);
        Map<String, String> warnings = forum.listedWarnings(ids);
        Map<String, String> titles = circles.stream()
                .collect(Collectors.toMap(Circle::name, Circle::title, (a, b) -> a));
        return hits.stream().filter(h -> shown.contains(h.postId()))
                .map(h -> new SearchResultRow(Views.postUrl(new PostRef(h.circle(), h.threadId(), h.postId())),
                        h.titleHtml(), h.snippetHtml(), titles.getOrDefault(h.circle(), h.circle()),
                        Views.circleUrl(h.circle()), h.pseudonym(), h.opening(), views.date(ctx, h.createdAtMillis()),
                        Views.iso(h.createdAtMillis()), views.warning(ctx, warnings.get(h.postId()))))
                .toList();
    }

    private static String bounded(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > MAX_QUERY_CHARS ? text.substring(0, MAX_QUERY_CHARS) : text;
    }

    private static String link(String text, String circle, boolean localOnly, boolean newest) {
        return "/search?q=" + enc(text) + (circle == null ? "" : "&circle=" + enc(circle))
                + (localOnly ? "&scope=local" : "") + (newest ? "&order=newest" : "");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

}
