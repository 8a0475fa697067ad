package hearth.node.web;

import hearth.ui.i18n.Messages;
import hearth.ui.view.LanguageLink;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Which language a reader gets: the one she switched to (a cookie set only when she uses the
 * switcher), else the best match for her browser's Accept-Language (q-values respected, a
 * language with {@code q=0} never chosen) among the node's languages, else the node's first.
 *
 * <p>The node's languages come from {@code node.languages}; one Hearth has no interface text
 * for is not offered, and a warning says so once at start. {@code GET /language/:tag?back=/path}
 * switches and returns to a path on this node, never to another site. Thread-safe.
 */
final class Languages {

    static final String COOKIE = "hearth_lang";
    private static final Logger LOG = Logger.getLogger(Languages.class.getName());
    private static final long MAX_AGE_SECONDS = 400L * 24 * 3600;

    private final List<String> offered;
    private final boolean secure;

    /** @param configured the node's languages, default first; those without bundles are not offered */
    Languages(List<String> configured, boolean secure) {
        List<String> usable = new ArrayList<>();
        List<String> unusable = new ArrayList<>();
        for (String tag : configured) {
            String lang = Locale.forLanguageTag(tag.strip()).getLanguage();
            if (Messages.LANGUAGES.contains(lang)) {
                if (!usable.contains(lang)) {
                    usable.add(lang);
                }
            } else {
                unusable.add(tag);
            }
        }
        this.offered = usable.isEmpty() ? List.of(Messages.LANGUAGES.get(0)) : List.copyOf(usable);
        this.secure = secure;
        if (!unusable.isEmpty()) {
            LOG.warning("node.languages: Hearth has no interface text in " + unusable + " yet, so pages are offered in "
                    + offered + " (posts in any language are still welcome)");
        }
    }

    void register(Router router) {
        router.get("/language/:tag").handler(this::switchTo);
    }

    /** The language for this request. */
    String pick(RoutingContext ctx) {
        Cookie chosen = ctx.request().getCookie(COOKIE);
        if (chosen != null && offered.contains(chosen.getValue())) {
            return chosen.getValue();
        }
        return fromHeader(ctx.request().getHeader("Accept-Language"));
    }

    /** The best of the offered languages for an Accept-Language header, or the default. */
    String fromHeader(String acceptLanguage) {
        if (acceptLanguage != null && !acceptLanguage.isBlank() && acceptLanguage.length() <= 1000) {
            try {
                String match = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), offered);
                if (match != null) {
                    return match;
                }
            } catch (IllegalArgumentException malformed) {
                // A malformed header gets the node's default, like no header at all.
            }
        }
        return offered.get(0);
    }

    /** The switcher's links, each coming back to the page she is on; none when there is nothing to switch to. */
    List<LanguageLink> links(RoutingContext ctx, String current) {
        if (offered.size() < 2) {
            return List.of();
        }
        String back = ctx.request().method() == HttpMethod.GET ? ctx.request().uri() : "/";
        String query = "?back=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
        return offered.stream()
                .map(tag -> new LanguageLink(tag, Messages.of(tag).get("common.language.name"),
                        "/language/" + tag + query, tag.equals(current)))
                .toList();
    }

    private void switchTo(RoutingContext ctx) {
        String tag = ctx.pathParam("tag");
        if (!offered.contains(tag)) {
            ctx.fail(404);
            return;
        }
        // A link on another site must not change her language behind her back; she just lands on the page.
        if (CrossSite.fromAnotherSite(ctx.request())) {
            Html.seeOther(ctx, localPath(ctx.request().getParam("back")));
            return;
        }
        ctx.response().addCookie(Cookie.cookie(COOKIE, tag)
                .setPath("/")
                .setHttpOnly(true)
                .setSecure(secure)
                .setSameSite(CookieSameSite.LAX)
                .setMaxAge(MAX_AGE_SECONDS));
        Html.seeOther(ctx, localPath(ctx.request().getParam("back")));
    }

    /**
     * Only a path on this node: never another site ({@code //host}, {@code /\host}), so the
     * switcher is no open redirect; and only printable ASCII, as the links the switcher makes are.
     */
    static String localPath(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.startsWith("/\\")
                || back.length() > 2000 || back.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
            return "/";
        }
        return back;
    }
}
