package hearth.node.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Restores a {@link SqliteBackup} into a fresh data folder, and only a fresh one: a folder that
 * holds anything is refused, so a restore can never overwrite a node. Every file is checked
 * against the manifest before anything is written, and the restored store's row counts and
 * checksums after; on any mismatch the half-restored folder is removed. The search index is not
 * restored: the node rebuilds it from the store when it starts.
 */
public final class SqliteRestore {

    private SqliteRestore() {
    }

    /** Restores the backup in {@code backup} into {@code data}; returns its manifest. */
    public static Manifest restore(Path backupFolder, Path dataFolder) {
        Path backup = backupFolder.toAbsolutePath().normalize();
        Path data = dataFolder.toAbsolutePath().normalize();
        Manifest manifest = Manifest.read(backup);
        if (!Manifest.SQLITE.equals(manifest.kind())) {
            throw new BackupProblem("this backup is of a " + manifest.kind() + " store; restore it with --storage-url");
        }
        verifyFiles(backup, manifest);
        try {
            PrivateFiles.freshFolder(data, "the data folder");
        } catch (IOException e) {
            throw new BackupProblem("cannot create the data folder " + data + ": " + e.getMessage(), e);
        }
        try {
            for (String name : manifest.files().keySet()) {
                Path source = backup.resolve(name);
                Path into = destination(data, name);
                if (into != null && !Files.exists(into)) {
                    PrivateFiles.copy(source, into);
                }
            }
            Map<String, Manifest.Table> restored;
            try (Connection c = SqliteBackup.open(data.resolve(SqliteBackup.DATABASE))) {
                restored = TableDigests.of(c);
            }
            if (!restored.equals(manifest.tables())) {
                throw new BackupProblem("the restored store does not match the manifest's counts and checksums");
            }
            return manifest;
        } catch (IOException | SQLException | RuntimeException e) {
            PrivateFiles.deleteTree(data);
            if (e instanceof BackupProblem problem) {
                throw problem;
            }
            throw new BackupProblem("the restore failed and was removed: " + e.getMessage(), e);
        }
    }

    /** Where a backed-up file goes in the data folder: the store and data files in place, a config beside them. */
    private static Path destination(Path data, String name) {
        if (name.equals(SqliteBackup.DATABASE)) {
            return data.resolve(SqliteBackup.DATABASE);
        }
        for (String folder : new String[] {SqliteBackup.DATA + "/", SqliteBackup.CONFIG + "/"}) {
            if (name.startsWith(folder)) {
                Path into = data.resolve(name.substring(folder.length())).normalize();
                if (!into.startsWith(data)) {
                    throw new BackupProblem("the manifest names a file outside the data folder: " + name);
                }
                return into;
            }
        }
        return null;
    }

    /** Checks every listed file's size and checksum, before anything is written. */
    static void verifyFiles(Path backup, Manifest manifest) {
        if (!manifest.files().containsKey(SqliteBackup.DATABASE) && Manifest.SQLITE.equals(manifest.kind())) {
            throw new BackupProblem("the manifest lists no store (" + SqliteBackup.DATABASE + ")");
        }
        for (Map.Entry<String, Manifest.FileEntry> listed : manifest.files().entrySet()) {
            Path file = backup.resolve(listed.getKey()).normalize();
            if (!file.startsWith(backup)) {
                throw new BackupProblem("the manifest names a file outside the backup: " + listed.getKey());
            }
            if (!Files.isRegularFile(file)) {
                throw new BackupProblem("the backup is incomplete: " + listed.getKey() + " is missing");
            }
            try {
                if (!PrivateFiles.entry(file).equals(listed.getValue())) {
                    throw new BackupProblem("the backup is damaged: " + listed.getKey() + " does not match its checksum");
                }
            } catch (IOException e) {
                throw new BackupProblem("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
