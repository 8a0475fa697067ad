package hearth.node.web;

import hearth.node.forum.ContentWarning;
import hearth.ui.i18n.Messages;
import hearth.ui.view.ContentWarningView;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which content warnings a reader sees unfolded: the node's topics she unticked on
 * {@code /preferences}, kept in her browser's {@code hearth_prefs} cookie and never on the server.
 *
 * <p>Every warning starts folded. A warning opens only when each topic it names ("loss, abuse" names
 * two) is one she unticked; a warning about anything else, and the general warning for a post marked
 * sensitive elsewhere, always stay folded. An unreadable cookie counts as no choice. Immutable.
 */
final class ContentWarningPrefs {

    static final String COOKIE = "hearth_prefs";
    // Browsers cap cookie lifetimes at about 400 days.
    private static final long MAX_AGE_SECONDS = 400L * 24 * 3600;
    private static final int MAX_COOKIE_CHARS = 3000;
    private static final String VERSION = "o1.";

    private final List<String> topics;
    private final Set<String> opened;

    private ContentWarningPrefs(List<String> topics, Set<String> opened) {
        this.topics = List.copyOf(topics);
        this.opened = Set.copyOf(opened);
    }

    /** The reader's choice from her request's cookie, among the node's {@code topics}. */
    static ContentWarningPrefs of(RoutingContext ctx, List<String> topics) {
        Cookie cookie = ctx.request().getCookie(COOKIE);
        return fromCookie(cookie == null ? null : cookie.getValue(), topics);
    }

    /** The choice a cookie value holds; topics the node no longer suggests are dropped. */
    static ContentWarningPrefs fromCookie(String value, List<String> topics) {
        Set<String> opened = new LinkedHashSet<>();
        if (value != null && value.startsWith(VERSION) && value.length() <= MAX_COOKIE_CHARS) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(value.substring(VERSION.length())),
                        StandardCharsets.UTF_8);
                Set<String> known = keys(topics);
                for (String topic : text.split("\n")) {
                    if (known.contains(key(topic))) {
                        opened.add(key(topic));
                    }
                }
            } catch (IllegalArgumentException notBase64) {
                opened.clear();
            }
        }
        return new ContentWarningPrefs(topics, opened);
    }

    /** A reader who unticked these topics (the rest of the node's topics stay folded). */
    static ContentWarningPrefs opening(Collection<String> unticked, List<String> topics) {
        Set<String> known = keys(topics);
        Set<String> opened = new LinkedHashSet<>();
        for (String topic : unticked) {
            if (known.contains(key(topic))) {
                opened.add(key(topic));
            }
        }
        return new ContentWarningPrefs(topics, opened);
    }

    /** Whether posts warned with this topic stay folded (the checkbox "always collapse"). */
    boolean collapses(String topic) {
        return !opened.contains(key(topic));
    }

    /** Whether a stored warning is shown unfolded for this reader. */
    boolean opens(String warning) {
        if (warning == null || ContentWarning.generic(warning)) {
            return false;
        }
        List<String> named = new ArrayList<>();
        for (String part : warning.split("[,;/]")) {
            if (!part.isBlank()) {
                named.add(key(part));
            }
        }
        return !named.isEmpty() && opened.containsAll(named);
    }

    /** The warning as a page shows it, or null for none; the general one in the reader's language. */
    ContentWarningView view(String stored, Messages t) {
        if (stored == null) {
            return null;
        }
        String text = ContentWarning.generic(stored) ? t.get("reactions.cw.generic") : stored;
        return new ContentWarningView(text, opens(stored));
    }

    List<String> topics() {
        return topics;
    }

    /**
     * Keeps the choice in her browser: HttpOnly, SameSite=Lax (a link from elsewhere still shows her
     * choice), Secure on https nodes. With nothing unticked the cookie is removed: nothing to keep.
     */
    void keep(RoutingContext ctx, boolean secure) {
        Cookie cookie = Cookie.cookie(COOKIE, cookieValue())
                .setPath("/")
                .setHttpOnly(true)
                .setSecure(secure)
                .setSameSite(CookieSameSite.LAX)
                .setMaxAge(opened.isEmpty() ? 0 : MAX_AGE_SECONDS);
        ctx.response().addCookie(cookie);
    }

    /** The cookie's value: the unticked topics, base64url so any language's words fit; "" for none. */
    String cookieValue() {
        return opened.isEmpty() ? "" : VERSION + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join("\n", opened).getBytes(StandardCharsets.UTF_8));
    }

    private static Set<String> keys(List<String> topics) {
        Set<String> out = new LinkedHashSet<>();
        topics.forEach(t -> out.add(key(t)));
        return out;
    }

    /** Topics and warnings compare without case or extra spaces: "Self-harm " is "self-harm". */
    private static String key(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
