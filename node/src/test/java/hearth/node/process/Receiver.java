package hearth.node.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import hearth.federation.activity.Follow;
import hearth.federation.json.Json;
import hearth.federation.keys.RsaKeys;
import hearth.federation.object.Actor;
import hearth.federation.object.ActorType;
import hearth.federation.signature.CavageSigner;
import hearth.federation.signature.HttpSignatures;
import hearth.federation.signature.SignatureClaim;
import hearth.federation.signature.SignedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Another fediverse server following a node's circles, as a crash test needs it: one actor on
 * 127.0.0.1 whose inbox accepts only deliveries whose HTTP signature checks with the sender's
 * published key, deduplicates them by activity id as a careful server does, and counts every
 * receipt, so a test can tell what arrived, what arrived twice, and what never came.
 *
 * <pre>{@code
 * try (Receiver reader = Receiver.start("reader")) {
 *     reader.follow(node.url("/c/perinatal"));
 *     ... reader.markers() ... reader.duplicates() ...
 * }
 * }</pre>
 * Thread-safe: deliveries are taken on virtual threads while the test reads the counts.
 */
public final class Receiver implements AutoCloseable {

    private final HttpServer http;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI actor;
    private final KeyPair keys = RsaKeys.generate();
    private final Pattern marker;
    private final Map<String, AtomicInteger> receipts = new ConcurrentHashMap<>();
    private final Set<String> markers = ConcurrentHashMap.newKeySet();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final Map<String, PublicKey> senderKeys = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();

    private Receiver(HttpServer http, String name, Pattern marker) {
        this.http = http;
        this.marker = marker;
        this.actor = URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/users/" + name);
        http.createContext("/", this::handle);
        http.setExecutor(threads);
        http.start();
    }

    /**
     * Starts a server with one actor called {@code name}; every match of {@code marker} in a
     * Create (announced or not) is remembered as a post received.
     */
    public static Receiver start(String name, Pattern marker) {
        try {
            return new Receiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64), name, marker);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI actor() {
        return actor;
    }

    /** Sends a signed Follow to {@code circle}'s inbox; returns the status the node answered. */
    public int follow(URI circle) throws IOException, InterruptedException {
        // The circle signs its Accept and its posts with this key: fetched now, while the node is idle.
        senderKeys.computeIfAbsent(circle + "#main-key", this::fetchKey);
        URI followId = URI.create(actor + "/follows/" + UUID.randomUUID());
        byte[] body = Json.bytes(new Follow(followId, actor, circle).toJson());
        URI inbox = URI.create(circle + "/inbox");
        HttpRequest.Builder request = HttpRequest.newBuilder(inbox).timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/activity+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        CavageSigner.sign("POST", inbox, "application/activity+json", body, actor + "#main-key", keys.getPrivate(),
                Instant.now()).forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The circles that accepted this actor's follow (ids of the Accepts' actors). */
    public Set<String> acceptedBy() {
        return Set.copyOf(accepted);
    }

    /** Distinct markers seen in the Creates that arrived. */
    public Set<String> markers() {
        return Set.copyOf(markers);
    }

    /** Distinct activities received. */
    public int activities() {
        return receipts.size();
    }

    /** Receipts of an activity id already received (the sender could not know it had arrived). */
    public int duplicates() {
        return receipts.values().stream().mapToInt(n -> n.get() - 1).sum();
    }

    /** Deliveries refused because their signature did not check. */
    public int refused() {
        return refused.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestMethod().equals("GET") && path.equals(actor.getRawPath())) {
                respond(exchange, 200, Json.string(document()).getBytes(StandardCharsets.UTF_8));
            } else if (exchange.getRequestMethod().equals("POST") && path.equals(actor.getRawPath() + "/inbox")) {
                respond(exchange, receive(exchange, body), null);
            } else {
                respond(exchange, 404, null);
            }
        }
    }

    private int receive(HttpExchange exchange, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
        SignedRequest request = new SignedRequest("POST", actor.resolve(exchange.getRequestURI().getRawPath()),
                headers, body);
        SignatureClaim claim;
        try {
            claim = HttpSignatures.check(request, Instant.now());
        } catch (RuntimeException e) {
            refused.incrementAndGet();
            return 401;
        }
        PublicKey key;
        try {
            key = senderKeys.computeIfAbsent(claim.keyId(), this::fetchKey);
        } catch (RuntimeException e) {
            return 503; // could not fetch the sender's key just now (a busy node): a temporary failure
        }
        if (!claim.verify(key)) {
            refused.incrementAndGet();
            return 401;
        }
        ObjectNode activity = Json.parseObject(body);
        String id = activity.path("id").asText();
        if (receipts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet() > 1) {
            return 202; // seen before: acknowledged again, changes nothing
        }
        JsonNode inner = activity.path("object");
        String type = activity.path("type").asText();
        if (type.equals("Accept")) {
            accepted.add(activity.path("actor").asText());
        } else if (type.equals("Create") || (type.equals("Announce") && inner.path("type").asText().equals("Create"))) {
            Matcher m = marker.matcher(new String(body, StandardCharsets.UTF_8));
            while (m.find()) {
                markers.add(m.group());
            }
        }
        return 202;
    }

    private PublicKey fetchKey(String keyId) {
        URI document = URI.create(keyId.substring(0, keyId.indexOf('#')));
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(document)
                    .timeout(Duration.ofSeconds(60)).header("Accept", "application/activity+json").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            Actor sender = Actor.fromJson(Json.parseObject(response.body()));
            return RsaKeys.parsePublicPem(sender.publicKey().pem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode document() {
        return new Actor(actor, ActorType.PERSON, "reader", "Reader", "", actor, URI.create(actor + "/inbox"),
                URI.create(actor + "/outbox"), URI.create(actor + "/followers"), null, null,
                new Actor.PublicKey(URI.create(actor + "#main-key"), actor, RsaKeys.publicPem(keys.getPublic())),
                List.of()).toJson();
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/activity+json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        http.stop(0);
        threads.close();
        client.shutdownNow();
    }
}
