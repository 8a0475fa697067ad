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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A moderator's browser reduced to HTTP, for tests against node processes: signs in to the
 * console and uses its forms (the {@code csrf} token read from the console's pages).
 *
 * <pre>{@code
 * try (ConsoleClient maya = ConsoleClient.signIn(base, "maya", "correct horse battery staple")) {
 *     maya.remove(postId, "Shares a method");
 * }
 * }</pre>
 */
public final class ConsoleClient implements AutoCloseable {

    private final HttpClient http;
    private final URI base;

    private ConsoleClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    /** Signs in; fails if the node does not let her in. */
    public static ConsoleClient signIn(URI base, String name, String password) throws IOException, InterruptedException {
        ConsoleClient client = new ConsoleClient(base);
        Document form = client.page("/mod/login");
        int status = client.post("/mod/login", Map.of("csrf", csrf(form), "name", name, "password", password))
                .statusCode();
        if (status != 303) {
            client.close();
            throw new IllegalStateException("sign-in as " + name + " answered " + status);
        }
        return client;
    }

    /** The ids of the posts in her queue, in the order shown. */
    public List<String> queue() throws IOException, InterruptedException {
        return page("/mod").select("article.queue-item").stream().map(e -> e.id().substring(2)).toList();
    }

    /** The queue page's text for one post (its reports, reasons, where they came from). */
    public String queueItemText(String postId) throws IOException, InterruptedException {
        Element item = page("/mod").getElementById("q-" + postId);
        return item == null ? "" : item.text();
    }

    public int remove(String postId, String reason) throws IOException, InterruptedException {
        return postAction(postId, "remove", Map.of("reason", reason));
    }

    public int restore(String postId) throws IOException, InterruptedException {
        return postAction(postId, "restore", Map.of());
    }

    public int approve(String postId) throws IOException, InterruptedException {
        return postAction(postId, "approve", Map.of());
    }

    /** Locks or unlocks a thread. */
    public int lock(String threadId, boolean locked) throws IOException, InterruptedException {
        return post("/mod/threads/" + threadId + "/" + (locked ? "lock" : "unlock"),
                Map.of("csrf", csrf(page("/mod")))).statusCode();
    }

    private int postAction(String postId, String action, Map<String, String> fields)
            throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf(page("/mod")));
        form.putAll(fields);
        return post("/mod/posts/" + postId + "/" + action, form).statusCode();
    }

    private Document page(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(15)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return Jsoup.parse(response.body());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(15))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(Document page) {
        Element field = page.selectFirst("form input[type=hidden][name=csrf]");
        if (field == null) {
            throw new IllegalStateException("the console page has no csrf field");
        }
        return field.attr("value");
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}
