package hearth.node.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The reading pages (home, a circle, a thread) as a reader with no cookie gets them, kept for a
 * moment so that many such readers cost one rendering.
 *
 * <p>A reader with no cookie has no author key, no moderator session and no chosen language, so
 * her page depends only on the store, the address she asked for and the language her browser
 * prefers, which together are the key; her forms carry the anonymous token, which holds for a
 * day. Anything else (any cookie at all, a form sent back with a problem, a status other than 200)
 * is rendered as before and not kept.
 *
 * <p>An entry is used only while this process has committed nothing since it was rendered (the
 * store's commit count is read before the page's own reads, so a write that lands during the
 * rendering makes it stale at once), and never after {@code maxAge}: that bounds how long a
 * change made by another process on the same PostgreSQL database, or a page's dates, can lag.
 * Pages are kept up to {@code maxBytes} in all, least used first out. Nothing about the reader is
 * kept. Thread-safe; one instance serves every web verticle.
 */
public final class ReaderPages {

    private static final String PENDING = "hearth.reader-pages.pending";

    private record Key(String uri, String language) {
    }

    private record Entry(Buffer page, long commits) {
    }

    /** A page being rendered that may be kept: where, and the commit count before it read anything. */
    private record Pending(ReaderPages owner, Key key, long commits) {
    }

    private final Cache<Key, Entry> pages;
    private final LongSupplier commits;

    /**
     * @param commits the store's commit count ({@code Database::commits})
     * @param maxAge the longest an entry is used
     * @param maxBytes the most page bytes kept in all
     */
    public ReaderPages(LongSupplier commits, Duration maxAge, long maxBytes) {
        this.commits = commits;
        this.pages = Caffeine.newBuilder()
                .expireAfterWrite(maxAge)
                .maximumWeight(maxBytes)
                .weigher((Key key, Entry entry) -> entry.page().length() + key.uri().length() * 2 + 64)
                .build();
    }

    /**
     * Handler placed ahead of all routing: answers from the cache when it may, else passes the
     * request on untouched. A hit is a page a reading route answered with 200 for the same address
     * and language, so the routes need not be matched again; a request that may want JSON (an
     * ActivityPub peer asks the same addresses for objects) always goes through the routes.
     */
    void serveKept(RoutingContext ctx, Languages languages) {
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        Key key = accept != null && accept.contains("json") ? null : keyOf(ctx, languages);
        Entry kept = key == null ? null : pages.getIfPresent(key);
        if (kept != null && kept.commits() == commits.getAsLong()) {
            Html.send(ctx, 200, kept.page());
        } else {
            ctx.next();
        }
    }

    /**
     * Handler placed before a reading page's own: marks the request so that {@link #keep} stores
     * the page it sends, if it may be kept.
     */
    void mark(RoutingContext ctx, Languages languages) {
        Key key = keyOf(ctx, languages);
        if (key != null) {
            ctx.put(PENDING, new Pending(this, key, commits.getAsLong()));
        }
        ctx.next();
    }

    /** The request's key, or null if its page may be neither kept nor served from the cache. */
    private static Key keyOf(RoutingContext ctx, Languages languages) {
        HttpServerRequest request = ctx.request();
        if (request.method() != HttpMethod.GET || request.headers().contains(HttpHeaders.COOKIE)) {
            return null;
        }
        return new Key(request.uri(), languages.fromHeader(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
    }

    /** Called with every page sent: keeps it if {@link #mark} said it may be kept. */
    static void keep(RoutingContext ctx, int status, Buffer page) {
        Pending pending = ctx.get(PENDING);
        if (pending == null || status != 200) {
            return;
        }
        ctx.remove(PENDING);
        pending.owner().pages.put(pending.key(), new Entry(page, pending.commits()));
    }
}
