package hearth.node.web;

import static hearth.node.web.Browser.posts;
import static hearth.node.web.Browser.pseudonym;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reading circles, starting threads and replying, as two women in two browsers would. */
class ForumPostingIT {

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
    void homePageListsTheExampleCircles() {
        Document home = new Browser(node).page("/");

        List<String> links = home.select("ul.cards li.card a").eachAttr("href");
        assertEquals(List.of("/c/perinatal", "/c/survivors", "/c/recovery", "/c/everyday"), links);
        assertTrue(home.select("ul.cards").text().contains("Pregnancy and after birth"));
    }

    @Test
    void circlePageOpensWithAWayToStartAThread() {
        Document circle = new Browser(node).page("/c/survivors");

        assertEquals("Survivors", circle.selectFirst("main h1").text());
        assertNotNull(circle.selectFirst("a[href=/c/survivors/new]"), "a 'Start a thread' link");
        assertNotNull(new Browser(node).page("/c/survivors/new").selectFirst("form textarea[name=body]"));
    }

    @Test
    void herNewThreadShowsHerWordsUnderAPseudonymAndIsListedInTheCircle() {
        Browser ana = new Browser(node);
        String url = ana.startThread("perinatal", "Can't sleep since the birth",
                "I *really* need rest.\nDoes it get better?");

        Document thread = ana.page(url);
        assertEquals("Can't sleep since the birth", thread.selectFirst("main h1").text());
        Element opening = posts(thread).getFirst();
        assertEquals("really", opening.selectFirst(".body em").text(), "Markdown *x* is shown as emphasis");
        assertTrue(opening.selectFirst(".body").text().contains("Does it get better?"));
        assertTrue(Browser.PSEUDONYM.matcher(pseudonym(opening)).matches(), pseudonym(opening));

        Element row = new Browser(node).page("/c/perinatal").selectFirst("ul.threads a[href=" + url + "]");
        assertNotNull(row, "the circle lists her thread");
        assertEquals("Can't sleep since the birth", row.text());
    }

    @Test
    void aReplyFromAnotherWomanAppearsUnderAnotherNameAndIsCounted() {
        Browser ana = new Browser(node);
        Browser bea = new Browser(node);
        String url = ana.startThread("everyday", "Lonely evenings", "The evenings are the hardest.");

        String replyUrl = bea.reply(url, "Same here. Tea and a walk help me a little.");

        Document thread = bea.page(url);
        Element reply = thread.getElementById("p-" + Browser.postId(replyUrl));
        assertNotNull(reply, "the redirect's anchor points at her reply");
        assertTrue(reply.selectFirst(".body").text().contains("Tea and a walk help me a little."));
        assertTrue(Browser.PSEUDONYM.matcher(pseudonym(reply)).matches());
        assertNotEquals(pseudonym(posts(thread).getFirst()), pseudonym(reply));

        Element row = ana.page("/c/everyday").selectFirst("ul.threads a[href=" + url + "]").parent();
        assertTrue(row.selectFirst(".meta").text().contains("1 reply"), row.text());
    }

    @Test
    void herSecondPostUsesTheSameUsualPseudonym() {
        Browser ana = new Browser(node);
        String first = ana.startThread("recovery", "Day 30", "A month without a drink.");
        String second = ana.startThread("recovery", "Day 31", "And one more day.");

        String name = pseudonym(posts(ana.page(first)).getFirst());
        assertEquals(name, pseudonym(posts(ana.page(second)).getFirst()));
        String replyUrl = ana.reply(first, "Thank you all.");
        assertEquals(name, pseudonym(ana.page(first).getElementById("p-" + Browser.postId(replyUrl))));
        assertTrue(ana.page("/c/recovery/new").select("fieldset.pseudonym").text().contains(name),
                "the form offers her usual name");
    }

    @Test
    void aOneOffNameDiffersFromHerUsualOneAndIsReusedInThatThreadOnly() {
        Browser ana = new Browser(node);
        Browser bea = new Browser(node);
        String url = bea.startThread("survivors", "Leaving", "I left last week.");
        String other = bea.startThread("survivors", "Staying safe", "What helped you?");
        String usualUrl = ana.startThread("survivors", "Hello", "New here.");
        String usual = pseudonym(posts(ana.page(usualUrl)).getFirst());

        String firstOneOff = ana.reply(url, "I did too, two years ago.", "one-off");
        String secondOneOff = ana.reply(url, "It gets easier.", "one-off");
        String elsewhere = ana.reply(other, "A bag packed by the door.", "one-off");

        Document thread = ana.page(url);
        String oneOff = pseudonym(thread.getElementById("p-" + Browser.postId(firstOneOff)));
        assertTrue(Browser.PSEUDONYM.matcher(oneOff).matches());
        assertNotEquals(usual, oneOff);
        assertEquals(oneOff, pseudonym(thread.getElementById("p-" + Browser.postId(secondOneOff))));
        String otherName = pseudonym(ana.page(other).getElementById("p-" + Browser.postId(elsewhere)));
        assertNotEquals(oneOff, otherName, "a one-off name is used in one thread only");
        assertNotEquals(usual, otherName);
    }

    @Test
    void myPostsListsHerPostsInHerBrowserOnly() {
        Browser ana = new Browser(node);
        Browser bea = new Browser(node);
        String url = ana.startThread("everyday", "Panic on the bus", "My heart raced the whole way.");
        bea.startThread("everyday", "Bea's own thread", "Something else entirely.");

        Document mine = ana.page("/mine");
        assertNotNull(mine.selectFirst("main a[href^=" + url + "]"), "her thread is in her list");
        assertTrue(mine.text().contains("Panic on the bus"));
        assertTrue(mine.text().contains("My heart raced the whole way."));

        Document hers = bea.page("/mine");
        assertTrue(hers.text().contains("Bea's own thread"));
        assertFalse(hers.text().contains("Panic on the bus"), "another browser does not see her posts");
        Document stranger = new Browser(node).page("/mine");
        assertFalse(stranger.text().contains("Panic on the bus"));
        assertTrue(stranger.text().contains("has not posted here yet"));
    }

    @Test
    void readingPagesSetsNoCookie() {
        String url = new Browser(node).startThread("perinatal", "Just reading", "Someone else's words.");
        Browser reader = new Browser(node);

        for (String path : List.of("/", "/c/perinatal", url, "/c/perinatal/new", "/mine", "/about")) {
            HttpResponse<String> response = reader.get(path);
            assertEquals(200, response.statusCode(), path);
            assertTrue(response.headers().allValues("Set-Cookie").isEmpty(), () -> "GET " + path + " set a cookie");
        }
        assertFalse(reader.hasCookies());
    }
}
