package hearth.node.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Screenshots of the main pages (home, circle, thread, compose) in the light and the dark scheme,
 * at phone and desktop width, into {@code target/screenshots/} as {@code PAGE-SCHEME-WIDTH.png}
 * ({@code thread-dark-phone.png}). The README shows a few of them, copied to
 * {@code docs/screenshots/}.
 */
class ScreenshotsBrowserIT {

    private static TestNode node;
    private static Browsers browsers;
    private static SeededForum forum;

    @BeforeAll
    static void seed() {
        node = TestNode.start();
        browsers = new Browsers();
        forum = SeededForum.seed(node, browsers.open("shots-her", Browsers.Look.DESKTOP),
                browsers.open("shots-other", Browsers.Look.DESKTOP), browsers.open("shots-moderator", Browsers.Look.DESKTOP),
                browsers.open("shots-reader", Browsers.Look.DESKTOP));
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
    void theMainPagesInBothSchemesOnAPhoneAndADesktop() throws IOException {
        Map<String, String> pages = Map.of("home", "/", "circle", "/c/everyday", "thread", forum.openThread(),
                "compose", "/c/everyday/new");
        for (Map.Entry<String, Browsers.Look> width : Map.of("phone", Browsers.Look.PHONE,
                "desktop", Browsers.Look.DESKTOP).entrySet()) {
            ChromeDriver reader = browsers.open("shots-" + width.getKey(), width.getValue());
            for (Map.Entry<String, String> page : pages.entrySet()) {
                reader.get(node.url(page.getValue()).toString());
                Browsers.waitFor(reader).until(d -> !d.findElements(By.cssSelector("main h1")).isEmpty());
                for (boolean dark : List.of(false, true)) {
                    Layout.scheme(reader, dark);
                    Path shot = Browsers.screenshot(reader,
                            page.getKey() + "-" + (dark ? "dark" : "light") + "-" + width.getKey());
                    assertTrue(Files.size(shot) > 10_000, "an empty screenshot: " + shot);
                }
            }
        }
    }
}
