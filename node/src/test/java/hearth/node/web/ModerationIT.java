package hearth.node.web;

import static hearth.node.web.Browser.csrfFrom;
import static hearth.node.web.Browser.posts;
import static hearth.node.web.Browser.postId;
import static hearth.node.web.Browser.pseudonym;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reports, the queue and every console action, over HTTP, with the permissions around them. */
class ModerationIT {

    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start();
        Moderators.add(node, "maya", true);
        Moderators.add(node, "rosa", false, "survivors");
        Moderators.add(node, "lena", false, "recovery", "everyday");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    // ---- reports

    @Test
    void anyoneCanReportAPostAndItWaitsInTheQueueWithoutSayingWhoSentIt() {
        Browser ana = new Browser(node);
        String thread = ana.startThread("survivors", "He reads my messages", "He went through my phone again.");
        Browser bea = new Browser(node);
        String reply = bea.reply(thread, "Just leave, it's easy. You're being dramatic.");

        Browser reader = new Browser(node);
        String reportUrl = thread + "/p/" + postId(reply) + "/report";
        Document form = reader.page(reportUrl);
        assertEquals(6, form.select("input[name=reason]").size(), "six reasons to choose from");
        HttpResponse<String> sent = reader.postForm(reportUrl, Map.of("csrf", csrfFrom(form),
                "reason", "harmful-advice", "comment", "Dismissive of someone in danger"));
        assertEquals(200, sent.statusCode());
        assertTrue(Browser.html(sent).text().contains("Nobody will learn that it came from you"));
        assertFalse(reader.hasCookies(), "reporting leaves nothing in her browser");

        Document queue = Moderators.signedIn(node, "rosa").page("/mod");
        Element item = queue.getElementById("q-" + postId(reply));
        assertNotNull(item, "the reported post is in the queue");
        assertTrue(item.text().contains("Harmful advice"));
        assertTrue(item.text().contains("Dismissive of someone in danger"));
        assertTrue(item.selectFirst("details.context").text().contains("He went through my phone again."),
                "the post it answered is shown for context");
    }

    @Test
    void aReportWithoutAReasonKeepsWhatSheWrote() {
        Browser ana = new Browser(node);
        String thread = ana.startThread("everyday", "Small wins", "I went for a walk today.");
        String reportUrl = thread + "/p/" + postId(firstPostUrl(ana, thread)) + "/report";
        Browser reader = new Browser(node);
        HttpResponse<String> answer = reader.postForm(reportUrl, Map.of("csrf", csrfFrom(reader.page(reportUrl)),
                "comment", "I am not sure why, but this worries me"));
        assertEquals(400, answer.statusCode());
        Document page = Browser.html(answer);
        assertEquals("I am not sure why, but this worries me", page.selectFirst("textarea[name=comment]").wholeText());
        assertTrue(page.selectFirst(".problems").text().contains("choose what is wrong"));
    }

    @Test
    void someoneAtRiskGoesToTheTopOfTheQueueWithTheCrisisGuidance() {
        Browser ana = new Browser(node);
        String older = ana.startThread("recovery", "Day 40", "Forty days clean.");
        String worrying = new Browser(node).reply(older, "I don't see the point of anything any more.");
        String spam = new Browser(node).reply(older, "Buy cheap pills at example.com");
        report(spam, older, "spam", "");
        report(worrying, older, "at-risk", "");

        Document queue = Moderators.signedIn(node, "lena").page("/mod");
        Element first = queue.selectFirst("article.queue-item");
        assertEquals("q-" + postId(worrying), first.id(), "at-risk comes before an older spam report");
        assertTrue(first.hasClass("at-risk"));
        assertTrue(first.selectFirst(".crisis-guidance").text().contains("Samaritans"),
                "the node's crisis lines are shown to the moderator");
    }

    // ---- removing and restoring

