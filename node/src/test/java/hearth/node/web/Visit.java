package hearth.node.web;

import hearth.node.TestNode;
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
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One person's browser for hostile-input tests: like {@link Browser} (own cookie jar, redirects
 * not followed) but every request may carry extra headers ({@code Origin}, {@code Sec-Fetch-Site})
 * and a form can be read off a page with every field it would send. Not thread-safe.
 */
final class Visit {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final TestNode node;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    Visit(TestNode node) {
        this.node = node;
    }

    HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    Document page(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode());
        }
        return Jsoup.parse(response.body(), response.uri().toString());
    }

    /** The fields the form whose action is {@code action} on {@code page} would send, in order. */
    static Map<String, String> formFields(Document page, String action) {
        Element form = page.selectFirst("form[action=" + action + "]");
        if (form == null) {
            throw new AssertionError("no form posting to " + action + " on " + page.location());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[name], textarea[name], select[name]").forEach(e -> {
            String type = e.attr("type");
            if (("radio".equals(type) || "checkbox".equals(type)) && !e.hasAttr("checked")) {
                fields.putIfAbsent(e.attr("name"), null);
                return;
            }
            fields.put(e.attr("name"), e.is("textarea") ? e.wholeText()
                    : e.is("select") ? e.select("option").first().val() : e.val());
        });
        fields.values().removeIf(java.util.Objects::isNull);
        return fields;
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields, String... headers) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send("POST", path, body, headers);
    }

    HttpResponse<String> send(String method, String path, String formBody, String... headers) {
        URI uri = node.url(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, formBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(formBody, StandardCharsets.UTF_8));
        if (formBody != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return CookieSend.send(HTTP, cookies, uri, request);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
