package hearth.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hearth.node.TestNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Content warnings over HTTP: written with a post, folded behind {@code <details>} in the thread,
 * the circle and search (no JavaScript needed), opened only for topics she unticked on
 * {@code /preferences} (a cookie, nothing on the server), and sent to other servers as Mastodon
 * shows them ({@code sensitive} and {@code summary}).
 */
class ContentWarningIT {

    private static final List<String> TOPICS = List.of("self-harm", "suicide", "abuse", "loss", "substance use",
            "eating");

    private static TestNode node;

    @BeforeAll
    static void start() {
        node = TestNode.start();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    // ---- writing a warning

    @Test
    void theComposeFormOffersTheNodesTopics() {
        Document form = new Browser(node).page("/c/perinatal/new");
        Element field = form.selectFirst("form.compose input[name=contentWarning]");
        assertNotNull(field, "a content-warning field");
        assertEquals("Content warning (optional)", form.selectFirst("label[for=" + field.id() + "]").text());
        assertEquals(TOPICS, form.select("datalist#" + field.attr("list") + " option").eachAttr("value"));
        assertTrue(form.selectFirst("#" + field.attr("aria-describedby")).text().contains(String.join(", ", TOPICS)));
    }

    @Test
    void aTooLongWarningIsRefusedPolitelyAndKeepsHerWords() {
        Browser ana = new Browser(node);
        String warning = "w".repeat(101);
        HttpResponse<String> answer = ana.postForm("/c/recovery/new",
                thread(ana, "/c/recovery/new", "Day forty of being sober", "Wobbly but here.", warning));

        assertEquals(400, answer.statusCode());
        Document page = Browser.html(answer);
        String problems = page.selectFirst(".problems").text();
        assertTrue(problems.contains("101") && problems.contains("100"), problems);
        assertEquals("Day forty of being sober", page.selectFirst("input[name=title]").val());
        assertEquals("Wobbly but here.", page.selectFirst("textarea[name=body]").text());
        assertEquals(warning, page.selectFirst("input[name=contentWarning]").val());
        assertFalse(new Browser(node).page("/c/recovery").text().contains("Day forty"), "nothing was posted");
    }

    @Test
    void aTooLongWarningIsExplainedInHerLanguage() {
        Browser ana = new Browser(node);
        Browser.seeOther(ana.get("/language/es?back=/"));
        HttpResponse<String> answer = ana.postForm("/c/recovery/new",
                thread(ana, "/c/recovery/new", "Día cuarenta", "Aquí sigo.", "p".repeat(120)));
        assertEquals(400, answer.statusCode());
        String problems = Browser.html(answer).selectFirst(".problems").text();
        assertTrue(problems.contains("Tu aviso de contenido tiene 120 caracteres"), problems);
        assertEquals("Preferencias de lectura", ana.page("/preferences").selectFirst("main h1").text());
    }

    @Test
    void herWarningIsShownAsTextLeftToRightOrNot() {
        Browser ana = new Browser(node);
        String url = startThread(ana, "everyday", "Markup in a warning", "Body.", "<script>alert(1)</script> وداع");
        Element post = Browser.posts(ana.page(url)).getFirst();
        assertNull(post.selectFirst("script"));
        Element text = post.selectFirst("details.cw summary .cw-text");
        assertEquals("<script>alert(1)</script> وداع", text.text());
        assertEquals("auto", text.attr("dir"));
    }

    @Test
    void editingHerPostChangesItsWarning() {
        Browser ana = new Browser(node);
        String url = startThread(ana, "everyday", "A hard anniversary", "A year ago today.", "loss");
        String editUrl = Browser.posts(ana.page(url)).getFirst().selectFirst("a[href$=/edit]").attr("href");
        Document form = ana.page(editUrl);
        assertEquals("loss", form.selectFirst("input[name=contentWarning]").val());

        Map<String, String> fields = fields(Browser.csrfFrom(form), "A hard anniversary", "A year ago today.", "");
        Browser.seeOther(ana.postForm(editUrl, fields));
        assertNull(Browser.posts(ana.page(url)).getFirst().selectFirst("details.cw"), "an emptied warning is gone");
    }

    // ---- folded wherever it is listed

    @Test
    void aWarnedThreadIsFoldedInItsPageItsCircleAndSearch() throws Exception {
        Browser ana = new Browser(node);
        String url = startThread(ana, "perinatal", "Saying goodbye to Quillwort", "We lost the pregnancy at twelve "
                + "weeks, Quillwort was the name we used.", "loss");
        String reply = new Browser(node).reply(url, "I am so sorry about Quillwort. Sending love.");
        Browser reader = new Browser(node);

        Element opening = Browser.posts(reader.page(url)).getFirst();
        Element folded = opening.selectFirst("details.cw");
        assertNotNull(folded, "the post is behind its warning");
        assertFalse(folded.hasAttr("open"));
        assertEquals("loss", folded.selectFirst("summary .cw-text").text());
        assertNotNull(folded.selectFirst(".body"), "its words are inside the fold");
        assertNull(reader.page(url).getElementById("p-" + Browser.postId(reply)).selectFirst("details.cw"),
                "a reply without a warning of its own is not folded");

        Element link = reader.page("/c/perinatal").selectFirst("ul.threads a[href=" + url + "]");
        assertNotNull(link.closest("details.cw"), "the title is folded in the circle");
        assertEquals("loss", link.closest("details.cw").selectFirst("summary .cw-text").text());

        List<Element> hits = reader.searchFinding("Quillwort", 2).select("ol.results > li");
        for (Element hit : hits) {
            Element fold = hit.selectFirst("details.cw");
            assertNotNull(fold, "a hit in a warned thread is folded: " + hit.text());
            assertFalse(fold.hasAttr("open"));
            assertNotNull(fold.selectFirst("a"), "its title is inside the fold");
        }
    }

    @Test
    void aReplyCanCarryItsOwnWarning() {
        Browser ana = new Browser(node);
        String url = startThread(ana, "survivors", "Getting out", "I left last week.", "");
        Browser bea = new Browser(node);
        Document page = bea.page(url);
        Map<String, String> fields = fields(Browser.csrfFrom(page), null, "What he did to me was...", "abuse");
        String replyUrl = Browser.seeOther(bea.postForm(url + "/reply", fields));

        Document thread = new Browser(node).page(url);
        assertNull(Browser.posts(thread).getFirst().selectFirst("details.cw"));
        Element reply = thread.getElementById("p-" + Browser.postId(replyUrl));
        assertEquals("abuse", reply.selectFirst("details.cw summary .cw-text").text());
        Element row = new Browser(node).page("/c/survivors").selectFirst("ul.threads a[href=" + url + "]");
        assertNull(row.closest("details"), "the thread's own title is not warned");
    }

    // ---- the reader's choice, in a cookie only

    @Test
    void preferencesListEveryTopicFoldedByDefaultAndAreLinkedFromEveryPage() {
        Browser reader = new Browser(node);
        assertNotNull(reader.page("/").selectFirst("footer a[href=/preferences]"));
        Document prefs = reader.page("/preferences");
        assertEquals(TOPICS, prefs.select("input[type=checkbox][name=collapse]").eachAttr("value"));
        assertTrue(prefs.select("input[type=checkbox][name=collapse]").stream().allMatch(b -> b.hasAttr("checked")));
        assertFalse(reader.hasCookies(), "reading the page sets nothing");
    }

    @Test
    void anUntickedTopicIsShownOpenStillLabelledAndOtherWarningsStayFolded() {
        Browser ana = new Browser(node);
        String lossUrl = startThread(ana, "everyday", "Grandma's garden", "Her roses are blooming.", "Loss");
        String abuseUrl = startThread(ana, "everyday", "His texts", "He keeps writing.", "abuse");
        String otherUrl = startThread(ana, "everyday", "The birth", "It went wrong.", "birth trauma");

        Browser reader = new Browser(node);
        HttpResponse<String> saved = savePreferences(reader, TOPICS.stream().filter(t -> !t.equals("loss")).toList());
        assertEquals("/preferences?saved=1", Browser.seeOther(saved));
        String cookie = saved.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("hearth_prefs=")).findFirst().orElseThrow();
        assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertTrue(cookie.contains("Max-Age="), cookie);
        assertFalse(cookie.toLowerCase().contains("loss"), "the cookie does not spell out her topics: " + cookie);

        Document prefs = reader.page("/preferences");
        assertFalse(prefs.selectFirst("input[value=loss]").hasAttr("checked"));
        assertTrue(prefs.selectFirst("input[value=abuse]").hasAttr("checked"));

        Element open = Browser.posts(reader.page(lossUrl)).getFirst().selectFirst("details.cw");
        assertTrue(open.hasAttr("open"), "her unticked topic is open");
        assertEquals("Loss", open.selectFirst("summary .cw-text").text(), "and still labelled");
        assertTrue(reader.page("/c/everyday").selectFirst("a[href=" + lossUrl + "]").closest("details").hasAttr("open"));
        assertFalse(Browser.posts(reader.page(abuseUrl)).getFirst().selectFirst("details.cw").hasAttr("open"));
        assertFalse(Browser.posts(reader.page(otherUrl)).getFirst().selectFirst("details.cw").hasAttr("open"),
                "a warning that is not a topic always stays folded");
        assertFalse(Browser.posts(new Browser(node).page(lossUrl)).getFirst().selectFirst("details.cw").hasAttr("open"),
                "another browser keeps the default");
    }