    @Test
    void aRemovedReplyShowsTheReasonToReadersAndLeavesSearch() throws Exception {
        Browser ana = new Browser(node);
        String thread = ana.startThread("survivors", "Safety planning", "What goes in a go-bag?");
        String reply = new Browser(node).reply(thread, "Here is her address: 12 Quillfeather Lane");
        waitForSearch("Quillfeather", true);

        Browser rosa = Moderators.signedIn(node, "rosa");
        String done = Browser.seeOther(Moderators.act(rosa, postId(reply), "remove",
                "reason", "It identifies someone"));
        assertTrue(done.startsWith("/mod/posts/" + postId(reply)), done);

        Element removed = postById(new Browser(node).page(thread), postId(reply));
        assertEquals("Removed by moderators: It identifies someone", removed.selectFirst(".removed").text());
        assertNull(removed.selectFirst(".body"), "readers no longer see its words");
        waitForSearch("Quillfeather", false);
        assertTrue(new Browser(node).page("/modlog").text().contains("It identifies someone"));

        Browser.seeOther(Moderators.act(rosa, postId(reply), "restore"));
        Element back = postById(new Browser(node).page(thread), postId(reply));
        assertNull(back.selectFirst(".removed"));
        assertTrue(back.selectFirst(".body").text().contains("Quillfeather"));
    }

    @Test
    void removingTheOpeningPostTakesTheThreadOutOfItsCircle() {
        Browser ana = new Browser(node);
        String thread = ana.startThread("everyday", "Miracle cure", "Stop your medication and try this instead.");
        Browser maya = Moderators.signedIn(node, "maya");
        Browser.seeOther(Moderators.act(maya, postId(firstPostUrl(ana, thread)), "remove",
                "reason", "Harmful medical advice"));

        Browser reader = new Browser(node);
        assertFalse(reader.page("/c/everyday").text().contains("Miracle cure"));
        Document page = reader.page(thread);
        assertEquals("Removed by moderators", page.selectFirst("main h1").text());
        assertTrue(page.text().contains("This thread was removed by moderators: Harmful medical advice"));
        assertFalse(page.text().contains("Stop your medication"));
        assertNull(page.selectFirst("form.compose"), "no replies to a removed thread");
    }

    @Test
    void aRemovalNeedsAReason() {
        Browser ana = new Browser(node);
        String thread = ana.startThread("recovery", "Cravings", "Evenings are the worst.");
        String postId = postId(firstPostUrl(ana, thread));
        HttpResponse<String> answer = Moderators.act(Moderators.signedIn(node, "lena"), postId, "remove",
                "reason", "  ");
        assertEquals(400, answer.statusCode());
        assertTrue(Browser.html(answer).text().contains("Please give a reason"));
        assertTrue(new Browser(node).page(thread).text().contains("Evenings are the worst."));
    }

    @Test
    void dismissingAReportClosesItWithoutTouchingThePost() {
        Browser ana = new Browser(node);
        String thread = ana.startThread("recovery", "Meetings", "Which meetings helped you?");
        String postId = postId(firstPostUrl(ana, thread));
        report(thread + "#p-" + postId, thread, "other", "not sure");
        Browser lena = Moderators.signedIn(node, "lena");
        assertNotNull(lena.page("/mod").getElementById("q-" + postId));
        Browser.seeOther(Moderators.act(lena, postId, "dismiss"));
        assertNull(lena.page("/mod").getElementById("q-" + postId));
        assertTrue(new Browser(node).page(thread).text().contains("Which meetings helped you?"));
    }

    // ---- locking

    @Test
    void aLockedThreadRefusesRepliesAndKeepsHerWords() {
        Browser ana = new Browser(node);
        String thread = ana.startThread("everyday", "Heated", "Let's talk about it.");
        String opening = postId(firstPostUrl(ana, thread));
        Browser maya = Moderators.signedIn(node, "maya");
        Browser bea = new Browser(node);
        String csrf = csrfFrom(bea.page(thread));
        Browser.seeOther(Moderators.actOnThread(maya, opening, Browser.threadId(thread), "lock"));

        Document page = bea.page(thread);
        assertTrue(page.selectFirst(".locked").text().contains("locked"));
        assertNull(page.selectFirst("form.compose"), "no reply form on a locked thread");
        HttpResponse<String> refused = bea.postForm(thread + "/reply",
                Browser.fields(csrf, null, "But I wanted to say this", "usual"));
        assertEquals(403, refused.statusCode());
        assertEquals("But I wanted to say this",
                Browser.html(refused).selectFirst("textarea[name=body]").wholeText());

        Browser.seeOther(Moderators.actOnThread(maya, opening, Browser.threadId(thread), "unlock"));
        bea.reply(thread, "Now I can say it");
    }

    // ---- bans

