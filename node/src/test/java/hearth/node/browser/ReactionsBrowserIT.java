package hearth.node.browser;

import static hearth.node.browser.Browsers.click;
import static hearth.node.browser.Browsers.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Content warnings and support reactions in real Chromium: a warned post is folded until she
 * opens it, a reaction counts once per woman (pressing again takes it back), and both work with
 * JavaScript switched off, since neither uses any.
 */
class ReactionsBrowserIT {

    private static TestNode node;
    private Browsers browsers;

    @BeforeAll
    static void start() {
        node = TestNode.start();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @AfterEach
    void quit() {
        if (browsers != null) {
            browsers.close();
        }
    }

    @Test
    void aWarnedPostIsFoldedUntilSheOpensIt() {
        browsers = new Browsers();
        ChromeDriver ana = browsers.open("ana", Browsers.Look.DESKTOP);
        String thread = startThread(ana, "perinatal", "After the scan", "They told us there was no heartbeat.", "loss");

        ChromeDriver reader = browsers.open("reader", Browsers.Look.PHONE);
        reader.get(thread);
        WebElement post = reader.findElement(By.cssSelector("ol.posts li.post"));
        WebElement body = post.findElement(By.cssSelector("details.cw .body"));
        assertFalse(body.isDisplayed(), "the words are folded");
        assertEquals("loss", post.findElement(By.cssSelector("details.cw summary .cw-text")).getText());
        Browsers.screenshot(reader, "content-warning-folded-phone");

        click(reader, By.cssSelector("details.cw summary"));
        waitFor(reader).until(ExpectedConditions.visibilityOf(body));
        assertTrue(body.getText().contains("no heartbeat"));
    }

    @Test
    void aReactionCountsOncePerWoman() {
        browsers = new Browsers();
        ChromeDriver ana = browsers.open("ana", Browsers.Look.DESKTOP);
        String thread = startThread(ana, "everyday", "Managed a shower today", "Small things.", "");

        ChromeDriver bea = browsers.open("bea", Browsers.Look.DESKTOP);
        bea.get(thread);
        openReactions(bea);
        press(bea, "support");
        assertEquals("1", count(bea, "support"));
        assertEquals("true", button(bea, "support").getAttribute("aria-pressed"));
        Browsers.screenshot(bea, "reactions-desktop");

        press(bea, "support");
        assertNull(count(bea, "support"), "pressing again takes it back");
        assertEquals("false", button(bea, "support").getAttribute("aria-pressed"));

        ChromeDriver cas = browsers.open("cas", Browsers.Look.DESKTOP);
        cas.get(thread);
        openReactions(cas);
        press(cas, "support");
        assertEquals("1", count(cas, "support"));
        bea.navigate().refresh();
        assertEquals("1", count(bea, "support"));
        assertEquals("false", button(bea, "support").getAttribute("aria-pressed"), "Cas's reaction, not Bea's");
        bea.get(thread);
        assertEquals("Sending support 1", bea.findElement(By.cssSelector("ol.posts li.post .reaction-counts")).getText());
    }

    @Test
    void bothWorkWithJavaScriptSwitchedOff() {
        browsers = new Browsers();
        ChromeDriver ana = browsers.open("ana-nojs", Browsers.Look.DESKTOP.withoutJavaScript());
        String thread = startThread(ana, "survivors", "He found my new number", "I don't know what to do.", "abuse");

        ChromeDriver bea = browsers.open("bea-nojs", Browsers.Look.DESKTOP.withoutJavaScript());
        bea.get(thread);
        WebElement body = bea.findElement(By.cssSelector("ol.posts li.post details.cw .body"));
        assertFalse(body.isDisplayed());
        click(bea, By.cssSelector("details.cw summary"));
        waitFor(bea).until(ExpectedConditions.visibilityOf(body));

        openReactions(bea);
        press(bea, "metoo");
        assertEquals("1", count(bea, "metoo"));
        assertTrue(bea.getCurrentUrl().contains("#p-"), "back at the post: " + bea.getCurrentUrl());
        press(bea, "metoo");
        assertNull(count(bea, "metoo"));
    }

    // ---- helpers

    private static String startThread(ChromeDriver driver, String circle, String title, String body, String warning) {
        driver.get(node.url("/c/" + circle + "/new").toString());
        driver.findElement(By.id("title")).sendKeys(title);
        driver.findElement(By.id("body")).sendKeys(body);
        driver.findElement(By.cssSelector("input[name=contentWarning]")).sendKeys(warning);
        click(driver, By.cssSelector("form.compose button[type=submit]"));
        waitFor(driver).until(ExpectedConditions.urlMatches(".*/c/" + circle + "/t/[0-9A-Z]{26}$"));
        return driver.getCurrentUrl();
    }

    /** Follows the first post's "Reactions" link, which shows its buttons. */
    private static void openReactions(ChromeDriver driver) {
        click(driver, By.cssSelector("ol.posts li.post p.actions a[href^='?r=']"));
        waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.reactions")));
    }

    private static void press(ChromeDriver driver, String kind) {
        WebElement old = button(driver, kind);
        Browsers.clickCentred(driver, old);
        waitFor(driver).until(ExpectedConditions.stalenessOf(old));
    }

    private static WebElement button(ChromeDriver driver, String kind) {
        return driver.findElement(By.cssSelector("ol.posts li.post form.reactions button[value=" + kind + "]"));
    }

    /** The count shown on the first post's button, or null when none is shown. */
    private static String count(ChromeDriver driver, String kind) {
        var counts = button(driver, kind).findElements(By.cssSelector(".count"));
        return counts.isEmpty() ? null : counts.getFirst().getText().replace(",", "").strip();
    }
}