    @Test
    void tickingEverythingAgainRemovesTheCookie() {
        Browser reader = new Browser(node);
        Browser.seeOther(savePreferences(reader, List.of("abuse")));
        HttpResponse<String> again = savePreferences(reader, TOPICS);
        String cookie = again.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("hearth_prefs=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("Max-Age=0"), cookie);
    }

    @Test
    void preferencesFromAnotherSiteAreRefused() {
        Browser reader = new Browser(node);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("collapse", "abuse");
        HttpResponse<String> answer = reader.postForm("/preferences", fields);
        assertEquals(403, answer.statusCode());
        assertTrue(answer.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("hearth_prefs=")));
        assertNotNull(Browser.html(answer).selectFirst(".problems"));
    }

    // ---- other servers

    @Test
    void theActivityPubObjectsCarryTheWarningAsSummaryAndSensitive() throws Exception {
        Browser ana = new Browser(node);
        String url = startThread(ana, "perinatal", "Nights", "The nights are long.", "self-harm");
        Map<String, String> fields = fields(Browser.csrfFrom(ana.page(url)), null, "Plain reply.", "");
        String plainReply = Browser.seeOther(ana.postForm(url + "/reply", fields));

        JsonNode page = activityJson(url);
        assertEquals("Page", page.path("type").asText());
        assertTrue(page.path("sensitive").asBoolean());
        assertEquals("self-harm", page.path("summary").asText());

        JsonNode note = activityJson(url + "/p/" + Browser.postId(plainReply));
        assertEquals("Note", note.path("type").asText());
        assertFalse(note.path("sensitive").asBoolean());
        assertTrue(note.path("summary").isMissingNode() || note.path("summary").isNull(), note.toString());
    }

