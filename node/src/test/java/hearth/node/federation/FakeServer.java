package hearth.node.federation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import hearth.federation.json.Json;
import hearth.federation.object.ActorType;
import hearth.federation.signature.SignedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * Another fediverse server, as small as a test needs: it listens on 127.0.0.1, serves the
 * documents of the actors made with {@link #actor} (and any object given to {@link #serve}),
 * and keeps every activity delivered to its actors' inboxes, signature headers and all, so a
 * test can check what the node sent and how it was signed.
 *
 * <pre>{@code
 * try (FakeServer remote = FakeServer.start()) {
 *     FakeActor ana = remote.actor("ana", ActorType.PERSON);
 *     FakeServer.Delivery accept = remote.awaitDelivery(d -> d.type().equals("Accept"), Duration.ofSeconds(20));
 * }
 * }</pre>
 * Thread-safe: requests are served on virtual threads while the test reads what arrived.
 */
final class FakeServer implements AutoCloseable {

    /** An activity POSTed to one of this server's inboxes, as it arrived. */
    record Delivery(String recipient, SignedRequest request, ObjectNode activity) {
        String type() {
            return activity.path("type").asText();
        }
    }

    private final HttpServer http;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final URI base;
    private final Map<String, FakeActor> actors = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> objects = new ConcurrentHashMap<>();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    private FakeServer(HttpServer http) {
        this.http = http;
        this.base = URI.create("http://127.0.0.1:" + http.getAddress().getPort());
        http.createContext("/", this::handle);
        http.setExecutor(threads);
        http.start();
    }

    static FakeServer start() {
        try {
            return new FakeServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI base() {
        return base;
    }

    /** A new actor on this server, with fresh keys; its document is served from now on. */
    FakeActor actor(String name, ActorType type) {
        return actor(name, type, Character.toUpperCase(name.charAt(0)) + name.substring(1));
    }

    /** As {@link #actor(String, ActorType)}, with the name her document gives to be shown. */
    FakeActor actor(String name, ActorType type, String displayName) {
        FakeActor actor = FakeActor.create(base, name, type, displayName);
        actors.put(actor.id().getRawPath(), actor);
        return actor;
    }

    /** Serves {@code document} as ActivityPub JSON at {@code id} (which must be on this server). */
    void serve(URI id, ObjectNode document) {
        objects.put(id.getRawPath(), document);
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** The first delivery that matches, waiting for it up to {@code limit}. */
    Delivery awaitDelivery(Predicate<Delivery> wanted, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            for (Delivery delivery : deliveries) {
                if (wanted.test(delivery)) {
                    return delivery;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no such delivery within " + limit.toSeconds() + " s; got " + deliveries.size());
            }
            sleep(50);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestMethod().equals("GET")) {
                FakeActor actor = actors.get(path);
                ObjectNode document = actor != null ? actor.document() : objects.get(path);
                respond(exchange, document == null ? 404 : 200, document);
            } else if (exchange.getRequestMethod().equals("POST") && path.endsWith("/inbox")
                    && actors.containsKey(path.substring(0, path.length() - "/inbox".length()))) {
                deliveries.add(new Delivery(path, signedRequest(exchange, body), Json.parseObject(body)));
                respond(exchange, 202, null);
            } else {
                respond(exchange, 404, null);
            }
        }
    }

    private SignedRequest signedRequest(HttpExchange exchange, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
        return new SignedRequest(exchange.getRequestMethod(), base.resolve(exchange.getRequestURI().getRawPath()),
                headers, body);
    }

    private static void respond(HttpExchange exchange, int status, ObjectNode document) throws IOException {
        if (document == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = Json.string(document).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/activity+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        threads.close();
    }
}
