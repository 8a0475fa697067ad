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
import hearth.node.author.AuthorKey;
import hearth.node.author.RecoveryPhrase;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Her control over her traces, over HTTP: her recovery phrase and carrying it to a fresh
 * browser, "forget me" with its real numbers and its federated deletions, and posts that
 * disappear by themselves.
 */
class TracesIT {

    private static final Duration SOON = Duration.ofSeconds(20);
    private static final long DAY = Duration.ofDays(1).toMillis();

    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    // ---- her recovery phrase

    @Test
    void aBrowserThatNeverPostedHasNoPhrase() {
        HttpResponse<String> response = new Browser(node).get("/me/phrase");
        assertEquals(200, response.statusCode());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        Document page = Browser.html(response);
        assertTrue(page.select("ol.phrase-words li").isEmpty());
        assertTrue(page.text().contains("has not posted here"), page.text());
    }

    @Test
    void herPhraseIsTwelveWordsOnAPageNoCacheKeeps() {
        Browser ana = new Browser(node);
        ana.startThread("everyday", "Phrase please", "I want to keep my posts.");
        HttpResponse<String> response = ana.get("/me/phrase");
        assertEquals(200, response.statusCode());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        List<String> words = Browser.html(response).select("ol.phrase-words li").eachText();
        assertEquals(12, words.size());
        words.forEach(w -> assertTrue(w.matches("[a-z]{3,8}"), w));
        assertEquals(words, words(ana), "the same words every time");
        assertTrue(ana.page("/mine").selectFirst("a[href=/me/phrase]") != null, "linked from my posts");
    }

    // ---- carrying it to another browser

    @Test
    void aFreshBrowserWithHerPhraseIsHer() {
        Browser ana = new Browser(node);
        String thread = ana.startThread("perinatal", "Moving phones", "Writing from my old phone.");
        String name = pseudonym(posts(ana.page(thread)).getFirst());
        List<String> words = words(ana);

        Browser newPhone = new Browser(node);
        assertNull(posts(newPhone.page(thread)).getFirst().selectFirst("a:containsOwn(Edit)"));
        // Capitals, new lines and four-letter abbreviations, as she might type them.
        String typed = String.join("\n", words.stream().map(w -> w.substring(0, Math.min(4, w.length())).toUpperCase())
                .toList());
        HttpResponse<String> restored = restore(newPhone, typed, false);
        assertEquals(200, restored.statusCode(), Browser.html(restored).text());
        assertTrue(Browser.html(restored).text().contains("You carry on as " + name), Browser.html(restored).text());

        Element opening = posts(newPhone.page(thread)).getFirst();
        assertNotNull(opening.selectFirst("a:containsOwn(Edit)"), "her post shows its edit link in the new browser");
        assertTrue(newPhone.page("/mine").text().contains("Moving phones"));
        String reply = newPhone.reply(thread, "And now from the new one.");
        assertEquals(name, pseudonym(newPhone.page(thread).getElementById("p-" + Browser.postId(reply))),
                "she posts under the same name");
    }

    @Test
    void aWordNotOnTheListKeepsWhatSheTyped() {
        Browser ana = new Browser(node);
        ana.startThread("everyday", "Typo", "I will mistype my phrase.");
        List<String> words = new ArrayList<>(words(ana));
        words.set(4, "xqzzy");
        String typed = String.join("  ", words);
        Browser other = new Browser(node);

        HttpResponse<String> refused = restore(other, typed, false);
        assertEquals(400, refused.statusCode());
        Document page = Browser.html(refused);
        assertEquals(typed, page.selectFirst("textarea[name=phrase]").wholeText());
        assertTrue(page.selectFirst(".problems").text().contains("Word 5 is not on the list"), page.text());
        assertFalse(other.hasCookies(), "a refused phrase sets nothing");
    }

    @Test
    void swappedWordsAreRefusedPolitely() {
        Browser ana = new Browser(node);
        ana.startThread("everyday", "Swap", "I will swap two words.");
        List<String> words = new ArrayList<>(words(ana));
        int other = words.indexOf(words.stream().filter(w -> !w.equals(words.getFirst())).findFirst().orElseThrow());
        String first = words.getFirst();
        words.set(0, words.get(other));
        words.set(other, first);
        String typed = String.join(" ", words);

        HttpResponse<String> refused = restore(new Browser(node), typed, false);
        assertEquals(400, refused.statusCode());
        assertEquals(typed, Browser.html(refused).selectFirst("textarea[name=phrase]").wholeText());
        assertNotNull(Browser.html(refused).selectFirst(".problems"));
    }