    @Test
    void aBanCoversEveryPseudonymOfTheAuthorAndTheModeratorLearnsNoneOfTheOthers() {
        Browser cara = new Browser(node);
        String usualThread = cara.startThread("survivors", "Venting", "I need to vent.");
        String usualName = pseudonym(posts(cara.page(usualThread)).getFirst());
        String other = new Browser(node).startThread("survivors", "Court dates", "Mine is next week.");
        String oneOff = cara.reply(other, "You're lying about all of it.", "one-off");
        String oneOffName = pseudonym(postById(cara.page(other), postId(oneOff)));
        assertFalse(usualName.equals(oneOffName));

        Browser rosa = Moderators.signedIn(node, "rosa");
        Browser.seeOther(Moderators.act(rosa, postId(oneOff), "ban", "where", "circle", "period", "7",
                "reason", "Attacking survivors"));

        HttpResponse<String> refused = cara.postForm(usualThread + "/reply",
                Browser.fields(csrfFrom(cara.page(usualThread)), null, "one more thing", "usual"));
        assertEquals(403, refused.statusCode(), "her usual pseudonym is banned too");
        Document page = Browser.html(refused);
        assertTrue(page.selectFirst(".problems").text().contains("Attacking survivors"));
        assertEquals("one more thing", page.selectFirst("textarea[name=body]").wholeText());
        cara.startThread("everyday", "Elsewhere", "The ban is for one circle only.");

        Document bans = rosa.page("/mod/bans");
        assertTrue(bans.text().contains(oneOffName));
        assertFalse(bans.text().contains(usualName), "the other pseudonym is never shown");
        assertFalse(rosa.page("/mod/posts/" + postId(oneOff)).text().contains(usualName));
        assertFalse(new Browser(node).page("/modlog").text().contains(usualName));
    }

    @Test
    void onlyANodeAdminBansFromTheWholeNode() {
        Browser dina = new Browser(node);
        String thread = dina.startThread("survivors", "Spam", "Visit my shop");
        String postId = postId(firstPostUrl(dina, thread));
        HttpResponse<String> refused = Moderators.act(Moderators.signedIn(node, "rosa"), postId, "ban",
                "where", "node", "period", "ever", "reason", "Spam everywhere");
        assertEquals(403, refused.statusCode());
        dina.reply(thread, "still allowed");

        Browser.seeOther(Moderators.act(Moderators.signedIn(node, "maya"), postId, "ban",
                "where", "node", "period", "ever", "reason", "Spam everywhere"));
        HttpResponse<String> anywhere = dina.postForm("/c/everyday/new",
                Browser.fields(csrfFrom(dina.page("/c/everyday/new")), "Hi", "more spam", "usual"));
        assertEquals(403, anywhere.statusCode());
    }

    // ---- posting policies and held posts

    @Test
    void holdFirstPostsKeepsANewAuthorsPostForHerAndTheModeratorsOnly() {
        Browser maya = Moderators.signedIn(node, "maya");
        setPolicy(maya, "perinatal", "hold-first");
        try {
            Browser eva = new Browser(node);
            String thread = eva.startThread("perinatal", "First time here", "Hello, I'm new.");
            Document hers = eva.page(thread);
            assertTrue(hers.selectFirst(".waiting").text().contains("Waiting for a moderator"));
            assertTrue(eva.page("/mine").text().contains("Waiting for a moderator"));

            Browser reader = new Browser(node);
            assertEquals(404, reader.get(thread).statusCode(), "nobody else sees a held thread");
            assertFalse(reader.page("/c/perinatal").text().contains("First time here"));
            String postId = postId(firstPostUrl(eva, thread));
            assertNotNull(maya.page("/mod").getElementById("q-" + postId), "held posts wait in the queue");
            assertTrue(maya.page(thread).text().contains("Hello, I'm new."), "moderators see it");

            Browser.seeOther(Moderators.act(maya, postId, "approve"));
            assertTrue(reader.page("/c/perinatal").text().contains("First time here"));
            String second = eva.reply(thread, "Thank you for letting me in.");
            assertNull(postById(reader.page(thread), postId(second)).selectFirst(".waiting"),
                    "once let through, she is no longer new here");
        } finally {
            setPolicy(maya, "perinatal", "open");
        }
    }

    @Test
    void holdEveryPostHoldsRepliesOfKnownAuthorsToo() {
        Browser lena = Moderators.signedIn(node, "lena");
        Browser fay = new Browser(node);
        String thread = fay.startThread("recovery", "Sponsors", "How did you find yours?");
        setPolicy(lena, "recovery", "hold-all");
        try {
            String reply = fay.reply(thread, "Still looking, any tips?");
            assertNull(postById(new Browser(node).page(thread), postId(reply)), "held from readers");
            assertNotNull(postById(fay.page(thread), postId(reply)).selectFirst(".waiting"));
        } finally {
            setPolicy(lena, "recovery", "open");
        }
    }

