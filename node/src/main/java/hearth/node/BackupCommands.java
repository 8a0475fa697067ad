package hearth.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import hearth.node.backup.BackupProblem;
import hearth.node.backup.Manifest;
import hearth.node.backup.PgDump;
import hearth.node.backup.SqliteBackup;
import hearth.node.backup.SqliteRestore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hearth backup DIR} and {@code hearth restore DIR}: see {@link hearth.node.backup}. */
final class BackupCommands {

    static final String VERSION = "0.1";

    private BackupCommands() {
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Back up a node, running or not, into a new or empty folder (the search index is left out:"
                    + " it is rebuilt from the store).")
    static final class Backup implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "A new or empty folder for the backup.")
        Path target;

        @Option(names = "--data", defaultValue = "data", description = "Data folder (default ./${DEFAULT-VALUE}).")
        Path data;

        @Option(names = "--config", description = "The node's configuration file, to keep with the backup.")
        Path config;

        @Option(names = "--storage-url", description = "PostgreSQL store to dump (default: storage.url of --config).")
        String storageUrl;

        @Override
        public Integer call() {
            long started = System.nanoTime();
            try {
                String url = storageUrl != null ? storageUrl : storageUrlIn(config);
                Manifest m = url != null ? PgDump.create(url, config, target, VERSION)
                        : SqliteBackup.create(data, config, target, VERSION);
                long rows = m.tables().values().stream().mapToLong(Manifest.Table::rows).sum();
                System.out.printf("Backed up %s: %d tables, %d rows, %d files into %s in %.1f s.%n", m.kind(),
                        m.tables().size(), rows, m.files().size(), target.toAbsolutePath().normalize(),
                        (System.nanoTime() - started) / 1e9);
                return 0;
            } catch (BackupProblem e) {
                System.err.println("Hearth cannot back up: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Restore a backup into a fresh data folder (or an empty PostgreSQL database); never overwrites.")
    static final class Restore implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "The backup folder.")
        Path backup;

        @Option(names = "--data", defaultValue = "data", description = "A new or empty data folder (default ./${DEFAULT-VALUE}).")
        Path data;

        @Option(names = "--storage-url", description = "An empty PostgreSQL database to restore a PostgreSQL backup into.")
        String storageUrl;

        @Override
        public Integer call() {
            try {
                Manifest m = storageUrl != null ? PgDump.restore(backup, storageUrl) : SqliteRestore.restore(backup, data);
                long rows = m.tables().values().stream().mapToLong(Manifest.Table::rows).sum();
                System.out.printf("Restored the backup of %s (%d tables, %d rows, counts and checksums verified)"
                        + " into %s. The search index is rebuilt when the node starts.%n", m.createdAt(),
                        m.tables().size(), rows, storageUrl != null ? "the PostgreSQL database"
                                : data.toAbsolutePath().normalize());
                return 0;
            } catch (BackupProblem e) {
                System.err.println("Hearth cannot restore: " + e.getMessage());
                return 1;
            }
        }
    }

    /** The configuration's storage.url, read from the file itself so any configuration file works. */
    static String storageUrlIn(Path config) {
        if (config == null) {
            return null;
        }
        try {
            JsonNode url = new ObjectMapper(new YAMLFactory()).readTree(config.toFile()).path("storage").path("url");
            return url.isTextual() && !url.asText().isBlank() ? url.asText() : null;
        } catch (IOException e) {
            throw new BackupProblem("cannot read the configuration " + config + ": " + e.getMessage(), e);
        }
    }
}
