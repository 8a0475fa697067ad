package hearth.deploy;


import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a checking tool from Debian's packages ({@code nginx -t}, {@code caddy validate}, ...).
 * Without the tool a test is skipped on a developer's machine, and fails on CI ({@code CI=true}),
 * where {@code .ci/run} installs them.
 */
final class Tools {

    /** What a tool printed and how it ended. */
    record Result(int exit, String output) {
    }

    private Tools() {
    }

    /** Fails the calling test when {@code name} is not on the PATH ({@code ./hearth test} installs it). */
    static void require(String name) {
        if (find(name) == null) {
            throw new AssertionError(name + " is not installed; ./hearth test installs it with apt-get");
        }
    }

    static Result run(Map<String, String> env, Path workDir, String... command) {
        try {
            Path log = Files.createTempFile(workDir, "tool-", ".log");
            ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .directory(workDir.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            // The tools answer in well under a second; 60 s allows for a loaded CI machine.
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path find(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        for (String dir : List.of("/usr/sbin", "/sbin")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name);
            }
        }
        return null;
    }

    /** The tool's full path (nginx and tor live in /usr/sbin, which a user's PATH may lack). */
    static String path(String name) {
        Path found = find(name);
        return found == null ? name : found.toString();
    }
}
