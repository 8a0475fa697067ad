package hearth.node.federation;

import com.fasterxml.jackson.databind.ObjectMapper;
import hearth.node.TestNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a hostile activity could have changed, as readers and other servers see it: every post
 * of the test thread (anchor, name, date, text, or that it was deleted), the threads listed in
 * circle {@code perinatal}, the circles on the home page, and how many servers follow
 * {@code perinatal}. Two states are equal when nothing visible changed. Pages are read without
 * cookies, so no post shows as "yours".
 */
record NodeState(List<String> posts, List<String> threads, List<String> circles, int followers) {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    static NodeState of(TestNode node, String threadPath) {
        return new NodeState(
                page(node, threadPath).select("li.post").stream().map(p -> p.id() + " | " + p.text()).toList(),
                page(node, "/c/perinatal").select("a[href*=/t/]").stream()
                        .map(a -> a.attr("href") + " | " + a.text()).toList(),
                page(node, "/").select("ul.cards li.card a").eachAttr("href"),
                followers(node, "perinatal"));
    }

    /** The ids of the thread's posts, opening first. */
    static List<String> postIds(TestNode node, String threadPath) {
        return page(node, threadPath).select("li.post").stream().map(p -> p.id().substring("p-".length())).toList();
    }

    static String threadText(TestNode node, String threadPath) {
        return page(node, threadPath).select("ol.posts").text();
    }

    /** The post with this id as shown on the thread page, or null. */
    static Element post(TestNode node, String threadPath, String postId) {
        return page(node, threadPath).getElementById("p-" + postId);
    }

    static int followers(TestNode node, String circle) {
        String json = get(node, "/c/" + circle + "/followers", "application/activity+json").body();
        try {
            return MAPPER.readTree(json).path("totalItems").asInt(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Document page(TestNode node, String path) {
        HttpResponse<String> response = get(node, path, "text/html");
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode());
        }
        return Jsoup.parse(response.body());
    }

    static HttpResponse<String> get(TestNode node, String path, String accept) {
        HttpRequest request = HttpRequest.newBuilder(node.url(path)).timeout(Duration.ofSeconds(15))
                .header("Accept", accept).GET().build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
