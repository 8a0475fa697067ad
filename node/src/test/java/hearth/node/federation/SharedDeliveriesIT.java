package hearth.node.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import hearth.node.author.PseudonymNames;
import hearth.node.blocks.Blocks;
import hearth.node.forum.FederatedPosts;
import hearth.node.forum.ForumService;
import hearth.node.store.Database;
import hearth.node.store.PgServer;
import hearth.node.store.StorageUrl;
import hearth.ui.text.PostFormatter;
import io.vertx.core.Vertx;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two delivery workers, as in two node processes (each with its own connection pool), on one
 * PostgreSQL outbox: every delivery reaches its inbox exactly once, and both workers send.
 */
class SharedDeliveriesIT {

    private static final int HOSTS = 3;
    private static final int ACTIVITIES = 60;

    @Test
    void twoWorkersOnOneOutboxSendEachDeliveryOnce() throws Exception {
        StorageUrl url = PgServer.shared().freshDatabase();
        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> senders = new ConcurrentHashMap<>();
        List<HttpServer> inboxes = new ArrayList<>();
        Vertx vertx = Vertx.vertx();
        try (Database first = Database.postgres(url); Database second = Database.postgres(url)) {
            for (int i = 0; i < HOSTS; i++) {
                HttpServer inbox = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                inbox.createContext("/inbox", exchange -> {
                    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    received.computeIfAbsent(exchange.getLocalAddress().getPort() + " " + body,
                            k -> new AtomicInteger()).incrementAndGet();
                    senders.computeIfAbsent(exchange.getRequestHeaders().getFirst("User-Agent"),
                            k -> new AtomicInteger()).incrementAndGet();
                    // A slow inbox keeps each worker's slots busy, so the two must share the work.
                    sleep(100);
                    exchange.sendResponseHeaders(202, -1);
                    exchange.close();
                });
                inbox.start();
                inboxes.add(inbox);
            }
            Clock clock = Clock.systemUTC();
            Urls urls = new Urls(URI.create("http://hearth.test"));
            // The signing key exists before the workers start, as on a running node.
            new ActorKeys(first, clock).rsa(ActorKeys.nodePath());
            List<URI> targets = inboxes.stream()
                    .map(s -> URI.create("http://127.0.0.1:" + s.getAddress().getPort() + "/inbox")).toList();
            first.write(c -> {
                for (int a = 0; a < ACTIVITIES; a++) {
                    Deliveries.enqueue(c, URI.create("http://hearth.test/activity/" + a),
                            ("{\"id\":\"activity-" + a + "\"}").getBytes(StandardCharsets.UTF_8),
                            ActorKeys.nodePath(), targets, clock.millis());
                }
                return null;
            });
            try (DeliveryWorker one = worker(vertx, first, urls, clock, "Hearth-one");
                 DeliveryWorker two = worker(vertx, second, urls, clock, "Hearth-two")) {
                one.start();
                two.start();
                long deadline = System.nanoTime() + 120_000_000_000L;
                while (delivered(first) < ACTIVITIES * HOSTS && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
            }
            assertEquals(ACTIVITIES * HOSTS, delivered(first), "every delivery recorded as delivered");
            assertEquals(ACTIVITIES * HOSTS, received.size(), "every inbox got every activity");
            received.forEach((what, times) -> assertEquals(1, times.get(), "sent more than once: " + what));
            assertEquals(java.util.Set.of("Hearth-one", "Hearth-two"), senders.keySet(), "both workers sent: " + senders);
        } finally {
            inboxes.forEach(s -> s.stop(0));
            vertx.close().await();
        }
    }

    private static DeliveryWorker worker(Vertx vertx, Database db, Urls urls, Clock clock, String userAgent) {
        ForumService forum = new ForumService(db, new PostFormatter(), new PseudonymNames(), clock);
        Blocks blocks = new Blocks(db, new FederatedPosts(db, forum, clock), false, List.of(), clock);
        Outbound outbound = new Outbound(vertx, true, clock, userAgent);
        return new DeliveryWorker(db, outbound, new Signers(new ActorKeys(db, clock), urls), blocks, clock);
    }

    private static int delivered(Database db) {
        return db.read(c -> Deliveries.counts(c)).getOrDefault(Deliveries.DELIVERED, 0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
