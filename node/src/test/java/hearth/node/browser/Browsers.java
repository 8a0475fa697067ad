package hearth.node.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium for browser tests: Debian's {@code chromium} and {@code chromium-driver},
 * nothing downloaded. Each {@link #open} is a fresh browser with its own profile (so its own
 * cookies: another woman). Close the {@code Browsers} to quit them all. Not thread-safe.
 *
 * <pre>{@code
 * try (Browsers browsers = new Browsers()) {
 *     ChromeDriver her = browsers.open("her", Browsers.Look.DESKTOP);
 *     her.get(node.url("/").toString());
 * }
 * }</pre>
 */
public final class Browsers implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path TARGET = Path.of("target").toAbsolutePath();
    static final Path PROFILES = TARGET.resolve("browser-profiles");
    /** Where screenshots go; the README shows a few of them. */
    public static final Path SCREENSHOTS = TARGET.resolve("screenshots");
    public static final Duration WAIT = Duration.ofSeconds(15);

    /** How the browser looks at pages: window size, colour scheme, JavaScript. */
    public record Look(int width, int height, boolean phone, boolean dark, boolean javascript, String language) {
        public static final Look DESKTOP = new Look(1280, 1000, false, false, true, "en-GB");
        public static final Look PHONE = new Look(390, 844, true, false, true, "en-GB");

        public Look inDark() {
            return new Look(width, height, phone, true, javascript, language);
        }

        public Look withoutJavaScript() {
            return new Look(width, height, phone, dark, false, language);
        }

        /** The browser's language, sent as Accept-Language ("es-ES"). */
        public Look speaking(String tag) {
            return new Look(width, height, phone, dark, javascript, tag);
        }

        public Look width(int cssPixels) {
            return new Look(cssPixels, height, phone, dark, javascript, language);
        }
    }

    private final List<ChromeDriver> open = new ArrayList<>();

    public Browsers() {
        // Fail, never skip: the launcher installs these (apt-get install chromium chromium-driver).
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: install it with "
                + "`apt-get install -y chromium chromium-driver` (browser tests never download browsers)");
        assertTrue(Files.isExecutable(CHROMEDRIVER), CHROMEDRIVER + " is missing: install it with "
                + "`apt-get install -y chromium-driver` (browser tests never download drivers)");
        try {
            Files.createDirectories(PROFILES);
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh browser with its own, empty profile. */
    public ChromeDriver open(String name, Look look) {
        Path profile;
        try {
            profile = Files.createTempDirectory(PROFILES, name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a browser profile folder", e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=" + look.width() + "," + look.height(),
                "--lang=" + look.language(), "--force-prefers-reduced-motion");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("intl.accept_languages", look.language());
        if (!look.javascript()) {
            prefs.put("profile.managed_default_content_settings.javascript", 2);
        }
        options.setExperimentalOption("prefs", prefs);
        if (look.phone()) {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", look.width(), "height", look.height(), "pixelRatio", 2.0, "touch", true)));
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
        open.add(driver);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        if (look.dark()) {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                    List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        }
        return driver;
    }

    public static WebDriverWait waitFor(WebDriver driver) {
        return new WebDriverWait(driver, WAIT);
    }

    /**
     * Clicks {@code what} once it is clickable, scrolled to the middle of the window first so
     * the fixed quick-exit bar at the top never takes the click.
     */
    public static void click(WebDriver driver, By what) {
        clickCentred(driver, waitFor(driver).until(ExpectedConditions.elementToBeClickable(what)));
    }

    /** Clicks an element already found, scrolled to the middle of the window first. */
    public static void clickCentred(WebDriver driver, WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** The whole page, not just the window, as a PNG under {@link #SCREENSHOTS}. */
    @SuppressWarnings("unchecked")
    public static Path screenshot(ChromeDriver driver, String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) content.get("width")).doubleValue();
        double height = Math.min(((Number) content.get("height")).doubleValue(), 8000);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf("screenshot %s (%.0fx%.0f CSS px)%n", file, width, height);
        return file;
    }

    @Override
    public void close() {
        for (ChromeDriver driver : open) {
            try {
                driver.quit();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
        open.clear();
    }
}
