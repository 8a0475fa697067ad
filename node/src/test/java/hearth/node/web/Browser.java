package hearth.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One simulated woman's browser against a {@link TestNode}: its own cookie jar, redirects
 * not followed (so a 303 can be asserted), HTTP/1.1, pages parsed with jsoup.
 *
 * <pre>{@code
 * Browser ana = new Browser(node);
 * String thread = ana.startThread("perinatal", "Can't sleep", "Since the *baby*...");
 * Document page = ana.page(thread);
 * }</pre>
 *
 * Not thread-safe: one browser per simulated person, used from one test thread.
 */
final class Browser {

    static final Pattern THREAD_URL = Pattern.compile("/c/([a-z0-9-]+)/t/([0-9A-Z]{26})");
    static final Pattern POST_URL = Pattern.compile("(/c/[a-z0-9-]+/t/[0-9A-Z]{26})#p-([0-9A-Z]{26})");
    /** "Quiet Heron 4821": a word, a word, four digits. */
    static final Pattern PSEUDONYM = Pattern.compile("[A-Z][a-z]+ [A-Z][a-z]+ \\d{4}");

    // One client for every browser: cookies are kept per browser below, not in the client.
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final TestNode node;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    Browser(TestNode node) {
        this.node = node;
    }

    // ---- raw requests

    HttpResponse<String> get(String path) {
        return send("GET", path, null, null);
    }

    /** Posts an url-encoded form; fields are sent in the map's order. */
    HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send("POST", path, "application/x-www-form-urlencoded", body);
    }

    HttpResponse<String> send(String method, String path, String contentType, String body) {
        URI uri = node.url(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return CookieSend.send(HTTP, cookies, uri, request);
    }

    // ---- reading pages

    /** GETs a page that must exist, and parses it. */
    Document page(String path) {
        HttpResponse<String> response = get(path);
        assertEquals(200, response.statusCode(), () -> "GET " + path + " should open");
        return html(response);
    }

    /**
     * The search page for {@code query} once it lists at least {@code expected} results. A post
     * becomes searchable within the index's refresh interval, so this asks again for up to ten seconds.
     */
    Document searchFinding(String query, int expected) {
        String path = "/search?q=" + enc(query);
        for (int attempt = 0; attempt < 100; attempt++) {
            Document results = page(path);
            if (results.select("ol.results > li").size() >= expected) {
                return results;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("a search for " + query + " should find " + expected + " posts");
    }

    static Document html(HttpResponse<String> response) {
        return Jsoup.parse(response.body(), response.uri().toString());
    }

    static String csrfFrom(Document page) {
        Element field = page.selectFirst("form input[type=hidden][name=csrf]");
        assertNotNull(field, "the page should have a form with a csrf field");
        return field.val();
    }

    /** The posts of a thread page, in order. */
    static List<Element> posts(Document thread) {
        return thread.select("ol.posts > li.post");
    }

    /** The pseudonym shown on a post ("—" once deleted). */
    static String pseudonym(Element post) {
        return post.selectFirst(".who").text();
    }

    // ---- what she does

    String startThread(String circle, String title, String body) {
        return startThread(circle, title, body, "usual");
    }

    /** Starts a thread through the form and returns its URL path. */
    String startThread(String circle, String title, String body, String pseudonym) {
        String form = "/c/" + circle + "/new";
        HttpResponse<String> response = postForm(form, fields(csrfFrom(page(form)), title, body, pseudonym));
        String location = seeOther(response);
        assertTrue(THREAD_URL.matcher(location).matches(), () -> "a new thread's address, not " + location);
        return location;
    }

    String reply(String threadUrl, String body) {
        return reply(threadUrl, body, "usual");
    }

    /** Replies through the thread page's form and returns the new post's URL ("...#p-ID"). */
    String reply(String threadUrl, String body, String pseudonym) {
        HttpResponse<String> response = postForm(threadUrl + "/reply",
                fields(csrfFrom(page(threadUrl)), null, body, pseudonym));
        String location = seeOther(response);
        assertTrue(location.startsWith(threadUrl + "#p-"), () -> "the new reply's address, not " + location);
        return location;
    }

    /** The form fields a compose form sends; a null title is left out (replies have none). */
    static Map<String, String> fields(String csrf, String title, String body, String pseudonym) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (csrf != null) {
            fields.put("csrf", csrf);
        }
        if (title != null) {
            fields.put("title", title);
        }
        fields.put("body", body);
        fields.put("pseudonym", pseudonym);
        return fields;
    }

    static String seeOther(HttpResponse<String> response) {
        assertEquals(303, response.statusCode(), () -> "expected a 303 redirect; got " + response.statusCode()
                + ": " + Jsoup.parse(response.body()).select(".problems, h1").text());
        return response.headers().firstValue("Location").orElseThrow();
    }

    /** The post id in a "...#p-ID" address. */
    static String postId(String postUrl) {
        Matcher m = POST_URL.matcher(postUrl);
        assertTrue(m.matches(), () -> "a post's address, not " + postUrl);
        return m.group(2);
    }

    static String threadId(String threadUrl) {
        Matcher m = THREAD_URL.matcher(threadUrl);
        assertTrue(m.matches(), () -> "a thread's address, not " + threadUrl);
        return m.group(2);
    }

    // ---- cookies

    /** Puts a cookie in the jar as if some other code had set it. */
    void setCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(node.url("/"), cookie);
    }

    boolean hasCookies() {
        return !cookies.getCookieStore().getCookies().isEmpty();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
