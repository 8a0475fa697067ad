package hearth.node.web;

import static hearth.node.web.Browser.postId;
import static hearth.node.web.Browser.threadId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import hearth.node.config.DataFolder;
import hearth.node.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Atom feeds of circles and threads, read as a feed reader without an account reads them. */
class FeedIT {

    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        Moderators.add(node, "iris", false, "survivors", "recovery", "everyday");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    // ---- what a circle's feed holds

    @Test
    void aCirclesFeedHasEachThreadWithItsOpeningPostUnderHerPseudonym() {
        Browser ana = new Browser(node);
        String thread = ana.startThread("perinatal", "Night feeds", "Is it *normal* to cry at 3am? See [this](https://example.org/help).");
        String pseudonym = Browser.pseudonym(Browser.posts(ana.page(thread)).getFirst());

        HttpResponse<String> answer = fetch("/c/perinatal/feed.atom", Map.of());
        assertEquals(200, answer.statusCode());
        assertEquals("application/atom+xml; charset=utf-8", answer.headers().firstValue("Content-Type").orElse(""));
        Document feed = xml(answer);
        assertEquals("Pregnancy and after birth · " + nodeName(), feed.selectFirst("feed > title").text());
        assertEquals(node.url("/c/perinatal/feed.atom").toString(), feed.selectFirst("feed > link[rel=self]").attr("href"));
        assertEquals(node.url("/c/perinatal").toString(), feed.selectFirst("feed > link[rel=alternate]").attr("href"));

        Element entry = entryLinkingTo(feed, thread);
        assertNotNull(entry, "the thread is an entry");
        assertEquals("Night feeds", entry.selectFirst("title").text());
        assertEquals(pseudonym, entry.selectFirst("author > name").text());
        assertEquals(node.url(thread).toString(), entry.selectFirst("id").text(), "its id is the thread's address");
        Document words = Jsoup.parseBodyFragment(entry.selectFirst("content[type=html]").text());
        assertEquals("normal", words.selectFirst("em").text(), "the opening post's cleaned HTML");
        assertEquals("https://example.org/help", words.selectFirst("a").attr("href"));
        assertNotNull(Instant.parse(entry.selectFirst("published").text()));
        assertNotNull(Instant.parse(entry.selectFirst("updated").text()));
    }

