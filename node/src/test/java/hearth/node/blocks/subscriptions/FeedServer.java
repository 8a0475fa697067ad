package hearth.node.blocks.subscriptions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import hearth.federation.blocklist.Feed;
import hearth.federation.blocklist.FeedDocument;
import hearth.federation.blocklist.FeedEntry;
import hearth.federation.blocklist.Severity;
import hearth.federation.blocklist.TargetKind;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * Another node's blocklist, as small as a test needs: on 127.0.0.1 it serves a node actor
 * ({@code /actor}, with an Ed25519 Multikey) and a feed signed with that key
 * ({@code /blocklist.json}, honouring {@code ?since=}), or a Mastodon CSV ({@code /blocklist.csv}).
 * A test publishes and retracts entries, and can tamper with the signed document, sign as another
 * server, or turn the sequence back. It keeps the query of every feed request.
 * Thread-safe.
 */
final class FeedServer implements AutoCloseable {

    private final HttpServer http;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final URI base;
    private final KeyPair rsa = RsaKeys.generate();
    private final KeyPair ed25519 = Ed25519Keys.generate();
    private final Map<String, FeedEntry> entries = new LinkedHashMap<>();
    private final List<String> feedQueries = new CopyOnWriteArrayList<>();
    private long sequence;
    private UnaryOperator<ObjectNode> tamper = UnaryOperator.identity();
    private FeedServer signer = this;
    private String csv = "";

    private FeedServer(HttpServer http) {
        this.http = http;
        this.base = URI.create("http://127.0.0.1:" + http.getAddress().getPort());
        http.createContext("/", this::handle);
        http.setExecutor(threads);
        http.start();
    }

    static FeedServer start() {
        try {
            return new FeedServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** host:port, as a source is labelled. */
    String authority() {
        return base.getHost() + ":" + base.getPort();
    }

    String feedUrl() {
        return base + "/blocklist.json";
    }

    String csvUrl() {
        return base + "/blocklist.csv";
    }

    URI actor() {
        return URI.create(base + "/actor");
    }

    synchronized FeedServer publish(String domain, Severity severity, String reason) {
        sequence++;
        FeedEntry old = entries.get(domain);
        Instant now = Instant.now();
        entries.put(domain, new FeedEntry(domain, TargetKind.DOMAIN, severity, false, false, List.of(), reason,
                old == null ? now : old.firstChanged(), now, sequence, false));
        return this;
    }

    synchronized FeedServer retract(String domain) {
        FeedEntry old = entries.get(domain);
        sequence++;
        entries.put(domain, new FeedEntry(domain, TargetKind.DOMAIN, old.severity(), false, false, List.of(),
                old.publicReason(), old.firstChanged(), Instant.now(), sequence, true));
        return this;
    }

    /** Starts the feed over from nothing, as a node whose database was replaced would. */
    synchronized FeedServer restart() {
        entries.clear();
        sequence = 0;
        return this;
    }

    /** Changes every served document after it was signed. */
    synchronized void tamper(UnaryOperator<ObjectNode> change) {
        tamper = change;
    }

    /** Serves feeds signed by {@code other}'s actor (issuer and key), as if copied from it. */
    synchronized void signedBy(FeedServer other) {
        signer = other;
    }

    synchronized void csv(String text) {
        csv = text;
    }

    List<String> feedQueries() {
        return List.copyOf(feedQueries);
    }

    private synchronized ObjectNode feed(long since) {
        Feed feed = new Feed(URI.create(feedUrl()), signer.actor(), sequence, Instant.now(),
                new ArrayList<>(entries.values())).since(since);
        return tamper.apply(FeedDocument.sign(feed, signer.actor() + "#ed25519-key", signer.ed25519.getPrivate(),
                Instant.now()));
    }

    private ObjectNode actorDocument() {
        URI id = actor();
        return new Actor(id, ActorType.APPLICATION, "node", "A node", "", base, URI.create(id + "/inbox"), null, null,
                null, null, new Actor.PublicKey(URI.create(id + "#main-key"), id, RsaKeys.publicPem(rsa.getPublic())),
                List.of(new Actor.Multikey(URI.create(id + "#ed25519-key"), id,
                        Multikey.encodeEd25519(Ed25519Keys.rawPublic(ed25519.getPublic()))))).toJson();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            switch (path) {
                case "/actor" -> respond(exchange, "application/activity+json", Json.string(actorDocument()));
                case "/blocklist.json" -> {
                    feedQueries.add(query == null ? "" : query);
                    long since = query != null && query.startsWith("since=") ? Long.parseLong(query.substring(6)) : 0;
                    respond(exchange, "application/json", Json.string(feed(since)));
                }
                case "/blocklist.csv" -> {
                    String text;
                    synchronized (this) {
                        text = csv;
                    }
                    respond(exchange, "text/csv; charset=utf-8", text);
                }
                default -> exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private static void respond(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        http.stop(0);
        threads.close();
    }
}
