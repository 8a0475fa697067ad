package hearth.bench.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PostgreSQL server for a benchmark: Debian's binaries ({@code /usr/lib/postgresql/N/bin},
 * or {@code HEARTH_PG_BIN}), a fresh cluster in a temporary folder (one the server's user can
 * reach, deleted at close), one database {@code hearth}
 * owned by {@code hearth}, reachable without a password on a free loopback port. Run as root it
 * runs the server as {@code postgres} (initdb refuses root). Close it to stop the server.
 * Not thread-safe.
 */
public final class PgCluster implements AutoCloseable {

    private final Path bin;
    private final Path folder;
    private final int port;
    private final String runAs;

    private PgCluster(Path bin, Path folder, int port, String runAs) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
        this.runAs = runAs;
    }

    /** Creates and starts a cluster. */
    public static PgCluster start() throws IOException, InterruptedException {
        String runAs = "root".equals(System.getProperty("user.name")) ? "postgres" : null;
        Path folder = Files.createTempDirectory("hearth-bench-pg-");
        PgCluster cluster = new PgCluster(findBin(), folder.toAbsolutePath(), Processes.freeLoopbackPort(), runAs);
        if (runAs != null) {
            run(List.of("chown", runAs, cluster.folder.toString()), 30);
        }
        Path data = cluster.folder.resolve("data");
        cluster.asServer(List.of(cluster.bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "hearth",
                "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"), 180);
        // The server's own defaults (fsync on), as an operator would run it; only the connection limit is raised.
        String options = "-p " + cluster.port + " -k " + cluster.folder + " -c listen_addresses=127.0.0.1"
                + " -c max_connections=300";
        cluster.asServer(List.of(cluster.bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-o", options,
                "-l", cluster.folder.resolve("server.log").toString(), "-w", "-t", "120", "start"), 180);
        run(List.of(cluster.bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(cluster.port), "-U", "hearth", "hearth"), 60);
        return cluster;
    }

    /** The {@code storage.url} a node's configuration takes. */
    public String storageUrl() {
        return "postgresql://hearth@127.0.0.1:" + port + "/hearth";
    }

    private static Path findBin() throws IOException {
        String given = System.getenv("HEARTH_PG_BIN");
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            throw new IOException("PostgreSQL is not installed (apt-get install postgresql) and HEARTH_PG_BIN is unset");
        }
        try (var versions = Files.list(root)) {
            return versions.filter(p -> Files.isExecutable(p.resolve("bin/initdb")))
                    .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().replaceAll("\\D", "0"))))
                    .map(p -> p.resolve("bin"))
                    .orElseThrow(() -> new IOException("no initdb under " + root));
        }
    }

    private void asServer(List<String> command, int seconds) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (runAs != null) {
            full.addAll(List.of("runuser", "-u", runAs, "--"));
        }
        full.addAll(command);
        run(full, seconds);
    }

    private static void run(List<String> command, int seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command.getFirst() + " did not finish within " + seconds + " s");
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + new String(output));
        }
    }

    /** Stops the server at once (its data is thrown away with the run's folder). */
    @Override
    public void close() {
        try {
            asServer(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(),
                    "-m", "immediate", "-w", "stop"), 60);
        } catch (IOException e) {
            System.err.println("could not stop the benchmark's PostgreSQL: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + folder + ": " + e.getMessage());
        }
    }
}
