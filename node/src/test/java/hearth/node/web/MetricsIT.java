package hearth.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import hearth.node.HearthNode;
import hearth.node.TestNode;
import hearth.node.config.DataFolder;
import hearth.node.federation.Deliveries;
import hearth.node.store.Database;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The metrics endpoint over real HTTP: the Prometheus text format on its own loopback port, and
 * numbers that move when she posts, when the outbox delivers and when an inbox refuses a delivery;
 * labels made of route templates, never of paths or anything a client sent.
 */
class MetricsIT {

    /** A sample line: name, optional labels, a value (Prometheus text exposition format 0.0.4). */
    private static final Pattern SAMPLE = Pattern.compile(
            "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*\\})? "
            + "(?:[-+]?[0-9.]+(?:[eE][-+]?[0-9]+)?|NaN|[-+]Inf)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static HearthNode node;
    private static Path data;

    @BeforeAll
    static void start() throws Exception {
        data = TestNode.freshDataFolder();
        Path config = data.resolve("hearth.yaml");
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (InputStream in = MetricsIT.class.getResourceAsStream("/hearth/config/hearth.example.yaml")) {
            ObjectNode tree = (ObjectNode) yaml.readTree(in);
            tree.putObject("metrics").put("enabled", true).put("port", 0);
            yaml.writeValue(config.toFile(), tree);
        }
        node = HearthNode.start(new HearthNode.Settings(0, "127.0.0.1", data, config, null));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void theEndpointAnswersInThePrometheusTextFormat() throws Exception {
        HttpResponse<String> answer = get(URI.create("http://127.0.0.1:" + node.metricsPort() + "/metrics"));
        assertEquals(200, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        for (String line : answer.body().lines().toList()) {
            assertTrue(line.startsWith("# HELP ") || line.startsWith("# TYPE ") || SAMPLE.matcher(line).matches(),
                    () -> "not a Prometheus line: " + line);
        }
        for (String name : List.of("jvm_memory_used_bytes", "process_uptime_seconds", "hearth_search_index_lag",
                "jvm_threads_live_threads")) {
            assertTrue(answer.body().contains("\n" + name), () -> name + " is served");
        }
    }

    @Test
    void metricsAreNotServedOnTheForumsPort() throws Exception {
        assertEquals(404, get(URI.create("http://127.0.0.1:" + node.port() + "/metrics")).statusCode());
        assertEquals(404, get(URI.create("http://127.0.0.1:" + node.metricsPort() + "/other")).statusCode());
    }

    @Test
    void postingAndReadingMoveTheCountersUnderRouteTemplates() throws Exception {
        double posts = value(scrape(), "hearth_posts_written_total");
        String thread = reader().startThread("perinatal", "Sleepless", "Is anyone awake?");
        reader().get(thread);
        reader().get("/search?q=nightlightword");
        String text = scrapeUntil(scraped -> scraped.contains("route=\"/search\""));
        assertEquals(posts + 1, value(text, "hearth_posts_written_total"));
        assertTrue(value(text, "hearth_http_server_requests_seconds_count", "route=\"/c/:circle/t/:thread\"",
                "status=\"2xx\"", "method=\"GET\"") >= 1, text);
        assertTrue(text.contains("hearth_http_server_requests_seconds_bucket{"), "latency histogram");
        assertTrue(text.contains("hearth_http_server_requests_seconds_max{"), "the slowest recent request");
        String threadId = thread.substring(thread.lastIndexOf('/') + 1);
        assertFalse(text.contains(threadId), "no path with ids in any label");
        assertFalse(text.contains("nightlightword"), "no query string in any label");
    }

    @Test
    void anUnknownPathIsCountedUnderOneLabel() throws Exception {
        reader().get("/no/such/place-7f3a");
        String text = scrapeUntil(scraped -> scraped.contains("route=\"unmatched\""));
        assertFalse(text.contains("place-7f3a"));
        assertTrue(value(text, "hearth_http_server_requests_seconds_count", "route=\"unmatched\"",
                "status=\"4xx\"") >= 1, text);
    }

    @Test
    void aRefusedDeliveryCountsAsAnInboxRejection() throws Exception {
        double before = value(scrape(), "hearth_inbox_rejections_total");
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port()
                        + "/inbox")).header("Content-Type", "application/activity+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"Create\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(answer.statusCode() >= 400, "an unsigned delivery is refused");
        String text = scrapeUntil(scraped -> value(scraped, "hearth_inbox_rejections_total") >= before + 1);
        assertEquals(before + 1, value(text, "hearth_inbox_rejections_total"));
        assertTrue(value(text, "hearth_inbox_rejections_total", "reason=\"" + reason(answer.statusCode()) + "\"") >= 1,
                text);
    }

    @Test
    void theOutboxGaugesFollowDeliveriesPerHost() throws Exception {
        String id;
        try (Database db = Database.sqlite(DataFolder.open(data).database())) {
            long now = System.currentTimeMillis() + 3_600_000; // not due yet: the worker leaves it alone
            db.write(c -> Deliveries.enqueue(c, URI.create("https://a.example/activities/metrics-1"),
                    "{}".getBytes(StandardCharsets.UTF_8), "https://a.example/actor",
                    List.of(URI.create("https://gauge.example/inbox")), now));
            assertEquals(1.0, value(scrape(), "hearth_deliveries", "host=\"gauge.example\"", "state=\"pending\""));
            id = db.read(c -> {
                var r = c.createStatement().executeQuery("SELECT id FROM delivery WHERE host = 'gauge.example'");
                r.next();
                return r.getString(1);
            });
            db.write(c -> {
                Deliveries.record(c, List.of(new Deliveries.Outcome(id, Deliveries.PENDING, 1, now + 60_000,
                        "503", now)));
                return null;
            });
            assertEquals(1.0, value(scrape(), "hearth_deliveries", "host=\"gauge.example\"", "state=\"failing\""));
            db.write(c -> {
                Deliveries.record(c, List.of(new Deliveries.Outcome(id, Deliveries.DELIVERED, 2, null, null, now)));
                return null;
            });
        }
        String text = scrape();
        assertEquals(0.0, value(text, "hearth_deliveries", "host=\"gauge.example\"", "state=\"pending\""));
        assertEquals(1.0, value(text, "hearth_deliveries", "host=\"gauge.example\"", "state=\"delivered\""));
    }

    private static PlainClient reader() {
        return new PlainClient(node.port(), java.util.Map.of());
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "malformed";
            case 401 -> "signature";
            case 403 -> "refused";
            default -> "other";
        };
    }

    /**
     * A request is timed once its answer has gone out, so a scrape sent the moment the answer
     * arrives may come first: scrapes again, for at most five seconds, until {@code ready} holds.
     */
    private static String scrapeUntil(java.util.function.Predicate<String> ready) throws Exception {
        String text = scrape();
        for (int attempt = 0; attempt < 50 && !ready.test(text); attempt++) {
            Thread.sleep(100);
            text = scrape();
        }
        return text;
    }

    private static String scrape() throws Exception {
        HttpResponse<String> answer = get(URI.create("http://127.0.0.1:" + node.metricsPort() + "/metrics"));
        assertEquals(200, answer.statusCode());
        return answer.body();
    }

    /** The sum of the samples of {@code name} whose labels contain every one of {@code labels}. */
    private static double value(String text, String name, String... labels) {
        double sum = 0;
        for (String line : text.lines().toList()) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            if (List.of(labels).stream().allMatch(line::contains)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
