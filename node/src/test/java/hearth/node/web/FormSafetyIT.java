package hearth.node.web;

import static hearth.node.web.Browser.csrfFrom;
import static hearth.node.web.Browser.fields;
import static hearth.node.web.Browser.posts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Forged forms, size limits and hostile markup: refused or defused, and her words never lost. */
class FormSafetyIT {

    private static final String NEW = "/c/everyday/new";
    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    // ---- forged forms

    @Test
    void aFormWithNoTokenIsRefusedAndHerWordsAreKept() {
        Browser ana = new Browser(node);
        List<String> before = threadLinks();

        HttpResponse<String> response = ana.postForm(NEW, fields(null, "No token", "Words\nthat matter.", "usual"));

        assertRefusedAndKept(response, 403, "No token", "Words\nthat matter.", "open for a long time");
        assertEquals(before, threadLinks(), "nothing was stored");
        assertFalse(ana.hasCookies(), "a refused post leaves no cookie");
    }

    @Test
    void aFormWithAWrongTokenIsRefused() {
        Browser ana = new Browser(node);
        List<String> before = threadLinks();
        for (String token : List.of("", "garbage", "k.AAAA", "a.1.AAAA", "a." + Long.MAX_VALUE + ".x")) {
            HttpResponse<String> response = ana.postForm(NEW, fields(token, "Wrong token", "Mine.", "usual"));
            assertRefusedAndKept(response, 403, "Wrong token", "Mine.", "open for a long time");
        }
        assertEquals(before, threadLinks());
    }

    @Test
    void aTokenFromAnotherBrowserIsRefused() {
        Browser ana = new Browser(node);
        Browser bea = new Browser(node);
        String url = ana.startThread("everyday", "Ana's thread", "Hello.");
        bea.reply(url, "Hello Ana.");
        String beasToken = csrfFrom(bea.page(NEW));
        List<String> before = threadLinks();

        assertRefusedAndKept(ana.postForm(NEW, fields(beasToken, "Borrowed", "Not my token.", "usual")),
                403, "Borrowed", "Not my token.", "open for a long time");
        HttpResponse<String> reply = ana.postForm(url + "/reply", fields(beasToken, null, "Borrowed reply.", "usual"));
        assertRefusedAndKept(reply, 403, null, "Borrowed reply.", "open for a long time");

        assertEquals(before, threadLinks());
        assertEquals(2, posts(ana.page(url)).size(), "no reply was stored");
    }

    // ---- limits

