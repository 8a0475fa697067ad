package hearth.node.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import hearth.node.HearthNode;
import hearth.node.TestNode;
import hearth.node.config.DataFolder;
import hearth.node.moderation.ModeratorAccounts;
import hearth.node.store.Database;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Cross-site scripting through every field that reaches a page (issue 8, "Hostile input through
 * the page"), read by real headless Chromium. The corpus ({@link XssCorpus}: the OWASP
 * filter-evasion vectors and Hearth's own) goes through thread titles, post bodies, content
 * warnings, search queries, report notes and the node's own settings; then every page showing
 * them is opened three times: with the page's CSP, with the CSP bypassed (so the escaping alone
 * is proven), and with real dialogs instead of the recording hook. Any call of the marker or a
 * dialog, any dialog opening, and any live markup (event attributes, script addresses) fails.
 */
class XssBrowserIT {

    private static final int TITLE = 1000;
    private static final int BODY = 2000;
    private static final int WARNING = 3000;
    private static final int SEARCH = 4000;
    private static final int REPORT = 5000;
    private static final int SETTINGS = 6000;
    private static final Map<Integer, String> FIELDS = Map.of(TITLE, "thread title", BODY, "post body",
            WARNING, "content warning", SEARCH, "search query (results and box)", REPORT,
            "report note (moderator console)", SETTINGS, "node settings (name, rules, circles, crisis lines)");
    private static final int REPLIES_PER_THREAD = 25;

