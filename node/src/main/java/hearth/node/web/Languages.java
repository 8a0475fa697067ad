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

/**
 * Which language a reader gets: the one she switched to (a cookie set only when she uses the
 * switcher), else the best match for her browser's Accept-Language among the node's
 * languages, else the node's first language. Thread-safe.
 */
final class Languages {

    static final String COOKIE = "hearth_lang";
    private static final long MAX_AGE_SECONDS = 400L * 24 * 3600;

    private final List<String> offered;
    private final boolean secure;

    /** @param configured the node's languages, default first; those without bundles are not offered */
    Languages(List<String> configured, boolean secure) {
        List<String> usable = new ArrayList<>();
        for (String tag : configured) {
            String lang = Locale.forLanguageTag(tag).getLanguage();
            if (Messages.LANGUAGES.contains(lang) && !usable.contains(lang)) {
                usable.add(lang);
            }
        }
        this.offered = usable.isEmpty() ? List.of("en") : List.copyOf(usable);
        this.secure = secure;
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
        String header = ctx.request().getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                String match = Locale.lookupTag(Locale.LanguageRange.parse(header), offered);
                if (match != null) {
                    return match;
                }
            } catch (IllegalArgumentException malformed) {
                // A malformed header gets the node's default, like no header at all.
            }
        }
        return offered.get(0);
    }

    /** The switcher's links, each coming back to the page she is on. */
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
        ctx.response().addCookie(Cookie.cookie(COOKIE, tag)
                .setPath("/")
                .setHttpOnly(true)
                .setSecure(secure)
                .setSameSite(CookieSameSite.LAX)
                .setMaxAge(MAX_AGE_SECONDS));
        ctx.response().setStatusCode(303).putHeader("Location", localPath(ctx.request().getParam("back"))).end();
    }

    /** Only a path on this node: never another site, so the switcher is no open redirect. */
    static String localPath(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.startsWith("/\\")
                || back.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        return back;
    }
}
