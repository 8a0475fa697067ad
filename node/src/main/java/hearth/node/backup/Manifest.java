package hearth.node.backup;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a backup holds, written as {@code manifest.json} beside it: the format, the kind of store
 * ({@code sqlite} or {@code postgresql}), when it was taken, the schema version, each table's row
 * count and content checksum, and each file's size and SHA-256. Immutable.
 *
 * @param tables by table name; {@code sha256} is null where only counts are taken (PostgreSQL)
 * @param files  by path relative to the backup folder
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Manifest(int format, String hearth, String kind, String createdAt, String schemaVersion,
                       Map<String, Table> tables, Map<String, FileEntry> files) {

    public static final int FORMAT = 1;
    public static final String FILE = "manifest.json";
    public static final String SQLITE = "sqlite";
    public static final String POSTGRESQL = "postgresql";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Manifest {
        tables = tables == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(tables));
        files = files == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** A table's row count and the SHA-256 of its rows in a canonical order and encoding. */
    public record Table(long rows, String sha256) {
    }

    /** A file's size in bytes and SHA-256. */
    public record FileEntry(long bytes, String sha256) {
    }

    void write(Path folder) {
        try {
            JSON.writeValue(folder.resolve(FILE).toFile(), this);
        } catch (IOException e) {
            throw new BackupProblem("cannot write " + folder.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    /** Reads the manifest of the backup in {@code folder}. */
    public static Manifest read(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new BackupProblem(folder + " is not a Hearth backup: it has no " + FILE);
        }
        try {
            Manifest manifest = JSON.readValue(file.toFile(), Manifest.class);
            if (manifest.format() != FORMAT) {
                throw new BackupProblem("this backup has format " + manifest.format() + "; this Hearth reads format "
                        + FORMAT);
            }
            return manifest;
        } catch (IOException e) {
            throw new BackupProblem(file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