    // ---- who may do what

    @Test
    void aCircleModeratorCannotActOnAnotherCircle() {
        Browser ana = new Browser(node);
        String thread = ana.startThread("everyday", "Tea", "What do you drink?");
        String postId = postId(firstPostUrl(ana, thread));
        Browser rosa = Moderators.signedIn(node, "rosa");
        assertEquals(403, rosa.get("/mod/posts/" + postId).statusCode());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", csrfFrom(rosa.page("/mod")));
        fields.put("reason", "not mine to remove");
        assertEquals(403, rosa.postForm("/mod/posts/" + postId + "/remove", fields).statusCode());
        assertTrue(new Browser(node).page(thread).text().contains("What do you drink?"));
    }

    @Test
    void aWomanWithoutAnAccountCannotReachTheConsole() {
        Browser ana = new Browser(node);
        String thread = ana.startThread("everyday", "Plants", "My basil died.");
        String postId = postId(firstPostUrl(ana, thread));
        assertEquals("/mod/login", Browser.seeOther(ana.get("/mod")));
        assertEquals("/mod/login", Browser.seeOther(ana.postForm("/mod/posts/" + postId + "/remove",
                Map.of("csrf", "x", "reason", "gone"))));
        assertEquals("/mod/login", Browser.seeOther(ana.get("/mod/bans")));
        assertTrue(new Browser(node).page(thread).text().contains("My basil died."));
    }

    @Test
    void aConsoleFormFromAnotherSiteIsRefused() {
        Browser ana = new Browser(node);
        String thread = ana.startThread("everyday", "Books", "Reading anything good?");
        String postId = postId(firstPostUrl(ana, thread));
        Browser maya = Moderators.signedIn(node, "maya");
        HttpResponse<String> forged = maya.postForm("/mod/posts/" + postId + "/remove",
                Map.of("csrf", "forged", "reason", "forged removal"));
        assertEquals(403, forged.statusCode());
        assertTrue(new Browser(node).page(thread).text().contains("Reading anything good?"));
    }

    @Test
    void theModerationLogIsPublicAndNamesThePseudonymButNeverTheReporter() {
        Browser ana = new Browser(node);
        String thread = ana.startThread("everyday", "Rant", "Everyone here is stupid.");
        String postUrl = firstPostUrl(ana, thread);
        String name = pseudonym(posts(ana.page(thread)).getFirst());
        report(postUrl, thread, "harassment", "reported by Zoe Quentin");
        Browser.seeOther(Moderators.act(Moderators.signedIn(node, "maya"), postId(postUrl), "remove",
                "reason", "Insulting members"));
        Document log = new Browser(node).page("/modlog");
        Element row = log.select("table.modlog tbody tr").stream()
                .filter(r -> r.text().contains("Insulting members")).findFirst().orElseThrow();
        assertTrue(row.text().contains(name));
        assertTrue(row.text().contains("everyday"));
        assertTrue(row.text().contains("Thread removed"), row.text());
        assertFalse(log.text().contains("Zoe Quentin"));
        assertFalse(log.text().contains("harassment"), "nothing says a report was made");
    }

    // ---- helpers

    private static void report(String postUrl, String thread, String reason, String comment) {
        Browser reader = new Browser(node);
        String url = thread + "/p/" + postId(postUrl) + "/report";
        assertEquals(200, reader.postForm(url, Map.of("csrf", csrfFrom(reader.page(url)), "reason", reason,
                "comment", comment)).statusCode());
    }

    private static void setPolicy(Browser moderator, String circle, String policy) {
        Document page = moderator.page("/mod/circles");
        Browser.seeOther(moderator.postForm("/mod/circles/" + circle,
                Map.of("csrf", csrfFrom(page), "policy", policy)));
    }

    private static String firstPostUrl(Browser browser, String thread) {
        return thread + "#" + posts(browser.page(thread)).getFirst().id();
    }

    private static Element postById(Document thread, String postId) {
        return thread.getElementById("p-" + postId);
    }

    private static void waitForSearch(String word, boolean present) throws InterruptedException {
        Browser reader = new Browser(node);
        for (int attempt = 0; attempt < 100; attempt++) {
            boolean found = reader.page("/search?q=" + word).select(".results li, ol.results > li").size() > 0;
            if (found == present) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("search for " + word + " should " + (present ? "" : "no longer ") + "find it");
    }
}
