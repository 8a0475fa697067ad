package hearth.node.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A read-only look into a node's database from outside the node, as an operator's sqlite3
 * would take it (WAL lets it read while the node writes): the text of every post that is
 * not deleted, and the outbox's counts.
 */
final class StoreView {

    private static final Pattern ANY_MARKER = Pattern.compile("mk[0-9a-z]+z");

    /** The outbox by state. */
    record Outbox(int delivered, int pending, int gaveUp) {
        @Override
        public String toString() {
            return delivered + " delivered, " + pending + " pending, " + gaveUp + " given up";
        }
    }

    private final List<String> sources;
    private final Map<String, Integer> markers = new TreeMap<>();

    private StoreView(List<String> sources) {
        this.sources = sources;
        for (String source : sources) {
            Matcher m = ANY_MARKER.matcher(source);
            while (m.find()) {
                markers.merge(m.group(), 1, Integer::sum);
            }
        }
    }

    static StoreView read(Path dataFolder) throws SQLException {
        List<String> sources = new ArrayList<>();
        try (Connection c = open(dataFolder); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT source FROM post WHERE deleted_at IS NULL")) {
            while (r.next()) {
                sources.add(r.getString(1));
            }
        }
        return new StoreView(sources);
    }

    static Outbox outbox(Path dataFolder) throws SQLException {
        Map<String, Integer> counts = new TreeMap<>();
        try (Connection c = open(dataFolder); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT state, COUNT(*) FROM delivery GROUP BY state")) {
            while (r.next()) {
                counts.put(r.getString(1), r.getInt(2));
            }
        }
        return new Outbox(counts.getOrDefault("delivered", 0), counts.getOrDefault("pending", 0),
                counts.getOrDefault("gave_up", 0));
    }

    /** The result of {@code PRAGMA integrity_check}: "ok" when the file is sound. */
    static String integrity(Path dataFolder) throws SQLException {
        try (Connection c = open(dataFolder); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
            StringBuilder out = new StringBuilder();
            while (r.next()) {
                out.append(out.isEmpty() ? "" : "; ").append(r.getString(1));
            }
            return out.toString();
        }
    }

    private static Connection open(Path dataFolder) throws SQLException {
        var config = new org.sqlite.SQLiteConfig();
        config.setBusyTimeout(10_000);
        if (dataFolder.startsWith("/proc")) {
            // SQLite resolves /proc/PID/root to this process's own root, missing the node's mount namespace:
            // read a copy (taken while the node is quiet, so the database and its log agree).
            return DriverManager.getConnection("jdbc:sqlite:" + copy(dataFolder), config.toProperties());
        }
        config.setReadOnly(true);
        return DriverManager.getConnection("jdbc:sqlite:" + dataFolder.resolve("hearth.db").toAbsolutePath(),
                config.toProperties());
    }

    private static Path copy(Path dataFolder) throws SQLException {
        try {
            Path root = Path.of("target", "store-copies").toAbsolutePath();
            Files.createDirectories(root);
            Path dir = Files.createTempDirectory(root, "db-");
            for (String name : List.of("hearth.db", "hearth.db-wal")) {
                if (Files.exists(dataFolder.resolve(name))) {
                    Files.copy(dataFolder.resolve(name), dir.resolve(name));
                }
            }
            return dir.resolve("hearth.db");
        } catch (IOException e) {
            throw new SQLException("cannot copy the database out of " + dataFolder, e);
        }
    }

    /** How many posts carry each marker. */
    Map<String, Integer> markers() {
        return markers;
    }

    /** How many posts contain {@code word}. */
    int count(String word) {
        return (int) sources.stream().filter(s -> s.contains(word)).count();
    }
}
