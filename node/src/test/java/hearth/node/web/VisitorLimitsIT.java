package hearth.node.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import hearth.node.HearthNode;
import hearth.node.TestNode;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Posting, reporting and searching limits without identity (issue 8, abuse without identity):
 * a visitor past her allowance gets a calm 429 page with Retry-After, in her language, that keeps
 * everything she typed; another address is not slowed. Each test speaks from loopback addresses
 * of its own (127.0.0.x), so no test spends another's allowance. The node allows
 * {@value #POST_BURST} posts, {@value #REPORT_BURST} reports and {@value #SEARCH_BURST} searches
 * at once per address, and one more a minute: far below what a loopback client can send.
 */
class VisitorLimitsIT {

    static final int POST_BURST = 3;
    static final int REPORT_BURST = 2;
    static final int SEARCH_BURST = 3;
    private static final String AGENT = "VisitorLimitsIT";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static HearthNode node;
    private static String threadPath;
    private static String openingPostId;

    @BeforeAll
    static void start() throws Exception {
        Path data = TestNode.freshDataFolder();
        Path config = data.resolve("hearth.yaml");
        try (InputStream in = VisitorLimitsIT.class.getResourceAsStream("/hearth/config/hearth.example.yaml")) {
            ObjectNode yaml = (ObjectNode) YAML.readTree(in);
            ObjectNode limits = yaml.putObject("limits");
            rate(limits, "posts", POST_BURST);
            rate(limits, "postsPerAuthor", 100);
            rate(limits, "reports", REPORT_BURST);
            rate(limits, "searches", SEARCH_BURST);
            YAML.writeValue(config.toFile(), yaml);
        }
        node = HearthNode.start(new HearthNode.Settings(0, "127.0.0.1", data, config, null, false));
        AddressedClient opener = client("127.0.0.9");
        AddressedClient.Answer opened = startThread(opener, "Sleep after the baby", "Does it ever come back?", "", "usual");
        assertEquals(303, opened.status(), opened.body());
        threadPath = opened.header("location");
        openingPostId = opener.get(threadPath).page().select("li.post").first().id().replace("p-", "");
    }

    private static void rate(ObjectNode limits, String name, int burst) {
        ObjectNode rate = limits.putObject(name);
        rate.put("perMinute", 1);
        rate.put("burst", burst);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void pastHerAllowanceANewThreadIsAnswered429InHerLanguageWithEverythingSheTypedKept() {
        AddressedClient her = client("127.0.0.5").speaking("es");
        for (int i = 0; i < POST_BURST; i++) {
            assertEquals(303, startThread(her, "Hilo " + i, "Texto " + i, "", "usual").status());
        }
        AddressedClient.Answer paused = startThread(her, "Mi título guardado", "Lo que escribí con cuidado.",
                "pérdida", "one-off");

        assertEquals(429, paused.status());
        assertTrue(Long.parseLong(paused.header("retry-after")) >= 1, paused.header("retry-after"));
        Document page = paused.page();
        assertTrue(page.select("[role=alert]").text().contains("pequeña pausa"), page.select("[role=alert]").text());
        assertEquals("Mi título guardado", page.select("input[name=title]").val());
        assertEquals("Lo que escribí con cuidado.", page.select("textarea[name=body]").val());
        assertEquals("pérdida", page.select("input[name=contentWarning]").val());
        assertTrue(page.select("input[name=pseudonym][value=one-off]").hasAttr("checked"), "her choice of name is kept");
    }

    @Test
    void pastHerAllowanceAReplyKeepsHerWordsOnTheThreadPage() {
        AddressedClient her = client("127.0.0.6");
        for (int i = 0; i < POST_BURST; i++) {
            assertEquals(303, reply(her, "Reply " + i).status());
        }
        AddressedClient.Answer paused = reply(her, "A reply I do not want to lose.");
        assertEquals(429, paused.status());
        assertTrue(paused.header("retry-after") != null);
        assertEquals("A reply I do not want to lose.", paused.page().select("textarea[name=body]").val());
        assertTrue(paused.page().select("[role=alert]").text().contains("short pause"));
    }

    @Test
    void pastHerAllowanceAnEditKeepsTheNewText() {
        AddressedClient her = client("127.0.0.7");
        AddressedClient.Answer own = reply(her, "My first words.");
        assertEquals(303, own.status());
        String postId = own.header("location").replaceAll(".*#p-", "");
        String edit = threadPath + "/p/" + postId + "/edit";
        AddressedClient.Answer answer = null;
        for (int i = 0; i < POST_BURST + 1; i++) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("csrf", AddressedClient.csrf(her.get(edit)));
            form.put("body", "Edited, take " + i + ".");
            answer = her.postForm(edit, form);
        }
        assertEquals(429, answer.status(), "one reply and three edits spend a burst of three");
        assertEquals("Edited, take 3.", answer.page().select("textarea[name=body]").val());
    }

    @Test
    void pastHerAllowanceAReportKeepsHerReasonAndComment() {
        AddressedClient her = client("127.0.0.8");
        String report = threadPath + "/p/" + openingPostId + "/report";
        AddressedClient.Answer answer = null;
        for (int i = 0; i < REPORT_BURST + 1; i++) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("csrf", AddressedClient.csrf(her.get(report)));
            form.put("reason", "spam");
            form.put("comment", "Comment number " + i);
            answer = her.postForm(report, form);
            if (i < REPORT_BURST) {
                assertEquals(200, answer.status(), answer.body());
            }
        }
        assertEquals(429, answer.status());
        assertTrue(answer.header("retry-after") != null);
        Document page = answer.page();
        assertEquals("Comment number " + REPORT_BURST, page.select("textarea[name=comment]").val());
        assertTrue(page.select("input[name=reason][value=spam]").hasAttr("checked"));
    }

    @Test
    void pastHerAllowanceASearchKeepsHerWordsInTheForm() {
        AddressedClient her = client("127.0.0.10");
        for (int i = 0; i < SEARCH_BURST; i++) {
            assertEquals(200, her.get("/search?q=sleep").status());
        }
        AddressedClient.Answer paused = her.get("/search?q=sleep+again&order=newest");
        assertEquals(429, paused.status());
        assertTrue(paused.header("retry-after") != null);
        assertEquals("sleep again", paused.page().select("#search-q").val());
        assertTrue(paused.page().select("option[value=newest]").hasAttr("selected"));
        assertEquals(200, her.get("/search").status(), "the empty search page is not counted");
    }

    @Test
    void aFloodFromOneAddressDoesNotSlowAnother() throws Exception {
        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicInteger limited = new AtomicInteger();
        AddressedClient a = client("127.0.0.2");
        Thread flood = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 500 && flooding.get(); i++) {
                if (reply(a, "Flood " + i).status() == 429) {
                    limited.incrementAndGet();
                }
            }
        });
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (limited.get() < 5 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(limited.get() >= 5, "address A is being refused");
            AddressedClient b = client("127.0.0.3");
            for (int i = 0; i < POST_BURST; i++) {
                long began = System.nanoTime();
                AddressedClient.Answer answer = reply(b, "B, while A floods, " + i);
                Duration took = Duration.ofNanos(System.nanoTime() - began);
                assertEquals(303, answer.status(), answer.body());
                assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "B's reply took " + took);
            }
        } finally {
            flooding.set(false);
            flood.join(Duration.ofSeconds(60));
        }
        assertTrue(limited.get() >= 5);
    }

    // ---- helpers

    private static AddressedClient client(String address) {
        return new AddressedClient(address, node.port(), AGENT);
    }

    private static AddressedClient.Answer startThread(AddressedClient who, String title, String body, String warning,
                                                      String pseudonym) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", AddressedClient.csrf(who.get("/c/perinatal/new")));
        form.put("title", title);
        form.put("body", body);
        form.put("contentWarning", warning);
        form.put("pseudonym", pseudonym);
        return who.postForm("/c/perinatal/new", form);
    }

    private static AddressedClient.Answer reply(AddressedClient who, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf", AddressedClient.csrf(who.get(threadPath)));
        form.put("body", body);
        form.put("pseudonym", "usual");
        return who.postForm(threadPath + "/reply", form);
    }
}
