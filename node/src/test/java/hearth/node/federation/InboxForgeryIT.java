package hearth.node.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.net.httpserver.HttpServer;
import hearth.federation.json.Json;
import hearth.federation.object.ActorType;
import hearth.node.HearthNode;
import hearth.node.TestNode;
import hearth.node.process.ForumClient;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Forged signatures that name a real partner's key (issue 8, inbox gaps): they must not spend the
 * partner's allowance, and must not make the node fetch keys without bound. The node allows
 * {@value #PER_SECOND} activities a second per server in bursts of {@value #BURST}; deliveries
 * that do not verify get a fifth of that, in a bucket of their own.
 */
class InboxForgeryIT {

    static final int PER_SECOND = 2;
    static final int BURST = 10;
    private static final Duration SOON = Duration.ofSeconds(60);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static HearthNode node;
    private static Wire.LocalThread thread;
    private static final InboxPoster poster = new InboxPoster();

    @BeforeAll
    static void start() throws Exception {
        Path data = TestNode.freshDataFolder();
        Path config = data.resolve("hearth.yaml");
        try (InputStream in = InboxForgeryIT.class.getResourceAsStream("/hearth/config/hearth.example.yaml")) {
            ObjectNode yaml = (ObjectNode) YAML.readTree(in);
            ObjectNode limit = ((ObjectNode) yaml.get("federation")).putObject("inboxLimit");
            limit.put("perSecond", PER_SECOND);
            limit.put("burst", BURST);
            YAML.writeValue(config.toFile(), yaml);
        }
        node = HearthNode.start(new HearthNode.Settings(0, "127.0.0.1", data, config, null, true));
        try (ForumClient woman = new ForumClient(url("/"), ForumClient.newJar())) {
            ForumClient.Answer opened = woman.startThread("perinatal", "Night feeds", "How do you stay awake?", "usual");
            assertTrue(opened.acknowledged(), opened.describe());
            String path = "/c/perinatal/t/" + opened.threadId();
            thread = new Wire.LocalThread(url("/c/perinatal"), url(path), url(path + "/context"));
        }
    }

    @AfterAll
    static void stop() {
        poster.close();
        node.close();
    }

    @Test
    void aForgerNamingAPartnersKeyDoesNotStarveThePartner() throws Exception {
        try (FakeServer partnerServer = FakeServer.start()) {
            FakeActor partner = partnerServer.actor("partner", ActorType.PERSON);
            FakeActor forger = partnerServer.actor("forger", ActorType.PERSON);
            assertEquals(202, poster.send(reply(partner, "Before the forgery.")).status(), "the partner's key is now held");

            List<InboxPoster.Request> forged = IntStream.range(0, 120)
                    .mapToObj(n -> forged(partner, forger, "Forged " + n)).toList();
            try (Flood flood = Flood.start(forged, 4, forged.size())) {
                flood.awaitEnd(SOON);
                assertEquals(0, flood.count(202), flood.statuses().toString());
                assertEquals(forged.size(), flood.count(401) + flood.count(429), flood.statuses().toString());
            }
            for (int i = 0; i < 5; i++) {
                InboxPoster.Answer answer = poster.send(reply(partner, "The partner, after the forgery, " + i));
                assertEquals(202, answer.status(), "delivery " + i + ": " + answer.reason());
            }
        }
    }

    @Test
    void forgedSignaturesCauseOnlyABoundedNumberOfKeyFetches() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        FakeActor victim = FakeActor.create(base, "victim", ActorType.PERSON, "Victim");
        FakeActor forger = FakeActor.create(base, "forger", ActorType.PERSON, "Forger");
        byte[] document = Json.string(victim.document()).getBytes(StandardCharsets.UTF_8);
        server.createContext(victim.id().getRawPath(), exchange -> {
            try (exchange) {
                fetches.incrementAndGet();
                exchange.getResponseHeaders().set("Content-Type", "application/activity+json");
                exchange.sendResponseHeaders(200, document.length);
                exchange.getResponseBody().write(document);
            }
        });
        server.start();
        try {
            List<InboxPoster.Request> forged = IntStream.range(0, 150)
                    .mapToObj(n -> forged(victim, forger, "Forged fetch " + n)).toList();
            try (Flood flood = Flood.start(forged, 4, forged.size())) {
                flood.awaitEnd(SOON);
                assertEquals(forged.size(), flood.count(401) + flood.count(429), flood.statuses().toString());
                // A fifth of the burst, then a fifth of the rate (at least one a second); a few in flight at once.
                long most = BURST / HostLimit.UNVERIFIED_SHARE + (long) Math.ceil(flood.seconds()) + 4;
                assertTrue(fetches.get() <= most, fetches.get() + " key fetches for " + forged.size()
                        + " forged requests in " + flood.seconds() + " s; at most " + most);
                assertTrue(fetches.get() >= 1, "the key was fetched to check the first one");
            }
        } finally {
            server.stop(0);
        }
    }

    // ---- helpers

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + node.port() + path);
    }

    private static InboxPoster.Request reply(FakeActor author, String text) {
        return InboxPoster.cavage(url("/c/perinatal/inbox"), Wire.bytes(Wire.create(author.newId("activities"),
                author.id(), Wire.reply(author.newId("notes"), author.id(), thread, text))), author);
    }

    /** An activity in {@code victim}'s name, naming her key, signed with the forger's. */
    private static InboxPoster.Request forged(FakeActor victim, FakeActor forger, String text) {
        return InboxPoster.cavage(url("/c/perinatal/inbox"), Wire.bytes(Wire.create(victim.newId("activities"),
                victim.id(), Wire.reply(victim.newId("notes"), victim.id(), thread, text))), victim.keyId(),
                forger.rsa().getPrivate(), Instant.now());
    }
}
