package hearth.node.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import hearth.federation.activity.Like;
import hearth.federation.object.ActorType;
import hearth.federation.object.Note;
import hearth.node.HearthNode;
import hearth.node.TestNode;
import hearth.node.process.ForumClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One server floods the inbox (issue 8, a hostile peer): past its burst it is answered 429 with
 * Retry-After, before its signatures are checked; what it got in is applied and nothing else;
 * another server's deliveries are still taken and applied, and pages are still served. The node
 * allows {@value #PER_SECOND} activities a second per server in bursts of {@value #BURST}, so a
 * flood of a few hundred requests on loopback runs dry whatever the machine's speed. Each test
 * floods from a server of its own (a host of its own), so no test spends another's tokens.
 */
class InboxFloodIT {

    static final int PER_SECOND = 2;
    static final int BURST = 10;
    private static final Duration SOON = Duration.ofSeconds(30);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static HearthNode node;
    private static FakeServer calm;
    private static FakeActor ana;
    private static Wire.LocalThread thread;
    private static String threadPath;
    private static final InboxPoster poster = new InboxPoster();
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        Path data = TestNode.freshDataFolder();
        Path config = data.resolve("hearth.yaml");
        try (InputStream in = InboxFloodIT.class.getResourceAsStream("/hearth/config/hearth.example.yaml")) {
            ObjectNode yaml = (ObjectNode) YAML.readTree(in);
            ObjectNode limit = ((ObjectNode) yaml.get("federation")).putObject("inboxLimit");
            limit.put("perSecond", PER_SECOND);
            limit.put("burst", BURST);
            YAML.writeValue(config.toFile(), yaml);
        }
        node = HearthNode.start(new HearthNode.Settings(0, "127.0.0.1", data, config, null, true));
        try (ForumClient woman = new ForumClient(url("/"), ForumClient.newJar())) {
            ForumClient.Answer opened = woman.startThread("perinatal", "Tired all the time",
                    "Six weeks in and I cannot keep my eyes open.", "usual");
            assertTrue(opened.acknowledged(), opened.describe());
            threadPath = "/c/perinatal/t/" + opened.threadId();
        }
        thread = new Wire.LocalThread(url("/c/perinatal"), url(threadPath), url(threadPath + "/context"));
        calm = FakeServer.start();
        ana = calm.actor("ana", ActorType.PERSON);
    }

    @AfterAll
    static void stop() {
        poster.close();
        http.shutdownNow();
        node.close();
        calm.close();
    }

    @Test
    void aFloodPastItsBurstIsAnswered429WithRetryAfterAndOnlyWhatGotInIsApplied() throws Exception {
        try (FakeServer hostile = FakeServer.start()) {
            FakeActor flooder = hostile.actor("flooder", ActorType.PERSON);
            List<InboxPoster.Request> replies = IntStream.range(0, 60)
                    .mapToObj(n -> signedReply(flooder, "Flooding reply number " + n + ".")).toList();
            try (Flood flood = Flood.start(replies, 6, replies.size())) {
                flood.awaitEnd(SOON);
                int accepted = flood.count(202);
                int limited = flood.count(429);
                assertEquals(replies.size(), accepted + limited, "every answer is 202 or 429: " + flood.statuses());
                assertTrue(accepted >= BURST, "the burst is taken: " + flood.statuses());
                long most = BURST + (long) Math.ceil(PER_SECOND * flood.seconds()) + 1;
                assertTrue(accepted <= most, "at most " + most + " in " + flood.seconds() + " s: " + flood.statuses());
                assertEquals(limited, flood.retryAfter().size(), "every 429 says when to come back");
                for (String seconds : flood.retryAfter()) {
                    assertTrue(Integer.parseInt(seconds) >= 1, "Retry-After: " + seconds);
                }

                // Ana's reply is taken after every flooding one that got in: once it shows, they all have.
                assertDelivered("Ana, after the flood.");
                assertEquals(accepted, timesShown("Flooding reply number"), "what got in is applied, nothing more");
            }
        }
    }

    @Test
    void anotherServersDeliveriesAreTakenAndAppliedWhileOneFloods() throws Exception {
        try (FakeServer hostile = FakeServer.start(); Flood flood = Flood.start(likes(hostile), 4, 20_000)) {
            flood.awaitStatus(429, SOON);
            for (int i = 1; i <= 3; i++) {
                assertDelivered("Ana, during the flood, reply " + i + ".");
            }
            assertTrue(flood.count(429) > 0, flood.statuses().toString());
            flood.stop();
            assertTrue(flood.count(429) > flood.count(202), "the flood was mostly refused: " + flood.statuses());
        }
    }

    @Test
    void pagesAreServedWhileOneServerFloods() throws Exception {
        try (FakeServer hostile = FakeServer.start(); Flood flood = Flood.start(likes(hostile), 4, 20_000)) {
            flood.awaitStatus(429, SOON);
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> page = get(threadPath);
                assertEquals(200, page.statusCode());
                assertTrue(page.body().contains("Tired all the time"));
            }
            assertTrue(flood.count(429) > 0, flood.statuses().toString());
        }
    }

    /**
     * Requests that claim a server's key but carry a forged signature are charged to that server's
     * allowance for deliveries that do not verify (a fifth of its own, which they never touch);
     * past it they are checked only against the key already held, never fetch it again, and are
     * refused 429: the flood costs the node little and the server it names nothing.
     */
    @Test
    void aFloodOfForgedSignaturesIsRefused429OnceItsAllowanceIsSpent() throws Exception {
        try (FakeServer claimed = FakeServer.start()) {
            FakeActor victim = claimed.actor("victim", ActorType.PERSON);
            FakeActor forger = claimed.actor("forger", ActorType.PERSON);
            List<InboxPoster.Request> forged = IntStream.range(0, 60).mapToObj(n -> InboxPoster.cavage(
                    url("/c/perinatal/inbox"), Wire.bytes(Wire.create(victim.newId("activities"),
                            victim.id(), reply(victim, "Forged " + n))), victim.keyId(), forger.rsa().getPrivate(),
                    Instant.now())).toList();
            try (Flood flood = Flood.start(forged, 4, forged.size())) {
                flood.awaitEnd(SOON);
                assertEquals(forged.size(), flood.count(401) + flood.count(429), flood.statuses().toString());
                long most = BURST + (long) Math.ceil(PER_SECOND * flood.seconds()) + 1;
                assertTrue(flood.count(401) <= most, "at most " + most + " verified: " + flood.statuses());
                assertTrue(flood.count(429) >= forged.size() - most, flood.statuses().toString());
            }
            assertEquals(0, timesShown("Forged "));
        }
    }

    @Test
    void aServerThatWaitsAsToldIsHeardAgain() throws Exception {
        try (FakeServer hostile = FakeServer.start(); Flood flood = Flood.start(likes(hostile), 4, 400)) {
            flood.awaitEnd(SOON);
            assertTrue(flood.count(429) > 0, flood.statuses().toString());
            FakeActor returning = hostile.actor("returning", ActorType.PERSON);
            InboxPoster.Request later = signedReply(returning, "The flooder, heard again after waiting.");
            InboxPoster.Answer answer = poster.send(later);
            for (int attempt = 0; answer.status() == 429 && attempt < 5; attempt++) {
                Thread.sleep(Duration.ofSeconds(Long.parseLong(flood.retryAfter().getLast())).toMillis());
                answer = poster.send(later);
            }
            assertEquals(202, answer.status(), answer.reason());
            Peers.eventually(SOON, "the reply shows", () -> timesShown("heard again after waiting") == 1);
        }
    }

    // ---- helpers

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + node.port() + path);
    }

    private static Note reply(FakeActor author, String text) {
        return Wire.reply(author.newId("notes"), author.id(), thread, text);
    }

    private static InboxPoster.Request signedReply(FakeActor author, String text) {
        return InboxPoster.cavage(url("/c/perinatal/inbox"),
                Wire.bytes(Wire.create(author.newId("activities"), author.id(), reply(author, text))), author);
    }

    /** A hundred signed Likes of the circle from a fresh actor on {@code server}, for a flood that stores little. */
    private static List<InboxPoster.Request> likes(FakeServer server) {
        FakeActor flooder = server.actor("flooder", ActorType.PERSON);
        List<InboxPoster.Request> likes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            likes.add(InboxPoster.cavage(url("/inbox"), Wire.bytes(new Like(flooder.newId("likes"), flooder.id(),
                    thread.circle())), flooder));
        }
        return likes;
    }

    /** Ana, on a server that does not flood, replies; it is taken at once and shows. */
    private static void assertDelivered(String text) {
        InboxPoster.Answer answer = poster.send(signedReply(ana, text));
        assertEquals(202, answer.status(), answer.reason());
        Peers.eventually(SOON, "\"" + text + "\" shows on the thread", () -> timesShown(text) == 1);
    }

    private static long timesShown(String text) {
        return Jsoup.parse(get(threadPath).body()).select("li.post").stream()
                .filter(p -> p.text().contains(text)).count();
    }

    private static HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