    @Test
    void aFeedNamesNoKeyAndNoIdOfHers() {
        Browser ana = new Browser(node);
        String form = "/c/perinatal/new";
        HttpResponse<String> posted = ana.postForm(form, Browser.fields(Browser.csrfFrom(ana.page(form)), "Key check",
                "Nothing about me but my pseudonym.", "usual"));
        String thread = Browser.seeOther(posted);
        String key = posted.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Visitor.COOKIE + "="))
                .map(c -> c.substring(Visitor.COOKIE.length() + 1).split(";")[0])
                .findFirst().orElseThrow(() -> new AssertionError("she has an author key once she posted"));

        for (String feed : List.of("/c/perinatal/feed.atom", thread + "/feed.atom")) {
            String body = fetch(feed, Map.of()).body();
            assertFalse(body.contains(key), feed + " must not carry her key");
            assertFalse(body.contains("author_id") || body.contains("authorId"), feed);
        }
    }

    @Test
    void aCirclesFeedLeavesOutHeldRemovedAndSilencedThreads() {
        Browser iris = Moderators.signedIn(node, "iris");
        Browser ana = new Browser(node);
        String removed = ana.startThread("survivors", "Removed one", "Words moderators removed.");
        Browser.seeOther(Moderators.act(iris, openingPostId(removed), "remove", "reason", "Names someone"));
        String silenced = ana.startThread("survivors", "Silenced one", "Words from a silenced server.");
        silence(threadId(silenced), openingPostId(silenced));
        String kept = ana.startThread("survivors", "Kept one", "Words everyone may read.");
        setPolicy(iris, "survivors", "hold-all");
        String held;
        try {
            held = new Browser(node).startThread("survivors", "Held one", "Words waiting for a moderator.");
        } finally {
            setPolicy(iris, "survivors", "open");
        }

        Document feed = xml(fetch("/c/survivors/feed.atom", Map.of()));
        assertNotNull(entryLinkingTo(feed, kept));
        for (String hidden : List.of(removed, silenced, held)) {
            assertNull(entryLinkingTo(feed, hidden), hidden + " is not in the feed");
        }
        String text = feed.text();
        for (String words : List.of("moderators removed", "silenced server", "waiting for a moderator")) {
            assertFalse(text.contains(words), words);
        }
    }

    @Test
    void aThreadWhoseOpeningPostSheDeletedIsListedWithoutHerNameOrWords() {
        Browser ana = new Browser(node);
        String thread = ana.startThread("recovery", "Day 30", "Thirty days today and I told nobody.");
        new Browser(node).reply(thread, "Proud of you.");
        deletePost(ana, thread, openingPostId(thread));

        Element entry = entryLinkingTo(xml(fetch("/c/recovery/feed.atom", Map.of())), thread);
        assertNotNull(entry, "the circle page still lists it, for its replies");
        assertEquals("Thread deleted by its author", entry.selectFirst("title").text());
        assertNull(entry.selectFirst("author"), "her pseudonym went with her post");
        assertFalse(entry.text().contains("Thirty days"));
    }

    // ---- what a thread's feed holds

    @Test
    void aThreadsFeedHasItsPostsNewestFirst() {
        Browser ana = new Browser(node);
        String thread = ana.startThread("everyday", "Small wins", "I made my bed today.");
        String first = new Browser(node).reply(thread, "I went for a walk.");
        String second = new Browser(node).reply(thread, "I called my sister.");

        Document feed = xml(fetch(thread + "/feed.atom", Map.of()));
        assertEquals("Small wins · Everyday struggles", feed.selectFirst("feed > title").text());
        List<String> links = feed.select("entry > link[rel=alternate]").eachAttr("href");
        assertEquals(List.of(node.url(second).toString(), node.url(first).toString(),
                node.url(thread + "#p-" + openingPostId(thread)).toString()), links);
        List<Element> entries = feed.select("entry");
        assertEquals("Small wins", entries.getLast().selectFirst("title").text());
        assertTrue(entries.getFirst().selectFirst("title").text().startsWith("Reply from "),
                entries.getFirst().selectFirst("title").text());
        assertTrue(entries.getFirst().selectFirst("content").text().contains("I called my sister."));
    }

    @Test
    void aThreadsFeedLeavesOutHeldRemovedSilencedAndDeletedPosts() {
        Browser iris = Moderators.signedIn(node, "iris");
        Browser ana = new Browser(node);
        String thread = ana.startThread("recovery", "Cravings", "Evenings are the worst.");
        String visible = new Browser(node).reply(thread, "Tea helps me.");
        String removed = new Browser(node).reply(thread, "Call this dealer.");
        Browser.seeOther(Moderators.act(iris, postId(removed), "remove", "reason", "Harmful"));
        String silenced = new Browser(node).reply(thread, "Loud server words.");
        silence(null, postId(silenced));
        Browser bea = new Browser(node);
        String deleted = bea.reply(thread, "I regret writing this.");
        deletePost(bea, thread, postId(deleted));
        setPolicy(iris, "recovery", "hold-all");
        try {
            new Browser(node).reply(thread, "Held words for the queue.");
        } finally {
            setPolicy(iris, "recovery", "open");
        }

        Document feed = xml(fetch(thread + "/feed.atom", Map.of()));
        List<String> links = feed.select("entry > link[rel=alternate]").eachAttr("href");
        assertEquals(List.of(node.url(visible).toString(), node.url(thread + "#p-" + openingPostId(thread)).toString()),
                links);
        String text = feed.text();
        for (String words : List.of("dealer", "Loud server", "regret", "Held words")) {
            assertFalse(text.contains(words), words);
        }
    }

    @Test
    void aLockedThreadKeepsItsFeed() {
        Browser iris = Moderators.signedIn(node, "iris");
        String thread = new Browser(node).startThread("everyday", "Locked but kept", "Still worth reading.");
        Browser.seeOther(Moderators.actOnThread(iris, openingPostId(thread), threadId(thread), "lock"));

        HttpResponse<String> answer = fetch(thread + "/feed.atom", Map.of());
        assertEquals(200, answer.statusCode());
        assertTrue(xml(answer).text().contains("Still worth reading."));
    }

    // ---- no feed

    @Test
    void anUnknownCirclesFeedIsTheOrdinaryNotFoundPage() {
        assertNotFoundPage(fetch("/c/nowhere/feed.atom", Map.of()));
    }

    @Test
    void anUnknownThreadsFeedIsTheOrdinaryNotFoundPage() {
        assertNotFoundPage(fetch("/c/everyday/t/01J00000000000000000000000/feed.atom", Map.of()));
        assertNotFoundPage(fetch("/c/everyday/t/not-an-id/feed.atom", Map.of()));
    }

    @Test
    void aThreadsFeedUnderAnotherCircleIsNotFound() {
        String thread = new Browser(node).startThread("everyday", "Wrong door", "Asked under another circle.");

        assertNotFoundPage(fetch(thread.replace("/c/everyday/", "/c/perinatal/") + "/feed.atom", Map.of()));
    }

    @Test
    void aRemovedThreadHasNoFeed() {
        Browser iris = Moderators.signedIn(node, "iris");
        String thread = new Browser(node).startThread("everyday", "Removed thread", "Miracle cure inside.");
        Browser.seeOther(Moderators.act(iris, openingPostId(thread), "remove", "reason", "Harmful advice"));

        assertNotFoundPage(fetch(thread + "/feed.atom", Map.of()));
        assertNull(new Browser(node).page(thread).selectFirst("link[type=application/atom+xml]"),
                "its page offers no feed");
    }

    @Test
    void aHeldThreadHasNoFeed() {
        Browser iris = Moderators.signedIn(node, "iris");
        setPolicy(iris, "everyday", "hold-all");
        String thread;
        try {
            thread = new Browser(node).startThread("everyday", "Held thread", "Waiting words.");
        } finally {
            setPolicy(iris, "everyday", "open");
        }

        assertNotFoundPage(fetch(thread + "/feed.atom", Map.of()));
    }

    // ---- HTTP

    @Test
    void aMatchingETagIsAnsweredWithNotModifiedUntilTheThreadChanges() {
        String thread = new Browser(node).startThread("everyday", "Quiet week", "Nothing much happened.");
        HttpResponse<String> first = fetch(thread + "/feed.atom", Map.of());
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = fetch(thread + "/feed.atom", Map.of("If-None-Match", etag));
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());
        assertEquals(etag, again.headers().firstValue("ETag").orElse(""));

        new Browser(node).reply(thread, "Quiet is good.");
        HttpResponse<String> changed = fetch(thread + "/feed.atom", Map.of("If-None-Match", etag));
        assertEquals(200, changed.statusCode());
        assertNotEquals(etag, changed.headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void feedsCarryTheNodesSecurityHeaders() {
        HttpResponse<String> answer = fetch("/c/everyday/feed.atom", Map.of());

        assertEquals(SecurityHeaders.CSP, answer.headers().firstValue("Content-Security-Policy").orElse(""));
        assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("no-referrer", answer.headers().firstValue("Referrer-Policy").orElse(""));
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""),
                "a shared device keeps no copy, as with pages");
        assertTrue(answer.headers().firstValue("Set-Cookie").isEmpty(), "reading a feed sets no cookie");
    }

    @Test
    void aFeedIsInTheNodesFirstLanguageWhateverTheReaderAsks() {
        String thread = new Browser(node).startThread("everyday", "Any language", "Words.");
        new Browser(node).reply(thread, "More words.");

        Document feed = xml(fetch(thread + "/feed.atom", Map.of("Accept-Language", "es-ES,es;q=0.9")));
        assertEquals("en", feed.selectFirst("feed").attr("xml:lang"));
        assertTrue(feed.selectFirst("feed > subtitle").text().startsWith("Replies in a thread of Everyday struggles"),
                feed.selectFirst("feed > subtitle").text());
        assertTrue(feed.selectFirst("entry > title").text().startsWith("Reply from "));
    }

    // ---- links to the feeds on the pages

    @Test
    void theCircleAndThreadPagesOfferTheirFeeds() {
        String thread = new Browser(node).startThread("everyday", "Linked", "Follow me.");

        Document circle = new Browser(node).page("/c/everyday");
        Element alternate = circle.selectFirst("head link[rel=alternate][type=application/atom+xml]");
        assertNotNull(alternate, "a feed reader finds the feed from the page");
        assertEquals("/c/everyday/feed.atom", alternate.attr("href"));
        assertFalse(alternate.attr("title").isBlank());
        assertEquals("Follow with a feed reader", circle.selectFirst("main a[href=/c/everyday/feed.atom]").text());

        Document page = new Browser(node).page(thread);
        assertEquals(thread + "/feed.atom",
                page.selectFirst("head link[rel=alternate][type=application/atom+xml]").attr("href"));
        assertNotNull(page.selectFirst("main a[href=" + thread + "/feed.atom]"));
    }

    @Test
    void theFeedLinkSpeaksHerLanguage() {
        HttpResponse<String> answer = fetch("/c/everyday", Map.of("Accept-Language", "es-ES,es;q=0.9"));

        assertEquals("Síguelo con tu lector de feeds",
                Jsoup.parse(answer.body()).selectFirst("main a[href=/c/everyday/feed.atom]").text());
    }

    // ---- helpers

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** A request as a feed reader makes it: no cookie. */
    private static HttpResponse<String> fetch(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.url(path)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Document xml(HttpResponse<String> answer) {
        assertEquals(200, answer.statusCode(), () -> "a feed, not " + answer.statusCode());
        return Jsoup.parse(answer.body(), "", Parser.xmlParser());
    }

    private static Element entryLinkingTo(Document feed, String threadPath) {
        String href = node.url(threadPath).toString();
        return feed.select("entry").stream()
                .filter(e -> e.select("link[rel=alternate]").eachAttr("href").contains(href))
                .findFirst().orElse(null);
    }

    private static void assertNotFoundPage(HttpResponse<String> answer) {
        assertEquals(404, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
                "the node's ordinary error page, not a feed");
        assertFalse(answer.body().contains("<feed"));
    }

    private static String nodeName() {
        return Jsoup.parse(fetch("/", Map.of()).body()).selectFirst("a.brand").text();
    }

    private static String openingPostId(String thread) {
        return Browser.posts(new Browser(node).page(thread)).getFirst().id().substring("p-".length());
    }

    private static void deletePost(Browser author, String thread, String postId) {
        String delete = thread + "/p/" + postId + "/delete";
        Document confirm = author.page(delete);
        Browser.seeOther(author.postForm(delete, Map.of("csrf", Browser.csrfFrom(confirm))));
    }

    private static void setPolicy(Browser moderator, String circle, String policy) {
        Document page = moderator.page("/mod/circles");
        Browser.seeOther(moderator.postForm("/mod/circles/" + circle,
                Map.of("csrf", Browser.csrfFrom(page), "policy", policy)));
    }

    /**
     * Marks a post (and, given its id, a thread) silenced as a silenced server's are: no page
     * makes a local post silenced, so the store is written directly.
     */
    private static void silence(String threadId, String postId) {
        try (Database db = Database.sqlite(DataFolder.open(node.data()).database())) {
            db.write(c -> {
                try (var s = c.prepareStatement("UPDATE post SET silenced = TRUE WHERE id = ?")) {
                    s.setString(1, postId);
                    s.executeUpdate();
                }
                if (threadId != null) {
                    try (var s = c.prepareStatement("UPDATE thread SET silenced = TRUE WHERE id = ?")) {
                        s.setString(1, threadId);
                        s.executeUpdate();
                    }
                }
                return null;
            });
        }
    }
}
