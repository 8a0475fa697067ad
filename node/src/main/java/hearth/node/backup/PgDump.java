package hearth.node.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Backs up and restores a node whose store is PostgreSQL ({@code storage.url}), with PostgreSQL's
 * own tools: {@code pg_dump --format=custom} takes one consistent snapshot while the node runs,
 * {@code pg_restore} loads it into an empty database (a database with tables is refused), and
 * {@code psql} counts each table's rows before and after. The URL is a libpq one
 * ({@code postgresql://user@host:port/db}); a password is best given in {@code PGPASSWORD} or
 * {@code ~/.pgpass} rather than in the URL, which other users of the machine can see.
 */
public final class PgDump {

    static final String DUMP = "hearth.pgdump";
    private static final long TIMEOUT_MINUTES = 240;

    private PgDump() {
    }

    /** Dumps the database at {@code url} into {@code target} (new or empty) with a manifest. */
    public static Manifest create(String url, Path config, Path targetFolder, String hearthVersion) {
        String libpq = libpq(url);
        Path target = targetFolder.toAbsolutePath().normalize();
        try {
            PrivateFiles.freshFolder(target, "the backup folder");
        } catch (IOException e) {
            throw new BackupProblem("cannot create the backup folder " + target + ": " + e.getMessage(), e);
        }
        try {
            Path dump = target.resolve(DUMP);
            run(List.of("pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file=" + dump,
                    "--dbname=" + libpq));
            PrivateFiles.restrict(dump, "rw-------");
            Map<String, Manifest.FileEntry> files = new TreeMap<>();
            files.put(DUMP, PrivateFiles.entry(dump));
            if (config != null) {
                files.put(SqliteBackup.CONFIG + "/" + config.getFileName(), PrivateFiles.copy(config,
                        target.resolve(SqliteBackup.CONFIG).resolve(config.getFileName().toString())));
            }
            Manifest manifest = new Manifest(Manifest.FORMAT, hearthVersion, Manifest.POSTGRESQL,
                    Instant.now().toString(), "see the dump", counts(libpq), files);
            manifest.write(target);
            return manifest;
        } catch (IOException | RuntimeException e) {
            PrivateFiles.deleteTree(target);
            if (e instanceof BackupProblem problem) {
                throw problem;
            }
            throw new BackupProblem("the backup failed and was removed: " + e.getMessage(), e);
        }
    }

    /** Restores a PostgreSQL backup into the empty database at {@code url}. */
    public static Manifest restore(Path backupFolder, String url) {
        String libpq = libpq(url);
        Path backup = backupFolder.toAbsolutePath().normalize();
        Manifest manifest = Manifest.read(backup);
        if (!Manifest.POSTGRESQL.equals(manifest.kind())) {
            throw new BackupProblem("this backup is of a " + manifest.kind() + " store; restore it with --data");
        }
        SqliteRestore.verifyFiles(backup, manifest);
        if (!counts(libpq).isEmpty()) {
            throw new BackupProblem("the database at the storage URL already has tables; Hearth restores only into"
                    + " an empty database");
        }
        run(List.of("pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--dbname=" + libpq,
                backup.resolve(DUMP).toString()));
        if (!counts(libpq).equals(manifest.tables())) {
            throw new BackupProblem("the restored database's row counts differ from the manifest");
        }
        return manifest;
    }

    /** A libpq URL from a storage URL, which may be written the JDBC way. */
    static String libpq(String url) {
        String u = url.strip();
        if (u.startsWith("jdbc:")) {
            u = u.substring("jdbc:".length());
        }
        if (!u.startsWith("postgresql://") && !u.startsWith("postgres://")) {
            throw new BackupProblem("a PostgreSQL storage URL starts with postgresql://, got another kind");
        }
        return u;
    }

    /** Row counts of every table in the public schema, by name. */
    private static Map<String, Manifest.Table> counts(String libpq) {
        String names = run(List.of("psql", "--no-psqlrc", "-At", "--dbname=" + libpq, "-c",
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"));
        Map<String, Manifest.Table> tables = new TreeMap<>();
        for (String table : names.lines().filter(l -> !l.isBlank()).toList()) {
            String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
            String rows = run(List.of("psql", "--no-psqlrc", "-At", "--dbname=" + libpq, "-c",
                    "SELECT COUNT(*) FROM public." + quoted)).strip();
            tables.put(table, new Manifest.Table(Long.parseLong(rows), null));
        }
        return tables;
    }

    private static String run(List<String> command) {
        List<String> shown = new ArrayList<>(command.subList(0, 1));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new BackupProblem(shown + " did not finish in " + TIMEOUT_MINUTES + " minutes");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new BackupProblem(command.getFirst() + " failed (exit " + process.exitValue() + "): "
                        + text.strip());
            }
            return text;
        } catch (IOException e) {
            throw new BackupProblem(command.getFirst() + " could not be run (install PostgreSQL's client tools,"
                    + " e.g. apt-get install postgresql-client): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupProblem(command.getFirst() + " was interrupted", e);
        }
    }
}
