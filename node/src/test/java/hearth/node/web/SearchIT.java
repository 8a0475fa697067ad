package hearth.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.HearthNode;
import hearth.node.TestNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Search from the page, over real HTTP, against a node that indexes as women post. */
class SearchIT {

    private static TestNode node;
    private static Browser her;
    private static Browser other;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        her = new Browser(node);
        other = new Browser(node);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aNewThreadIsFoundWithinASecondHighlightedAndLinkedToItsPost() {
        String thread = her.startThread("perinatal", "Awake every night", "Since the baby came I cannot sleep at all");
        List<Element> hits = awaitHits("sleep", 1);
        Element hit = hits.get(0);
        assertEquals(thread + "#" + Browser.posts(her.page(thread)).get(0).id(), hit.selectFirst("a").attr("href"));
        assertEquals("sleep", hit.selectFirst(".snippet mark").text());
        assertTrue(hit.text().contains("Pregnancy and after birth"));
    }

    @Test
    void spanishWordsAreFoundInTheirOtherForms() {
        her.startThread("everyday", "No puedo dormir", "Los bebés lloran toda la noche");
        assertEquals(1, awaitHits("bebé", 1).size());
    }

    @Test
    void aDeletedPostIsGoneFromResultsAtOnce() {
        String thread = her.startThread("recovery", "Marmalade question", "About marmalade and mornings");
        awaitHits("marmalade", 1);
        String postId = Browser.posts(her.page(thread)).get(0).id().substring(2);
        String delete = thread + "/p/" + postId + "/delete";
        assertEquals(303, her.postForm(delete, Map.of("csrf", Browser.csrfFrom(her.page(delete))))
                .statusCode());
        assertTrue(results("marmalade").isEmpty(), "no window where a deleted post shows");
    }

    @Test
    void anEditIsFoundByItsNewWordsAndNotItsOldOnes() {
        String thread = her.startThread("everyday", "Edited later", "Originally about lighthouses");
        awaitHits("lighthouses", 1);
        String postId = Browser.posts(her.page(thread)).get(0).id().substring(2);
        String edit = thread + "/p/" + postId + "/edit";
        assertEquals(303, her.postForm(edit, Map.of("csrf", Browser.csrfFrom(her.page(edit)),
                "title", "Edited later", "body", "Now about windmills")).statusCode());
        awaitHits("windmills", 1);
        assertTrue(awaitNoHits("lighthouses"), "the old words stop matching");
    }

    @Test
    void circleFilterNarrowsResults() {
        her.startThread("perinatal", "Giraffe in perinatal", "giraffe words");
        other.startThread("survivors", "Giraffe in survivors", "giraffe words");
        awaitHits("giraffe", 2);
        List<Element> narrowed = results("giraffe&circle=survivors");
        assertEquals(1, narrowed.size());
        assertTrue(narrowed.get(0).text().contains("Survivors"));
    }

    @Test
    void markupInPostsIsEscapedInResults() {
        her.startThread("everyday", "<script>alert('t')</script> zebra", "zebra <img src=x onerror=alert(1)>");
        Element hit = awaitHits("zebra", 1).get(0);
        assertTrue(hit.select("script, img").isEmpty(), hit.html());
        assertTrue(hit.text().contains("<script>"), "shown as text: " + hit.text());
    }

    @Test
    void hostileQueriesGetACalmPage() {
        for (String q : List.of("\"", "*:*", "((((", "AND OR NOT", "x".repeat(10_000), "\u0000\u0007", "🌷🌷",
                "מה שלומך", ")(*&^%$#@!", "   ")) {
            HttpResponse<String> response = her.get("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            assertEquals(200, response.statusCode(), "query " + q.substring(0, Math.min(20, q.length())));
            assertFalse(response.body().contains("Exception"));
        }
        assertNotNull(Browser.html(her.get("/search?q=nothingmatchesthis")).selectFirst("p.empty"));
    }

    @Test
    void everyPageHasASearchBoxThatWorksWithoutJavaScript() {
        Document home = her.page("/");
        Element form = home.selectFirst("header form[role=search]");
        assertEquals("/search", form.attr("action"));
        assertEquals("get", form.attr("method"));
        assertNotNull(form.selectFirst("input[name=q]"));
    }

    @Test
    void reindexGivesTheSameResultsAsTheLiveIndex() {
        TestNode own = TestNode.start();
        try {
            Browser writer = new Browser(own);
            for (int i = 0; i < 12; i++) {
                writer.startThread(i % 2 == 0 ? "perinatal" : "everyday", "Thread about tea " + i,
                        "tea and biscuits " + (i % 3 == 0 ? "rain" : "sun"));
            }
            Map<String, List<String>> before = Map.of("tea", awaitLinks(own, "tea", 12), "rain", links(own, "rain"),
                    "biscuits&order=newest", links(own, "biscuits&order=newest"));
            own.close();
            assertEquals(12, HearthNode.reindex(own.data(), null));
            own = TestNode.startOn(own.data());
            for (var e : before.entrySet()) {
                assertEquals(e.getValue(), links(own, e.getKey()), e.getKey());
            }
        } finally {
            own.close();
        }
    }

    private static List<Element> results(String query) {
        return Browser.html(her.get("/search?q=" + query.replace(" ", "+"))).select("ol.results > li");
    }

    private static List<String> links(TestNode on, String query) {
        return Browser.html(new Browser(on).get("/search?q=" + query)).select("ol.results > li > a")
                .eachAttr("href");
    }

    private static List<String> awaitLinks(TestNode on, String query, int count) {
        for (int i = 0; i < 40; i++) {
            List<String> found = links(on, query);
            if (found.size() >= count) {
                return found;
            }
            sleep();
        }
        throw new AssertionError("expected " + count + " results for " + query);
    }

    /** Waits (bounded: 2 s) for the index to show at least {@code count} hits. */
    private static List<Element> awaitHits(String query, int count) {
        for (int i = 0; i < 40; i++) {
            List<Element> hits = results(URLEncoder.encode(query, StandardCharsets.UTF_8));
            if (hits.size() >= count) {
                return hits;
            }
            sleep();
        }
        throw new AssertionError("no " + count + " results for " + query + " within 2 s");
    }

    private static boolean awaitNoHits(String query) {
        for (int i = 0; i < 40; i++) {
            if (results(query).isEmpty()) {
                return true;
            }
            sleep();
        }
        return false;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
