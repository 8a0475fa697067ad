package hearth.node.interop;

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
 * Puts the Fedify peer into {@code target/fedify/} of the node module: copies its sources from
 * {@code src/test/fedify/} and runs {@code npm ci} there when {@code node_modules} is missing or
 * was installed from another {@code package-lock.json}. The lock pins Fedify and the npm package
 * {@code node}, whose install script brings a Node 22 binary to {@code node_modules/.bin/node}
 * (Fedify needs Node 22; the machine's own node may be older).
 *
 * <p>Needs {@code npm} on the PATH and the npm registry; the first install takes some seconds and
 * is logged to {@code target/fedify-npm-ci.log}. Safe to call from several threads and from
 * several test JVMs at once: the install is guarded by a lock file.
 */
public final class FedifyInstall {

    /** Bound on {@code npm ci}, which downloads Fedify and a Node binary on a fresh machine. */
    public static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration NPM_CHECK_TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "peer.mjs", "selfcheck.mjs");
    /** Written after a good install: the package-lock.json it was installed from. */
    private static final String STAMP = ".hearth-installed-lock.json";

    private FedifyInstall() {
    }

    /**
     * Makes sure the peer is installed and current, and returns its directory
     * ({@code <node module>/target/fedify}).
     *
     * @throws IllegalStateException if npm is missing or {@code npm ci} fails or overruns
     *     {@link #INSTALL_TIMEOUT}; the message says why and carries the end of the npm log
     */
    public static synchronized Path ensureInstalled() {
        Path sources = locateSources();
        Path module = sources.getParent().getParent().getParent();
        Path dir = module.resolve("target").resolve("fedify");
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(dir.resolveSibling("fedify.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                for (String file : FILES) {
                    Files.copy(sources.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
                if (!isCurrent(dir)) {
                    install(dir, dir.resolveSibling("fedify-npm-ci.log"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Fedify peer in " + dir, e);
        }
        return dir;
    }

    /** The Node 22 binary that {@code npm ci} put into {@code dir}. */
    public static Path nodeBinary(Path dir) {
        return dir.resolve("node_modules").resolve(".bin").resolve("node");
    }

    private static Path locateSources() {
        // Maven runs tests in the module directory; an IDE may run them from the repository root.
        for (Path candidate : List.of(Path.of("src", "test", "fedify"), Path.of("node", "src", "test", "fedify"))) {
            if (Files.isRegularFile(candidate.resolve("peer.mjs"))) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException("cannot find src/test/fedify/peer.mjs from " + Path.of("").toAbsolutePath()
                + ": run the tests from the node module (or the repository root)");
    }

    private static boolean isCurrent(Path dir) throws IOException {
        Path stamp = dir.resolve("node_modules").resolve(STAMP);
        return Files.isExecutable(nodeBinary(dir))
                && Files.isRegularFile(stamp)
                && Arrays.equals(Files.readAllBytes(stamp), Files.readAllBytes(dir.resolve("package-lock.json")));
    }

    private static void install(Path dir, Path log) throws IOException {
        requireNpm();
        long began = System.nanoTime();
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = waitFor(npm, INSTALL_TIMEOUT);
        if (!finished) {
            npm.descendants().forEach(ProcessHandle::destroyForcibly);
            npm.destroyForcibly();
            throw new IllegalStateException("npm ci in " + dir + " did not finish within " + INSTALL_TIMEOUT
                    + "; its log (" + log + "):\n" + tail(log));
        }
        if (npm.exitValue() != 0) {
            throw new IllegalStateException("npm ci in " + dir + " failed with exit code " + npm.exitValue()
                    + "; its log (" + log + "):\n" + tail(log));
        }
        if (!Files.isExecutable(nodeBinary(dir))) {
            throw new IllegalStateException(nodeBinary(dir) + " is missing after npm ci: npm did not run the install"
                    + " script of the npm package 'node' (see allowScripts in package.json); npm log:\n" + tail(log));
        }
        Files.copy(dir.resolve("package-lock.json"), dir.resolve("node_modules").resolve(STAMP),
                StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("installed the Fedify peer in %s with npm ci in %d s%n",
                dir, Duration.ofNanos(System.nanoTime() - began).toSeconds());
    }

    private static void requireNpm() {
        Process check;
        try {
            check = new ProcessBuilder("npm", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IllegalStateException("npm was not found on the PATH: install nodejs and npm"
                    + " (Debian: apt-get install nodejs npm) to run the Fedify interop tests", e);
        }
        if (!waitFor(check, NPM_CHECK_TIMEOUT) || check.exitValue() != 0) {
            check.destroyForcibly();
            throw new IllegalStateException("'npm --version' did not succeed: install nodejs and npm"
                    + " (Debian: apt-get install nodejs npm) to run the Fedify interop tests");
        }
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while waiting for " + process.info().commandLine().orElse("npm"), e);
        }
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
