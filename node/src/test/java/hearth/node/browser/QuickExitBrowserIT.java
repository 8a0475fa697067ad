package hearth.node.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import hearth.node.ConfiguredTestNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The quick exit in real headless Chromium: the button, Shift three times, Back after leaving, no
 * JavaScript, and coming back on purpose. The node's exit address is a plain "weather" page served
 * on loopback by this test, so every case can see where she landed.
 */
class QuickExitBrowserIT {

    private static final String NEUTRAL_TEXT = "Weather for today: light rain";
    /** Words every forum page shows (the example node's name), never the neutral page. */
    private static final String FORUM_TEXT = "example circle of support";

    private static HttpServer neutral;
    private static final List<String> neutralReferers = new CopyOnWriteArrayList<>();
    private static String exitUrl;
    private static ConfiguredTestNode node;
    private Browsers browsers;

    @BeforeAll
    static void start() throws IOException {
        neutral = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        neutral.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/weather")) {
                neutralReferers.add(String.valueOf(exchange.getRequestHeaders().getFirst("Referer")));
            }
            byte[] page = ("<!DOCTYPE html><html><head><title>Weather</title></head><body><h1>" + NEUTRAL_TEXT
                    + "</h1></body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        neutral.start();
        exitUrl = "http://127.0.0.1:" + neutral.getAddress().getPort() + "/weather";
        node = ConfiguredTestNode.start(yaml -> ((ObjectNode) yaml.get("node")).put("exitUrl", exitUrl));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (neutral != null) {
            neutral.stop(0);
        }
    }

    @AfterEach
    void quit() {
        if (browsers != null) {
            browsers.close();
        }
    }

    private ChromeDriver open(String name, Browsers.Look look) {
        if (browsers == null) {
            browsers = new Browsers();
        }
        return browsers.open(name, look);
    }

    private String forum(String path) {
        return node.url(path).toString();
    }

    @Test
    void theButtonLeavesForTheNeutralPage() {
        ChromeDriver her = open("exit-button", Browsers.Look.DESKTOP);
        her.get(forum("/"));
        Browsers.clickCentred(her, her.findElement(By.cssSelector("a.exit")));
        assertLandedOnNeutral(her);
    }

    @Test
    void shiftPressedThreeTimesLeaves() {
        ChromeDriver her = open("exit-shift", Browsers.Look.DESKTOP);
        her.get(forum("/c/everyday"));
        Actions keys = new Actions(her);
        for (int i = 0; i < 3; i++) {
            keys.keyDown(Keys.SHIFT).keyUp(Keys.SHIFT);
        }
        keys.perform();
        assertLandedOnNeutral(her);
    }

    @Test
    void typingCapitalsWithShiftDoesNotLeave() throws InterruptedException {
        ChromeDriver her = open("exit-capitals", Browsers.Look.DESKTOP);
        her.get(forum("/c/everyday/new"));
        WebElement title = her.findElement(By.id("title"));
        title.click();
        Actions typing = new Actions(her);
        for (String letter : List.of("h", "o", "p", "e")) {
            typing.keyDown(Keys.SHIFT).sendKeys(letter).keyUp(Keys.SHIFT);
        }
        typing.perform();
        title.sendKeys(" Is It OK To Say This");
        Thread.sleep(2500);
        assertTrue(her.getCurrentUrl().startsWith(forum("/c/everyday/new")), her.getCurrentUrl());
        assertEquals("HOPE Is It OK To Say This", title.getDomProperty("value"), "her words are all there");
    }

    @Test
    void shiftPressesSeparatedByOtherKeysDoNotLeave() throws InterruptedException {
        ChromeDriver her = open("exit-interrupted", Browsers.Look.DESKTOP);
        her.get(forum("/c/everyday/new"));
        Browsers.clickCentred(her, her.findElement(By.id("body")));
        new Actions(her)
                .keyDown(Keys.SHIFT).keyUp(Keys.SHIFT).sendKeys("a")
                .keyDown(Keys.SHIFT).keyUp(Keys.SHIFT).sendKeys("b")
                .keyDown(Keys.SHIFT).keyUp(Keys.SHIFT)
                .perform();
        Thread.sleep(500);
        assertTrue(her.getCurrentUrl().startsWith(forum("/c/everyday/new")), her.getCurrentUrl());
    }

