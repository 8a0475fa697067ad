package hearth.node.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** After kill -9, the search index agrees with the store as soon as the node is up again. */
class SearchCatchUpIT {

    @Test
    @Timeout(90)
    void postsAcknowledgedBeforeAKillAreSearchableAfterTheRestart() throws Exception {
        var data = TestNode.freshDataFolder();
        List<String> markers = new ArrayList<>();
        try (NodeProcess node = NodeProcess.start(data, "search-catch-up")) {
            try (ForumClient client = new ForumClient(node.url("/"), ForumClient.newJar())) {
                for (int i = 0; i < 10; i++) {
                    String marker = "quokka" + (char) ('a' + i) + "marker";
                    ForumClient.Answer answer = client.startThread("everyday", "Thread " + i, "about " + marker,
                            "usual");
                    assertTrue(answer.acknowledged(), answer.describe());
                    markers.add(marker);
                }
            }
            // Killed well inside the index's commit interval: the index on disk has not seen these posts.
            node.kill9();
        }
        try (NodeProcess node = NodeProcess.start(data, "search-catch-up-restarted");
             ForumClient client = new ForumClient(node.url("/"), ForumClient.newJar())) {
            for (String marker : markers) {
                HttpResponse<String> page = client.get("/search?q=" + marker);
                assertEquals(200, page.statusCode());
                assertEquals(1, Jsoup.parse(page.body()).select("ol.results > li").size(), marker);
            }
        }
    }
}
