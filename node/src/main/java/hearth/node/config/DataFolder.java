package hearth.node.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The node's data folder: its database and its secret.
 *
 * <p>The secret (32 random bytes) is created once, readable by the node's user only,
 * and never leaves the folder. Losing it unlinks every author from her posts.
 */
public final class DataFolder {

    private static final String SECRET_FILE = "node.secret";

    private final Path root;

    private DataFolder(Path root) {
        this.root = root;
    }

    /** Opens the folder, creating it (mode 0700) if it is new. */
    public static DataFolder open(Path root) {
        Path dir = root.toAbsolutePath().normalize();
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                trySetPermissions(dir, "rwx------");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dir, e);
        }
        return new DataFolder(dir);
    }

    public Path root() {
        return root;
    }

    public Path database() {
        return root.resolve("hearth.db");
    }

    /** The search index's folder: a projection of the database that can be dropped and rebuilt. */
    public Path searchIndex() {
        return root.resolve("index");
    }

    /** The node secret, created on first use with file mode 0600. */
    public byte[] secret() {
        Path file = root.resolve(SECRET_FILE);
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                writePrivately(file, Base64.getEncoder().encodeToString(fresh) + "\n");
            }
            byte[] secret = Base64.getDecoder().decode(Files.readString(file).strip());
            if (secret.length < 32) {
                throw new IllegalStateException(file + " is damaged: it must hold 32 bytes in base64");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the node secret " + file, e);
        }
    }

    private static void writePrivately(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, content);
        try {
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            Files.deleteIfExists(tmp);
        }
    }

    private static void trySetPermissions(Path path, String perms) throws IOException {
        try {
            Set<java.nio.file.attribute.PosixFilePermission> set = PosixFilePermissions.fromString(perms);
            Files.setPosixFilePermissions(path, set);
        } catch (UnsupportedOperationException notPosix) {
            // Not a POSIX file system: the operator protects the folder.
        }
    }
}