    @Test
    void backAfterLeavingShowsNothingOfTheForum() throws InterruptedException {
        ChromeDriver her = open("exit-back", Browsers.Look.DESKTOP);
        her.get(forum("/"));
        her.get(forum("/about"));
        Browsers.clickCentred(her, her.findElement(By.cssSelector("a.exit")));
        assertLandedOnNeutral(her);

        her.navigate().back();
        // However she lands, the forum's words must never be on screen; in the end she is on the neutral page.
        long until = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < until && !her.getCurrentUrl().startsWith(exitUrl)) {
            assertFalse(visibleText(her).contains(FORUM_TEXT), "Back showed the forum: " + her.getCurrentUrl());
            Thread.sleep(50);
        }
        assertLandedOnNeutral(her);

        her.navigate().back();
        Thread.sleep(300);
        assertFalse(visibleText(her).contains(FORUM_TEXT), "a second Back showed the forum");
    }

    @Test
    void withoutJavaScriptTheButtonIsAPlainLinkThatSendsNoReferrer() {
        ChromeDriver her = open("exit-nojs", Browsers.Look.DESKTOP.withoutJavaScript());
        her.get(forum("/c/survivors"));
        neutralReferers.clear();
        Browsers.clickCentred(her, her.findElement(By.cssSelector("a.exit")));
        assertLandedOnNeutral(her);
        assertEquals(List.of("null"), neutralReferers, "the neutral site learns nothing of where she was");
    }

    @Test
    void typingTheAddressAgainLaterShowsTheForum() {
        ChromeDriver her = open("exit-return", Browsers.Look.DESKTOP);
        her.get(forum("/"));
        Browsers.clickCentred(her, her.findElement(By.cssSelector("a.exit")));
        assertLandedOnNeutral(her);

        her.get(forum("/about"));
        assertTrue(her.getCurrentUrl().startsWith(forum("/about")), her.getCurrentUrl());
        assertTrue(visibleText(her).contains(FORUM_TEXT), "the forum is shown when she comes back on purpose");
    }

    @Test
    void onAPhoneTheButtonIsBigStaysOnScreenAndCoversNothing() {
        for (Browsers.Look look : List.of(Browsers.Look.PHONE, Browsers.Look.PHONE.inDark(),
                Browsers.Look.DESKTOP.inDark(), Browsers.Look.PHONE.width(320).speaking("es-ES"))) {
            ChromeDriver her = open("exit-size", look);
            her.get(forum("/help"));
            WebElement exit = her.findElement(By.cssSelector("a.exit"));
            assertTrue(exit.getRect().getHeight() >= 44 && exit.getRect().getWidth() >= 44,
                    "at least 44x44 CSS px: " + exit.getRect().getDimension());
            assertEquals("rgba(255, 255, 255, 1)", exit.getCssValue("color"));
            assertEquals("rgba(179, 38, 30, 1)", exit.getCssValue("background-color"));
            Number barBottom = (Number) her.executeScript(
                    "return document.querySelector('.quick-exit').getBoundingClientRect().bottom");
            Number headerTop = (Number) her.executeScript(
                    "return document.querySelector('header.top').getBoundingClientRect().top");
            assertTrue(headerTop.doubleValue() >= barBottom.doubleValue() - 1, "the bar covers the header");
            Number safeLeft = (Number) her.executeScript(
                    "return document.querySelector('.quick-exit .staying-safe').getBoundingClientRect().left");
            assertTrue(safeLeft.doubleValue() >= 0, "'Staying safe' fits beside the button at " + look.width() + " px");
            Browsers.screenshot(her, "quick-exit-" + (look.phone() ? "phone" : "desktop") + "-" + look.width()
                    + (look.dark() ? "-dark" : "") + "-" + look.language());

            her.executeScript("window.scrollTo(0, document.body.scrollHeight)");
            @SuppressWarnings("unchecked")
            Map<String, Number> box = (Map<String, Number>) her.executeScript(
                    "var r = document.querySelector('a.exit').getBoundingClientRect();"
                            + "return {top: r.top, bottom: r.bottom, scrolled: window.scrollY};");
            assertTrue(box.get("scrolled").doubleValue() > 0, "the page scrolled");
            assertTrue(box.get("top").doubleValue() >= 0 && box.get("bottom").doubleValue() <= 80,
                    "the button stays at the top when she scrolls: " + box);
        }
    }

    private void assertLandedOnNeutral(ChromeDriver her) {
        Browsers.waitFor(her).until(d -> d.getCurrentUrl().startsWith(exitUrl)
                && visibleText(d).contains(NEUTRAL_TEXT));
    }

    private static String visibleText(org.openqa.selenium.WebDriver driver) {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (RuntimeException gone) {
            // Between two pages there may be no body yet: nothing is visible.
            return "";
        }
    }
}
