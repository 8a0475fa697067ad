package hearth.node.browser;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Reads pages in real Chromium and reports any cross-site scripting that ran there. Each page
 * is read three times ({@link Mode}): with the page's CSP, with the CSP bypassed (so escaping
 * alone is proven), and with real dialogs. Static; one call at a time per {@link Browsers}.
 *
 * <pre>{@code
 * XssProbe.Findings found = XssProbe.read(browsers, pages, driver -> Posting.signIn(driver, node, "maya", pw));
 * assertEquals(Map.of(), found.executed());
 * }</pre>
 */
public final class XssProbe {

    /** What ran: marker calls by field base ({@link XssCorpus#baseOf}), dialogs seen, live markup found. */
    public record Findings(Map<Integer, Set<String>> executed, int dialogs, List<String> live, int pagesRead) {
    }

    enum Mode {
        WITH_CSP(XssCorpus.RECORDING_HOOK, false),
        CSP_BYPASSED(XssCorpus.RECORDING_HOOK, true),
        REAL_DIALOGS(XssCorpus.DIALOG_HOOK, true);

        final String hook;
        final boolean bypassCsp;

        Mode(String hook, boolean bypassCsp) {
            this.hook = hook;
            this.bypassCsp = bypassCsp;
        }
    }

    private XssProbe() {
    }

    /**
     * Opens every page in each mode, in a fresh browser per mode; {@code prepare} runs first in
     * each browser (to sign in, say), after the hooks are installed.
     */
    public static Findings read(Browsers browsers, List<URI> pages, Consumer<ChromeDriver> prepare) {
        Map<Integer, Set<String>> executed = new TreeMap<>();
        List<String> live = new ArrayList<>();
        int dialogs = 0;
        int read = 0;
        for (Mode mode : Mode.values()) {
            ChromeDriver driver = browsers.open("xss-" + mode.name().toLowerCase(), Browsers.Look.DESKTOP);
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", mode.hook));
            if (mode.bypassCsp) {
                driver.executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
            }
            prepare.accept(driver);
            controlRuns(driver, mode);
            for (URI page : pages) {
                dialogs += visit(driver, page, mode, executed, live);
                read++;
            }
        }
        return new Findings(executed, dialogs, live, read);
    }

    /**
     * A page that does run script must be noticed in this mode, or the reads prove nothing: a
     * {@code data:} page calling the marker, an alert and an image error handler.
     */
    @SuppressWarnings("unchecked")
    private static void controlRuns(ChromeDriver driver, Mode mode) {
        Map<Integer, Set<String>> seen = new TreeMap<>();
        List<String> live = new ArrayList<>();
        String html = "<main><img src=x onerror=hx(1)><script>hx(2);alert(3)</script></main>";
        URI page = URI.create("data:text/html," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20"));
        int dialogs = visit(driver, page, mode, seen, live);
        if (seen.isEmpty() && dialogs == 0) {
            throw new AssertionError(mode + ": a page that runs script went unnoticed, so the hook is broken");
        }
        System.out.printf("xss control %s: %s, %d dialogs (expected: seen)%n", mode, seen, dialogs);
    }

    /** Opens one page, lets late events (image errors, autofocus) fire, and records what ran. */
    @SuppressWarnings("unchecked")
    private static int visit(ChromeDriver driver, URI page, Mode mode, Map<Integer, Set<String>> executed,
                             List<String> live) {
        int dialogs = 0;
        try {
            driver.get(page.toString());
            Thread.sleep(120);
        } catch (UnhandledAlertException opened) {
            dialogs++;
            record(executed, String.valueOf(opened.getAlertText()), page);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (int i = 0; i < 20; i++) {
            try {
                var alert = driver.switchTo().alert();
                record(executed, alert.getText(), page);
                alert.dismiss();
                dialogs++;
            } catch (NoAlertPresentException none) {
                break;
            }
        }
        if (mode != Mode.REAL_DIALOGS) {
            for (Object call : (List<Object>) driver.executeScript("return window.__hxCalls || [];")) {
                record(executed, String.valueOf(call), page);
            }
        }
        if (mode == Mode.CSP_BYPASSED) {
            for (Object found : (List<Object>) driver.executeScript(XssCorpus.LIVE_MARKUP)) {
                live.add(page.getRawPath() + ": " + found);
            }
            if (driver.findElements(By.cssSelector("main")).isEmpty()) {
                live.add(page.getRawPath() + ": the page has no <main> (did it render?)");
            }
        }
        return dialogs;
    }

    private static void record(Map<Integer, Set<String>> executed, String call, URI page) {
        if (!"data".equals(page.getScheme())) {
            System.out.println("EXECUTED on " + page + ": " + call);
        }
        executed.computeIfAbsent(XssCorpus.baseOf(call), b -> new TreeSet<>()).add(call);
    }
}