    @Test
    void aRealPhraseThatLeadsToNobodyIsRefused() {
        String stranger = String.join(" ", RecoveryPhrase.of(AuthorKey.random()));
        Browser browser = new Browser(node);
        HttpResponse<String> refused = restore(browser, stranger, false);
        assertEquals(400, refused.statusCode());
        assertTrue(Browser.html(refused).selectFirst(".problems").text().contains("no posts here are linked"));
        assertFalse(browser.hasCookies());
    }

    @Test
    void restoringOverAnotherKeyAsksFirst() {
        Browser ana = new Browser(node);
        ana.startThread("everyday", "Ana's thread", "Ana writes.");
        String typed = String.join(" ", words(ana));
        Browser cara = new Browser(node);
        cara.startThread("everyday", "Cara's thread", "Cara writes.");

        HttpResponse<String> asked = restore(cara, typed, false);
        assertEquals(200, asked.statusCode());
        Document confirm = Browser.html(asked);
        assertEquals("Replace this browser's link?", confirm.selectFirst("main h1").text());
        assertEquals("yes", confirm.selectFirst("input[name=replace]").val());
        assertEquals(typed, confirm.selectFirst("textarea[name=phrase]").wholeText());
        assertTrue(cara.page("/mine").text().contains("Cara's thread"), "nothing changed before she confirms");

        HttpResponse<String> replaced = restore(cara, typed, true);
        assertEquals(200, replaced.statusCode());
        String mine = cara.page("/mine").text();
        assertTrue(mine.contains("Ana's thread") && !mine.contains("Cara's thread"), mine);
    }

    @Test
    void aRestoreWithoutItsTokenIsRefusedAndKeepsTheWords() {
        Browser ana = new Browser(node);
        ana.startThread("everyday", "Token", "A form from elsewhere.");
        String typed = String.join(" ", words(ana));
        Browser other = new Browser(node);
        HttpResponse<String> refused = other.postForm("/me/restore", Map.of("phrase", typed));
        assertEquals(403, refused.statusCode());
        assertEquals(typed, Browser.html(refused).selectFirst("textarea[name=phrase]").wholeText());
        assertFalse(other.hasCookies());
    }

    // ---- forget me

    @Test
    void forgetMeSaysExactlyWhatWillHappen() {
        Browser ana = new Browser(node);
        Browser bea = new Browser(node);
        String hers = ana.startThread("survivors", "Counting thread", "Ana opens this.");
        bea.reply(hers, "Bea answers Ana.");
        String beas = bea.startThread("survivors", "Bea's thread", "Bea opens this.");
        ana.reply(beas, "Ana answers Bea.");

        Document page = ana.page("/me/forget");
        assertEquals("Your 2 posts are deleted from this site. One of them is a thread you started.",
                page.selectFirst(".forget-posts").text());
        assertTrue(page.selectFirst(".forget-replies").text().startsWith("The 1 reply someone else wrote"),
                page.selectFirst(".forget-replies").text());
        assertTrue(page.text().contains("This cannot be undone."));
        assertTrue(page.text().contains("sent their deletion too"));
        assertTrue(page.text().contains("reactions are removed"));
        assertNotNull(ana.page("/mine").selectFirst("a[href=/me/forget]"), "linked from my posts");
    }

    @Test
    void forgetMeDeletesEveryPostOfHersEverywhereAndTheCookie() {
        Browser ana = new Browser(node);
        Browser bea = new Browser(node);
        String hers = ana.startThread("recovery", "Zinnialantern troubles", "Ana writes quillfeather words.");
        bea.reply(hers, "Bea stays here.");
        String beas = bea.startThread("recovery", "Bea asks", "Bea's question.");
        ana.reply(beas, "Ana answers with marmaladeskies.");
        List<String> words = words(ana);
        eventually("her words are searchable", () -> hits("quillfeather") == 1 && hits("marmaladeskies") == 1);

        Document confirm = ana.page("/me/forget");
        HttpResponse<String> done = ana.postForm("/me/forget", Map.of("csrf", csrfFrom(confirm)));
        assertEquals(200, done.statusCode());
        assertEquals("You are forgotten here", Browser.html(done).selectFirst("main h1").text());
        String cookie = done.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Visitor.COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("Max-Age=0"), cookie);
        assertFalse(ana.hasCookies(), "the browser dropped its key");

        Document thread = bea.page(hers);
        assertEquals("Thread deleted by its author", thread.selectFirst("main h1").text());
        assertFalse(thread.html().contains("quillfeather"));
        assertTrue(thread.text().contains("Bea stays here."), "other women's replies stay");
        assertFalse(bea.page(beas).html().contains("marmaladeskies"));
        assertFalse(bea.page("/c/recovery").html().contains("Zinnialantern"));
        eventually("search forgets her", () -> hits("quillfeather") == 0 && hits("marmaladeskies") == 0
                && hits("zinnialantern") == 0);
        assertTrue(ana.page("/mine").text().contains("has not posted here yet"));

