package hearth.node.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import hearth.node.process.ForumClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.devtools.Command;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.Event;

/**
 * Nothing a page of Hearth shows makes her browser contact anyone but the node: no fonts, styles,
 * scripts or pictures from elsewhere, even when posts link out or try to embed pictures. Every
 * request the browser makes is recorded twice over: from the DevTools protocol's network events,
 * and from the page's own Resource Timing entries.
 */
class ThirdPartyBrowserIT {

    private static final java.util.Set<String> NETWORK = java.util.Set.of("http", "https", "ws", "wss", "ftp");

    private static TestNode node;
    private static Browsers browsers;
    private static String thread;

    @BeforeAll
    static void seed() throws Exception {
        node = TestNode.start();
        browsers = new Browsers();
        try (ForumClient ana = new ForumClient(node.url("/"), ForumClient.newJar());
             ForumClient bea = new ForumClient(node.url("/"), ForumClient.newJar())) {
            ForumClient.Answer opened = ana.startThread("perinatal", "Links and pictures",
                    "Read [the NHS page](https://www.nhs.uk/) or https://www.example.org/help *today*.", "usual");
            assertTrue(opened.acknowledged(), opened.describe());
            thread = "/c/perinatal/t/" + opened.threadId();
            for (String body : List.of(
                    "A picture: ![my baby](https://images.example/baby.jpg) and another ![x](//cdn.example/x.png)",
                    "Raw HTML: <img src=\"https://tracker.example/pixel.gif\"> <iframe src=\"https://video.example/\">"
                            + "</iframe> <link rel=\"stylesheet\" href=\"https://fonts.example/f.css\">"
                            + " <script src=\"https://js.example/a.js\"></script>",
                    "<video src=\"https://video.example/a.mp4\" poster=\"https://video.example/p.jpg\"></video>"
                            + " <audio src=\"https://audio.example/a.mp3\"></audio>"
                            + " <p style=\"background:url(https://css.example/bg.png)\">styled</p>")) {
                ForumClient.Answer replied = bea.reply("perinatal", opened.threadId(), body, "usual");
                assertTrue(replied.acknowledged(), replied.describe());
            }
        }
    }

    @AfterAll
    static void stop() {
        if (browsers != null) {
            browsers.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void everyMainPageLoadsOnlyFromTheNode() {
        checkPages(Browsers.Look.DESKTOP, "desktop");
    }

    @Test
    void everyMainPageLoadsOnlyFromTheNodeOnAPhoneWithoutJavaScript() {
        checkPages(Browsers.Look.PHONE.withoutJavaScript(), "phone-nojs");
    }

    @Test
    void followingTheFeedLinkLoadsOnlyFromTheNode() {
        ChromeDriver driver = browsers.open("feed-link", Browsers.Look.DESKTOP);
        List<String> requested = record(driver);
        driver.get(node.url(thread).toString());
        Browsers.click(driver, By.cssSelector("main a[type='application/atom+xml']"));
        Browsers.waitFor(driver).until(d -> d.getCurrentUrl().endsWith("/feed.atom"));

        assertTrue(requested.stream().anyMatch(u -> u.endsWith(thread + "/feed.atom")), requested::toString);
        assertOnlyTheNode(requested, "after following the feed link");
    }

    private void checkPages(Browsers.Look look, String name) {
        ChromeDriver driver = browsers.open("third-party-" + name, look);
        List<String> requested = record(driver);
        String circle = "/c/perinatal";
        for (String path : List.of("/", circle, thread, circle + "/new", "/search?q=pictures", "/about", "/mine",
                "/safety", "/help", circle + "/feed.atom", thread + "/feed.atom", "/c/nowhere")) {
            int before = requested.size();
            driver.get(node.url(path).toString());
            List<String> timed = timedRequests(driver);
            assertOnlyTheNode(timed, path + " (Resource Timing)");
            Browsers.waitFor(driver).until(d -> requested.size() > before);
            assertOnlyTheNode(requested, path + " (DevTools)");
        }
        assertTrue(requested.stream().anyMatch(u -> u.endsWith("/static/hearth.css")),
                "the recorder saw the node's own stylesheet load: " + requested);
        driver.get(node.url(thread).toString());
        assertTrue(driver.findElements(By.cssSelector("ol.posts img, ol.posts iframe, ol.posts video, ol.posts audio"))
                .isEmpty(), "no post embeds anything");
    }

    /** Starts recording every request the browser sends, by the DevTools protocol's network events. */
    @SuppressWarnings("unchecked")
    private static List<String> record(ChromeDriver driver) {
        List<String> urls = new CopyOnWriteArrayList<>();
        DevTools devTools = driver.getDevTools();
        devTools.createSession();
        // Raw protocol names rather than a versioned binding: Debian's Chromium moves faster than Selenium's.
        devTools.addListener(new Event<Map<String, Object>>("Network.requestWillBeSent",
                input -> (Map<String, Object>) input.read(Map.class)),
                event -> urls.add(String.valueOf(((Map<String, Object>) event.get("request")).get("url"))));
        devTools.send(new Command<Void>("Network.enable", Map.of()));
        return urls;
    }

    /** What the page itself says it loaded: its navigation and every resource. */
    @SuppressWarnings("unchecked")
    private static List<String> timedRequests(ChromeDriver driver) {
        Object names = driver.executeScript("return performance.getEntriesByType('navigation')"
                + ".concat(performance.getEntriesByType('resource')).map(e => e.name)");
        return names == null ? List.of() : new ArrayList<>((List<String>) names);
    }

    private static void assertOnlyTheNode(List<String> urls, String where) {
        URI home = node.url("/");
        assertFalse(urls.isEmpty() && where.contains("DevTools"), "nothing recorded at " + where);
        for (String url : urls) {
            URI target = URI.create(url);
            // Only the network counts: data: and about:blank stay in the page, and chrome: is the
            // browser's own viewer (its XML view of a feed), never a server.
            if (!NETWORK.contains(String.valueOf(target.getScheme()).toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            assertEquals(home.getScheme() + "://" + home.getAuthority(),
                    target.getScheme() + "://" + target.getAuthority(), where + ": the browser asked " + url);
        }
    }
}
