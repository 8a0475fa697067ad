package hearth.node;

import hearth.node.config.DataFolder;
import hearth.node.store.Database;
import hearth.node.store.PostgresCopy;
import hearth.node.store.SharedSecret;
import hearth.node.store.StorageUrl;
import hearth.node.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./hearth migrate-to-postgres --from DATA --to URL}: copies a stopped node's SQLite store
 * into a new, empty PostgreSQL database and checks every table's row count and checksum. The data
 * folder itself is left as it was (its search index stays where it is; point the node's
 * {@code storage.url} at the database and start it on the same folder). The folder's node secret
 * is also put into the database, so every process that later serves the node, from whichever
 * folder, derives the same author ids and keeps each woman's link to her earlier posts.
 */
@Command(name = "migrate-to-postgres", mixinStandardHelpOptions = true,
        description = "Copy a node's SQLite store into an empty PostgreSQL database, verified by row counts"
                + " and checksums (stop the node first).")
final class MigrateToPostgres implements Callable<Integer> {

    @Option(names = "--from", required = true, description = "The node's data folder.")
    Path from;

    @Option(names = "--to", required = true, description = "postgresql://user:password@host:port/database")
    String to;

    @Override
    public Integer call() {
        Path file = Files.isDirectory(from) ? DataFolder.open(from).database() : from.resolve("missing");
        if (!Files.isRegularFile(file)) {
            System.err.println("Hearth cannot migrate: no database in " + from.toAbsolutePath().normalize());
            return 2;
        }
        StorageUrl target;
        try {
            target = StorageUrl.parse(to);
        } catch (IllegalArgumentException e) {
            System.err.println("Hearth cannot migrate: " + e.getMessage());
            return 2;
        }
        PostgresCopy.Report report;
        try {
            report = PostgresCopy.run(file, target, System.out::println);
        } catch (PostgresCopy.TargetNotEmpty | IllegalArgumentException | IllegalStateException | StoreException e) {
            System.err.println("Hearth cannot migrate: " + e.getMessage());
            return 1;
        }
        for (PostgresCopy.TableResult t : report.tables()) {
            System.out.printf(Locale.ROOT, "%-24s %,10d rows  %s  %s%n", t.table(), t.targetRows(),
                    t.targetChecksum().substring(0, 16), t.matches() ? "ok" : "DIFFERS (source " + t.sourceRows()
                            + " rows, " + t.sourceChecksum().substring(0, 16) + ")");
        }
        System.out.printf(Locale.ROOT, "%s: %,d rows in %d tables copied to %s in %.1f s.%n",
                report.verified() ? "Verified" : "NOT verified", report.rows(), report.tables().size(), target,
                report.millis() / 1000.0);
        if (!report.verified()) {
            return 1;
        }
        try (Database db = Database.postgres(target)) {
            SharedSecret.resolve(db, DataFolder.open(from).secret());
        }
        System.out.println("The node secret of " + from + " is now the one every process on this database uses.");
        return 0;
    }
}
