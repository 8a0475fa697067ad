package hearth.node.web;

import static hearth.node.web.Browser.csrfFrom;
import static hearth.node.web.Browser.posts;
import static hearth.node.web.Browser.pseudonym;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** She edits and deletes her own posts from her browser; nobody else can. */
class OwnPostsIT {

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
    void sheEditsHerThreadAndItIsMarkedEdited() {
        Browser ana = new Browser(node);
        String url = ana.startThread("perinatal", "Feeding worries", "Is it normal to feel *this* tired?");
        String edit = posts(ana.page(url)).getFirst().selectFirst("a:contains(Edit)").attr("href");

        Document form = ana.page(edit);
        assertEquals("Feeding worries", form.selectFirst("input[name=title]").val());
        assertEquals("Is it normal to feel *this* tired?", form.selectFirst("textarea[name=body]").wholeText());

        String location = Browser.seeOther(ana.postForm(edit, Browser.fields(csrfFrom(form),
                "Feeding worries (update)", "Things are a little better now.", "usual")));
        assertTrue(location.startsWith(url + "#p-"), location);

        Document thread = ana.page(url);
        Element opening = posts(thread).getFirst();
        assertEquals("Feeding worries (update)", thread.selectFirst("main h1").text());
        assertEquals("Things are a little better now.", opening.selectFirst(".body").text());
        assertTrue(opening.selectFirst(".meta").text().contains("edited"));
        assertFalse(thread.html().contains("normal to feel"), "the old words are gone");
    }

    @Test
    void sheDeletesAReplyAndOnlyItsWordsGo() {
        Browser ana = new Browser(node);
        Browser bea = new Browser(node);
        String url = ana.startThread("everyday", "Bad week", "Work has been awful.");
        String beas = bea.reply(url, "Sending you strength.");
        String regret = ana.reply(url, "My manager Jane Doe at Acme Corp shouted at me.");
        Element post = ana.page(url).getElementById("p-" + Browser.postId(regret));
        String delete = post.selectFirst("a:contains(Delete)").attr("href");

        Document confirm = ana.page(delete);
        assertEquals("Delete this post?", confirm.selectFirst("main h1").text());
        assertTrue(confirm.selectFirst("blockquote").text().contains("Jane Doe at Acme Corp"));
        assertEquals(url, Browser.seeOther(ana.postForm(delete, Map.of("csrf", csrfFrom(confirm)))));

        Document thread = ana.page(url);
        Element gone = thread.getElementById("p-" + Browser.postId(regret));
        assertTrue(gone.text().contains("deleted by its author"), gone.text());
        assertFalse(thread.html().contains("Jane Doe"), "her words are erased from the page");
        assertEquals("Sending you strength.", thread.getElementById("p-" + Browser.postId(beas)).select(".body").text());
        assertEquals("Work has been awful.", posts(thread).getFirst().selectFirst(".body").text());
        assertFalse(ana.page("/mine").text().contains("Jane Doe"), "nor kept in her own list");
    }

    @Test
    void deletingHerOpeningPostKeepsTheRepliesAndHidesTheTitle() {
        Browser ana = new Browser(node);
        Browser bea = new Browser(node);
        String url = ana.startThread("survivors", "He reads my phone", "I think he reads my messages.");
        String beas = bea.reply(url, "Please stay safe. The crisis lines below can help.");

        deleteOpeningPost(ana, url);

        Document thread = bea.page(url);
        assertEquals("Thread deleted by its author", thread.selectFirst("main h1").text());
        assertFalse(thread.html().contains("He reads my phone"));
        assertFalse(thread.html().contains("reads my messages"));
        assertTrue(thread.getElementById("p-" + Browser.postId(beas)).text().contains("Please stay safe."));
        assertFalse(bea.page("/c/survivors").html().contains("He reads my phone"), "the circle forgets the title");
    }

    @Test
    void theCircleListStopsNamingHerOnceSheDeletesHerOpeningPost() {
        Browser ana = new Browser(node);
        String url = ana.startThread("recovery", "Relapsed", "I drank again last night.");
        String name = pseudonym(posts(ana.page(url)).getFirst());
        new Browser(node).reply(url, "One day at a time. You're still here.");

        deleteOpeningPost(ana, url);

        Browser reader = new Browser(node);
        assertFalse(reader.page(url).text().contains(name), "the thread page no longer names her");
        Element row = reader.page("/c/recovery").selectFirst("ul.threads a[href=" + url + "]").parent();
        assertFalse(row.text().contains(name), "the circle list still names her: " + row.text());
    }

