package hearth.node.browser;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Checks of how a page is laid out that axe-core cannot make: reflow at narrow widths (WCAG 1.4.10)
 * and the colour scheme, by changing what an open page is emulated on, without reloading it (so a
 * page reached by posting a form can be checked too). Static helpers, no state.
 */
public final class Layout {

    /** 1280 CSS px at 200% zoom lays out like a 640 px wide window. */
    public static final int ZOOMED_DESKTOP = 640;
    /** The narrowest width WCAG 1.4.10 asks content to reflow to. */
    public static final int NARROWEST = 320;

    // Elements sticking out past the right edge (left edge in right-to-left pages), except inside
    // something that scrolls or clips on purpose (a code block), and the visually hidden labels.
    private static final String OVERFLOW = """
            const width = document.documentElement.clientWidth;
            const found = [];
            const page = document.documentElement.scrollWidth - width;
            if (page > 0) found.push('the page scrolls sideways by ' + page + ' px');
            const clipped = el => {
              for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
                const s = getComputedStyle(p);
                if (s.overflowX !== 'visible' || s.position === 'fixed') return true;
              }
              return false;
            };
            const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
            for (const el of document.body.querySelectorAll('*')) {
              const r = el.getBoundingClientRect();
              if (r.width === 0 || r.height === 0 || clipped(el)) continue;
              const s = getComputedStyle(el);
              if (s.visibility === 'hidden' || s.position === 'absolute' && r.width <= 1) continue;
              if (r.right > width + 1 || r.left < -1) {
                found.push(name(el) + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right) + ' px of ' + width);
              }
              if (found.length > 10) break;
            }
            return found;
            """;

    private Layout() {
    }

    /** Lays the open page out as if the window were {@code width} CSS px wide. */
    public static void emulateWidth(ChromeDriver driver, int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Back to the window's own size. */
    public static void clearWidth(ChromeDriver driver) {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** Switches {@code prefers-color-scheme} of the open page. */
    public static void scheme(ChromeDriver driver, boolean dark) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
        // Let the page paint once in its new colours before anything reads them.
        driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "requestAnimationFrame(() => requestAnimationFrame(() => done(true)));");
    }

    /** What sticks out of the viewport sideways on the open page; empty when it reflows. */
    @SuppressWarnings("unchecked")
    public static List<String> overflow(ChromeDriver driver) {
        return (List<String>) driver.executeScript(OVERFLOW);
    }
}
