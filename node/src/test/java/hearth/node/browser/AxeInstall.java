package hearth.node.browser;

import hearth.node.NpmInstall;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Puts axe-core into {@code target/axe/} of the node module (see {@link NpmInstall}) from
 * {@code src/test/axe/}, whose lock file pins one exact axe-core version. The tests read
 * {@code axe.min.js} from it and inject it into the page under test. Thread-safe.
 *
 * <pre>{@code
 * String axe = Files.readString(AxeInstall.script());
 * }</pre>
 */
public final class AxeInstall {

    private static final Path SCRIPT = Path.of("node_modules", "axe-core", "axe.min.js");
    private static final NpmInstall.Package AXE = new NpmInstall.Package("axe",
            List.of("package-lock.json", "package.json"), List.of("--ignore-scripts"), SCRIPT,
            Duration.ofMinutes(3), "the accessibility tests");

    private AxeInstall() {
    }

    /**
     * The path of {@code axe.min.js}, installing axe-core first when needed.
     *
     * @throws IllegalStateException if npm is missing or {@code npm ci} fails or overruns
     */
    public static Path script() {
        return NpmInstall.ensure(AXE).resolve(SCRIPT);
    }
}
