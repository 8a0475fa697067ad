package hearth.node.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sqlite.SQLiteConfig;

/**
 * Backs up a node's SQLite data folder while the node runs. The store is copied with
 * {@code VACUUM INTO}, which reads one consistent snapshot inside a read transaction: writers go
 * on (WAL mode lets them) and the copy holds every transaction committed before it began and none
 * after. A file copy would not do: a WAL-mode database is spread over three files that change
 * under the copier.
 *
 * <p>Layout of the backup folder: {@code manifest.json}, {@code hearth.db}, {@code data/} (the
 * data folder's other files: the node secret, a configuration kept there) and, when given,
 * {@code config/} (the node's configuration file). Not the search index.
 */
public final class SqliteBackup {

    static final String DATABASE = "hearth.db";
    static final String DATA = "data";
    static final String CONFIG = "config";
    /** The store's own files and the index: never copied as files. */
    private static final Set<String> SKIPPED = Set.of(DATABASE, DATABASE + "-wal", DATABASE + "-shm",
            DATABASE + "-journal", "index");

    private SqliteBackup() {
    }

    /**
     * Backs up the data folder {@code data} (and {@code config}, may be null) into {@code target},
     * which must be new or empty. Safe while the node serves.
     */
    public static Manifest create(Path dataFolder, Path config, Path targetFolder, String hearthVersion) {
        Path data = dataFolder.toAbsolutePath().normalize();
        Path target = targetFolder.toAbsolutePath().normalize();
        Path store = data.resolve(DATABASE);
        if (!Files.isRegularFile(store)) {
            throw new BackupProblem("there is no Hearth store at " + store + " (is --data right?)");
        }
        try {
            PrivateFiles.freshFolder(target, "the backup folder");
        } catch (IOException e) {
            throw new BackupProblem("cannot create the backup folder " + target + ": " + e.getMessage(), e);
        }
        try {
            Map<String, Manifest.FileEntry> files = new TreeMap<>();
            Path copy = target.resolve(DATABASE);
            String schema = snapshot(store, copy);
            PrivateFiles.restrict(copy, "rw-------");
            files.put(DATABASE, PrivateFiles.entry(copy));
            Map<String, Manifest.Table> tables;
            try (Connection c = open(copy)) {
                tables = TableDigests.of(c);
            }
            copyDataFiles(data, target.resolve(DATA), files);
            if (config != null) {
                files.put(CONFIG + "/" + config.getFileName(),
                        PrivateFiles.copy(config, target.resolve(CONFIG).resolve(config.getFileName().toString())));
            }
            Manifest manifest = new Manifest(Manifest.FORMAT, hearthVersion, Manifest.SQLITE,
                    Instant.now().toString(), schema, tables, files);
            manifest.write(target);
            return manifest;
        } catch (IOException | SQLException | RuntimeException e) {
            PrivateFiles.deleteTree(target);
            if (e instanceof BackupProblem problem) {
                throw problem;
            }
            throw new BackupProblem("the backup failed and was removed: " + e.getMessage(), e);
        }
    }

    /** Copies one consistent snapshot of {@code store} to {@code copy}; returns its schema version. */
    private static String snapshot(Path store, Path copy) throws SQLException {
        try (Connection c = open(store)) {
            String schema;
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("SELECT version FROM flyway_schema_history"
                    + " WHERE success = 1 AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1");
                 ResultSet r = s.executeQuery()) {
                schema = r.next() ? r.getString(1) : "none";
            }
            c.commit();
            c.setAutoCommit(true);
            try (PreparedStatement s = c.prepareStatement("VACUUM INTO ?")) {
                s.setString(1, copy.toAbsolutePath().toString());
                s.execute();
            }
            return schema;
        }
    }

    private static void copyDataFiles(Path data, Path into, Map<String, Manifest.FileEntry> files)
            throws IOException {
        // The index changes under a running node (Lucene merges segments): never walk into it.
        Files.walkFileTree(data, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return dir.equals(data) || !SKIPPED.contains(data.relativize(dir).getName(0).toString())
                        ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Path relative = data.relativize(file);
                if (attributes.isRegularFile() && !SKIPPED.contains(relative.getName(0).toString())
                        && !file.getFileName().toString().endsWith(".new")) {
                    files.put(DATA + "/" + relative.toString().replace('\\', '/'),
                            PrivateFiles.copy(file, into.resolve(relative.toString())));
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** A plain connection that waits for a busy store instead of failing, and never migrates. */
    static Connection open(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(30_000);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }
}
