package hearth.node.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * File chores for backups: folders and files readable by the node's user only (a backup holds the
 * node secret, which links authors to their posts), checksums, and the "fresh folder" test.
 */
final class PrivateFiles {

    private PrivateFiles() {
    }

    /** Creates {@code dir} (mode 0700) if missing; refuses one that holds anything. */
    static void freshFolder(Path dir, String what) throws IOException {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new BackupProblem(what + " " + dir + " is a file, not a folder");
            }
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new BackupProblem(what + " " + dir + " is not empty; Hearth never overwrites one."
                            + " Choose a new or empty folder.");
                }
            }
        } else {
            Files.createDirectories(dir);
        }
        restrict(dir, "rwx------");
    }

    /** Copies {@code from} to {@code to} (mode 0600) and returns what was written. */
    static Manifest.FileEntry copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
        restrict(to, "rw-------");
        return entry(to);
    }

    static Manifest.FileEntry entry(Path file) throws IOException {
        MessageDigest sha = TableDigests.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return new Manifest.FileEntry(Files.size(file), HexFormat.of().formatHex(sha.digest()));
    }

    static void restrict(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // Not a POSIX file system: the operator protects the folder.
        }
    }

    /** Deletes a folder this run created, after a failure, so a retry starts clean. */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Best effort: the operator sees the failure and the folder.
        }
    }
}
