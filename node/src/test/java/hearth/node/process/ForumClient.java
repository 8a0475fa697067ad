package hearth.node.process;

import java.io.IOException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * One woman's browser, reduced to plain HTTP: a cookie jar, no redirect following, and the
 * forms filled in the way a browser would (the {@code csrf} token read from the form page).
 * A post counts as acknowledged only when the node answers 303 See Other.
 */
public final class ForumClient implements AutoCloseable {

    static final Pattern THREAD_LOCATION =
            Pattern.compile("^/c/([^/#?]+)/t/([0-9A-Z]{26})(?:#p-([0-9A-Z]{26}))?$");

    /** What the node answered to a form post (or to the page that carries the form). */
    public record Answer(String step, int status, String location, String body) {

        public boolean acknowledged() {
            return status == 303 && location != null && THREAD_LOCATION.matcher(location).matches();
        }

        public String circle() {
            return group(1);
        }

        public String threadId() {
            return group(2);
        }

        public String postId() {
            return group(3);
        }

        private String group(int n) {
            Matcher m = THREAD_LOCATION.matcher(location == null ? "" : location);
            return m.matches() ? m.group(n) : null;
        }

        public String describe() {
            String snippet = body == null ? "" : body.replaceAll("\\s+", " ");
            return step + " answered " + status + (location == null ? "" : " -> " + location)
                    + (snippet.isEmpty() ? "" : ": " + snippet.substring(0, Math.min(300, snippet.length())));
        }
    }

    private final HttpClient http;
    private final URI base;
    private final String language;

    public ForumClient(URI base, CookieManager jar) {
        this(base, jar, null);
    }

    /** A browser that asks for pages in {@code language} (its Accept-Language), or in none when null. */
    public ForumClient(URI base, CookieManager jar, String language) {
        this.base = base;
        this.language = language;
        this.http = HttpClient.newBuilder()
                .cookieHandler(jar)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    public static CookieManager newJar() {
        return new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(withLanguage(HttpRequest.newBuilder(base.resolve(path))).timeout(Duration.ofSeconds(15))
                        .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder withLanguage(HttpRequest.Builder request) {
        return language == null ? request : request.header("Accept-Language", language);
    }

    /** Opens /c/{circle}/new, fills in the form and sends it. */
    public Answer startThread(String circle, String title, String body, String pseudonym)
            throws IOException, InterruptedException {
        String formPage = "/c/" + circle + "/new";
        HttpResponse<String> page = get(formPage);
        if (page.statusCode() != 200) {
            return new Answer("GET " + formPage, page.statusCode(), null, page.body());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf(page.body()));
        form.put("title", title);
        form.put("body", body);
        form.put("pseudonym", pseudonym);
        return post(formPage, form);
    }

    /** Opens the thread page, fills in its reply form and sends it. */
    public Answer reply(String circle, String threadId, String body, String pseudonym)
            throws IOException, InterruptedException {
        String threadPage = "/c/" + circle + "/t/" + threadId;
        HttpResponse<String> page = get(threadPage);
        if (page.statusCode() != 200) {
            return new Answer("GET " + threadPage, page.statusCode(), null, page.body());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf(page.body()));
        form.put("body", body);
        form.put("pseudonym", pseudonym);
        return post(threadPage + "/reply", form);
    }

    /** Opens the edit form of her post, replaces title (for an opening post) and body, and sends it. */
    public Answer edit(String circle, String threadId, String postId, String title, String body)
            throws IOException, InterruptedException {
        String formPage = "/c/" + circle + "/t/" + threadId + "/p/" + postId + "/edit";
        HttpResponse<String> page = get(formPage);
        if (page.statusCode() != 200) {
            return new Answer("GET " + formPage, page.statusCode(), null, page.body());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf(page.body()));
        if (title != null) {
            form.put("title", title);
        }
        form.put("body", body);
        return post(formPage, form);
    }

    /** Opens the delete confirmation of her post and confirms. */
    public Answer delete(String circle, String threadId, String postId) throws IOException, InterruptedException {
        String formPage = "/c/" + circle + "/t/" + threadId + "/p/" + postId + "/delete";
        HttpResponse<String> page = get(formPage);
        if (page.statusCode() != 200) {
            return new Answer("GET " + formPage, page.statusCode(), null, page.body());
        }
        Element field = Jsoup.parse(page.body()).selectFirst("form input[type=hidden][name=csrf]");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", field == null ? "" : field.attr("value"));
        return post(formPage, form);
    }

    /** Sends a form she opened earlier ({@code formPage}'s HTML, from {@link #get}) to {@code path}, with its token. */
    public Answer send(String path, String formPage, Map<String, String> fields)
            throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf(formPage));
        form.putAll(fields);
        return post(path, form);
    }

    private Answer post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String encoded = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(withLanguage(HttpRequest.newBuilder(base.resolve(path)))
                        .timeout(Duration.ofSeconds(15))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(encoded, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer("POST " + path, response.statusCode(),
                response.headers().firstValue("Location").orElse(null), response.body());
    }

    private static String csrf(String html) {
        Element field = Jsoup.parse(html).selectFirst("form.compose input[type=hidden][name=csrf]");
        if (field == null || field.attr("value").isEmpty()) {
            throw new IllegalStateException("the form page has no csrf field");
        }
        return field.attr("value");
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}
