package hearth.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import hearth.node.TestNode;
import hearth.node.config.DataFolder;
import hearth.node.store.Database;
import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Support reactions over HTTP: plain form posts that come back to the post, counted once per woman
 * and kind, taken back by pressing again, never on posts readers cannot react to, stored without her
 * author id, and never part of what other servers get.
 */
class ReactionsIT {

    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        Moderators.add(node, "maya", true);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void everyReadablePostOffersReactionsAndOnlyTheOpenedOneCarriesButtons() {
        String url = new Browser(node).startThread("everyday", "First day back at work", "It was a lot.");
        String reply = new Browser(node).reply(url, "Well done for going.");
        Browser bea = new Browser(node);
        Document thread = bea.page(url);
        assertTrue(thread.select("form.reactions").isEmpty(), "a thread stays light: no buttons until asked");
        Element link = Browser.posts(thread).getFirst().selectFirst("p.actions a[href^=?r=]");
        assertEquals("Reactions", link.text());
        assertEquals(2, thread.select("li.post p.actions a[href^=?r=]").size(), "one per post");

        String post = firstPostId(bea, url);
        Document opened = bea.page(url + link.attr("href").replaceAll("#.*", ""));
        Element bar = opened.getElementById("p-" + post).selectFirst("form.reactions");
        assertEquals(List.of("support", "metoo", "thanks"), bar.select("button[name=kind]").eachAttr("value"));
        assertEquals(List.of("Sending support", "Me too", "Thank you"), bar.select("button").eachText());
        assertTrue(bar.select("button").stream().allMatch(b -> b.attr("aria-pressed").equals("false")));
        assertNotNull(bar.selectFirst("input[name=csrf]"));
        assertNull(opened.getElementById("p-" + Browser.postId(reply)).selectFirst("form.reactions"));
    }

    @Test
    void herReactionIsCountedOnceAndPressingAgainTakesItBack() {
        String url = new Browser(node).startThread("everyday", "Can't face the shops", "Too many people.");
        Browser bea = new Browser(node);
        String post = firstPostId(bea, url);

        HttpResponse<String> first = react(bea, url, post, "support");
        assertEquals(url + "?r=" + post + "#p-" + post, Browser.seeOther(first), "back to the post's anchor");
        assertEquals("Sending support 1", Browser.posts(new Browser(node).page(url)).getFirst()
                .selectFirst(".reaction-counts").text(), "the count shows under the post");
        Element support = button(bea.page(opened(url, post)), post, "support");
        assertEquals("Sending support, 1", support.text(), "its accessible name carries the count");
        assertEquals("1", support.selectFirst(".count").ownText());
        assertEquals("true", support.attr("aria-pressed"));

        Browser.seeOther(react(bea, url, post, "support"));
        Element again = button(bea.page(opened(url, post)), post, "support");
        assertNull(again.selectFirst(".count"), "back to no count");
        assertNull(Browser.posts(bea.page(url)).getFirst().selectFirst(".reaction-counts"), "zero counts are left out");
        assertEquals("false", again.attr("aria-pressed"));
    }

    @Test
    void eachKindCountsSeparatelyAndTwoBrowsersCountTwo() {
        String url = new Browser(node).startThread("everyday", "Sleepless again", "Third night.");
        Browser bea = new Browser(node);
        Browser cas = new Browser(node);
        String post = firstPostId(bea, url);
        Browser.seeOther(react(bea, url, post, "metoo"));
        Browser.seeOther(react(bea, url, post, "thanks"));
        Browser.seeOther(react(cas, url, post, "metoo"));

        Document seenByCas = cas.page(opened(url, post));
        assertEquals("2", button(seenByCas, post, "metoo").selectFirst(".count").ownText());
        assertEquals("1", button(seenByCas, post, "thanks").selectFirst(".count").ownText());
        assertEquals("true", button(seenByCas, post, "metoo").attr("aria-pressed"));
        assertEquals("false", button(seenByCas, post, "thanks").attr("aria-pressed"), "Bea's, not hers");
        assertNull(button(seenByCas, post, "support").selectFirst(".count"));
        Document anonymous = new Browser(node).page(opened(url, post));
        assertTrue(button(anonymous, post, "metoo").attr("aria-pressed").equals("false"));
        assertFalse(anonymous.text().contains("Bea"), "nobody is named");
    }

