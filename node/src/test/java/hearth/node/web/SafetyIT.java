package hearth.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hearth.node.ConfiguredTestNode;
import hearth.node.TestNode;
import hearth.node.config.ConfigLoader;
import hearth.node.config.NodeConfig.CrisisResource;
import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quick exit, the safety and help pages, crisis lines beside every form, and the gentle note after
 * posting, over HTTP. One node has the gentle note on and its own exit address; the other runs the
 * bundled example as it is (note off).
 */
class SafetyIT {

    static final String EXIT = "https://weather.example/today?city=leeds";
    static final List<CrisisResource> LINES = new ConfigLoader().load(null).crisisResources();

    private static ConfiguredTestNode noting;
    private static TestNode plain;

    @BeforeAll
    static void start() {
        noting = ConfiguredTestNode.start(yaml -> {
            ((ObjectNode) yaml.get("node")).put("exitUrl", EXIT);
            ObjectNode note = yaml.putObject("crisisNote");
            note.put("enabled", true);
            ArrayNode phrases = note.putArray("phrases");
            phrases.add("want to die").add("quiero morir");
        });
        plain = TestNode.start();
    }

    @AfterAll
    static void stop() {
        noting.close();
        plain.close();
    }

    // ---- the quick exit

    @Test
    void everyPageHasTheExitLinkToTheConfiguredAddressAndTheScript() {
        SafetyClient her = new SafetyClient(noting::url);
        String thread = her.startThread("survivors", "Safe words", "Things that help me feel safe.");
        String post = SafetyClient.postId(her.threadPosts(thread).getFirst());
        List<String> pages = List.of("/", "/about", "/mine", "/c/survivors", "/c/survivors/new", thread,
                thread + "/p/" + post + "/edit", "/search?q=safe", "/safety", "/help", "/mod/login", "/modlog");
        for (String path : pages) {
            Document page = her.page(path);
            Element exit = page.selectFirst(".quick-exit a.exit");
            assertNotNull(exit, () -> path + " has no exit link");
            assertEquals(EXIT, exit.attr("href"), path);
            assertEquals("nofollow noreferrer", exit.attr("rel"), path);
            assertNotNull(page.selectFirst(".quick-exit a.staying-safe[href=/safety]"), path);
            Element script = page.selectFirst("head script[src=/static/hearth.js]");
            assertNotNull(script, () -> path + " does not load the quick-exit script");
            assertEquals(EXIT, script.attr("data-exit"), path);
            assertTrue(page.select("script:not([src])").isEmpty(), () -> path + " has an inline script");
        }
    }

    @Test
    void aReportPageAndANotFoundPageHaveTheExitLinkToo() {
        SafetyClient her = new SafetyClient(noting::url);
        String thread = her.startThread("everyday", "Tired", "So tired today.");
        String post = SafetyClient.postId(her.threadPosts(thread).getFirst());
        SafetyClient reader = new SafetyClient(noting::url);
        assertEquals(EXIT, reader.page(thread + "/p/" + post + "/report").selectFirst("a.exit").attr("href"));
        HttpResponse<String> missing = reader.get("/c/nowhere");
        assertEquals(404, missing.statusCode());
        assertEquals(EXIT, SafetyClient.html(missing).selectFirst("a.exit").attr("href"));
    }

    @Test
    void theScriptIsServedAsJavaScript() {
        HttpResponse<String> js = new SafetyClient(plain::url).get("/static/hearth.js");
        assertEquals(200, js.statusCode());
        assertEquals("text/javascript; charset=utf-8", js.headers().firstValue("Content-Type").orElse(""));
        assertTrue(js.body().contains("location.replace"), "the script leaves with location.replace");
    }

    // ---- the safety and help pages