    @Test
    void deletingHerOnlyPostRemovesTheThread() {
        Browser ana = new Browser(node);
        String url = ana.startThread("everyday", "Never mind", "I shouldn't have written this.");

        assertEquals("/c/everyday", deleteOpeningPost(ana, url));

        assertEquals(404, ana.get(url).statusCode());
        assertNull(ana.page("/c/everyday").selectFirst("ul.threads a[href=" + url + "]"));
    }

    @Test
    void anotherBrowserCanNeitherSeeNorUseEditAndDelete() {
        Browser ana = new Browser(node);
        Browser bea = new Browser(node);
        String url = ana.startThread("perinatal", "Birth story", "It did not go to plan.");
        bea.reply(url, "Mine neither. Thank you for sharing.");
        String postId = posts(ana.page(url)).getFirst().id().substring("p-".length());
        String edit = url + "/p/" + postId + "/edit";
        String delete = url + "/p/" + postId + "/delete";

        Document seenByBea = bea.page(url);
        assertTrue(seenByBea.select("ol.posts li.post").first().select("a[href$=/edit], a[href$=/delete]").isEmpty());
        String beasToken = csrfFrom(seenByBea);
        assertRefused(bea.get(edit));
        assertRefused(bea.get(delete));
        assertRefused(bea.postForm(edit, Browser.fields(beasToken, "Hijacked", "Not her words.", "usual")));
        assertRefused(bea.postForm(delete, Map.of("csrf", beasToken)));

        Document thread = ana.page(url);
        assertEquals("Birth story", thread.selectFirst("main h1").text());
        assertEquals("It did not go to plan.", posts(thread).getFirst().selectFirst(".body").text());
    }

    @Test
    void aBrowserWithNoCookieOrAForgedOneIsRefused() {
        Browser ana = new Browser(node);
        String url = ana.startThread("recovery", "Cravings", "Evenings are hard.");
        String edit = posts(ana.page(url)).getFirst().selectFirst("a:contains(Edit)").attr("href");
        String delete = edit.replace("/edit", "/delete");

        Browser stranger = new Browser(node);
        Browser garbage = new Browser(node);
        garbage.setCookie(Visitor.COOKIE, "garbage");
        Browser wellFormed = new Browser(node);
        wellFormed.setCookie(Visitor.COOKIE, "A".repeat(43));
        for (Browser b : new Browser[] {stranger, garbage, wellFormed}) {
            String token = csrfFrom(b.page(url));
            assertRefused(b.get(edit));
            assertRefused(b.get(delete));
            assertRefused(b.postForm(edit, Browser.fields(token, "Changed", "Changed.", "usual")));
            assertRefused(b.postForm(delete, Map.of("csrf", token)));
        }
        assertEquals("Evenings are hard.", posts(ana.page(url)).getFirst().selectFirst(".body").text());
    }

    @Test
    void aDeleteWithAForgedTokenIsRefusedWith403AndThePostStays() {
        Browser ana = new Browser(node);
        String url = ana.startThread("everyday", "Keep me", "These words should stay.");
        String delete = posts(ana.page(url)).getFirst().selectFirst("a:contains(Delete)").attr("href");

        HttpResponse<String> response = ana.postForm(delete, Map.of("csrf", "k.forged"));

        assertEquals(403, response.statusCode(), "a forged delete is refused like every other forged form");
        assertEquals("These words should stay.", posts(ana.page(url)).getFirst().selectFirst(".body").text());
    }

    /** Deletes the thread's opening post through the confirmation page; returns where she is sent. */
    private static String deleteOpeningPost(Browser author, String url) {
        String delete = posts(author.page(url)).getFirst().selectFirst("a:contains(Delete)").attr("href");
        Document confirm = author.page(delete);
        assertNotNull(confirm.selectFirst("form button.danger"));
        return Browser.seeOther(author.postForm(delete, Map.of("csrf", csrfFrom(confirm))));
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertEquals(403, response.statusCode(), () -> response.request().method() + " " + response.uri());
        assertTrue(Browser.html(response).text().contains("This isn't your post"));
    }
}
