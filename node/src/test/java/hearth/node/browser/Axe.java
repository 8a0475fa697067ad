package hearth.node.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Runs axe-core on the page a browser shows: injects {@code axe.min.js} (installed by
 * {@link AxeInstall}) and asks for the WCAG 2.0, 2.1 and 2.2 A and AA rules.
 *
 * <pre>{@code
 * Axe axe = Axe.load();
 * List<Axe.Violation> serious = axe.serious(driver);
 * }</pre>
 *
 * <p>Thread-safe: it only holds the script's text.
 */
public final class Axe {

    /** The axe tags checked: every WCAG A and AA rule up to WCAG 2.2. */
    public static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    /**
     * One failed rule on one page: its id, impact ("minor" to "critical"), what it asks for, the
     * CSS selectors of the elements that break it, and axe's explanation for the first of them.
     */
    public record Violation(String rule, String impact, String help, List<String> targets, String why) {
        public boolean serious() {
            return "serious".equals(impact) || "critical".equals(impact);
        }

        @Override
        public String toString() {
            return rule + " (" + impact + "): " + help + " at " + String.join(", ", targets)
                    + (why.isEmpty() ? "" : " [" + why.replace('\n', ' ') + "]");
        }
    }

    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
              .then(r => done(r.violations.map(v => ({rule: v.id, impact: v.impact || '', help: v.help,
                  targets: v.nodes.map(n => n.target.join(' ')),
                  why: (v.nodes[0] && v.nodes[0].failureSummary) || ''}))))
              .catch(e => done('axe failed: ' + e));
            """;

    private final String script;

    private Axe(String script) {
        this.script = script;
    }

    /** Installs axe-core when needed and reads its script. */
    public static Axe load() {
        try {
            return new Axe(Files.readString(AxeInstall.script()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read axe.min.js", e);
        }
    }

    /** Every violation of {@link #TAGS} on the current page, whatever its impact. */
    @SuppressWarnings("unchecked")
    public List<Violation> violations(ChromeDriver driver) {
        // A fresh axe for every run: one that already ran on this page may answer from what it
        // remembered of the page before its colour scheme changed.
        driver.executeScript("delete window.axe;");
        driver.executeScript(script);
        Object answer = driver.executeAsyncScript(RUN, TAGS);
        if (!(answer instanceof List<?> found)) {
            throw new IllegalStateException(String.valueOf(answer));
        }
        return found.stream().map(v -> (Map<String, Object>) v).map(v -> new Violation(
                (String) v.get("rule"), (String) v.get("impact"), (String) v.get("help"),
                ((List<Object>) v.get("targets")).stream().map(String::valueOf).toList(),
                String.valueOf(v.get("why")))).toList();
    }

    /** The serious and critical violations on the current page. */
    public List<Violation> serious(ChromeDriver driver) {
        return violations(driver).stream().filter(Violation::serious).toList();
    }
}
