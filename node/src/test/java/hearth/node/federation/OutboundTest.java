package hearth.node.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import hearth.federation.keys.RsaKeys;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A remote document can name any URL; {@link Outbound} must not let it steer the node at its
 * own loopback, its private network or a cloud metadata service. Each address is refused by
 * the address check, before any connection: a server listening on 127.0.0.1 counts what
 * reaches it, and stays at zero. With private addresses allowed (local testing) the same
 * server is reached, which shows the refusals are the check's doing.
 */
class OutboundTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String KEY_ID = "https://hearth.example/actor#main-key";
    private static final String REFUSED = "refused: not a public address";

    private static Vertx vertx;
    private static HttpServer listener;
    private static final AtomicInteger reached = new AtomicInteger();
    private static final AtomicReference<String> signature = new AtomicReference<>();
    private static PrivateKey key;
    private Outbound outbound;

    @BeforeAll
    static void start() throws IOException {
        vertx = Vertx.vertx();
        key = RsaKeys.generate().getPrivate();
        listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/", exchange -> {
            reached.incrementAndGet();
            signature.set(exchange.getRequestHeaders().getFirst("Signature"));
            byte[] body = "{\"type\":\"Note\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/activity+json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        listener.start();
    }

    @AfterAll
    static void stop() {
        listener.stop(0);
        vertx.close().await();
    }

    @BeforeEach
    void guarded() {
        outbound = new Outbound(vertx, false, Clock.systemUTC(), "Hearth-test");
    }

    @AfterEach
    void close() {
        outbound.close();
    }

    private static int port() {
        return listener.getAddress().getPort();
    }

    private void assertRefusedBeforeConnecting(String url) {
        int before = reached.get();
        Outbound.Failed failed = assertThrows(Outbound.Failed.class,
                () -> outbound.get(URI.create(url), KEY_ID, key, TIMEOUT));
        assertEquals(REFUSED, failed.getMessage(), url);
        assertEquals(before, reached.get(), "nothing reached the listener");
    }

    @Test
    void loopbackIpv4IsRefused() {
        assertRefusedBeforeConnecting("http://127.0.0.1:" + port() + "/actor");
    }

    @Test
    void localhostByNameIsRefused() {
        assertRefusedBeforeConnecting("http://localhost:" + port() + "/actor");
    }

    @Test
    void loopbackIpv6IsRefused() {
        assertRefusedBeforeConnecting("http://[::1]:" + port() + "/actor");
    }

    @Test
    void ipv4MappedLoopbackIsRefused() {
        assertRefusedBeforeConnecting("http://[::ffff:127.0.0.1]:" + port() + "/actor");
    }

    @Test
    void theUnspecifiedAddressIsRefused() {
        // Connecting to 0.0.0.0 reaches this machine's own services on Linux.
        assertRefusedBeforeConnecting("http://0.0.0.0:" + port() + "/actor");
    }

    @Test
    void aPrivateNetworkAddressIsRefused() {
        assertRefusedBeforeConnecting("http://10.20.30.40/users/ana");
    }

    @Test
    void theCloudMetadataAddressIsRefused() {
        assertRefusedBeforeConnecting("http://169.254.169.254/latest/meta-data/");
    }

    @Test
    void aDeliveryToALoopbackInboxIsRefused() {
        int before = reached.get();
        Outbound.Failed failed = assertThrows(Outbound.Failed.class, () -> outbound.post(
                URI.create("http://127.0.0.1:" + port() + "/inbox"), "{}".getBytes(StandardCharsets.UTF_8), KEY_ID,
                key, TIMEOUT));
        assertEquals(REFUSED, failed.getMessage());
        assertEquals(before, reached.get());
    }

    @Test
    void aSchemeOtherThanHttpIsRefused() {
        int before = reached.get();
        Outbound.Failed failed = assertThrows(Outbound.Failed.class,
                () -> outbound.get(URI.create("gopher://127.0.0.1:" + port() + "/actor"), KEY_ID, key, TIMEOUT));
        assertEquals("refused: not http(s)", failed.getMessage());
        assertEquals(before, reached.get());
    }

    @Test
    void withPrivateAddressesAllowedALoopbackRequestGoesThroughSigned() {
        Outbound loopbackAllowed = new Outbound(vertx, true, Clock.systemUTC(), "Hearth-test");
        try {
            int before = reached.get();
            Outbound.Response response = loopbackAllowed.get(URI.create("http://127.0.0.1:" + port() + "/actor"),
                    KEY_ID, key, TIMEOUT);
            assertEquals(200, response.status());
            assertEquals("{\"type\":\"Note\"}", new String(response.body(), StandardCharsets.UTF_8));
            assertEquals(before + 1, reached.get());
            assertNotNull(signature.get(), "the fetch is signed");
            assertTrue(signature.get().contains("keyId=\"" + KEY_ID + "\""), signature.get());
        } finally {
            loopbackAllowed.close();
        }
    }

    @Test
    void everyAnswerIsReadWhicheverThreadAsks() throws Exception {
        // Small answers arrive whole in one read; the body must still be caught every time, from a
        // plain thread, a virtual thread, and several at once.
        Outbound loopbackAllowed = new Outbound(vertx, true, Clock.systemUTC(), "Hearth-test");
        URI actor = URI.create("http://127.0.0.1:" + port() + "/actor");
        try {
            for (int i = 0; i < 100; i++) {
                assertEquals(200, loopbackAllowed.get(actor, KEY_ID, key, TIMEOUT).status());
            }
            try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
                var answers = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
                for (int i = 0; i < 200; i++) {
                    answers.add(threads.submit(() -> loopbackAllowed.get(actor, KEY_ID, key, TIMEOUT).body().length));
                }
                for (var answer : answers) {
                    assertEquals("{\"type\":\"Note\"}".length(), answer.get());
                }
            }
        } finally {
            loopbackAllowed.close();
        }
    }
}
