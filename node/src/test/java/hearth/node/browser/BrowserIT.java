package hearth.node.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import hearth.node.config.DataFolder;
import hearth.node.moderation.ModeratorAccounts;
import hearth.node.store.Database;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Hearth in a real browser: Debian's headless Chromium driven by Selenium, nothing downloaded.
 * Two women, each in her own browser profile, start a thread and reply through the pages'
 * forms, and everything is still there after the node restarts. Another check proves the
 * forms work with JavaScript switched off. Screenshots go to {@code target/screenshots/}.
 */
class BrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path PROFILES = TARGET.resolve("browser-profiles");
    private static final Path SCREENSHOTS = TARGET.resolve("screenshots");
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Pattern PSEUDONYM = Pattern.compile("[A-Z][a-z]+ [A-Z][a-z]+ \\d{4}");
    private static final Pattern THREAD_URL = Pattern.compile(".*/c/perinatal/t/[0-9A-Z]{26}$");

    private final List<WebDriver> browsers = new ArrayList<>();
    private TestNode node;

    @BeforeAll
    static void browserIsInstalled() throws IOException {
        // Fail, never skip: the launcher installs these (apt-get install chromium chromium-driver).
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: install it with "
                + "`apt-get install -y chromium chromium-driver` (this test does not download browsers)");
        assertTrue(Files.isExecutable(CHROMEDRIVER), CHROMEDRIVER + " is missing: install it with "
                + "`apt-get install -y chromium-driver` (this test does not download drivers)");
        Files.createDirectories(PROFILES);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void quitEverything() {
        for (WebDriver browser : browsers) {
            try {
                browser.quit();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
        browsers.clear();
        if (node != null) {
            node.close();
            node = null;
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void twoWomenTalkInAThreadThatSurvivesARestart() throws IOException {
        node = TestNode.start();
        String title = "Can't stop crying since the birth";
        String body = "My baby is six weeks old and I cry every evening. Is this normal? ask-marker-7f3a";
        String replyText = "It happened to me too, it got easier around week ten. reply-marker-91c2";

        // She finds the circle from the home page and starts a thread.
        ChromeDriver first = browser("first-woman", true, false);
        first.get(node.url("/").toString());
        assertTrue(first.findElements(By.tagName("script")).isEmpty(), "the home page carries a script");
        click(first, By.linkText("Pregnancy and after birth"));
        waitFor(first).until(ExpectedConditions.urlMatches(".*/c/perinatal$"));
        assertEquals("Pregnancy and after birth", first.findElement(By.cssSelector("main h1")).getText());
        click(first, By.linkText("Start a thread"));
        waitFor(first).until(ExpectedConditions.urlMatches(".*/c/perinatal/new$"));
        WebElement usual = first.findElement(By.cssSelector("input[name=pseudonym][value=usual]"));
        assertTrue(usual.isSelected(), "her usual name is not the default choice");
        first.findElement(By.id("title")).sendKeys(title);
        first.findElement(By.id("body")).sendKeys(body);
        click(first, By.cssSelector("form.compose button[type=submit]"));
        waitFor(first).until(ExpectedConditions.urlMatches(THREAD_URL.pattern()));
        String threadPath = first.getCurrentUrl().replaceFirst("^http://[^/]+", "");

        assertEquals(title, first.findElement(By.cssSelector("main h1")).getText());
        List<WebElement> posts = first.findElements(By.cssSelector("ol.posts li.post"));
        assertEquals(1, posts.size());
        assertTrue(posts.get(0).findElement(By.cssSelector(".body")).getText().contains(body));
        String herName = posts.get(0).findElement(By.cssSelector(".who")).getText();
        assertTrue(PSEUDONYM.matcher(herName).matches(), "pseudonym looks wrong: '" + herName + "'");
        assertTrue(posts.get(0).getText().contains("yours"), "her own post is not marked as hers");
        assertEquals("", first.findElement(By.cssSelector("section.reply textarea[name=body]")).getAttribute("value"));

        // Another woman, in another browser, reads it and replies through the form.
        ChromeDriver second = browser("second-woman", true, false);
        second.get(node.url(threadPath).toString());
        assertEquals(title, second.findElement(By.cssSelector("main h1")).getText());
        assertTrue(second.findElement(By.cssSelector("ol.posts")).getText().contains(body));
        assertFalse(second.findElement(By.cssSelector("ol.posts li.post")).getText().contains("yours"),
                "another woman's post is marked as hers");
        second.findElement(By.cssSelector("section.reply textarea[name=body]")).sendKeys(replyText);
        click(second, By.cssSelector("section.reply button[type=submit]"));
        waitFor(second).until(ExpectedConditions.urlContains("#p-"));
        waitFor(second).until(d -> d.findElements(By.cssSelector("ol.posts li.post")).size() == 2);
        String replyName = second.findElements(By.cssSelector("ol.posts li.post .who")).get(1).getText();
        assertTrue(PSEUDONYM.matcher(replyName).matches(), "pseudonym looks wrong: '" + replyName + "'");
        assertNotEquals(herName, replyName, "two women got the same pseudonym");

        // The first woman reloads and sees the reply, under the other woman's name.
        first.navigate().refresh();
        waitFor(first).until(d -> d.findElements(By.cssSelector("ol.posts li.post")).size() == 2);
        List<WebElement> both = first.findElements(By.cssSelector("ol.posts li.post"));
        assertTrue(both.get(1).findElement(By.cssSelector(".body")).getText().contains(replyText));
        assertEquals(replyName, both.get(1).findElement(By.cssSelector(".who")).getText());
        assertFalse(both.get(1).getText().contains("yours"));

        screenshot(first, SCREENSHOTS.resolve("thread-page.png"));
        ChromeDriver phone = browser("phone", true, true);
        phone.get(node.url(threadPath).toString());
        waitFor(phone).until(d -> d.findElements(By.cssSelector("ol.posts li.post")).size() == 2);
        screenshot(phone, SCREENSHOTS.resolve("thread-page-mobile.png"));
        Number overflow = (Number) phone.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertTrue(overflow.intValue() <= 0, "the thread page scrolls sideways on a phone by " + overflow + " px");

        // The node restarts on a new port; both posts are still there, and still hers.
        int oldPort = node.port();
        node.restart();
        assertNotEquals(oldPort, node.port());
        for (ChromeDriver woman : List.of(first, second)) {
            woman.get(node.url(threadPath).toString());
            waitFor(woman).until(d -> d.findElements(By.cssSelector("ol.posts li.post")).size() == 2);
            assertEquals(title, woman.findElement(By.cssSelector("main h1")).getText());
            String text = woman.findElement(By.cssSelector("ol.posts")).getText();
            assertTrue(text.contains(body) && text.contains(replyText), "a post is missing after the restart");
            assertTrue(text.contains(herName) && text.contains(replyName), "a pseudonym changed after the restart");
        }
        List<WebElement> afterRestart = first.findElements(By.cssSelector("ol.posts li.post"));
        assertTrue(afterRestart.get(0).getText().contains("yours"),
                "after the restart her browser is no longer linked to her post");
        // The circle still lists the thread.
        first.get(node.url("/c/perinatal").toString());
        assertTrue(first.findElement(By.cssSelector("ul.threads")).getText().contains(title));
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void postingWorksWithJavaScriptSwitchedOff() {
        node = TestNode.start();
        ChromeDriver woman = browser("no-javascript", false, false);

        // Prove this browser really runs no scripts: a page that would retitle itself does not.
        String probe = "<!DOCTYPE html><title>static</title><noscript><p id=ns>scripts are off</p></noscript>"
                + "<script>document.title = 'scripted';</script>";
        woman.get("data:text/html;base64," + Base64.getEncoder().encodeToString(probe.getBytes(StandardCharsets.UTF_8)));
        assertEquals("static", woman.getTitle(), "JavaScript is still running in this browser");
        assertTrue(woman.findElement(By.id("ns")).isDisplayed(), "<noscript> content is not shown");

        woman.get(node.url("/").toString());
        click(woman, By.linkText("Everyday struggles"));
        waitFor(woman).until(ExpectedConditions.urlMatches(".*/c/everyday$"));
        click(woman, By.linkText("Start a thread"));
        waitFor(woman).until(ExpectedConditions.urlMatches(".*/c/everyday/new$"));
        assertTrue(woman.findElements(By.tagName("script")).isEmpty(), "the form page carries a script");
        woman.findElement(By.id("title")).sendKeys("Lonely evenings");
        woman.findElement(By.id("body")).sendKeys("Nobody to talk to after work. nojs-opening");
        woman.findElement(By.cssSelector("input[name=pseudonym][value=one-off]")).click();
        click(woman, By.cssSelector("form.compose button[type=submit]"));
        waitFor(woman).until(ExpectedConditions.urlMatches(".*/c/everyday/t/[0-9A-Z]{26}$"));
        assertEquals("Lonely evenings", woman.findElement(By.cssSelector("main h1")).getText());
        assertTrue(woman.findElement(By.cssSelector("ol.posts")).getText().contains("nojs-opening"));
        String oneOffName = woman.findElement(By.cssSelector("ol.posts li.post .who")).getText();

        // She replies in her own thread with the same thread-only name.
        WebElement oneOff = woman.findElement(By.cssSelector("section.reply input[name=pseudonym][value=one-off]"));
        assertTrue(oneOff.isSelected(), "the reply form does not keep her thread-only name");
        woman.findElement(By.cssSelector("section.reply textarea[name=body]")).sendKeys("Writing it down helps. nojs-reply");
        click(woman, By.cssSelector("section.reply button[type=submit]"));
        waitFor(woman).until(ExpectedConditions.urlContains("#p-"));
        waitFor(woman).until(d -> d.findElements(By.cssSelector("ol.posts li.post")).size() == 2);
        List<WebElement> names = woman.findElements(By.cssSelector("ol.posts li.post .who"));
        assertEquals(oneOffName, names.get(1).getText());
        assertTrue(woman.findElement(By.cssSelector("ol.posts")).getText().contains("nojs-reply"));
        assertTrue(woman.findElements(By.tagName("script")).isEmpty(), "the thread page carries a script");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aModeratorRemovesAReportedPostAndTheThreadSaysWhy() throws IOException {
        node = TestNode.start();
        try (Database db = Database.sqlite(DataFolder.open(node.data()).database())) {
            db.write(c -> {
                ModeratorAccounts.createOrUpdate(c, "maya", "correct horse battery staple".toCharArray(), false,
                        List.of("survivors"), System.currentTimeMillis());
                return null;
            });
        }
        // One woman asks for help; someone answers with something that identifies a person.
        ChromeDriver asker = browser("asker", true, false);
        asker.get(node.url("/c/survivors/new").toString());
        asker.findElement(By.id("title")).sendKeys("Is it safe to leave tonight?");
        asker.findElement(By.id("body")).sendKeys("I have a bag packed at a friend's.");
        click(asker, By.cssSelector("form.compose button[type=submit]"));
        waitFor(asker).until(ExpectedConditions.urlMatches(".*/c/survivors/t/[0-9A-Z]{26}$"));
        String threadPath = asker.getCurrentUrl().replaceFirst("^http://[^/]+", "");
        ChromeDriver other = browser("other", true, false);
        other.get(node.url(threadPath).toString());
        other.findElement(By.cssSelector("section.reply textarea[name=body]"))
                .sendKeys("I know him, he lives at 4 Larkspur Row. browser-removal-marker");
        click(other, By.cssSelector("section.reply button[type=submit]"));
        waitFor(other).until(ExpectedConditions.urlContains("#p-"));

        // A reader reports it, choosing a reason, without any account.
        ChromeDriver reader = browser("reader", true, false);
        reader.get(node.url(threadPath).toString());
        List<WebElement> posts = reader.findElements(By.cssSelector("ol.posts li.post"));
        posts.get(1).findElement(By.linkText("Report")).click();
        waitFor(reader).until(ExpectedConditions.urlContains("/report"));
        reader.findElement(By.cssSelector("input[name=reason][value=identifying]")).click();
        reader.findElement(By.id("comment")).sendKeys("Names where he lives");
        click(reader, By.cssSelector("form.report button[type=submit]"));
        waitFor(reader).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main h1"), "Thank you"));

        // The moderator signs in, finds it in her queue and removes it with a reason.
        ChromeDriver moderator = browser("moderator", true, false);
        moderator.get(node.url("/mod").toString());
        waitFor(moderator).until(ExpectedConditions.urlContains("/mod/login"));
        moderator.findElement(By.id("name")).sendKeys("maya");
        moderator.findElement(By.id("password")).sendKeys("correct horse battery staple");
        click(moderator, By.cssSelector("form.login button[type=submit]"));
        waitFor(moderator).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("article.queue-item")));
        WebElement item = moderator.findElement(By.cssSelector("article.queue-item"));
        assertTrue(item.getText().contains("browser-removal-marker"), "the reported post is in the queue");
        assertTrue(item.getText().contains("Names where he lives"), "with the reporter's note");
        screenshot(moderator, SCREENSHOTS.resolve("moderation-queue.png"));
        item.findElement(By.cssSelector("form.with-reason input[name=reason]")).sendKeys("It identifies someone");
        item.findElement(By.xpath(".//button[normalize-space()='Remove']")).click();
        waitFor(moderator).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"),
                "Removed"));

        // Everyone now sees the note in place of the words.
        reader.get(node.url(threadPath).toString());
        WebElement removed = reader.findElements(By.cssSelector("ol.posts li.post")).get(1);
        assertEquals("Removed by moderators: It identifies someone",
                removed.findElement(By.cssSelector(".removed")).getText());
        assertFalse(reader.findElement(By.cssSelector("ol.posts")).getText().contains("Larkspur"));
    }

    // ---- helpers

    /**
     * A fresh headless Chromium with its own profile (so its own cookies: another woman).
     *
     * @param javascript false to switch JavaScript off for every site
     * @param phone      true to emulate a 390x844 phone screen
     */
    private ChromeDriver browser(String name, boolean javascript, boolean phone) {
        Path profile;
        try {
            profile = Files.createTempDirectory(PROFILES, name + "-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a browser profile folder", e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en-GB",
                "--force-prefers-reduced-motion");
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        if (phone) {
            options.setExperimentalOption("mobileEmulation",
                    Map.of("deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 2.0, "touch", true)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(new File(profile.toFile(), "chromedriver.log"))
                .build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
        browsers.add(driver);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return driver;
    }

    private static WebDriverWait waitFor(WebDriver driver) {
        return new WebDriverWait(driver, WAIT);
    }

    private static void click(WebDriver driver, By what) {
        waitFor(driver).until(ExpectedConditions.elementToBeClickable(what)).click();
    }

    /** The whole page, not just the window, as a PNG. */
    @SuppressWarnings("unchecked")
    private static void screenshot(ChromeDriver driver, Path file) throws IOException {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) content.get("width")).doubleValue();
        double height = Math.min(((Number) content.get("height")).doubleValue(), 8000);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        System.out.printf("screenshot %s (%.0fx%.0f CSS px)%n", file, width, height);
    }
}
