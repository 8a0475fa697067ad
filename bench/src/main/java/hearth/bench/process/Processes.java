package hearth.bench.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Starts the processes a benchmark needs, keeps their folders and logs under one work
 * folder, and stops every one of them on {@link #close()}, also if the benchmark failed.
 *
 * <p>The node runs as {@code ./hearth start} runs it: this JVM's {@code java}, the launcher's
 * flags, the options in {@code HEARTH_JAVA_OPTS}, then {@code -jar hearth-node.jar}. The
 * ceiling server gets the same JVM options, so the two differ only in what they do per request.
 *
 * <pre>{@code
 * try (Processes processes = new Processes(() -> nodeJar, work)) {
 *     NodeProcess node = processes.startNode(processes.folder("data"));
 *     node.awaitHealthy(Duration.ofMinutes(1));
 * }
 * }</pre>
 *
 * Thread-safe.
 */
public final class Processes implements AutoCloseable {

    /** The flags {@code ./hearth} always passes to the node's JVM. */
    private static final List<String> LAUNCHER_FLAGS =
            List.of("--enable-native-access=ALL-UNNAMED", "-XX:+IgnoreUnrecognizedVMOptions");

    private final Supplier<Path> nodeJar;
    private final Path work;
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final List<String> javaOptions = javaOptionsFromEnvironment();
    private final List<ChildProcess> started = Collections.synchronizedList(new ArrayList<>());
    private final Thread onExit = new Thread(this::stopAll, "hearth-bench-stop-children");
    private int launches;

    /**
     * @param nodeJar finds the built node's jar (asked only when a node is first needed)
     * @param work    folder for data folders and logs; created if missing
     */
    public Processes(Supplier<Path> nodeJar, Path work) {
        this.nodeJar = Objects.requireNonNull(nodeJar, "nodeJar");
        this.work = work;
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Ctrl-C on the benchmark must not leave a node running.
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /** An empty folder {@code name} in the work folder (emptied if it was there). */
    public Path folder(String name) {
        Path dir = work.resolve(name);
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.sorted(Collections.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JVM options the node gets beyond the launcher's own flags (from {@code HEARTH_JAVA_OPTS}). */
    public List<String> javaOptions() {
        return javaOptions;
    }

    /** Launches a node on a free loopback port with this data folder; wait for it with {@link NodeProcess#awaitHealthy}. */
    public NodeProcess startNode(Path data, String... extra) throws IOException {
        int port = freePort();
        List<String> args = new java.util.ArrayList<>(List.of("start", "--port", Integer.toString(port),
                "--data", data.toString()));
        args.addAll(List.of(extra));
        if (!args.contains("--config")) {
            args.addAll(List.of("--config", unlimitedConfig().toString()));
        }
        ChildProcess process = launch("node", nodeCommand(args.toArray(String[]::new)));
        return new NodeProcess(process, port, data);
    }

    private Path unlimitedConfig;

    /** The benchmark configuration with {@code yaml} (top-level sections it lacks) appended, as a new file. */
    public Path configWith(String name, String yaml) throws IOException {
        Path file = work.resolve(name + ".yaml");
        Files.writeString(file, Files.readString(unlimitedConfig()) + "\n" + yaml + "\n");
        return file;
    }

    private synchronized Path unlimitedConfig() throws IOException {
        if (unlimitedConfig == null) {
            unlimitedConfig = UnlimitedConfig.write(nodeJar.get(), work);
        }
        return unlimitedConfig;
    }

    /** Runs a node command to its end (e.g. {@code reindex --data DIR}); fails if it does not succeed. */
    public void runNode(Duration timeout, String... args) throws IOException, InterruptedException {
        ChildProcess process = launch("node-" + args[0], nodeCommand(args));
        int exit = process.await(timeout);
        if (exit != 0) {
            throw new IllegalStateException("node " + args[0] + " failed with exit code " + exit + "\n"
                    + process.logTail(30));
        }
    }

    /** Launches the ceiling server; it waits for its page on {@link CeilingServer#serve}. */
    public CeilingServer startCeiling() throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(LAUNCHER_FLAGS);
        command.addAll(javaOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "hearth.bench.ceiling.FixedPageServer",
                "--port", Integer.toString(port)));
        return new CeilingServer(launch("ceiling", command), port);
    }

    /**
     * Launches {@code mainClass} from this module's class path in a JVM of its own, with the same
     * options as the node: for a source of load that must not share the measuring process (its
     * collections would stall the load generator and count against the server).
     */
    public ChildProcess startJava(String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(LAUNCHER_FLAGS);
        command.addAll(javaOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return launch(name, command);
    }

    /** A loopback port nothing listens on right now. */
    public static int freeLoopbackPort() throws IOException {
        return freePort();
    }

    private List<String> nodeCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(LAUNCHER_FLAGS);
        Path jar = nodeJar.get();
        // As ./hearth start: the class-data archive beside the jar, made at the first exit (and,
        // as there, removed first when it is older than the jar: the JVM would only run without it).
        Path archive = jar.resolveSibling("hearth-node.jsa");
        try {
            if (Files.exists(archive) && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) < 0) {
                Files.delete(archive);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        command.addAll(List.of("-XX:SharedArchiveFile=" + archive,
                "-XX:+AutoCreateSharedArchive", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private synchronized ChildProcess launch(String name, List<String> command) throws IOException {
        Path log = work.resolve(String.format("%02d-%s.log", ++launches, name));
        ChildProcess process = ChildProcess.start(name, command, log);
        started.add(process);
        return process;
    }

    /** Stops every process this started, newest first. */
    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to
        }
    }

    private void stopAll() {
        List<ChildProcess> all;
        synchronized (started) {
            all = new ArrayList<>(started);
        }
        Collections.reverse(all);
        all.forEach(ChildProcess::stop);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static List<String> javaOptionsFromEnvironment() {
        String options = System.getenv("HEARTH_JAVA_OPTS");
        return options == null || options.isBlank() ? List.of() : List.of(options.strip().split("\\s+"));
    }
}
