package hearth.node.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hearth.node.TestNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Languages in a real browser: a browser set to Spanish gets Spanish pages, an English one
 * switches with the footer's link and keeps Spanish on the next pages, and an Arabic reply
 * reads right to left inside the page.
 */
class LanguageBrowserIT {

    private static final String ARABIC_REPLY = "أنا أيضاً لا أنام جيداً. أنتِ لستِ وحدك.";

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
    void aBrowserSpeakingSpanishGetsSpanishPages() {
        ChromeDriver her = browsers.open("es", Browsers.Look.DESKTOP.speaking("es-ES"));
        her.get(url("/"));
        assertEquals("es", lang(her));
        assertEquals("Círculos", her.findElement(By.cssSelector("main h2")).getText());

        String thread = startThread(her, "No duermo desde que nació", "Las noches se me hacen eternas.");
        her.get(url(thread));
        assertEquals("Responder", her.findElement(By.id("reply-heading")).getText());
    }

    @Test
    void anEnglishBrowserSwitchesToSpanishAndStaysThere() {
        ChromeDriver writer = browsers.open("writer", Browsers.Look.DESKTOP.speaking("es-ES"));
        String thread = startThread(writer, "No duermo desde que nació",
                "Las noches se me hacen eternas. ¿A alguien más le pasa?");
        ChromeDriver neighbour = browsers.open("neighbour", Browsers.Look.DESKTOP);
        neighbour.get(url(thread));
        reply(neighbour, ARABIC_REPLY);

        ChromeDriver reader = browsers.open("reader", Browsers.Look.DESKTOP);
        reader.get(url(thread));
        assertEquals("en", lang(reader));
        assertEquals("Reply", reader.findElement(By.id("reply-heading")).getText());

        Browsers.click(reader, By.cssSelector("footer nav.languages a[hreflang=es]"));
        Browsers.waitFor(reader).until(d -> "es".equals(lang(reader)));
        assertTrue(reader.getCurrentUrl().endsWith(thread), reader.getCurrentUrl());
        assertEquals("Responder", reader.findElement(By.id("reply-heading")).getText());

        WebElement arabic = reader.findElements(By.cssSelector("ol.posts .body")).stream()
                .filter(body -> body.getText().equals(ARABIC_REPLY)).findFirst().orElseThrow();
        assertEquals("rtl", arabic.getCssValue("direction"), "the Arabic reply reads right to left");
        Browsers.screenshot(reader, "thread-es-desktop");

        reader.get(url("/"));
        assertEquals("es", lang(reader));
        assertEquals("Círculos", reader.findElement(By.cssSelector("main h2")).getText());
    }

    // ---- helpers

    private String startThread(ChromeDriver driver, String title, String body) {
        driver.get(url("/c/perinatal/new"));
        driver.findElement(By.id("title")).sendKeys(title);
        driver.findElement(By.id("body")).sendKeys(body);
        Browsers.clickCentred(driver, driver.findElement(By.cssSelector("form.compose button[type=submit]")));
        Browsers.waitFor(driver).until(ExpectedConditions.urlMatches("/c/perinatal/t/[0-9A-Z]{26}$"));
        return driver.getCurrentUrl().substring(driver.getCurrentUrl().indexOf("/c/"));
    }

    private static void reply(ChromeDriver driver, String body) {
        String before = driver.getCurrentUrl();
        driver.findElement(By.id("body")).sendKeys(body);
        Browsers.clickCentred(driver, driver.findElement(By.cssSelector("form.compose button[type=submit]")));
        Browsers.waitFor(driver).until(d -> !d.getCurrentUrl().equals(before));
    }

    private static String lang(ChromeDriver driver) {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    private String url(String path) {
        return node.url(path).toString();
    }
}