    @Test
    void theSafetyPageExplainsHowToStaySafeInEnglish() {
        Document page = new SafetyClient(plain::url).page("/safety");
        assertEquals("Staying safe online", page.selectFirst("main h1").text());
        String text = page.selectFirst("main").text();
        for (String words : List.of("private window", "history", "Shift key three times", "cookie",
                "does not store your IP address")) {
            assertTrue(text.contains(words), () -> "the safety page should speak of: " + words);
        }
        assertNotNull(page.selectFirst("main a[href=/help]"));
    }

    @Test
    void theSafetyPageSpeaksSpanishToASpanishBrowser() {
        Document page = new SafetyClient(plain::url).speaking("es-ES,es;q=0.9").page("/safety");
        assertEquals("es", page.selectFirst("html").attr("lang"));
        assertEquals("Cómo navegar con seguridad", page.selectFirst("main h1").text());
        assertTrue(page.selectFirst("main").text().contains("ventana privada"));
        assertEquals("Tu seguridad", page.selectFirst(".quick-exit a.staying-safe").text());
    }

    @Test
    void theHelpPageListsEveryCrisisLineWithWaysToReachIt() {
        Document page = new SafetyClient(plain::url).page("/help");
        assertEquals("Help now", page.selectFirst("main h1").text());
        List<Element> lines = page.select("main li.help-line");
        assertEquals(LINES.size(), lines.size());
        for (int i = 0; i < LINES.size(); i++) {
            CrisisResource expected = LINES.get(i);
            Element line = lines.get(i);
            assertEquals(expected.name(), line.selectFirst("h3").text());
            if (expected.phone() != null) {
                Element call = line.selectFirst("a[href^=tel:]");
                assertEquals(expected.phone(), call.text());
                assertEquals("tel:" + expected.phone().replace(" ", ""), call.attr("href"));
            }
            if (expected.hours() != null) {
                assertTrue(line.text().contains(expected.hours()), expected.name());
            }
            if (expected.url() != null) {
                assertNotNull(line.selectFirst("a[href=" + expected.url() + "]"), expected.name());
            }
        }
        Element lifeline = lines.get(2);
        assertEquals("sms:988", lifeline.selectFirst("a[href^=sms:]").attr("href"), "a number to text is a link");
    }

    @Test
    void theHelpPageSpeaksSpanishToASpanishBrowser() {
        Document page = new SafetyClient(plain::url).speaking("es").page("/help");
        assertEquals("Ayuda ahora", page.selectFirst("main h1").text());
        assertEquals(LINES.size(), page.select("main li.help-line").size());
        assertTrue(page.selectFirst("main").text().contains("Llama"));
    }

    @Test
    void theHeaderAndTheFooterLinkToHelpNow() {
        Document home = new SafetyClient(plain::url).page("/");
        assertNotNull(home.selectFirst("header.top nav a[href=/help]"), "Help now in the header");
        assertNotNull(home.selectFirst("footer a[href=/help]"), "Help now in the footer");
        assertNotNull(home.selectFirst("footer a[href=/safety]"), "Staying safe in the footer");
    }

    // ---- crisis lines beside every form

    @Test
    void everyComposeFormAndTheReportFormHaveTheCrisisLinesBesideThem() {
        SafetyClient her = new SafetyClient(plain::url);
        String thread = her.startThread("recovery", "Day 3", "Three days.");
        String post = SafetyClient.postId(her.threadPosts(thread).getFirst());
        SafetyClient reader = new SafetyClient(plain::url);
        assertCrisisLinesBesideForm(her.page("/c/recovery/new"), "new thread");
        assertCrisisLinesBesideForm(her.page(thread), "reply");
        assertCrisisLinesBesideForm(her.page(thread + "/p/" + post + "/edit"), "edit");
        assertCrisisLinesBesideForm(reader.page(thread + "/p/" + post + "/report"), "report");
    }

    private static void assertCrisisLinesBesideForm(Document page, String which) {
        assertNotNull(page.selectFirst("main form textarea"), which + ": the form");
        Element aside = page.selectFirst("main .crisis-aside .crisis-lines");
        assertNotNull(aside, which + ": crisis lines beside the form");
        for (CrisisResource line : LINES) {
            assertTrue(aside.text().contains(line.name()), which + ": " + line.name());
        }
    }

