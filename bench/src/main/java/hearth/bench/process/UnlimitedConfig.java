package hearth.bench.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The configuration a benchmarked node runs with: the example bundled in the node's jar (its
 * circles, as {@code ./hearth start} uses without a file) with every per-visitor limit raised
 * out of reach. A benchmark sends all its load from one address and a few author cookies, which
 * the limits rightly slow down; what it measures is the node's speed, not its patience.
 * Not thread-safe: write it once, before the nodes start.
 */
final class UnlimitedConfig {

    static final String BUNDLED = "hearth/config/hearth.example.yaml";
    private static final int MOST = 1_000_000;
    private static final Pattern HAS_LIMITS = Pattern.compile("(?m)^limits:");

    private UnlimitedConfig() {
    }

    /** Writes the configuration into {@code folder} and returns its path. */
    static Path write(Path nodeJar, Path folder) throws IOException {
        String example;
        try (ZipFile jar = new ZipFile(nodeJar.toFile())) {
            ZipEntry entry = jar.getEntry(BUNDLED);
            if (entry == null) {
                throw new IOException(nodeJar + " has no " + BUNDLED);
            }
            try (InputStream in = jar.getInputStream(entry)) {
                example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        Path file = folder.resolve("bench-node.yaml");
        Files.writeString(file, withoutLimits(example));
        return file;
    }

    /** The example with a {@code limits} section no benchmark reaches; refuses one that has its own. */
    static String withoutLimits(String example) {
        if (HAS_LIMITS.matcher(example).find()) {
            throw new IllegalStateException("the example configuration sets limits; raise them there for benchmarks");
        }
        String rate = "{perMinute: " + MOST + ", burst: " + MOST + "}";
        return example.stripTrailing() + "\n\n# Added by the benchmarks: every request comes from one address.\n"
                + "limits:\n"
                + "  posts: " + rate + "\n"
                + "  postsPerAuthor: " + rate + "\n"
                + "  reports: " + rate + "\n"
                + "  searches: " + rate + "\n";
    }
}
