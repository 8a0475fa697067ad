package hearth.node.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import hearth.node.TestNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * WCAG 2.2 AA in a real browser, on every page: axe-core's WCAG A and AA rules in the light and
 * the dark colour scheme (no serious or critical violation), reflow at 320 CSS px and at 1280 px
 * zoomed to 200% (nothing sticks out sideways), and keyboard use of the compose page.
 *
 * <p>Every page is one line of {@link #pages}; a new page is added there.
 */
class AccessibilityBrowserIT {

    /** Whose browser looks at a page. */
    enum Who { HER, MODERATOR, NEWCOMER }

    /**
     * A page to check: {@code path} is opened in {@code who}'s browser, then {@code then} may act
     * on it (post a form) to reach the page meant.
     */
    record Page(String name, Who who, String path, Consumer<ChromeDriver> then) {
        static Page at(String name, Who who, String path) {
            return new Page(name, who, path, d -> { });
        }

        static Page after(String name, Who who, String path, Consumer<ChromeDriver> then) {
            return new Page(name, who, path, then);
        }
    }

    /** Every page of Hearth, each with what it shows at its fullest. */
    static List<Page> pages(SeededForum forum) {
        return List.of(
                Page.at("home", Who.NEWCOMER, "/"),
                Page.at("circle", Who.NEWCOMER, "/c/everyday"),
                Page.at("thread with replies and the reply form", Who.HER, forum.openThread()),
                Page.at("locked thread with a held and a removed reply", Who.HER, forum.lockedThread()),
                Page.at("thread seen by a newcomer", Who.NEWCOMER, forum.openThread()),
                Page.after("thread with a content warning opened", Who.NEWCOMER, forum.openThread(),
                        d -> d.findElement(By.cssSelector("details.cw > summary")).click()),
                Page.at("compose a thread", Who.HER, "/c/everyday/new"),
                Page.after("compose with errors", Who.HER, "/c/everyday/new", AccessibilityBrowserIT::postEmpty),
                Page.after("reply with errors", Who.HER, forum.openThread(), AccessibilityBrowserIT::postEmpty),
                Page.at("edit", Who.HER, forum.editHerReply()),
                Page.at("delete confirmation", Who.HER, forum.deleteHerReply()),
                Page.at("mine, empty", Who.NEWCOMER, "/mine"),
                Page.at("mine, with posts", Who.HER, "/mine"),
                Page.at("about", Who.NEWCOMER, "/about"),
                Page.at("staying safe online", Who.NEWCOMER, "/safety"),
                Page.at("help now", Who.NEWCOMER, "/help"),
                Page.at("her recovery phrase", Who.HER, "/me/phrase"),
                Page.at("recovery phrase in a new browser", Who.NEWCOMER, "/me/phrase"),
                Page.at("restore from a phrase", Who.NEWCOMER, "/me/restore"),
                Page.after("restore with errors", Who.NEWCOMER, "/me/restore", AccessibilityBrowserIT::postEmpty),
                Page.at("forget me", Who.HER, "/me/forget"),
                Page.at("reading preferences", Who.NEWCOMER, "/preferences"),
                Page.at("search, empty", Who.NEWCOMER, "/search"),
                Page.at("search results", Who.NEWCOMER, "/search?q=" + SeededForum.MARKER),
                Page.at("search without results", Who.NEWCOMER, "/search?q=zzyzxquokka"),
                Page.at("report", Who.NEWCOMER, forum.reportOtherReply()),
                Page.after("report with errors", Who.NEWCOMER, forum.reportOtherReply(),
                        AccessibilityBrowserIT::postEmpty),
                Page.after("notice after a report", Who.NEWCOMER, forum.reportOtherReply(),
                        AccessibilityBrowserIT::sendReport),
                Page.at("page not found", Who.NEWCOMER, "/c/everyday/t/00000000000000000000000000"),
                Page.at("moderation log", Who.NEWCOMER, "/modlog"),
                Page.at("moderator sign-in", Who.NEWCOMER, "/mod/login"),
                Page.at("moderation queue", Who.MODERATOR, "/mod"),
                Page.at("one post in the console", Who.MODERATOR, "/mod/posts/" + forum.heldReply()),
                Page.at("bans", Who.MODERATOR, "/mod/bans"),
                Page.at("posting policies", Who.MODERATOR, "/mod/circles"),
                Page.at("second factor", Who.MODERATOR, "/mod/second-factor"),
                Page.at("blocks", Who.MODERATOR, "/mod/blocks"),
                Page.at("blocklist subscriptions", Who.MODERATOR, "/mod/blocklists"));
    }

    private static TestNode node;
    private static Browsers browsers;
    private static SeededForum forum;
    private static Axe axe;
    private static ChromeDriver her;
    private static ChromeDriver moderator;
    private static ChromeDriver newcomer;

    @BeforeAll
    static void seed() {
        axe = Axe.load();
        node = TestNode.start();
        browsers = new Browsers();
        her = browsers.open("a11y-her", Browsers.Look.DESKTOP);
        moderator = browsers.open("a11y-moderator", Browsers.Look.DESKTOP);
        newcomer = browsers.open("a11y-newcomer", Browsers.Look.DESKTOP);
        ChromeDriver other = browsers.open("a11y-other", Browsers.Look.DESKTOP);
        forum = SeededForum.seed(node, her, other, moderator, newcomer);
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

    @TestFactory
    Stream<DynamicTest> everyPageInBothThemesAndAtNarrowWidths() {
        return pages(forum).stream().map(page -> DynamicTest.dynamicTest(page.name(), () -> check(page)));
    }

    private void check(Page page) {
        ChromeDriver driver = switch (page.who()) {
            case HER -> her;
            case MODERATOR -> moderator;
            case NEWCOMER -> newcomer;
        };
        driver.get(node.url(page.path()).toString());
        page.then().accept(driver);
        List<String> problems = new ArrayList<>();
        try {
            for (boolean dark : List.of(false, true)) {
                Layout.scheme(driver, dark);
                for (Axe.Violation v : axe.violations(driver)) {
                    if (v.serious()) {
                        problems.add((dark ? "dark: " : "light: ") + v);
                    } else {
                        // Moderate and minor findings are shown, not failed: worth a look, often context.
                        System.out.printf("axe note on %s (%s): %s%n", page.name(), dark ? "dark" : "light", v);
                    }
                }
            }
            Layout.scheme(driver, false);
            for (int width : List.of(Layout.NARROWEST, Layout.ZOOMED_DESKTOP)) {
                Layout.emulateWidth(driver, width, 800);
                for (String overflow : Layout.overflow(driver)) {
                    problems.add(width + " px wide: " + overflow);
                }
            }
        } finally {
            Layout.clearWidth(driver);
        }
        if (!problems.isEmpty()) {
            fail(page.name() + " (" + page.path() + "):\n  " + String.join("\n  ", problems));
        }
    }

    @Test
    void theKeyboardReachesEveryControlOfTheComposePageInOrderWithAVisibleFocus() {
        her.get(node.url("/c/everyday/new").toString());
        List<WebElement> expected = Keyboard.tabStops(her);
        assertTrue(expected.size() > 8, "too few controls found: " + expected.size());
        List<String> unfocused = expected.stream().map(e -> Keyboard.focusStyle(her, e)).toList();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            WebElement focused = Keyboard.tab(her);
            if (!focused.equals(expected.get(i))) {
                problems.add("Tab " + (i + 1) + " reached " + Keyboard.describe(focused) + ", expected "
                        + Keyboard.describe(expected.get(i)));
                break;
            }
            String style = Keyboard.focusStyle(her, focused);
            if (style.equals(unfocused.get(i)) || !Keyboard.visibleRing(her, focused)) {
                problems.add(Keyboard.describe(focused) + " shows no focus ring (" + style + ")");
            }
        }
        assertEquals(List.of(), problems);
    }

    // ---- reaching pages that only a form leads to

    /** Posts the form with every field left empty, past the browser's own checks. */
    private static void postEmpty(ChromeDriver driver) {
        driver.executeScript("""
                const form = document.querySelector('form.compose, form.report');
                form.noValidate = true;
                form.querySelectorAll('textarea, input[type=text]').forEach(f => f.value = '');
                """);
        Browsers.click(driver, By.cssSelector("form.compose button[type=submit], form.report button[type=submit]"));
        Browsers.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".problems")));
    }

    private static void sendReport(ChromeDriver driver) {
        Browsers.clickCentred(driver, driver.findElement(By.cssSelector("input[name=reason][value=spam]")));
        Browsers.click(driver, By.cssSelector("form.report button[type=submit]"));
        Browsers.waitFor(driver).until(d -> d.findElements(By.cssSelector("form.report")).isEmpty());
    }
}
