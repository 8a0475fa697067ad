package hearth.node.browser;

import static hearth.node.browser.Browsers.click;
import static hearth.node.browser.Browsers.screenshot;
import static hearth.node.browser.Browsers.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Her traces in real Chromium: her recovery phrase carries her to a fresh browser profile (and
 * her posts know her there), and "forget me" takes everything she wrote away. Screenshots of the
 * phrase and "forget me" pages go to {@code target/screenshots/}.
 */
class TracesBrowserIT {

    private static final String THREAD_URL = ".*/c/[a-z]+/t/[0-9A-Z]{26}$";

    private TestNode node;
    private Browsers browsers;

    @BeforeEach
    void start() {
        node = TestNode.start();
        browsers = new Browsers();
    }

    @AfterEach
    void stop() {
        browsers.close();
        node.close();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void herRecoveryPhraseRestoresHerInAFreshBrowserProfile() {
        ChromeDriver old = browsers.open("old-phone", Browsers.Look.PHONE);
        String thread = startThread(old, "perinatal", "Still me on a new phone", "Written on the old phone. phrase-marker-4e1");
        String name = old.findElement(By.cssSelector("ol.posts li.post .who")).getText();

        old.get(url("/mine"));
        click(old, By.linkText("See your recovery phrase, to use on another device"));
        waitFor(old).until(ExpectedConditions.urlContains("/me/phrase"));
        assertFalse(old.findElement(By.cssSelector("ol.phrase-words")).isDisplayed(), "the words wait behind a click");
        click(old, By.cssSelector("details.phrase summary"));
        List<String> words = old.findElements(By.cssSelector("ol.phrase-words li")).stream()
                .map(WebElement::getText).toList();
        assertEquals(12, words.size());
        screenshot(old, "traces-phrase-phone");

        ChromeDriver fresh = browsers.open("new-phone", Browsers.Look.DESKTOP);
        fresh.get(url(thread));
        assertTrue(fresh.findElements(By.linkText("Edit")).isEmpty(), "a stranger's browser cannot edit her post");
        fresh.get(url("/me/restore"));
        fresh.findElement(By.id("phrase")).sendKeys(String.join("\n", words).toUpperCase());
        click(fresh, By.cssSelector("form.restore button[type=submit]"));
        waitFor(fresh).until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "Welcome back"));
        assertTrue(fresh.findElement(By.tagName("main")).getText().contains("You carry on as " + name));

        fresh.get(url(thread));
        WebElement opening = fresh.findElement(By.cssSelector("ol.posts li.post"));
        assertTrue(opening.getText().contains("yours"), "her post knows her in the fresh profile");
        assertFalse(opening.findElements(By.linkText("Edit")).isEmpty());
        fresh.get(url("/mine"));
        assertTrue(fresh.findElement(By.tagName("main")).getText().contains("Still me on a new phone"));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void forgetMeRemovesEverythingSheWrote() {
        ChromeDriver her = browsers.open("her", Browsers.Look.DESKTOP);
        ChromeDriver friend = browsers.open("friend", Browsers.Look.DESKTOP);
        String hers = startThread(her, "survivors", "Leaving soon periwinklemarker", "My words: bramblecloudy.");
        friend.get(url(hers));
        friend.findElement(By.cssSelector("section.reply textarea[name=body]")).sendKeys("Stay safe, I am here.");
        click(friend, By.cssSelector("section.reply button[type=submit]"));
        waitFor(friend).until(ExpectedConditions.urlContains("#p-"));
        String friends = startThread(friend, "survivors", "Friend asks", "How are you all?");
        her.get(url(friends));
        her.findElement(By.cssSelector("section.reply textarea[name=body]")).sendKeys("Hanging on. quietkestrelmark");
        click(her, By.cssSelector("section.reply button[type=submit]"));
        waitFor(her).until(ExpectedConditions.urlContains("#p-"));

        her.get(url("/mine"));
        click(her, By.linkText("Forget me: delete everything I wrote here"));
        waitFor(her).until(ExpectedConditions.urlContains("/me/forget"));
        assertEquals("Your 2 posts are deleted from this site. One of them is a thread you started.",
                her.findElement(By.cssSelector(".forget-posts")).getText());
        screenshot(her, "traces-forget-desktop");
        click(her, By.cssSelector("form[action='/me/forget'] button[type=submit]"));
        waitFor(her).until(ExpectedConditions.textToBe(By.cssSelector("main h1"), "You are forgotten here"));
        assertNull(her.manage().getCookieNamed("hearth_author"), "the browser no longer holds her key");

        her.get(url("/mine"));
        assertTrue(her.findElement(By.tagName("main")).getText().contains("has not posted here yet"));
        friend.get(url(hers));
        String thread = friend.findElement(By.tagName("main")).getText();
        assertTrue(thread.contains("Thread deleted by its author") && thread.contains("Stay safe, I am here."), thread);
        assertFalse(thread.contains("bramblecloudy") || thread.contains("periwinklemarker"));
        friend.get(url(friends));
        assertFalse(friend.findElement(By.tagName("main")).getText().contains("quietkestrelmark"));
        friend.get(url("/c/survivors"));
        assertFalse(friend.findElement(By.tagName("main")).getText().contains("periwinklemarker"));
        waitFor(friend).until(d -> {
            d.get(url("/search?q=bramblecloudy+quietkestrelmark"));
            return !d.findElements(By.cssSelector("p.empty")).isEmpty();
        });
    }

    private String startThread(ChromeDriver browser, String circle, String title, String body) {
        browser.get(url("/c/" + circle + "/new"));
        browser.findElement(By.id("title")).sendKeys(title);
        browser.findElement(By.id("body")).sendKeys(body);
        click(browser, By.cssSelector("form.compose button[type=submit]"));
        waitFor(browser).until(ExpectedConditions.urlMatches(THREAD_URL));
        return browser.getCurrentUrl().replaceFirst("^http://[^/]+", "");
    }

    private String url(String path) {
        return node.url(path).toString();
    }
}
