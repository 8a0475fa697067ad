package hearth.node.web;

import hearth.node.config.NodeConfig;
import hearth.node.forum.CrisisPhrases;
import hearth.node.forum.Draft;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * The gentle note after posting. When the node turns it on and what she just posted matches one of
 * its crisis phrases, the thread she lands on shows a calm note with the crisis lines, once. It never
 * stops a post and never covers the form she is writing in.
 *
 * <p>The "show it" signal is a cookie holding only "1", HttpOnly, scoped to that thread's path and
 * gone within two minutes; the thread page reads it once and clears it. So nothing about her goes
 * into an address, the database or a log, and a node that leaves the note off never reads her
 * words for it. Immutable and thread-safe.
 */
final class CrisisNote {

    static final String COOKIE = "hearth_note";
    static final long MAX_AGE_SECONDS = 120;

    private final CrisisPhrases phrases;
    private final boolean secure;

    /** @param secure whether the node is reached over https (the cookie is then Secure) */
    CrisisNote(NodeConfig.CrisisNote config, boolean secure) {
        this.phrases = config.enabled() ? CrisisPhrases.of(config.phrases()) : null;
        this.secure = secure;
    }

    /** Call once her post is stored: asks {@code threadPath} to show the note if her words call for it. */
    void afterPosting(RoutingContext ctx, Draft posted, String threadPath) {
        if (phrases == null) {
            return;
        }
        if (phrases.matches(posted.title()) || phrases.matches(posted.body())) {
            ctx.response().addCookie(cookie(threadPath, "1", MAX_AGE_SECONDS));
        }
    }

    /** On the thread page at {@code threadPath}: whether to show the note now; the signal is cleared. */
    boolean take(RoutingContext ctx, String threadPath) {
        if (phrases == null || ctx.request().getCookie(COOKIE) == null) {
            return false;
        }
        ctx.response().addCookie(cookie(threadPath, "", 0));
        return true;
    }

    private Cookie cookie(String path, String value, long maxAge) {
        return Cookie.cookie(COOKIE, value)
                .setPath(path)
                .setHttpOnly(true)
                .setSecure(secure)
                .setSameSite(CookieSameSite.STRICT)
                .setMaxAge(maxAge);
    }
}