    @Test
    void aTitleOverTheLimitIsRefusedWithItsWordsKept() {
        String title = "t".repeat(200) + "!";
        HttpResponse<String> response = post(title, "Fine body.");
        assertRefusedAndKept(response, 400, title, "Fine body.", "the limit is 200");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithItsWordsKept() {
        String body = "b".repeat(20_001);
        HttpResponse<String> response = post("Long one", body);
        assertRefusedAndKept(response, 400, "Long one", body, "the limit is 20,000");
    }

    @Test
    void anEmptyBodyIsRefusedPolitely() {
        assertRefusedAndKept(post("Only a title", "   "), 400, "Only a title", "   ", "Please write something");
        assertRefusedAndKept(post("", "Only a body"), 400, "", "Only a body", "Please give your thread a title");
    }

    @Test
    void aRefusedFirstPostLeavesNoCookie() {
        // Reading sets no cookie and neither should a post that was not stored: nothing of hers exists yet.
        Browser ana = new Browser(node);
        HttpResponse<String> response = ana.postForm(NEW, fields(csrfFrom(ana.page(NEW)), "Empty", "", "usual"));

        assertEquals(400, response.statusCode());
        assertEquals(List.of(), response.headers().allValues("Set-Cookie"));
    }

    @Test
    void postsExactlyAtTheLimitsAreAccepted() {
        Browser ana = new Browser(node);
        String title = "T".repeat(200);
        String url = ana.startThread("everyday", title, "x".repeat(20_000));

        Document thread = ana.page(url);
        assertEquals(title, thread.selectFirst("main h1").text());
        assertEquals("x".repeat(20_000), posts(thread).getFirst().selectFirst(".body").text());
    }

    @Test
    void theLimitCountsCharactersNotBytes() {
        // 20,000 four-byte characters: the largest post, about 240 KB once percent-encoded.
        String body = "💜".repeat(20_000);
        Browser ana = new Browser(node);
        String url = ana.startThread("everyday", "Hearts", body);
        assertEquals(body, posts(ana.page(url)).getFirst().selectFirst(".body").text());
    }

    @Test
    void aRequestOverTheBodyLimitGetsACalmPage() {
        Browser ana = new Browser(node);
        String token = csrfFrom(ana.page(NEW));
        List<String> before = threadLinks();

        HttpResponse<String> response = ana.postForm(NEW, fields(token, "Huge", "y".repeat(300 * 1024), "usual"));

        assertEquals(413, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        Document page = Browser.html(response);
        assertTrue(page.selectFirst("main h1").text().contains("too much"), page.text());
        assertFalse(response.body().contains("Exception"));
        assertFalse(response.body().contains("at io.vertx"));
        assertEquals(before, threadLinks());
    }

    // ---- hostile markup

    @Test
    void scriptsAndJavascriptLinksInABodyAreHarmless() {
        Browser ana = new Browser(node);
        String body = "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n\n"
                + "<a href=\"javascript:alert(2)\">y</a> [z](JaVaScRiPt:alert(3))";
        String url = ana.startThread("everyday", "Markup", body);

        Document thread = ana.page(url);
        Element shown = posts(thread).getFirst().selectFirst(".body");
        assertEquals(List.of("/static/hearth.js"), thread.select("script").eachAttr("src"),
                "the node's own script is the only script on the page");
        assertTrue(shown.select("img, iframe, object, embed, svg").isEmpty(), shown.html());
        assertTrue(shown.select("a[href~=(?i)^\\s*javascript:]").isEmpty(), shown.html());
        for (Element e : shown.getAllElements()) {
            e.attributes().forEach(a -> assertFalse(a.getKey().toLowerCase().startsWith("on"), shown.html()));
        }
        assertTrue(shown.text().contains("<script>alert(1)</script>"), "shown as the text she typed");
    }

    @Test
    void aTitleWithMarkupIsShownAsText() {
        Browser ana = new Browser(node);
        String title = "<script>alert('t')</script> & <b>bold</b>";
        String url = ana.startThread("everyday", title, "Body.");

        HttpResponse<String> threadPage = ana.get(url);
        HttpResponse<String> circlePage = ana.get("/c/everyday");
        for (HttpResponse<String> page : List.of(threadPage, circlePage)) {
            assertFalse(page.body().contains("<script>"), page.uri().toString());
            assertTrue(Browser.html(page).select("script:not([src=/static/hearth.js]), main b").isEmpty());
        }
        assertEquals(title, Browser.html(threadPage).selectFirst("main h1").text());
        assertEquals(title, Browser.html(circlePage).selectFirst("ul.threads a[href=" + url + "]").text());
    }

    // ---- helpers

    private static HttpResponse<String> post(String title, String body) {
        Browser ana = new Browser(node);
        return ana.postForm(NEW, fields(csrfFrom(ana.page(NEW)), title, body, "usual"));
    }

    private static List<String> threadLinks() {
        return new Browser(node).page("/c/everyday").select("ul.threads a").eachAttr("href");
    }

    /** The form came back with this status, her exact words in it, and a message saying what to do. */
    private static void assertRefusedAndKept(HttpResponse<String> response, int status, String title, String body,
                                             String message) {
        assertEquals(status, response.statusCode());
        Document page = Browser.html(response);
        Element form = page.selectFirst("form.compose");
        if (title != null) {
            assertEquals(title, form.selectFirst("input[name=title]").val(), "her title is still in the form");
        }
        assertEquals(body, form.selectFirst("textarea[name=body]").wholeText(), "her words are still in the form");
        assertTrue(form.select(".problems").text().contains(message), form.select(".problems").text());
    }
}