    // ---- the gentle note after posting

    @Test
    void aMatchingThreadShowsTheGentleNoteOnceAtTheTop() {
        SafetyClient her = new SafetyClient(noting::url);
        HttpResponse<String> posted = her.postThread("everyday", "Tonight", "Honestly I WANT to die some nights.");
        String thread = SafetyClient.seeOther(posted);
        String cookie = posted.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("hearth_note=")).findFirst().orElseThrow(() -> new AssertionError(
                        "no note cookie after a matching post: " + posted.headers().allValues("Set-Cookie")));
        assertTrue(cookie.startsWith("hearth_note=1;"), cookie);
        assertTrue(cookie.contains("Path=" + thread), cookie);
        assertTrue(cookie.contains("Max-Age=120"), cookie);
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("httponly"), cookie);

        Document first = her.page(thread);
        Element note = first.selectFirst("main .gentle-note");
        assertNotNull(note, "the note after a matching post");
        assertTrue(note.text().contains("It sounds like things are very hard right now"));
        for (CrisisResource line : LINES) {
            assertTrue(note.text().contains(line.name()), line.name());
        }
        assertTrue(note.elementSiblingIndex() < first.selectFirst("main ol.posts").elementSiblingIndex(),
                "the note is at the top of the thread");
        assertNull(note.closest("form"), "the note is not inside a form");
        assertTrue(first.selectFirst("ol.posts").text().contains("Honestly I WANT to die some nights."),
                "her post is stored and shown");

        assertNull(her.page(thread).selectFirst(".gentle-note"), "the note is shown once");
    }

    @Test
    void aMatchingReplyInSpanishWithoutAccentsShowsTheNote() {
        SafetyClient ana = new SafetyClient(noting::url);
        String thread = ana.startThread("everyday", "Noches", "Las noches son largas.");
        SafetyClient her = new SafetyClient(noting::url).speaking("es");
        String reply = her.reply(thread, "A veces QUIERO MORÍR, de verdad.");
        Document page = her.page(thread);
        Element note = page.selectFirst(".gentle-note");
        assertNotNull(note);
        assertTrue(note.text().contains("Parece que ahora mismo las cosas están siendo muy difíciles"));
        assertNotNull(page.getElementById("p-" + SafetyClient.postId(reply)), "her reply is stored and shown");
    }

    @Test
    void ordinaryWordsBringNoNote() {
        SafetyClient her = new SafetyClient(noting::url);
        HttpResponse<String> posted = her.postThread("everyday", "A good day", "I want to dance, not diet.");
        assertTrue(posted.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("hearth_note")));
        String thread = SafetyClient.seeOther(posted);
        Document page = her.page(thread);
        assertNull(page.selectFirst(".gentle-note"));
        assertTrue(page.selectFirst("ol.posts").text().contains("I want to dance"), "her post is stored");
    }

    @Test
    void aNodeWithTheNoteOffNeverShowsIt() {
        SafetyClient her = new SafetyClient(plain::url);
        HttpResponse<String> posted = her.postThread("everyday", "Tonight", "I want to die.");
        assertTrue(posted.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("hearth_note")));
        String thread = SafetyClient.seeOther(posted);
        Document page = her.page(thread);
        assertNull(page.selectFirst(".gentle-note"));
        assertTrue(page.selectFirst("ol.posts").text().contains("I want to die."), "her post is stored");
    }

    @Test
    void theNoteIsNotShownToAnotherReader() {
        SafetyClient her = new SafetyClient(noting::url);
        String thread = SafetyClient.seeOther(her.postThread("everyday", "Tonight", "I want to die."));
        assertNull(new SafetyClient(noting::url).page(thread).selectFirst(".gentle-note"));
    }
}
