package hearth.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Readers without a cookie are served the reading pages from a moment's cache; what they read is
 * never behind what was written, and never another reader's page.
 */
class ReaderPagesIT {

    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aReaderWithoutACookieSeesEachReplyAndDeletionAtOnce() {
        Browser ana = new Browser(node);
        PlainClient reader = new PlainClient(node.port(), Map.of());
        String url = ana.startThread("everyday", "Quiet evenings", "Evenings are the hardest.");
        assertEquals(1, Browser.posts(read(reader, url)).size());
        assertEquals(1, Browser.posts(read(reader, url)).size());

        String reply = ana.reply(url, "Tonight I made tea and it helped a little.");
        Document after = read(reader, url);
        assertEquals(2, Browser.posts(after).size());
        assertTrue(after.text().contains("made tea"), "the reply shows on the very next read");

        Document confirm = ana.page(reply.replace("#p-", "/p/") + "/delete");
        Browser.seeOther(ana.postForm(reply.replace("#p-", "/p/") + "/delete",
                Map.of("csrf", Browser.csrfFrom(confirm))));
        Document deleted = read(reader, url);
        assertFalse(deleted.text().contains("made tea"), "her deleted words are gone on the very next read");
        assertTrue(deleted.getElementById("p-" + Browser.postId(reply)).text().contains("deleted by its author"));
    }

    @Test
    void aReaderWithoutACookieNeverGetsTheAuthorsOwnPage() {
        Browser ana = new Browser(node);
        String url = ana.startThread("everyday", "Small wins", "I went for a walk.");
        assertTrue(Browser.posts(ana.page(url)).getFirst().selectFirst("a:contains(Edit)") != null,
                "she sees her edit link");

        Document anonymous = read(new PlainClient(node.port(), Map.of()), url);
        assertNull(Browser.posts(anonymous).getFirst().selectFirst("a:contains(Edit)"));
        assertNull(Browser.posts(read(new PlainClient(node.port(), Map.of()), url)).getFirst()
                .selectFirst("a:contains(Edit)"));
    }

    @Test
    void eachReaderGetsHerBrowsersLanguage() {
        Browser ana = new Browser(node);
        String url = ana.startThread("everyday", "Mornings", "Mornings are easier.");
        PlainClient english = new PlainClient(node.port(), Map.of("Accept-Language", "en-GB,en;q=0.9"));
        PlainClient spanish = new PlainClient(node.port(), Map.of("Accept-Language", "es-ES,es;q=0.9"));
        for (int round = 0; round < 2; round++) {
            assertEquals("en", read(english, url).selectFirst("html").attr("lang"));
            assertEquals("es", read(spanish, url).selectFirst("html").attr("lang"));
        }
    }

    private static Document read(PlainClient reader, String url) {
        var page = reader.get(url);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().allValues("Set-Cookie").isEmpty(), "reading sets no cookie");
        return Jsoup.parse(page.body());
    }
}