        HttpResponse<String> again = restore(new Browser(node), String.join(" ", words), false);
        assertEquals(400, again.statusCode(), "her old phrase leads to nothing");
    }

    @Test
    void forgetMeWithoutItsTokenDeletesNothing() {
        Browser ana = new Browser(node);
        String hers = ana.startThread("everyday", "Still here", "These words stay.");
        HttpResponse<String> refused = ana.postForm("/me/forget", Map.of("csrf", "k.forged"));
        assertEquals(403, refused.statusCode());
        assertTrue(ana.page(hers).text().contains("These words stay."));
        assertTrue(ana.hasCookies());
    }

    @Test
    void aBrowserThatNeverPostedHasNothingToForget() {
        Document page = new Browser(node).page("/me/forget");
        assertTrue(page.select("form[action=/me/forget]").isEmpty());
        assertTrue(page.text().contains("nothing to forget"));
    }

    @Test
    void forgetMeSendsTheDeletionsToTheServersThatHadHerPosts() {
        try (DatabasePeek db = new DatabasePeek(node)) {
            // A server that follows circle "perinatal": the outbox queues every activity for its inbox.
            db.update("INSERT INTO circle_follower (circle_name, actor_uri, inbox, follow_id, created_at) "
                    + "VALUES ('perinatal', 'http://127.0.0.1:9/u/l', 'http://127.0.0.1:9/inbox', "
                    + "'http://127.0.0.1:9/follows/1', 0)");
            Browser dana = new Browser(node);
            String thread = dana.startThread("perinatal", "Federated words", "Dana's thread goes out.");
            String reply = Browser.postId(dana.reply(thread, "Dana's reply goes out too."));
            String opening = posts(dana.page(thread)).getFirst().id().substring(2);
            eventually("both posts were sent", () -> queued(db, "create-" + opening) && queued(db, "create-" + reply));

            dana.postForm("/me/forget", Map.of("csrf", csrfFrom(dana.page("/me/forget"))));

            eventually("both deletions are queued for the follower", () -> queued(db, "delete-" + opening)
                    && queued(db, "delete-" + reply));
            assertTrue(db.strings("SELECT body FROM delivery WHERE body LIKE ?", "%delete-" + reply + "%")
                    .getFirst().contains("\"Delete\""));
        }
    }

    // ---- posts that disappear by themselves

    @Test
    void aNewPostOffersFourLifetimesAndAnEditNone() {
        Browser ana = new Browser(node);
        Document form = ana.page("/c/everyday/new");
        Element fieldset = form.selectFirst("fieldset.expiry");
        assertEquals("How long to keep this post", fieldset.selectFirst("legend").text());
        assertEquals(List.of("0", "1", "7", "30"), fieldset.select("input[type=radio][name=expires]").eachAttr("value"));
        assertEquals(List.of("Keep until I delete it", "1 day", "7 days", "30 days"), fieldset.select("label").eachText());
        assertEquals("0", fieldset.selectFirst("input[checked]").val(), "keeping it is the default");

        String thread = ana.startThread("everyday", "Lifetimes", "Words.");
        assertNotNull(ana.page(thread).selectFirst("form fieldset.expiry"), "a reply chooses too");
        String edit = posts(ana.page(thread)).getFirst().selectFirst("a:containsOwn(Edit)").attr("href");
        assertNull(ana.page(edit).selectFirst("fieldset.expiry"), "an edit keeps the lifetime it has");
    }

    @Test
    void aLifetimeNotOfferedKeepsHerWords() {
        Browser ana = new Browser(node);
        String form = "/c/everyday/new";
        Map<String, String> fields = Browser.fields(csrfFrom(ana.page(form)), "Three days", "Keep me three days.", "usual");
        fields.put("expires", "3");
        HttpResponse<String> refused = ana.postForm(form, fields);
        assertEquals(400, refused.statusCode());
        Document page = Browser.html(refused);
        assertTrue(page.selectFirst(".problems").text().contains("Please choose how long to keep your post"));
        assertEquals("Three days", page.selectFirst("input[name=title]").val());
        assertEquals("Keep me three days.", page.selectFirst("textarea[name=body]").wholeText());
        assertFalse(new Browser(node).page("/c/everyday").text().contains("Three days"));
    }

    @Test
    void theChosenLifetimeIsStoredAndShownOnlyToHer() {
        Browser ana = new Browser(node);
        long before = System.currentTimeMillis();
        String thread = startThreadLasting(ana, "everyday", "A week only", "Gone in seven days.", 7);
        long after = System.currentTimeMillis();
        String postId = posts(ana.page(thread)).getFirst().id().substring(2);
        try (DatabasePeek db = new DatabasePeek(node)) {
            long expiresAt = db.longOf("SELECT expires_at FROM post WHERE id = ?", postId);
            assertTrue(expiresAt >= before + 7 * DAY && expiresAt <= after + 7 * DAY, "stored: " + expiresAt);

            Element note = posts(ana.page(thread)).getFirst().selectFirst(".expires");
            assertNotNull(note, "she sees when it disappears");
            assertTrue(note.text().startsWith("This post disappears by itself on "), note.text());
            assertNotNull(ana.page("/mine").selectFirst(".expires"));
            assertNull(posts(new Browser(node).page(thread)).getFirst().selectFirst(".expires"), "nobody else does");

            String edit = posts(ana.page(thread)).getFirst().selectFirst("a:containsOwn(Edit)").attr("href");
            Browser.seeOther(ana.postForm(edit, Browser.fields(csrfFrom(ana.page(edit)), "A week only",
                    "Edited words.", "usual")));
            assertEquals(expiresAt, db.longOf("SELECT expires_at FROM post WHERE id = ?", postId), "editing keeps it");
        }
    }

    @Test
    void aPostExpiresAndVanishesEverywhere() {
        try (TestNode own = TestNode.start()) {
            Browser ana = new Browser(own);
            Browser bea = new Browser(own);
            String thread = startThreadLasting(ana, "everyday", "Ephemeral thistledown", "Ana's vanishing gossamerwords.", 1);
            String beas = bea.startThread("everyday", "Bea stays", "Bea's thread.");
            String reply = replyLasting(ana, beas, "Ana's fleeting lanternmoth reply.", 1);
            eventually(own, "her words are searchable", () -> hits(own, "gossamerwords") == 1
                    && hits(own, "lanternmoth") == 1);

            try (DatabasePeek db = new DatabasePeek(own)) {
                assertEquals(2, db.update("UPDATE post SET expires_at = ? WHERE expires_at IS NOT NULL",
                        System.currentTimeMillis() - 1000));
            }
            // The node sweeps at start, then every minute: a restart makes the sweep come now.
            own.restart();

            eventually(own, "the thread is gone", () -> bea.get(thread).statusCode() == 404);
            assertFalse(bea.page("/c/everyday").html().contains("thistledown"));
            Element gone = bea.page(beas).getElementById("p-" + Browser.postId(reply));
            assertTrue(gone.text().contains("deleted by its author"), gone.text());
            assertFalse(bea.page(beas).html().contains("lanternmoth"));
            eventually(own, "search forgets them", () -> hits(own, "gossamerwords") == 0 && hits(own, "lanternmoth") == 0);
            assertFalse(ana.page("/mine").html().contains("gossamerwords"));
        }
    }

    // ---- helpers

    private static List<String> words(Browser her) {
        return her.page("/me/phrase").select("ol.phrase-words li").eachText();
    }

    private static HttpResponse<String> restore(Browser browser, String typed, boolean replace) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", csrfFrom(browser.page("/me/restore")));
        fields.put("phrase", typed);
        if (replace) {
            fields.put("replace", "yes");
        }
        return browser.postForm("/me/restore", fields);
    }

    static String startThreadLasting(Browser her, String circle, String title, String body, int days) {
        String form = "/c/" + circle + "/new";
        Map<String, String> fields = Browser.fields(csrfFrom(her.page(form)), title, body, "usual");
        fields.put("expires", String.valueOf(days));
        return Browser.seeOther(her.postForm(form, fields));
    }

    private static String replyLasting(Browser her, String thread, String body, int days) {
        Map<String, String> fields = Browser.fields(csrfFrom(her.page(thread)), null, body, "usual");
        fields.put("expires", String.valueOf(days));
        return Browser.seeOther(her.postForm(thread + "/reply", fields));
    }

    private static boolean queued(DatabasePeek db, String activity) {
        return db.longOf("SELECT COUNT(*) FROM delivery WHERE body LIKE ?", "%" + activity + "%") > 0;
    }

    private static int hits(String word) {
        return hits(node, word);
    }

    private static int hits(TestNode on, String word) {
        return Browser.html(new Browser(on).get("/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8)))
                .select("ol.results > li").size();
    }

    private static void eventually(String what, BooleanSupplier condition) {
        eventually(node, what, condition);
    }

    private static void eventually(TestNode on, String what, BooleanSupplier condition) {
        long until = System.nanoTime() + SOON.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within " + SOON + ": " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
