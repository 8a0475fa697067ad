package hearth.node.browser;

import java.util.List;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * Moving through a page with the Tab key as a keyboard user does, and reading how the focused
 * element is drawn. Static helpers, no state.
 */
public final class Keyboard {

    // What Tab should stop on, in document order: every visible link, button and field, and of a
    // group of radio buttons only the checked one (the arrow keys move inside the group).
    private static final String TAB_STOPS = """
            const all = [...document.querySelectorAll(
                'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]')];
            const seen = new Set();
            return all.filter(e => {
              if (e.disabled || e.tabIndex < 0 || e.getClientRects().length === 0) return false;
              if (getComputedStyle(e).visibility === 'hidden') return false;
              if (e.type === 'radio') {
                if (seen.has(e.name)) return false;
                const group = [...document.querySelectorAll('input[type=radio]')].filter(r => r.name === e.name && r.form === e.form);
                const stop = group.find(r => r.checked) || group[0];
                if (stop !== e) return false;
                seen.add(e.name);
              }
              return true;
            });
            """;

    private Keyboard() {
    }

    /** The elements Tab should reach on the open page, in order. */
    @SuppressWarnings("unchecked")
    public static List<WebElement> tabStops(ChromeDriver driver) {
        return (List<WebElement>) driver.executeScript(TAB_STOPS);
    }

    /** Presses Tab once; returns the element that then has the focus. */
    public static WebElement tab(ChromeDriver driver) {
        new Actions(driver).sendKeys(Keys.TAB).perform();
        return driver.switchTo().activeElement();
    }

    /** Outline and box shadow of an element as drawn now. */
    public static String focusStyle(ChromeDriver driver, WebElement element) {
        return (String) driver.executeScript("const s = getComputedStyle(arguments[0]);"
                + "return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow].join(' ');", element);
    }

    /** Whether the element has an outline at least 2 px thick, or a box shadow. */
    public static boolean visibleRing(ChromeDriver driver, WebElement element) {
        return (Boolean) driver.executeScript("const s = getComputedStyle(arguments[0]);"
                + "return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';",
                element);
    }

    /** A short name for an element in a failure message. */
    public static String describe(WebElement element) {
        String name = element.getAttribute("name");
        String href = element.getAttribute("href");
        return "<" + element.getTagName() + (name != null && !name.isEmpty() ? " name=" + name : "")
                + (href != null ? " href=" + href : "") + "> '" + element.getText().strip() + "'";
    }
}
