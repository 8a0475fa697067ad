package hearth.node.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real node running as a separate OS process ({@code java ... hearth.node.Main start}),
 * so tests can kill it the hard way (SIGKILL) or the polite way (SIGTERM).
 *
 * <p>The child uses this JVM's own {@code java} and class path (under Failsafe that holds the
 * node's classes and every dependency), listens on a free loopback port, and writes its
 * stdout and stderr to a log file under {@code target/node-processes/}.
 *
 * <pre>{@code
 * try (NodeProcess node = NodeProcess.start(dataFolder, "crash")) {
 *     ... node.url("/c/perinatal") ...
 *     node.kill9();
 * }
 * }</pre>
 */
public final class NodeProcess implements AutoCloseable {

    /** How long a node may take to answer /healthz after it was launched (generous: CI shares 2 cores). */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(15);
    private static final AtomicInteger LAUNCHES = new AtomicInteger();

    private final Process process;
    private final int port;
    private final Path data;
    private final Path log;
    private final Duration startup;

    private NodeProcess(Process process, int port, Path data, Path log, Duration startup) {
        this.process = process;
        this.port = port;
        this.data = data;
        this.log = log;
        this.startup = startup;
    }

    /**
     * Launches a node on {@code data} and returns once it answers {@code GET /healthz} with 200.
     *
     * @param name a short label for the log file name
     */
    public static NodeProcess start(Path data, String name) {
        IllegalStateException last = null;
        // A free port can be taken by someone else between probing and binding: try a few.
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return launch(data, name);
            } catch (PortTaken e) {
                last = e;
            }
        }
        throw last;
    }

    /**
     * Launches a node on a given port with extra arguments (e.g. {@code --allow-private-addresses});
     * federation tests need a node to come back on the same address after a restart.
     */
    public static NodeProcess start(Path data, String name, int port, List<String> extra) {
        return launch(data, name, port, extra, List.of());
    }

    /**
     * As {@link #start(Path, String, int, List)}, with {@code prefix} run in front of the java
     * command (which it must exec, so the process is the node), e.g. to give the node a small
     * disk of its own in a mount namespace ({@link SmallDisk}).
     */
    public static NodeProcess start(Path data, String name, int port, List<String> extra, List<String> prefix) {
        return launch(data, name, port, extra, prefix);
    }

    /** A loopback port that was free a moment ago. */
    public static int anyFreePort() {
        return freePort();
    }

    private static NodeProcess launch(Path data, String name) {
        return launch(data, name, freePort(), List.of(), List.of());
    }

    private static NodeProcess launch(Path data, String name, int port, List<String> extra, List<String> prefix) {
        Path logs = Path.of("target", "node-processes").toAbsolutePath();
        // The test JVM's pid keeps two forks that launch the same name on a reused port from sharing
        // (and truncating) one log: the end-of-suite scan reads every log.
        Path log = logs.resolve(name + "-" + ProcessHandle.current().pid() + "-" + LAUNCHES.incrementAndGet()
                + "-port" + port + ".log");
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-XX:+IgnoreUnrecognizedVMOptions",
                // Test-only tuning: starts about a third faster on a busy 2-core machine; changes nothing
                // about how the node writes or syncs its data.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                "hearth.node.Main", "start",
                "--port", Integer.toString(port),
                "--data", data.toAbsolutePath().toString()));
        if (!extra.contains("--config")) {
            // Load generators post far faster than a person, all from one address.
            command.addAll(List.of("--config", hearth.node.TestConfigs.withoutVisitorLimits(data).toString()));
        }
        command.addAll(extra);
        long began = System.nanoTime();
        Process process;
        try {
            Files.createDirectories(logs);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch a node process: " + command, e);
        }
        NodeProcess node = new NodeProcess(process, port, data, log, null);
        try {
            node.awaitHealthy(began);
        } catch (RuntimeException | Error e) {
            node.kill9();
            throw e;
        }
        return new NodeProcess(process, port, data, log, Duration.ofNanos(System.nanoTime() - began));
    }

    private void awaitHealthy(long began) {
        URI health = url("/healthz");
        long deadline = began + READY_TIMEOUT.toNanos();
        try (HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1))
                .build()) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    String output = logText();
                    if (output.contains("already in use")) {
                        throw new PortTaken("port " + port + " was taken: " + output);
                    }
                    throw new IllegalStateException("the node process exited with code " + process.exitValue()
                            + " before it was ready; its output:\n" + output);
                }
                try {
                    HttpResponse<String> response = client.send(
                            HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the node process", e);
        }
        throw new IllegalStateException("the node process did not answer /healthz within " + READY_TIMEOUT
                + "; its output:\n" + logText());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public int port() {
        return port;
    }

    public Path data() {
        return data;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    /** Time from launch until /healthz answered. */
    public Duration startup() {
        return startup;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the process with SIGKILL (no shutdown hooks, no flushing) and waits until it is gone. */
    public void kill9() {
        process.destroyForcibly();
        awaitExit("after SIGKILL");
    }

    /**
     * Asks the process to stop with SIGTERM and waits for it.
     *
     * @return its exit code (a JVM stopped by SIGTERM normally exits with 143)
     * @throws IllegalStateException if it has not exited within {@code timeout}; it is then killed
     */
    public int stop(Duration timeout) {
        process.destroy();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill9();
                throw new IllegalStateException("the node process did not stop within " + timeout
                        + " of SIGTERM; it was killed. Its output:\n" + logText());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while stopping the node process", e);
        }
        return process.exitValue();
    }

    /** {@link #stop(Duration)} with a generous bound. */
    public int stop() {
        return stop(EXIT_TIMEOUT);
    }

    private void awaitExit(String when) {
        try {
            if (!process.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the node process " + process.pid() + " is still alive " + when);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the node process to exit", e);
        }
    }

    /** Everything the process printed so far. */
    public String logText() {
        try {
            return Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /** Kills the process if it is still running. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill9();
        }
    }

    private static final class PortTaken extends IllegalStateException {
        PortTaken(String message) {
            super(message);
        }
    }
}
