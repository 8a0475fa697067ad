package hearth.node.web;

import static hearth.node.web.Browser.csrfFrom;
import static hearth.node.web.Browser.posts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Addresses that lead nowhere get the same calm page, never a stack trace. */
class NotFoundIT {

    /** Has the shape of an id, but names nothing. */
    private static final String NO_SUCH_ID = "01ARZ3NDEKTSV4RRFFQ69G5FAV";

    private static TestNode node;
    private static Browser ana;
    private static String threadUrl;
    private static String threadId;
    private static String postId;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        ana = new Browser(node);
        threadUrl = ana.startThread("perinatal", "Still here", "A thread that exists.");
        threadId = Browser.threadId(threadUrl);
        postId = posts(ana.page(threadUrl)).getFirst().id().substring("p-".length());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void anUnknownCircle() {
        assertCalmNotFound("/c/nowhere");
        assertCalmNotFound("/c/nowhere/new");
        assertCalmNotFound("/c/nowhere/t/" + threadId);
        assertCalmNotFound("/c/PERINATAL");
    }

    @Test
    void anUnknownThreadId() {
        assertCalmNotFound("/c/perinatal/t/" + NO_SUCH_ID);
    }

    @Test
    void aMalformedThreadId() {
        assertCalmNotFound("/c/perinatal/t/abc");
        assertCalmNotFound("/c/perinatal/t/" + threadId.toLowerCase());
        assertCalmNotFound("/c/perinatal/t/" + threadId + "X");
        assertCalmNotFound("/c/perinatal/t/%27%20OR%201=1--");
        assertCalmNotFound("/c/perinatal/t/..%2F..%2Fetc%2Fpasswd");
    }

    @Test
    void aThreadAskedForInAnotherCircle() {
        assertCalmNotFound("/c/survivors/t/" + threadId);
        assertCalmNotFound("/c/survivors/t/" + threadId + "/p/" + postId + "/edit");

        String token = csrfFrom(ana.page(threadUrl));
        HttpResponse<String> reply = ana.postForm("/c/survivors/t/" + threadId + "/reply",
                Browser.fields(token, null, "Posted through the wrong door.", "usual"));
        assertCalm(reply, 404);
        assertEquals(1, posts(ana.page(threadUrl)).size(), "nothing was stored");
    }

    @Test
    void anUnknownPostInAnEditOrDeleteAddress() {
        assertCalmNotFound(threadUrl + "/p/" + NO_SUCH_ID + "/edit");
        assertCalmNotFound(threadUrl + "/p/" + NO_SUCH_ID + "/delete");
        assertCalmNotFound(threadUrl + "/p/not-an-id/edit");
        assertCalmNotFound("/c/perinatal/t/" + NO_SUCH_ID + "/p/" + postId + "/edit");
        HttpResponse<String> post = ana.postForm(threadUrl + "/p/" + NO_SUCH_ID + "/delete",
                Map.of("csrf", csrfFrom(ana.page(threadUrl))));
        assertCalm(post, 404);
    }

    @Test
    void anUnknownPath() {
        for (String path : List.of("/nope", "/static/nope.css", "/static/../pom.xml", "/c/", "/c/perinatal/t",
                "/c/perinatal/t/" + threadId + "/p", "/index.php", "/.env")) {
            assertCalmNotFound(path);
        }
    }

    @Test
    void aWrongMethodGetsACalmPage() {
        List<HttpResponse<String>> responses = List.of(
                ana.send("PUT", "/c/perinatal/new", "application/x-www-form-urlencoded", "title=x&body=y"),
                ana.send("POST", "/", "application/x-www-form-urlencoded", "a=b"),
                ana.send("DELETE", threadUrl, null, null),
                ana.send("PATCH", "/c/perinatal", "text/plain", "x"));
        for (HttpResponse<String> response : responses) {
            assertTrue(response.statusCode() >= 400 && response.statusCode() < 500,
                    () -> response.request().method() + " " + response.uri() + " → " + response.statusCode());
            assertCalm(response, response.statusCode());
        }
        assertEquals("Still here", ana.page(threadUrl).selectFirst("main h1").text());
    }

    @Test
    void aWrongMethodOnAnAddressThatExistsSays405NotNotFound() {
        // The address is real, so "We couldn't find that page" would mislead her; Failures has a 405 page for this.
        HttpResponse<String> response = ana.send("PUT", "/c/perinatal/new", "text/plain", "x");
        assertCalm(response, 405);
        assertTrue(Browser.html(response).selectFirst("main h1").text().contains("can't be done here"));
    }

    // ---- helpers

    private static void assertCalmNotFound(String path) {
        HttpResponse<String> response = new Browser(node).get(path);
        assertCalm(response, 404);
        assertTrue(Browser.html(response).selectFirst("main h1").text().contains("couldn't find"), path);
    }

    /** A whole page of ours, in plain words, with the way home, and nothing about the machinery. */
    private static void assertCalm(HttpResponse<String> response, int status) {
        String what = response.request().method() + " " + response.uri();
        assertEquals(status, response.statusCode(), what);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), what);
        Document page = Browser.html(response);
        assertFalse(page.select("main h1").text().isBlank(), what);
        assertTrue(page.select("main a[href=/]").size() > 0, what + ": a way back to the circles");
        for (String leak : List.of("Exception", "at hearth.", "at io.vertx", "at java.", "SQL", "Caused by")) {
            assertFalse(response.body().contains(leak), () -> what + " shows " + leak);
        }
    }
}
