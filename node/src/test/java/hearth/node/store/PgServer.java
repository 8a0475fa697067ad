package hearth.node.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests, from the Debian packages under
 * {@code /usr/lib/postgresql/VERSION/bin} (or {@code HEARTH_PG_BIN}): one per test JVM, started on
 * first use on a free loopback port with its data, socket and log in one temporary folder, stopped
 * and deleted when the JVM exits. initdb refuses to run as root, so under root (CI) the server runs
 * as the unprivileged {@code postgres} user (or {@code nobody}) through {@code runuser}; nothing is
 * created outside the temporary folder.
 *
 * <p>Each {@link #freshDatabase()} is a new, empty database with Hearth's schema, copied from a
 * template migrated once; databases no longer connected are dropped as new ones are made. Thread-safe.
 */
public final class PgServer {

    private static final String SUPERUSER = "hearth";
    private static final String TEMPLATE = "hearth_template";
    private static PgServer shared;

    private final Path folder;
    private final Path bin;
    private final int port;
    private final String runAs;
    private final AtomicInteger databases = new AtomicInteger();
    private final List<String> made = new ArrayList<>();

    private PgServer(Path folder, Path bin, int port, String runAs) {
        this.folder = folder;
        this.bin = bin;
        this.port = port;
        this.runAs = runAs;
    }

    /** The JVM's server, started on first call. */
    public static synchronized PgServer shared() {
        if (shared == null) {
            shared = start();
            PgServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "hearth-pg-stop"));
        }
        return shared;
    }

    /** A new database with the current schema; the address has user and no password (trust on loopback). */
    public StorageUrl freshDatabase() {
        return created("hearth_" + databases.incrementAndGet(), TEMPLATE);
    }

    /** A new database without any schema (a target for migrate-to-postgres). */
    public StorageUrl emptyDatabase() {
        return created("hearth_empty_" + databases.incrementAndGet(), "template0");
    }

    private synchronized StorageUrl created(String name, String template) {
        dropClosed();
        createDatabase(name, template);
        made.add(name);
        return url(name);
    }

    // Every database copies the template (several MB): drop those no test uses any more, so a long
    // run does not fill the disk. One still connected is refused by the server and kept for later.
    private void dropClosed() {
        for (var it = made.iterator(); it.hasNext(); ) {
            String name = it.next();
            try (Connection c = admin(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name);
                it.remove();
            } catch (SQLException e) {
                if (!"55006".equals(e.getSQLState())) {
                    throw new StoreException(e);
                }
            }
        }
    }

    /**
     * Removes a database at once, its open connections cut as well: what a node sees when its
     * server goes away under it.
     */
    public synchronized void dropNow(StorageUrl url) {
        String name = url.jdbc().substring(url.jdbc().lastIndexOf('/') + 1);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE " + name + " WITH (FORCE)");
            made.remove(name);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", SUPERUSER, null);
    }

    public StorageUrl url(String database) {
        return new StorageUrl("jdbc:postgresql://127.0.0.1:" + port + "/" + database, SUPERUSER, null);
    }

    /** The short form a node's configuration takes, {@code postgresql://user@host:port/db}. */
    public String configUrl(StorageUrl url) {
        return "postgresql://" + SUPERUSER + "@127.0.0.1:" + port + url.jdbc().substring(url.jdbc().lastIndexOf('/'));
    }

    private static PgServer start() {
        Path bin = findBin();
        String runAs = isRoot() ? unprivilegedUser() : null;
        try {
            Path folder = Files.createTempDirectory("hearth-pg-");
            PgServer server = new PgServer(folder, bin, freePort(), runAs);
            if (runAs != null) {
                run(List.of("chown", runAs, folder.toString()), folder, 30);
            }
            server.boot();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void boot() {
        Path data = folder.resolve("data");
        asServerUser(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER,
                "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"), 120);
        // Durability is not under test here: fsync off keeps the many small databases quick on CI.
        String options = "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1"
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-o", options,
                "-l", folder.resolve("server.log").toString(), "-w", "-t", "120", "start"), 150);
        createDatabase(TEMPLATE, "template0");
        try (Database db = Database.postgres(url(TEMPLATE))) {
            db.read(c -> null);
        }
    }

    private void createDatabase(String name, String template) {
        // The template was just closed; its last backend may still be leaving, so try again briefly.
        for (int attempt = 1; ; attempt++) {
            try (Connection c = admin(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
                return;
            } catch (SQLException e) {
                if (attempt >= 50 || !"55006".equals(e.getSQLState())) {
                    throw new StoreException(e);
                }
                sleep(100);
            }
        }
    }

    private void stop() {
        try {
            asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(),
                    "-m", "immediate", "-w", "stop"), 60);
        } finally {
            deleteQuietly(folder);
        }
    }

    private void asServerUser(List<String> command, int seconds) {
        List<String> full = new ArrayList<>();
        if (runAs != null) {
            full.addAll(List.of("runuser", "-u", runAs, "--"));
        }
        full.addAll(command);
        run(full, folder, seconds);
    }

    private static void run(List<String> command, Path folder, int seconds) {
        try {
            Path log = Files.createTempFile(folder, "cmd-", ".log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .directory(folder.toFile()).start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(command + " failed (" + p.exitValue() + "): " + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Path findBin() {
        String configured = System.getenv("HEARTH_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path root = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                    .max(Comparator.comparingInt(v -> versionOf(v.getFileName().toString())))
                    .map(v -> v.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL under " + root
                            + "; install it with: sudo apt-get install postgresql"));
        } catch (IOException e) {
            throw new IllegalStateException("no PostgreSQL under " + root + "; install it with: sudo apt-get install postgresql", e);
        }
    }

    private static int versionOf(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\..*", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String unprivilegedUser() {
        for (String user : List.of("postgres", "nobody")) {
            try {
                Process p = new ProcessBuilder("id", "-u", user).redirectErrorStream(true).start();
                if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return user;
                }
            } catch (IOException e) {
                // try the next one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("running as root and found no unprivileged user (postgres, nobody) to run PostgreSQL");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