    private static XssCorpus corpus;
    private static HearthNode node;
    private static final Map<Integer, Integer> TRIED = new TreeMap<>();
    private static final List<String> FORUM_PAGES = new ArrayList<>();
    private static final List<String> SETTINGS_PAGES = List.of("/", "/about", "/safety", "/help", "/c/recovery",
            "/c/everyday/new", "/search?q=x", "/mod/login", "/no-such-page");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @BeforeAll
    static void seed() throws IOException {
        corpus = XssCorpus.load();
        Path data = TestNode.freshDataFolder();
        Path config = data.resolve("hearth.yaml");
        try (InputStream in = XssBrowserIT.class.getResourceAsStream("/hearth/config/hearth.example.yaml")) {
            ObjectNode yaml = (ObjectNode) YAML.readTree(in);
            hostileSettings(yaml);
            // Hundreds of posts, reports and searches from one address: lift the limits for them.
            ObjectNode limits = yaml.putObject("limits");
            for (String kind : List.of("posts", "postsPerAuthor", "reports", "searches")) {
                limits.putObject(kind).put("perMinute", 1_000_000).put("burst", 1_000_000);
            }
            YAML.writeValue(config.toFile(), yaml);
        }
        node = HearthNode.start(new HearthNode.Settings(0, "127.0.0.1", data, config, null));
        try (Database db = Database.sqlite(DataFolder.open(data).database())) {
            db.write(c -> {
                ModeratorAccounts.createOrUpdate(c, SeededForum.MODERATOR, SeededForum.PASSWORD.toCharArray(), true,
                        List.of(), System.currentTimeMillis());
                return null;
            });
        }
        FormClient her = new FormClient(XssBrowserIT::url);
        FormClient reader = new FormClient(XssBrowserIT::url);
        List<String> threads = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            String title = corpus.numbered(i, TITLE);
            boolean titleFits = title.codePointCount(0, title.length()) <= 200;
            String warning = corpus.numbered(i, WARNING);
            boolean warningFits = warning.codePointCount(0, warning.length()) <= 100;
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("title", titleFits ? title : "Thread " + i);
            fields.put("body", "qzx opening " + i);
            fields.put("contentWarning", warningFits ? warning : "");
            String thread = her.submitAndFollow("/c/everyday/new", "/c/everyday/new", fields);
            threads.add(thread);
            tried(TITLE, titleFits);
            tried(WARNING, warningFits);
        }
        List<String> replies = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            String thread = threads.get(i / REPLIES_PER_THREAD);
            String body = "qzx " + corpus.numbered(i, BODY);
            String at = her.submitAndFollow(thread, thread + "/reply", Map.of("body", body));
            replies.add(at.substring(at.indexOf("#p-") + 3));
            tried(BODY, true);
            String report = thread + "/p/" + replies.get(i) + "/report";
            var sent = reader.submit(report, report, Map.of("reason", "spam", "comment", corpus.numbered(i, REPORT)));
            assertEquals(200, sent.statusCode(), "report " + i + " was filed");
            tried(REPORT, true);
        }
        for (int t = 0; t * REPLIES_PER_THREAD < corpus.size(); t++) {
            FORUM_PAGES.add(threads.get(t));
        }
        // Every page of the circle's list (titles, warnings) and of the results (titles, snippets).
        FORUM_PAGES.addAll(her.pagesFrom("/c/everyday"));
        FORUM_PAGES.addAll(her.pagesFrom("/search?q=qzx"));
        FORUM_PAGES.add("/mod");
        for (int i = 0; i < corpus.size(); i += REPLIES_PER_THREAD) {
            FORUM_PAGES.add("/mod/posts/" + replies.get(i));
        }
        for (int i = 0; i < corpus.size(); i++) {
            String query = corpus.numbered(i, SEARCH);
            if (query.length() <= 500) {
                FORUM_PAGES.add("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
                tried(SEARCH, true);
            }
        }
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + node.port() + path);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    /** The node's own texts from its configuration file, each a vector: name, rules, circles, crisis lines. */
    private static void hostileSettings(ObjectNode yaml) {
        ObjectNode n = (ObjectNode) yaml.get("node");
        n.put("name", corpus.numbered(pick("</title>"), SETTINGS));
        n.put("description", corpus.numbered(pick("<svg/onload"), SETTINGS));
        ArrayNode rules = n.putArray("rules");
        for (int i = 0; i < corpus.size(); i++) {
            rules.add(corpus.numbered(i, SETTINGS));
        }
        int k = 0;
        for (var circle : yaml.get("circles")) {
            ((ObjectNode) circle).put("title", corpus.numbered(k++ % corpus.size(), SETTINGS));
            ((ObjectNode) circle).put("description", corpus.numbered(k++ % corpus.size(), SETTINGS));
        }
        for (var line : yaml.get("crisisResources")) {
            ((ObjectNode) line).put("name", corpus.numbered(k++ % corpus.size(), SETTINGS));
            ((ObjectNode) line).put("hours", corpus.numbered(k++ % corpus.size(), SETTINGS));
        }
        TRIED.merge(SETTINGS, corpus.size() + k + 2, Integer::sum);
    }

    private static int pick(String containing) {
        for (int i = 0; i < corpus.size(); i++) {
            if (corpus.numbered(i, 0).contains(containing)) {
                return i;
            }
        }
        return 0;
    }

    @Test
    void noVectorRunsInAnyFieldOnAnyPage() {
        List<URI> pages = new ArrayList<>();
        FORUM_PAGES.forEach(p -> pages.add(url(p)));
        SETTINGS_PAGES.forEach(p -> pages.add(url(p)));
        XssProbe.Findings found;
        try (Browsers browsers = new Browsers()) {
            found = XssProbe.read(browsers, pages, XssBrowserIT::signIn);
        }
        System.out.println("XSS per field (tried / executed):");
        TRIED.forEach((base, n) -> System.out.printf("  %-55s %d / %d%n", FIELDS.get(base), n,
                found.executed().getOrDefault(base, Set.of()).size()));
        System.out.printf("XSS: %d page reads (3 modes), %d dialogs opened, %d pieces of live markup%n",
                found.pagesRead(), found.dialogs(), found.live().size());
        assertEquals(Map.of(), found.executed(), "vectors ran (field base -> calls)");
        assertEquals(0, found.dialogs(), "dialogs opened");
        assertEquals(List.of(), found.live(), "markup that could run on a click or hover");
        assertTrue(TRIED.values().stream().mapToInt(Integer::intValue).sum() > 500, "the corpus went through: " + TRIED);
    }

    /** Signs in to the console (as {@link Posting#signIn} does, for a node started here). */
    private static void signIn(ChromeDriver moderator) {
        moderator.get(url("/mod/login").toString());
        moderator.findElement(By.id("name")).sendKeys(SeededForum.MODERATOR);
        moderator.findElement(By.id("password")).sendKeys(SeededForum.PASSWORD);
        Browsers.click(moderator, By.cssSelector("form.login button[type=submit]"));
        Browsers.waitFor(moderator).until(ExpectedConditions.urlMatches(".*/mod$"));
    }

    private static void tried(int field, boolean sent) {
        if (sent) {
            TRIED.merge(field, 1, Integer::sum);
        }
    }
}
