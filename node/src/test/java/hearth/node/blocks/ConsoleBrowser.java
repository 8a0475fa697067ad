package hearth.node.blocks;

import hearth.node.config.DataFolder;
import hearth.node.moderation.ModeratorAccounts;
import hearth.node.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A moderator's browser on the blocks page, reduced to HTTP: the account is made on the node's
 * data folder as the operator would, then she signs in and fills in the forms (the {@code csrf}
 * token read from the page). Not thread-safe.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final String PASSWORD = "a long enough password for tests";

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final URI base;

    private ConsoleBrowser(URI base) {
        this.base = base;
    }

    /** Makes a moderator on the node in {@code data} (admin or of {@code circles}) and signs her in. */
    static ConsoleBrowser signIn(URI base, Path data, String name, boolean admin, List<String> circles) {
        try (Database db = Database.sqlite(DataFolder.open(data).database())) {
            // The running node writes too, from its own pool: a write that began as a read may be
            // refused as busy, as the operator's command would be; try again as she would.
            for (int attempt = 1; ; attempt++) {
                try {
                    db.write(c -> {
                        ModeratorAccounts.createOrUpdate(c, name, PASSWORD.toCharArray(), admin, circles,
                                System.currentTimeMillis());
                        return null;
                    });
                    break;
                } catch (hearth.node.store.StoreException busy) {
                    if (attempt == 5) {
                        throw busy;
                    }
                }
            }
        }
        ConsoleBrowser browser = new ConsoleBrowser(base);
        Document login = browser.page("/mod/login");
        int status = browser.post("/mod/login", Map.of("csrf", csrf(login), "name", name, "password", PASSWORD))
                .statusCode();
        if (status != 303) {
            throw new IllegalStateException("sign-in answered " + status);
        }
        return browser;
    }

    /** Saves a domain block through the form; returns the status (303 when saved). */
    int block(String domain, String severity, boolean shared, String publicComment) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("domain", domain);
        form.put("severity", severity);
        form.put("public_comment", publicComment);
        form.put("private_comment", "");
        if (shared) {
            form.put("shared", "true");
        }
        return submit("/mod/blocks", form).statusCode();
    }

    int lift(String domain, String reason) {
        return submit("/mod/blocks/lift", Map.of("domain", domain, "reason", reason)).statusCode();
    }

    /** Posts a form of the blocks page with a fresh csrf token. */
    HttpResponse<String> submit(String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", csrf(page("/mod/blocks")));
        form.putAll(fields);
        return post(path, form);
    }

    HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(15)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Document page(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        return Jsoup.parse(response.body());
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String csrf(Document page) {
        Element field = page.selectFirst("form input[type=hidden][name=csrf]");
        if (field == null) {
            throw new IllegalStateException("the page has no csrf field");
        }
        return field.attr("value");
    }

    @Override
    public void close() {
        http.close();
    }
}
