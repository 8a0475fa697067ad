package hearth.node.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Puts axe-core into {@code target/axe/} of the node module: copies {@code package.json} and
 * {@code package-lock.json} from {@code src/test/axe/} (which pin one exact axe-core version) and
 * runs {@code npm ci} there when {@code node_modules} is missing or came from another lock file.
 * The tests then read {@code axe.min.js} from it and inject it into the page under test.
 *
 * <pre>{@code
 * String axe = Files.readString(AxeInstall.script());
 * }</pre>
 *
 * <p>Needs {@code npm} on the PATH and the npm registry the first time (the launcher's
 * {@code ./hearth test} installs npm when it is missing); the install is logged to
 * {@code target/axe-npm-ci.log}. Safe to call from several threads and several test JVMs: the
 * install is guarded by a lock file.
 */
public final class AxeInstall {

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(3);
    private static final List<String> FILES = List.of("package.json", "package-lock.json");
    /** Written after a good install: the package-lock.json it was installed from. */
    private static final String STAMP = ".hearth-installed-lock.json";

    private AxeInstall() {
    }

    /**
     * The path of {@code axe.min.js}, installing axe-core first when needed.
     *
     * @throws IllegalStateException if npm is missing or {@code npm ci} fails or overruns; the
     *     message carries the end of the npm log
     */
    public static synchronized Path script() {
        Path sources = locateSources();
        Path module = sources.getParent().getParent().getParent();
        Path dir = module.resolve("target").resolve("axe");
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(dir.resolveSibling("axe.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                for (String file : FILES) {
                    Files.copy(sources.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
                if (!isCurrent(dir)) {
                    install(dir, dir.resolveSibling("axe-npm-ci.log"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare axe-core in " + dir, e);
        }
        return scriptIn(dir);
    }

    private static Path scriptIn(Path dir) {
        return dir.resolve("node_modules").resolve("axe-core").resolve("axe.min.js");
    }

    private static Path locateSources() {
        // Maven runs tests in the module directory; an IDE may run them from the repository root.
        for (Path candidate : List.of(Path.of("src", "test", "axe"), Path.of("node", "src", "test", "axe"))) {
            if (Files.isRegularFile(candidate.resolve("package-lock.json"))) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException("cannot find src/test/axe/package-lock.json from "
                + Path.of("").toAbsolutePath() + ": run the tests from the node module (or the repository root)");
    }

    private static boolean isCurrent(Path dir) throws IOException {
        Path stamp = dir.resolve("node_modules").resolve(STAMP);
        return Files.isRegularFile(scriptIn(dir))
                && Files.isRegularFile(stamp)
                && Arrays.equals(Files.readAllBytes(stamp), Files.readAllBytes(dir.resolve("package-lock.json")));
    }

    private static void install(Path dir, Path log) throws IOException {
        Process npm;
        try {
            npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts")
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("npm was not found on the PATH: install nodejs and npm"
                    + " (Debian: apt-get install nodejs npm) to run the accessibility tests", e);
        }
        boolean finished;
        try {
            finished = npm.waitFor(INSTALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            npm.destroyForcibly();
            throw new IllegalStateException("interrupted while npm installed axe-core", e);
        }
        if (!finished) {
            npm.descendants().forEach(ProcessHandle::destroyForcibly);
            npm.destroyForcibly();
            throw new IllegalStateException("npm ci in " + dir + " did not finish within " + INSTALL_TIMEOUT
                    + "; its log (" + log + "):\n" + tail(log));
        }
        if (npm.exitValue() != 0 || !Files.isRegularFile(scriptIn(dir))) {
            throw new IllegalStateException("npm ci in " + dir + " failed (exit code " + npm.exitValue()
                    + "); its log (" + log + "):\n" + tail(log));
        }
        Files.copy(dir.resolve("package-lock.json"), dir.resolve("node_modules").resolve(STAMP),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static String tail(Path log) {
        try {
            String text = Files.exists(log) ? Files.readString(log) : "(no log)";
            return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }
}
