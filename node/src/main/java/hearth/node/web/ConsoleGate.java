package hearth.node.web;

import hearth.node.author.AuthorIds;
import hearth.node.moderation.Moderator;
import hearth.node.moderation.ModeratorAccounts;
import hearth.ui.i18n.Text;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.util.Base64;
import java.util.Optional;

/**
 * Who is signed in to the moderator console, and the anti-forgery token of her session.
 *
 * <p>The session lives in an HttpOnly, SameSite=Strict cookie (Secure on https nodes) scoped
 * to the whole site, because moderators also see tools on thread pages. Forms carry a token
 * derived from the session, so another site cannot act through her session. Thread-safe.
 */
final class ConsoleGate {

    static final String COOKIE = "hearth_mod";
    private static final String SEEN = "hearth.moderator";

    /** She must sign in first; the failure handler sends her to the sign-in page. */
    static final class SignInNeeded extends RuntimeException {
        SignInNeeded() {
            super("sign-in needed", null, false, false);
        }
    }

    private final ModeratorAccounts accounts;
    private final AuthorIds macs;
    private final boolean secure;

    ConsoleGate(ModeratorAccounts accounts, AuthorIds macs, boolean secure) {
        this.accounts = accounts;
        this.macs = macs;
        this.secure = secure;
    }

    /** The moderator signed in on this request, if any (looked up once per request). */
    Optional<Moderator> current(RoutingContext ctx) {
        Optional<Moderator> seen = ctx.get(SEEN);
        if (seen == null) {
            seen = token(ctx).flatMap(accounts::session);
            ctx.put(SEEN, seen);
        }
        return seen;
    }

    Moderator require(RoutingContext ctx) {
        return current(ctx).orElseThrow(SignInNeeded::new);
    }

    Moderator requireAdmin(RoutingContext ctx) {
        Moderator m = require(ctx);
        if (!m.admin()) {
            throw new hearth.node.moderation.ModerationProblem.NotAllowed(Text.of("moderation.problem.adminOnly"));
        }
        return m;
    }

    String csrf(RoutingContext ctx) {
        return token(ctx).map(this::csrfFor).orElse("");
    }

    boolean csrfAccepted(RoutingContext ctx) {
        String sent = ctx.request().getFormAttribute("csrf");
        Optional<String> token = token(ctx);
        return sent != null && token.isPresent()
                && AuthorIds.same(sent.getBytes(), csrfFor(token.get()).getBytes());
    }

    void startSession(RoutingContext ctx, String token) {
        ctx.response().addCookie(cookie(token).setMaxAge(ModeratorAccounts.SESSION_LIFETIME.toSeconds()));
    }

    void endSession(RoutingContext ctx) {
        token(ctx).ifPresent(accounts::signOut);
        ctx.response().addCookie(cookie("").setMaxAge(0));
    }

    private Cookie cookie(String value) {
        return Cookie.cookie(COOKIE, value).setPath("/").setHttpOnly(true).setSecure(secure)
                .setSameSite(CookieSameSite.STRICT);
    }

    private static Optional<String> token(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(COOKIE);
        return cookie == null || cookie.getValue().isEmpty() ? Optional.empty() : Optional.of(cookie.getValue());
    }

    private String csrfFor(String token) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(macs.formMac("moderator:" + token));
    }
}
