package hearth.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.CookiePolicy;
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
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One woman's browser for the safety tests, against any node given by how it makes addresses
 * (a {@code TestNode} or a {@code ConfiguredTestNode}): her own cookie jar, an optional
 * Accept-Language, redirects not followed. Not thread-safe: one per simulated person.
 */
final class SafetyClient {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final Function<String, URI> url;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private String language;

    SafetyClient(Function<String, URI> url) {
        this.url = url;
    }

    /** Sends this Accept-Language from now on ("es-ES,es;q=0.9"). */
    SafetyClient speaking(String acceptLanguage) {
        this.language = acceptLanguage;
        return this;
    }

    HttpResponse<String> get(String path) {
        return send(path, null);
    }

    Document page(String path) {
        HttpResponse<String> response = get(path);
        assertEquals(200, response.statusCode(), () -> "GET " + path + " should open");
        return html(response);
    }

    HttpResponse<String> post(String path, Map<String, String> fields) {
        return send(path, fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&")));
    }

    /** Posts a new thread through its form; the answer is the node's 303 (or the form again). */
    HttpResponse<String> postThread(String circle, String title, String body) {
        String form = "/c/" + circle + "/new";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", csrf(page(form)));
        fields.put("title", title);
        fields.put("body", body);
        fields.put("pseudonym", "usual");
        return post(form, fields);
    }

    /** Starts a thread and returns its address. */
    String startThread(String circle, String title, String body) {
        return seeOther(postThread(circle, title, body));
    }

    /** Replies through the thread's form and returns the new post's address ("...#p-ID"). */
    String reply(String thread, String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", csrf(page(thread)));
        fields.put("body", body);
        fields.put("pseudonym", "usual");
        String location = seeOther(post(thread + "/reply", fields));
        assertTrue(location.startsWith(thread + "#p-"), location);
        return location;
    }

    /** The posts' anchors ("p-ID") on a thread page, in order. */
    List<String> threadPosts(String thread) {
        return page(thread).select("ol.posts > li.post").stream().map(Element::id).toList();
    }

    /** The post id in "p-ID" or "...#p-ID". */
    static String postId(String anchorOrUrl) {
        return anchorOrUrl.substring(anchorOrUrl.lastIndexOf("p-") + 2);
    }

    static Document html(HttpResponse<String> response) {
        return Jsoup.parse(response.body(), response.uri().toString());
    }

    static String seeOther(HttpResponse<String> response) {
        assertEquals(303, response.statusCode(), () -> "expected a 303 redirect; got " + response.statusCode()
                + ": " + Jsoup.parse(response.body()).select(".problems, h1").text());
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static String csrf(Document page) {
        Element field = page.selectFirst("form input[type=hidden][name=csrf]");
        assertNotNull(field, "the page should have a form with a csrf field");
        return field.val();
    }

    private HttpResponse<String> send(String path, String form) {
        URI uri = url.apply(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (form == null) {
            request.GET();
        } else {
            request.POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                    .header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return CookieSend.send(HTTP, cookies, uri, request);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
