package hearth.node.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import hearth.node.process.ForumClient;
import hearth.node.process.NodeProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hearth against real fediverse software: a peer built on Fedify looks up a circle by WebFinger,
 * follows it, receives a signed Accept and the Announce of a new thread (both verified by Fedify
 * itself before its listeners see them), and replies; the reply shows on the thread page.
 */
class FedifyInteropIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static NodeProcess node;
    private static FedifyPeer peer;

    @BeforeAll
    static void start() throws IOException {
        Path root = Path.of("target", "test-nodes").toAbsolutePath();
        Files.createDirectories(root);
        node = NodeProcess.start(Files.createTempDirectory(root, "fedify-"), "fedify-hearth",
                NodeProcess.anyFreePort(), java.util.List.of("--allow-private-addresses"));
        peer = FedifyPeer.start(NodeProcess.anyFreePort());
    }

    @AfterAll
    static void stop() {
        if (peer != null) {
            peer.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aFedifyPeerFollowsACircleReceivesItsThreadsAndReplies() throws Exception {
        String group = "http://127.0.0.1:" + node.port() + "/c/perinatal";
        peer.send(Map.of("cmd", "follow", "handle", "perinatal@127.0.0.1:" + node.port()));
        JsonNode accept = peer.awaitEvent("accept", WAIT);
        assertEquals(group, accept.path("actor").asText());
        assertEquals("draft-cavage", accept.path("sig").asText(), "Hearth signs deliveries with draft-cavage");

        try (ForumClient woman = new ForumClient(node.url("/"), ForumClient.newJar())) {
            ForumClient.Answer posted = woman.startThread("perinatal", "First week home",
                    "Everything feels loud and new.", "usual");
            assertTrue(posted.acknowledged(), posted.describe());
            String threadPath = "/c/perinatal/t/" + posted.threadId();
            String pageId = "http://127.0.0.1:" + node.port() + threadPath;

            JsonNode announce = peer.awaitEvent("announce", WAIT);
            assertEquals(group, announce.path("actor").asText());
            JsonNode create = announce.path("object");
            assertEquals("Create", create.path("type").asText());
            assertEquals("Page", create.path("object").path("type").asText());
            assertEquals(pageId, create.path("object").path("id").asText());
            assertEquals("First week home", create.path("object").path("name").asText());

            peer.send(Map.of("cmd", "reply", "inReplyTo", pageId,
                    "context", create.path("object").path("context").asText(),
                    "audience", group, "content", "<p>Welcome home. It gets calmer.</p>",
                    "source", "Welcome home. It gets calmer."));
            peer.awaitEvent("sent", WAIT);

            long deadline = System.nanoTime() + WAIT.toNanos();
            String text = "";
            while (System.nanoTime() < deadline && !text.contains("It gets calmer")) {
                Thread.sleep(200);
                text = Jsoup.parse(woman.get(threadPath).body()).select("li.post").text();
            }
            assertTrue(text.contains("Welcome home. It gets calmer."), "the Fedify reply is on the thread page: " + text);
            assertTrue(text.contains("Alice (Fedify interop peer) · 127.0.0.1:"), "shown under the peer's name and server: " + text);
        }
    }
}
