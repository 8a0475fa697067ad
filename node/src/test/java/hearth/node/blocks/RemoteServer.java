package hearth.node.blocks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import hearth.federation.json.Json;
import hearth.federation.keys.Ed25519Keys;
import hearth.federation.keys.RsaKeys;
import hearth.federation.object.Actor;
import hearth.federation.object.ActorType;
import hearth.federation.proof.Multikey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Another server on loopback, as small as the blocks tests need: it serves its actors'
 * documents, keeps what is posted to their inboxes, and counts every request it gets (a
 * blocked server must get none). Its authority ({@code 127.0.0.1:PORT}) is what a block names.
 * Thread-safe.
 */
final class RemoteServer implements AutoCloseable {

    /** An actor on this server, with fresh RSA keys for HTTP signatures. */
    record Person(URI id, String name, KeyPair rsa, KeyPair ed25519) {
        String keyId() {
            return id + "#main-key";
        }

        URI inbox() {
            return URI.create(id + "/inbox");
        }

        URI newId(String kind) {
            return URI.create(id + "/" + kind + "/" + UUID.randomUUID());
        }
    }

    /** One request as it arrived: method, path, and the JSON body of a POST. */
    record Request(String method, String path, ObjectNode body) {
        String type() {
            return body == null ? "" : body.path("type").asText();
        }
    }

    private final HttpServer http;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Person> people = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private RemoteServer(HttpServer http) {
        this.http = http;
        http.createContext("/", this::handle);
        http.setExecutor(threads);
        http.start();
    }

    static RemoteServer start() {
        try {
            return new RemoteServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** host:port, as blocks and the allow-list name this server. */
    String authority() {
        return "127.0.0.1:" + http.getAddress().getPort();
    }

    Person person(String name) {
        URI id = URI.create("http://" + authority() + "/users/" + name);
        Person person = new Person(id, name, RsaKeys.generate(), Ed25519Keys.generate());
        people.put(id.getRawPath(), person);
        return person;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Deliveries (POSTs) of one activity type. */
    List<Request> delivered(String type) {
        return requests.stream().filter(r -> r.method().equals("POST") && r.type().equals(type)).toList();
    }

    void forget() {
        requests.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean post = exchange.getRequestMethod().equals("POST");
            requests.add(new Request(exchange.getRequestMethod(), path, post ? Json.parseObject(body) : null));
            Person person = people.get(path);
            if (!post && person != null) {
                byte[] bytes = Json.string(document(person)).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/activity+json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            } else {
                exchange.sendResponseHeaders(post ? 202 : 404, -1);
            }
        }
    }

    private static ObjectNode document(Person p) {
        return new Actor(p.id(), ActorType.PERSON, p.name(), p.name(), "", p.id(), p.inbox(),
                URI.create(p.id() + "/outbox"), URI.create(p.id() + "/followers"), null, null,
                new Actor.PublicKey(URI.create(p.keyId()), p.id(), RsaKeys.publicPem(p.rsa().getPublic())),
                List.of(new Actor.Multikey(URI.create(p.id() + "#ed25519-key"), p.id(),
                        Multikey.encodeEd25519(Ed25519Keys.rawPublic(p.ed25519().getPublic()))))).toJson();
    }

    @Override
    public void close() {
        http.stop(0);
        threads.close();
    }
}
