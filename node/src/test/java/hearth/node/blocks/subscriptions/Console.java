package hearth.node.blocks.subscriptions;

import hearth.node.TestNode;
import hearth.node.config.DataFolder;
import hearth.node.moderation.ModeratorAccounts;
import hearth.node.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
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
 * A moderator's browser reduced to HTTP for the blocklist console: signs in, reads pages, and
 * posts forms with the page's {@code csrf} token (or a wrong one, to see the refusal).
 */
final class Console implements AutoCloseable {

    static final String PASSWORD = "correct horse battery staple";

    private final TestNode node;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private Console(TestNode node) {
        this.node = node;
    }

    /** Creates the moderator in the node's store, as the admin command does. */
    static void addModerator(TestNode node, String name, boolean admin, String... circles) {
        try (Database db = Database.sqlite(DataFolder.open(node.data()).database())) {
            db.write(c -> {
                ModeratorAccounts.createOrUpdate(c, name, PASSWORD.toCharArray(), admin, List.of(circles),
                        System.currentTimeMillis());
                return null;
            });
        }
    }

    /** A browser that has not signed in. */
    static Console signInNone(TestNode node) {
        return new Console(node);
    }

    static Console signIn(TestNode node, String name) {
        Console console = new Console(node);
        Document form = console.page("/mod/login");
        int status = console.post("/mod/login", Map.of("csrf", csrf(form), "name", name, "password", PASSWORD))
                .statusCode();
        if (status != 303) {
            throw new IllegalStateException("sign-in as " + name + " answered " + status);
        }
        return console;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(node.url(path)).timeout(Duration.ofSeconds(15)).GET().build());
    }

    Document page(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return Jsoup.parse(response.body());
    }

    /** Posts a form of the blocklists page, with its current csrf token and these fields. */
    HttpResponse<String> submit(String path, String... nameValues) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf(page("/mod/blocklists")));
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            form.put(nameValues[i], nameValues[i + 1]);
        }
        return post(path, form);
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(node.url(path)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String csrf(Document page) {
        Element field = page.selectFirst("form input[type=hidden][name=csrf]");
        if (field == null) {
            throw new IllegalStateException("the page has no csrf field");
        }
        return field.attr("value");
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}
