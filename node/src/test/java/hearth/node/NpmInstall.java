package hearth.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Installs an npm package the tests need (the Fedify peer, axe-core) into the node module's
 * {@code target/NAME/}: copies the files kept in {@code src/test/NAME/} (a package.json and a
 * package-lock.json pinning exact versions, and any scripts) and runs {@code npm ci} there when
 * {@code node_modules} is missing or came from another lock file.
 *
 * <pre>{@code
 * Path dir = NpmInstall.ensure(new NpmInstall.Package("axe", List.of("package.json", "package-lock.json"),
 *         List.of("--ignore-scripts"), Path.of("node_modules/axe-core/axe.min.js"), Duration.ofMinutes(3), "…"));
 * }</pre>
 *
 * <p>Needs {@code npm} on the PATH and the npm registry the first time (the launcher's
 * {@code ./hearth test} installs npm when it is missing); each install is logged to
 * {@code target/NAME-npm-ci.log}. Safe to call from several threads and several test JVMs: the
 * install is guarded by a lock file.
 */
public final class NpmInstall {

    /** Written after a good install: the package-lock.json it was installed from. */
    private static final String STAMP = ".hearth-installed-lock.json";

    /**
     * One package folder.
     *
     * @param name     folder name under {@code src/test/} and {@code target/}
     * @param files    files copied from {@code src/test/NAME/}; the first one is used to find it
     * @param npmArgs  extra arguments for {@code npm ci}
     * @param probe    a path, relative to the folder, that exists only after a good install
     * @param timeout  bound on {@code npm ci}
     * @param whatFor  what the package is for, named in error messages ("the accessibility tests")
     */
    public record Package(String name, List<String> files, List<String> npmArgs, Path probe, Duration timeout,
                          String whatFor) {
    }

    private NpmInstall() {
    }

    /**
     * Makes sure the package is installed and current, and returns its folder.
     *
     * @throws IllegalStateException if npm is missing or {@code npm ci} fails or overruns; the
     *     message says why and carries the end of the npm log
     */
    public static synchronized Path ensure(Package pkg) {
        Path sources = locateSources(pkg);
        Path module = sources.getParent().getParent().getParent();
        Path dir = module.resolve("target").resolve(pkg.name());
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(dir.resolveSibling(pkg.name() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                for (String file : pkg.files()) {
                    Files.copy(sources.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
                if (!isCurrent(dir, pkg)) {
                    install(dir, pkg, dir.resolveSibling(pkg.name() + "-npm-ci.log"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + pkg.name() + " in " + dir, e);
        }
        return dir;
    }

    private static Path locateSources(Package pkg) {
        // Maven runs tests in the module directory; an IDE may run them from the repository root.
        for (Path candidate : List.of(Path.of("src", "test", pkg.name()), Path.of("node", "src", "test", pkg.name()))) {
            if (Files.isRegularFile(candidate.resolve(pkg.files().get(0)))) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException("cannot find src/test/" + pkg.name() + "/" + pkg.files().get(0) + " from "
                + Path.of("").toAbsolutePath() + ": run the tests from the node module (or the repository root)");
    }

    private static boolean isCurrent(Path dir, Package pkg) throws IOException {
        Path stamp = dir.resolve("node_modules").resolve(STAMP);
        return Files.exists(dir.resolve(pkg.probe()))
                && Files.isRegularFile(stamp)
                && Arrays.equals(Files.readAllBytes(stamp), Files.readAllBytes(dir.resolve("package-lock.json")));
    }

    private static void install(Path dir, Package pkg, Path log) throws IOException {
        long began = System.nanoTime();
        List<String> command = new ArrayList<>(List.of("npm", "ci", "--no-audit", "--no-fund"));
        command.addAll(pkg.npmArgs());
        Process npm;
        try {
            npm = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("npm was not found on the PATH: install nodejs and npm"
                    + " (Debian: apt-get install nodejs npm) to run " + pkg.whatFor(), e);
        }
        boolean finished;
        try {
            finished = npm.waitFor(pkg.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            npm.destroyForcibly();
            throw new IllegalStateException("interrupted while npm installed " + pkg.name(), e);
        }
        if (!finished) {
            npm.descendants().forEach(ProcessHandle::destroyForcibly);
            npm.destroyForcibly();
            throw new IllegalStateException("npm ci in " + dir + " did not finish within " + pkg.timeout()
                    + "; its log (" + log + "):\n" + tail(log));
        }
        if (npm.exitValue() != 0) {
            throw new IllegalStateException("npm ci in " + dir + " failed with exit code " + npm.exitValue()
                    + "; its log (" + log + "):\n" + tail(log));
        }
        if (!Files.exists(dir.resolve(pkg.probe()))) {
            throw new IllegalStateException(dir.resolve(pkg.probe()) + " is missing after npm ci; npm log:\n" + tail(log));
        }
        Files.copy(dir.resolve("package-lock.json"), dir.resolve("node_modules").resolve(STAMP),
                StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("installed %s in %s with npm ci in %d s%n",
                pkg.name(), dir, Duration.ofNanos(System.nanoTime() - began).toSeconds());
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
