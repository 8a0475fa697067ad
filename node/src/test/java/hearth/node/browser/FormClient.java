package hearth.node.browser;

import hearth.node.web.CookieSend;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Fills in a page's own form over plain HTTP, much faster than typing in a browser, for seeding
 * hundreds of posts that real Chromium then reads. Keeps its cookies (one woman). Not thread-safe.
 */
final class FormClient {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final Function<String, URI> url;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    /** @param url turns a path into the node's address */
    FormClient(Function<String, URI> url) {
        this.url = url;
    }

    /**
     * Opens {@code page}, takes the form posting to {@code action} with every field it has
     * (hidden token included), overrides some, and posts it. Returns the response.
     */
    HttpResponse<String> submit(String page, String action, Map<String, String> overrides) {
        Document doc = Jsoup.parse(send("GET", page, null).body(), url.apply(page).toString());
        Element form = doc.selectFirst("form[action=" + action + "]");
        if (form == null) {
            throw new AssertionError("no form posting to " + action + " on " + page);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[name]:not([type=radio]):not([type=checkbox]), textarea[name]")
                .forEach(e -> fields.put(e.attr("name"), e.is("textarea") ? e.wholeText() : e.val()));
        form.select("input[name][checked]").forEach(e -> fields.put(e.attr("name"), e.val()));
        fields.putAll(overrides);
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send("POST", action, body);
    }

    /** Like {@link #submit} but the answer must be a redirect; returns where to. */
    String submitAndFollow(String page, String action, Map<String, String> overrides) {
        HttpResponse<String> r = submit(page, action, overrides);
        if (r.statusCode() != 303) {
            throw new AssertionError("POST " + action + " answered " + r.statusCode() + ": "
                    + Jsoup.parse(r.body()).select(".problems, h1").text());
        }
        return r.headers().firstValue("Location").orElseThrow();
    }

    /** {@code first} and every page its {@code rel=next} links lead to (at most 50), as paths. */
    List<String> pagesFrom(String first) {
        List<String> pages = new ArrayList<>();
        String next = first;
        while (next != null && pages.size() < 50) {
            pages.add(next);
            Element link = Jsoup.parse(send("GET", next, null).body(), url.apply(next).toString())
                    .selectFirst("a[rel=next]");
            URI abs = link == null ? null : URI.create(link.absUrl("href"));
            next = abs == null ? null : abs.getRawPath() + (abs.getRawQuery() == null ? "" : "?" + abs.getRawQuery());
        }
        return pages;
    }

    HttpResponse<String> send(String method, String path, String formBody) {
        URI uri = url.apply(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, formBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(formBody, StandardCharsets.UTF_8));
        if (formBody != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        return CookieSend.send(HTTP, cookies, uri, request);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
