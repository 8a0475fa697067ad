package hearth.node.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Fedify peer itself, without Hearth: it starts, serves its actor, refuses unsigned
 * deliveries, and passes its self-check against a Fedify Group (follow, accept, announce, reply).
 */
class FedifyPeerIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FedifyPeer peer;
    private static int port;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        port = freePort();
        peer = FedifyPeer.start(port);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    @AfterAll
    static void stop() {
        if (peer != null) {
            peer.close();
        }
        if (http != null) {
            http.close();
        }
    }

    @Test
    void announcesItsActorOnTheGivenPort() {
        assertEquals("http://127.0.0.1:" + port + "/users/alice", peer.actorId());
    }

    @Test
    void servesItsActorWithAnRsaMainKey() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(peer.actorId()))
                .header("Accept", "application/activity+json").timeout(WAIT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        JsonNode actor = JSON.readTree(response.body());
        assertEquals("Person", actor.path("type").asText());
        assertEquals(peer.actorId() + "#main-key", actor.path("publicKey").path("id").asText());
        assertTrue(actor.path("publicKey").path("publicKeyPem").asText().startsWith("-----BEGIN PUBLIC KEY-----"));
    }

    @Test
    void answersWebFingerForItsHandle() throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + port + "/.well-known/webfinger?resource=acct:alice@127.0.0.1:" + port);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(WAIT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals(peer.actorId(), JSON.readTree(response.body()).path("links").path(0).path("href").asText());
    }

    @Test
    void refusesAnUnsignedDeliveryAndReportsIt() throws Exception {
        String like = """
                {"@context":"https://www.w3.org/ns/activitystreams","id":"http://127.0.0.1:9/likes/1",
                 "type":"Like","actor":"http://127.0.0.1:9/users/nobody","object":"%s"}""".formatted(peer.actorId());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(peer.actorId() + "/inbox"))
                .header("Content-Type", "application/activity+json").timeout(WAIT)
                .POST(HttpRequest.BodyPublishers.ofString(like)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode());
        JsonNode unverified = peer.awaitEvent("unverified", WAIT);
        assertEquals("/users/alice/inbox", unverified.path("path").asText());
        assertEquals("none", unverified.path("sig").asText());
    }

    @Test
    void reportsAFollowOfAnUnreachableHandleAsAnError() {
        peer.send(Map.of("cmd", "follow", "handle", "perinatal@127.0.0.1:" + freePort()));
        JsonNode error = peer.awaitEvent("error", WAIT);
        assertEquals("follow", error.path("cmd").asText());
    }

    @Test
    void passesItsSelfCheckAgainstAFedifyGroup() throws Exception {
        Path dir = FedifyInstall.ensureInstalled();
        Path log = dir.resolveSibling("fedify-selfcheck.log");
        Process check = new ProcessBuilder(FedifyInstall.nodeBinary(dir).toString(), "selfcheck.mjs", "--quiet")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = check.waitFor(90, TimeUnit.SECONDS);
        if (!finished) {
            check.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        String output = Files.readString(log);
        assertTrue(finished, "selfcheck.mjs did not finish within 90 s:\n" + output);
        assertEquals(0, check.exitValue(), "selfcheck.mjs failed:\n" + output);
        assertTrue(output.contains("OK: follow -> accept -> announce -> reply"), output);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
