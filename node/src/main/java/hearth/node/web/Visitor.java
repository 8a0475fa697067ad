package hearth.node.web;

import hearth.node.author.AuthorIds;
import hearth.node.author.AuthorKey;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * Who is asking, as far as Hearth ever knows: the author key in her browser's cookie, if any.
 *
 * <p>Reading sets no cookie. The first time she posts, {@link #authorIdForWriting()} makes a
 * key and {@link #keepKey()} sends it back as an HttpOnly, SameSite=Strict cookie (Secure on
 * https nodes).
 * Nothing about her device or address is looked at.
 */
final class Visitor {

    static final String COOKIE = "hearth_author";
    // Browsers cap cookie lifetimes at about 400 days; she keeps her link to her posts that long after her last visit.
    private static final long MAX_AGE_SECONDS = 400L * 24 * 3600;

    private final RoutingContext ctx;
    private final AuthorIds ids;
    private final boolean secure;
    private AuthorKey key;
    private String authorId;

    private Visitor(RoutingContext ctx, AuthorIds ids, boolean secure) {
        this.ctx = ctx;
        this.ids = ids;
        this.secure = secure;
        Cookie cookie = ctx.request().getCookie(COOKIE);
        this.key = cookie == null ? null : AuthorKey.fromCookie(cookie.getValue()).orElse(null);
    }

    static Visitor of(RoutingContext ctx, AuthorIds ids, boolean secure) {
        return new Visitor(ctx, ids, secure);
    }

    /** Her key, or null if this browser has not posted here. */
    AuthorKey key() {
        return key;
    }

    /** Her author id, or null if this browser has not posted here. */
    String authorId() {
        if (authorId == null && key != null) {
            authorId = ids.idOf(key);
        }
        return authorId;
    }

    /**
     * Her author id, making her a key if this browser has none yet. The key reaches her
     * browser only through {@link #keepKey()}, called once her post is stored, so a refused
     * first post leaves no trace in the browser.
     */
    String authorIdForWriting() {
        if (key == null) {
            key = AuthorKey.random();
        }
        return authorId();
    }

    /**
     * Makes this browser hold {@code restored} (from her recovery phrase) from now on, replacing any
     * key it had, and sends it in the cookie.
     */
    void adopt(AuthorKey restored) {
        key = restored;
        authorId = null;
        keepKey();
    }

    /** Erases her key from this browser ("forget me"): the cookie is replaced by an expired, empty one. */
    void eraseKey() {
        key = null;
        authorId = null;
        ctx.response().addCookie(Cookie.cookie(COOKIE, "")
                .setPath("/")
                .setHttpOnly(true)
                .setSecure(secure)
                .setSameSite(CookieSameSite.STRICT)
                .setMaxAge(0));
    }

    /** Sends her key back in the cookie; its lifetime counts from her latest post. */
    void keepKey() {
        if (key == null) {
            throw new IllegalStateException("no key to keep: call authorIdForWriting() first");
        }
        ctx.response().addCookie(Cookie.cookie(COOKIE, key.toCookie())
                .setPath("/")
                .setHttpOnly(true)
                .setSecure(secure)
                .setSameSite(CookieSameSite.STRICT)
                .setMaxAge(MAX_AGE_SECONDS));
    }
}