    // ---- helpers

    private static String startThread(Browser browser, String circle, String title, String body, String warning) {
        String form = "/c/" + circle + "/new";
        String location = Browser.seeOther(browser.postForm(form, thread(browser, form, title, body, warning)));
        assertTrue(Browser.THREAD_URL.matcher(location).matches(), location);
        return location;
    }

    private static Map<String, String> thread(Browser browser, String form, String title, String body, String warning) {
        return fields(Browser.csrfFrom(browser.page(form)), title, body, warning);
    }

    static Map<String, String> fields(String csrf, String title, String body, String warning) {
        Map<String, String> fields = Browser.fields(csrf, title, body, "usual");
        fields.put("contentWarning", warning);
        return fields;
    }

    private static HttpResponse<String> savePreferences(Browser reader, List<String> folded) {
        String csrf = Browser.csrfFrom(reader.page("/preferences"));
        StringBuilder body = new StringBuilder("csrf=").append(java.net.URLEncoder.encode(csrf,
                java.nio.charset.StandardCharsets.UTF_8));
        for (String topic : folded) {
            body.append("&collapse=").append(java.net.URLEncoder.encode(topic, java.nio.charset.StandardCharsets.UTF_8));
        }
        return reader.send("POST", "/preferences", "application/x-www-form-urlencoded", body.toString());
    }

    private static JsonNode activityJson(String path) throws Exception {
        return activityJson(node, path);
    }

    /** The object at {@code path} as another server fetches it. */
    static JsonNode activityJson(TestNode node, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(node.url(path))
                .header("Accept", "application/activity+json").GET().build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), path);
        return new ObjectMapper().readTree(answer.body());
    }
}