    @Test
    void reactingGivesHerAKeyAsPostingDoes() {
        String url = new Browser(node).startThread("everyday", "Small win", "I went for a walk.");
        Browser bea = new Browser(node);
        String post = firstPostId(bea, url);
        assertFalse(bea.hasCookies());
        HttpResponse<String> answer = react(bea, url, post, "support");
        assertTrue(answer.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("hearth_author=")),
                answer.headers().allValues("Set-Cookie").toString());
    }

    @Test
    void aReactionWithoutTheFormTokenIsRefusedAndNotCounted() {
        String url = new Browser(node).startThread("everyday", "Forged", "Words.");
        Browser bea = new Browser(node);
        String post = firstPostId(bea, url);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("kind", "support");
        HttpResponse<String> answer = bea.postForm(url + "/p/" + post + "/react", fields);
        assertEquals(403, answer.statusCode());
        assertNull(button(new Browser(node).page(opened(url, post)), post, "support").selectFirst(".count"));
        assertFalse(bea.hasCookies(), "a refused reaction leaves no key");
    }

    @Test
    void anUnknownKindIsRefused() {
        String url = new Browser(node).startThread("everyday", "No downvotes", "Words.");
        Browser bea = new Browser(node);
        String post = firstPostId(bea, url);
        assertEquals(400, react(bea, url, post, "downvote").statusCode());
    }

    @Test
    void aPostRemovedByModeratorsTakesNoReactions() {
        String url = new Browser(node).startThread("everyday", "Removed reply here", "Opening words.");
        String reply = new Browser(node).reply(url, "Something that breaks the rules.");
        Browser bea = new Browser(node);
        String csrf = Browser.csrfFrom(bea.page(url));
        Browser.seeOther(Moderators.act(Moderators.signedIn(node, "maya"), Browser.postId(reply), "remove",
                "reason", "Rule 2"));

        Document opened = bea.page(opened(url, Browser.postId(reply)));
        assertNull(opened.getElementById("p-" + Browser.postId(reply)).selectFirst("form.reactions, a[href^=?r=]"));
        HttpResponse<String> answer = bea.postForm(url + "/p/" + Browser.postId(reply) + "/react",
                Map.of("csrf", csrf, "kind", "support"));
        assertEquals(403, answer.statusCode());
        assertTrue(Browser.html(answer).text().contains("Moderators removed this post"), Browser.html(answer).text());
    }

    @Test
    void aPostWaitingForAModeratorTakesNoReactions() {
        String url = new Browser(node).startThread("everyday", "Held reply here", "Opening words.");
        String reply = new Browser(node).reply(url, "Waiting words.");
        Browser bea = new Browser(node);
        String csrf = Browser.csrfFrom(bea.page(url));
        sql("UPDATE post SET held = TRUE WHERE id = ?", Browser.postId(reply));

        HttpResponse<String> answer = bea.postForm(url + "/p/" + Browser.postId(reply) + "/react",
                Map.of("csrf", csrf, "kind", "support"));
        assertEquals(404, answer.statusCode());
        assertEquals(0, count("SELECT COUNT(*) FROM reaction WHERE post_id = ?", Browser.postId(reply)));
    }

    @Test
    void aDeletedPostTakesNoReactions() {
        Browser ana = new Browser(node);
        String url = ana.startThread("everyday", "Deleted reply here", "Opening words.");
        String reply = ana.reply(url, "I will delete this.");
        Document confirm = ana.page(url + "/p/" + Browser.postId(reply) + "/delete");
        Browser.seeOther(ana.postForm(url + "/p/" + Browser.postId(reply) + "/delete",
                Map.of("csrf", Browser.csrfFrom(confirm))));
        Browser bea = new Browser(node);
        HttpResponse<String> answer = bea.postForm(url + "/p/" + Browser.postId(reply) + "/react",
                Map.of("csrf", Browser.csrfFrom(bea.page(url)), "kind", "support"));
        assertEquals(404, answer.statusCode());
    }

    @Test
    void theReactionTableHoldsNoAuthorId() {
        Browser ana = new Browser(node);
        String url = ana.startThread("everyday", "Table check", "Words.");
        String post = firstPostId(ana, url);
        Browser.seeOther(react(ana, url, post, "thanks"));
        Browser bea = new Browser(node);
        Browser.seeOther(react(bea, url, post, "thanks"));

        List<String> authors = column("SELECT id FROM author");
        List<String> cells = new ArrayList<>();
        try (Database db = Database.sqlite(DataFolder.open(node.data()).database())) {
            db.read(c -> {
                try (PreparedStatement s = c.prepareStatement("SELECT * FROM reaction"); ResultSet r = s.executeQuery()) {
                    ResultSetMetaData meta = r.getMetaData();
                    List<String> names = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        names.add(meta.getColumnName(i).toLowerCase());
                    }
                    assertEquals(List.of("post_id", "kind", "reactor", "created_day"), names);
                    while (r.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            cells.add(r.getString(i));
                        }
                    }
                }
                return null;
            });
        }
        assertFalse(cells.isEmpty());
        for (String author : authors) {
            assertTrue(cells.stream().noneMatch(cell -> cell.contains(author)), "author id " + author + " stored");
        }
    }

    @Test
    void otherServersGetNoReactionData() throws Exception {
        Browser ana = new Browser(node);
        String url = ana.startThread("perinatal", "Federated counts", "Words.");
        String reply = ana.reply(url, "A reply.");
        Browser.seeOther(react(new Browser(node), url, firstPostId(ana, url), "support"));
        Browser.seeOther(react(new Browser(node), url, Browser.postId(reply), "metoo"));

        for (JsonNode object : List.of(ContentWarningIT.activityJson(node, url),
                ContentWarningIT.activityJson(node, url + "/p/" + Browser.postId(reply)))) {
            String json = object.toString().toLowerCase();
            for (String word : List.of("likes", "reaction", "emoji", "support", "metoo", "thanks", "\"shares\"")) {
                assertFalse(json.contains(word), word + " in " + json);
            }
        }
    }

    // ---- helpers

    private static String opened(String url, String postId) {
        return url + "?r=" + postId;
    }

    private static HttpResponse<String> react(Browser browser, String url, String postId, String kind) {
        Document page = browser.page(opened(url, postId));
        String csrf = page.getElementById("p-" + postId).selectFirst("form.reactions input[name=csrf]").val();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", csrf);
        fields.put("kind", kind);
        return browser.postForm(url + "/p/" + postId + "/react", fields);
    }

    private static String firstPostId(Browser browser, String url) {
        return Browser.posts(browser.page(url)).getFirst().id().substring(2);
    }

    private static Element button(Document page, String postId, String kind) {
        return page.getElementById("p-" + postId).selectFirst("form.reactions button[value=" + kind + "]");
    }

    private static void sql(String statement, String id) {
        try (Database db = Database.sqlite(DataFolder.open(node.data()).database())) {
            db.write(c -> {
                try (PreparedStatement s = c.prepareStatement(statement)) {
                    s.setString(1, id);
                    return s.executeUpdate();
                }
            });
        }
    }

    private static int count(String query, String id) {
        try (Database db = Database.sqlite(DataFolder.open(node.data()).database())) {
            return db.read(c -> {
                try (PreparedStatement s = c.prepareStatement(query)) {
                    s.setString(1, id);
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        return r.getInt(1);
                    }
                }
            });
        }
    }

    private static List<String> column(String query) {
        try (Database db = Database.sqlite(DataFolder.open(node.data()).database())) {
            return db.read(c -> {
                List<String> out = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement(query); ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(r.getString(1));
                    }
                }
                return out;
            });
        }
    }
}
