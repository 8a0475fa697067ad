package hearth.node.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import hearth.node.config.DataFolder;
import hearth.node.moderation.ModeratorAccounts;
import hearth.node.store.Database;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Hearth in a real browser: Debian's headless Chromium driven by Selenium, nothing downloaded.
 * Two women, each in her own browser profile, start a thread and reply through the pages'
 * forms, and everything is still there after the node restarts. Another woman does everything
 * a poster does with JavaScript switched off. Screenshots go to {@code target/screenshots/}.
 */
class BrowserIT {

    private static final Pattern PSEUDONYM = Pattern.compile("[A-Z][a-z]+ [A-Z][a-z]+ \\d{4}");
    private static final Pattern THREAD_URL = Pattern.compile(".*/c/perinatal/t/[0-9A-Z]{26}$");
    private static final By POSTS = By.cssSelector("ol.posts li.post");

    private Browsers browsers;
    private TestNode node;

    @BeforeEach
    void open() {
        browsers = new Browsers();
    }

    @AfterEach
    void quitEverything() {
        browsers.close();
        if (node != null) {
            node.close();
            node = null;
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void twoWomenTalkInAThreadThatSurvivesARestart() {
        node = TestNode.start();
        String title = "Can't stop crying since the birth";
        String body = "My baby is six weeks old and I cry every evening. Is this normal? ask-marker-7f3a";
        String replyText = "It happened to me too, it got easier around week ten. reply-marker-91c2";

        // She finds the circle from the home page and starts a thread.
        ChromeDriver first = browsers.open("first-woman", Browsers.Look.DESKTOP);
        first.get(node.url("/").toString());
        assertOnlyOwnScripts(first);
        Browsers.click(first, By.linkText("Pregnancy and after birth"));
        Browsers.waitFor(first).until(ExpectedConditions.urlMatches(".*/c/perinatal$"));
        assertEquals("Pregnancy and after birth", first.findElement(By.cssSelector("main h1")).getText());
        Browsers.click(first, By.cssSelector("main a[href='/c/perinatal/new']"));
        Browsers.waitFor(first).until(ExpectedConditions.urlMatches(".*/c/perinatal/new$"));
        WebElement usual = first.findElement(By.cssSelector("input[name=pseudonym][value=usual]"));
        assertTrue(usual.isSelected(), "her usual name is not the default choice");
        first.findElement(By.id("title")).sendKeys(title);
        first.findElement(By.id("body")).sendKeys(body);
        Browsers.click(first, By.cssSelector("form.compose button[type=submit]"));
        Browsers.waitFor(first).until(ExpectedConditions.urlMatches(THREAD_URL.pattern()));
        String threadPath = Posting.path(first);

        assertEquals(title, first.findElement(By.cssSelector("main h1")).getText());
        List<WebElement> posts = first.findElements(POSTS);
        assertEquals(1, posts.size());
        assertTrue(posts.get(0).findElement(By.cssSelector(".body")).getText().contains(body));
        String herName = posts.get(0).findElement(By.cssSelector(".who")).getText();
        assertTrue(PSEUDONYM.matcher(herName).matches(), "pseudonym looks wrong: '" + herName + "'");
        assertFalse(posts.get(0).findElements(By.cssSelector(".yours")).isEmpty(), "her own post is not marked as hers");
        assertEquals("", first.findElement(By.cssSelector("section.reply textarea[name=body]")).getAttribute("value"));

        // Another woman, in another browser, reads it and replies through the form.
        ChromeDriver second = browsers.open("second-woman", Browsers.Look.DESKTOP);
        second.get(node.url(threadPath).toString());
        assertEquals(title, second.findElement(By.cssSelector("main h1")).getText());
        assertTrue(second.findElement(By.cssSelector("ol.posts")).getText().contains(body));
        assertTrue(second.findElement(POSTS).findElements(By.cssSelector(".yours")).isEmpty(),
                "another woman's post is marked as hers");
        second.findElement(By.cssSelector("section.reply textarea[name=body]")).sendKeys(replyText);
        Browsers.click(second, By.cssSelector("section.reply button[type=submit]"));
        Browsers.waitFor(second).until(ExpectedConditions.urlContains("#p-"));
        Browsers.waitFor(second).until(d -> d.findElements(POSTS).size() == 2);
        String replyName = second.findElements(By.cssSelector("ol.posts li.post .who")).get(1).getText();
        assertTrue(PSEUDONYM.matcher(replyName).matches(), "pseudonym looks wrong: '" + replyName + "'");
        assertNotEquals(herName, replyName, "two women got the same pseudonym");

        // The first woman reloads and sees the reply, under the other woman's name.
        first.navigate().refresh();
        Browsers.waitFor(first).until(d -> d.findElements(POSTS).size() == 2);
        List<WebElement> both = first.findElements(POSTS);
        assertTrue(both.get(1).findElement(By.cssSelector(".body")).getText().contains(replyText));
        assertEquals(replyName, both.get(1).findElement(By.cssSelector(".who")).getText());
        assertTrue(both.get(1).findElements(By.cssSelector(".yours")).isEmpty());

        Browsers.screenshot(first, "thread-page");
        ChromeDriver phone = browsers.open("phone", Browsers.Look.PHONE);
        phone.get(node.url(threadPath).toString());
        Browsers.waitFor(phone).until(d -> d.findElements(POSTS).size() == 2);
        Browsers.screenshot(phone, "thread-page-mobile");
        Number overflow = (Number) phone.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow.intValue() <= 0, "the thread page scrolls sideways on a phone by " + overflow + " px");

        // The node restarts on a new port; both posts are still there, and still hers.
        int oldPort = node.port();
        node.restart();
        assertNotEquals(oldPort, node.port());
        for (ChromeDriver woman : List.of(first, second)) {
            woman.get(node.url(threadPath).toString());
            Browsers.waitFor(woman).until(d -> d.findElements(POSTS).size() == 2);
            assertEquals(title, woman.findElement(By.cssSelector("main h1")).getText());
            String text = woman.findElement(By.cssSelector("ol.posts")).getText();
            assertTrue(text.contains(body) && text.contains(replyText), "a post is missing after the restart");
            assertTrue(text.contains(herName) && text.contains(replyName), "a pseudonym changed after the restart");
        }
        assertFalse(first.findElements(POSTS).get(0).findElements(By.cssSelector(".yours")).isEmpty(),
                "after the restart her browser is no longer linked to her post");
        // The circle still lists the thread.
        first.get(node.url("/c/perinatal").toString());
        assertTrue(first.findElement(By.cssSelector("ul.threads")).getText().contains(title));
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void postingWorksWithJavaScriptSwitchedOff() {
        node = TestNode.start();
        ChromeDriver woman = browsers.open("no-javascript", Browsers.Look.DESKTOP.withoutJavaScript());
        assertScriptsAreOff(woman);

        // She starts a thread from the circle page, under a thread-only name.
        woman.get(node.url("/").toString());
        Browsers.click(woman, By.linkText("Everyday struggles"));
        Browsers.waitFor(woman).until(ExpectedConditions.urlMatches(".*/c/everyday$"));
        Browsers.click(woman, By.cssSelector("main a[href='/c/everyday/new']"));
        Browsers.waitFor(woman).until(ExpectedConditions.urlMatches(".*/c/everyday/new$"));
        assertOnlyOwnScripts(woman);
        woman.findElement(By.id("title")).sendKeys("Lonely evenings");
        woman.findElement(By.id("body")).sendKeys("Nobody to talk to after work, only the quillwort on the sill. nojs-opening");
        Browsers.clickCentred(woman, woman.findElement(By.cssSelector("input[name=pseudonym][value=one-off]")));
        Browsers.click(woman, By.cssSelector("form.compose button[type=submit]"));
        Browsers.waitFor(woman).until(ExpectedConditions.urlMatches(".*/c/everyday/t/[0-9A-Z]{26}$"));
        String threadPath = Posting.path(woman);
        assertEquals("Lonely evenings", woman.findElement(By.cssSelector("main h1")).getText());
        assertTrue(woman.findElement(By.cssSelector("ol.posts")).getText().contains("nojs-opening"));
        String oneOffName = woman.findElement(By.cssSelector("ol.posts li.post .who")).getText();

        // She replies in her own thread with the same thread-only name.
        WebElement oneOff = woman.findElement(By.cssSelector("section.reply input[name=pseudonym][value=one-off]"));
        assertTrue(oneOff.isSelected(), "the reply form does not keep her thread-only name");
        woman.findElement(By.cssSelector("section.reply textarea[name=body]")).sendKeys("Writing it down helps. nojs-reply");
        Browsers.click(woman, By.cssSelector("section.reply button[type=submit]"));
        Browsers.waitFor(woman).until(ExpectedConditions.urlContains("#p-"));
        Browsers.waitFor(woman).until(d -> d.findElements(POSTS).size() == 2);
        List<WebElement> names = woman.findElements(By.cssSelector("ol.posts li.post .who"));
        assertEquals(oneOffName, names.get(1).getText());
        assertTrue(woman.findElement(By.cssSelector("ol.posts")).getText().contains("nojs-reply"));
        assertOnlyOwnScripts(woman);

        // She edits her reply.
        Browsers.clickCentred(woman, woman.findElements(POSTS).get(1).findElement(By.cssSelector("a[href$='/edit']")));
        Browsers.waitFor(woman).until(ExpectedConditions.urlMatches(".*/edit$"));
        WebElement body = woman.findElement(By.id("body"));
        body.clear();
        body.sendKeys("Writing it down helps, and walking. nojs-edited");
        Browsers.click(woman, By.cssSelector("form.compose button[type=submit]"));
        Browsers.waitFor(woman).until(ExpectedConditions.urlContains("#p-"));
        String edited = woman.findElements(POSTS).get(1).findElement(By.cssSelector(".body")).getText();
        assertTrue(edited.contains("nojs-edited") && !edited.contains("nojs-reply"), "the edit did not stick: " + edited);

        // Someone else answers; she reports that answer.
        ChromeDriver other = browsers.open("other-no-javascript", Browsers.Look.DESKTOP.withoutJavaScript());
        Posting.reply(other, node, threadPath, "Just get over it. nojs-unkind");
        woman.get(node.url(threadPath).toString());
        Browsers.waitFor(woman).until(d -> d.findElements(POSTS).size() == 3);
        Browsers.clickCentred(woman, woman.findElements(POSTS).get(2).findElement(By.cssSelector("a[href$='/report']")));
        Browsers.waitFor(woman).until(ExpectedConditions.urlMatches(".*/report$"));
        Browsers.clickCentred(woman, woman.findElement(By.cssSelector("input[name=reason][value=harmful-advice]")));
        woman.findElement(By.id("comment")).sendKeys("Dismissive");
        Browsers.click(woman, By.cssSelector("form.report button[type=submit]"));
        Browsers.waitFor(woman).until(d -> d.findElements(By.cssSelector("form.report")).isEmpty());
        assertTrue(woman.findElements(By.cssSelector(".problems")).isEmpty(), "the report was refused");

        // She deletes her reply, after the confirmation page.
        woman.get(node.url(threadPath).toString());
        Browsers.clickCentred(woman, woman.findElements(POSTS).get(1).findElement(By.cssSelector("a[href$='/delete']")));
        Browsers.waitFor(woman).until(ExpectedConditions.urlMatches(".*/delete$"));
        Browsers.click(woman, By.cssSelector("main form button[type=submit]"));
        Browsers.waitFor(woman).until(ExpectedConditions.urlMatches(".*/c/everyday/t/[0-9A-Z]{26}(#.*)?$"));
        woman.get(node.url(threadPath).toString());
        assertFalse(woman.findElement(By.cssSelector("ol.posts")).getText().contains("nojs-edited"),
                "her deleted reply is still shown");
        assertFalse(woman.findElements(POSTS).get(1).findElements(By.cssSelector(".deleted")).isEmpty(),
                "the deleted reply leaves no note in its place");

        // She finds her thread by searching from the box at the top of every page.
        Browsers.waitFor(woman).until(d -> {
            d.get(node.url("/").toString());
            d.findElement(By.cssSelector("header form[role=search] input[name=q]")).sendKeys("quillwort");
            Browsers.clickCentred(d, d.findElement(By.cssSelector("header form[role=search] button[type=submit]")));
            return d.findElements(By.cssSelector("ol.results li a[href^='" + threadPath + "#']")).size() == 1;
        });
        assertOnlyOwnScripts(woman);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aModeratorRemovesAReportedPostAndTheThreadSaysWhy() {
        node = TestNode.start();
        try (Database db = Database.sqlite(DataFolder.open(node.data()).database())) {
            db.write(c -> {
                ModeratorAccounts.createOrUpdate(c, "maya", "correct horse battery staple".toCharArray(), false,
                        List.of("survivors"), System.currentTimeMillis());
                return null;
            });
        }
        // One woman asks for help; someone answers with something that identifies a person.
        ChromeDriver asker = browsers.open("asker", Browsers.Look.DESKTOP);
        String threadPath = Posting.startThread(asker, node, "survivors", "Is it safe to leave tonight?",
                "I have a bag packed at a friend's.");
        ChromeDriver other = browsers.open("other", Browsers.Look.DESKTOP);
        Posting.reply(other, node, threadPath, "I know him, he lives at 4 Larkspur Row. browser-removal-marker");

        // A reader reports it, choosing a reason, without any account.
        ChromeDriver reader = browsers.open("reader", Browsers.Look.DESKTOP);
        reader.get(node.url(threadPath).toString());
        Browsers.clickCentred(reader, reader.findElements(POSTS).get(1).findElement(By.cssSelector("a[href$='/report']")));
        Browsers.waitFor(reader).until(ExpectedConditions.urlContains("/report"));
        Browsers.clickCentred(reader, reader.findElement(By.cssSelector("input[name=reason][value=identifying]")));
        reader.findElement(By.id("comment")).sendKeys("Names where he lives");
        Browsers.click(reader, By.cssSelector("form.report button[type=submit]"));
        Browsers.waitFor(reader).until(d -> d.findElements(By.cssSelector("form.report")).isEmpty());
        assertTrue(reader.findElements(By.cssSelector(".problems")).isEmpty(), "the report was refused");

        // The moderator signs in, finds it in her queue and removes it with a reason.
        ChromeDriver moderator = browsers.open("moderator", Browsers.Look.DESKTOP);
        moderator.get(node.url("/mod").toString());
        Browsers.waitFor(moderator).until(ExpectedConditions.urlContains("/mod/login"));
        Posting.signIn(moderator, node, "maya", "correct horse battery staple");
        Browsers.waitFor(moderator).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.queue-item")));
        WebElement item = moderator.findElement(By.cssSelector("article.queue-item"));
        assertTrue(item.getText().contains("browser-removal-marker"), "the reported post is in the queue");
        assertTrue(item.getText().contains("Names where he lives"), "with the reporter's note");
        Browsers.screenshot(moderator, "moderation-queue");
        item.findElement(By.cssSelector("form[action$='/remove'] input[name=reason]")).sendKeys("It identifies someone");
        item.findElement(By.cssSelector("form[action$='/remove'] button[type=submit]")).click();
        Browsers.waitFor(moderator).until(ExpectedConditions.urlContains("done=remove"));

        // Everyone now sees the note in place of the words.
        reader.get(node.url(threadPath).toString());
        WebElement removed = reader.findElements(POSTS).get(1);
        assertTrue(removed.findElement(By.cssSelector(".removed")).getText().contains("It identifies someone"));
        assertFalse(reader.findElement(By.cssSelector("ol.posts")).getText().contains("Larkspur"));
    }

    // ---- helpers

    /** Proves the browser runs no scripts: a page that would retitle itself does not. */
    private static void assertScriptsAreOff(ChromeDriver driver) {
        String probe = "<!DOCTYPE html><title>static</title><noscript><p id=ns>scripts are off</p></noscript>"
                + "<script>document.title = 'scripted';</script>";
        driver.get("data:text/html;base64," + Base64.getEncoder().encodeToString(probe.getBytes(StandardCharsets.UTF_8)));
        assertEquals("static", driver.getTitle(), "JavaScript is still running in this browser");
        assertTrue(driver.findElement(By.id("ns")).isDisplayed(), "<noscript> content is not shown");
    }

    /** Every script on the page is a file the node serves itself under /static/; none is inline. */
    private void assertOnlyOwnScripts(ChromeDriver driver) {
        String own = node.url("/static/").toString();
        for (WebElement script : driver.findElements(By.tagName("script"))) {
            String src = script.getDomProperty("src");
            assertTrue(src != null && src.startsWith(own), "a script not served by the node from /static/: "
                    + (src == null || src.isEmpty() ? "inline " + script.getDomProperty("outerHTML") : src));
        }
    }
}
