package hearth.node.web;

import hearth.node.TestNode;
import hearth.node.config.DataFolder;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A second connection to a running test node's SQLite file, the way an inspector would look at
 * it: what the tables hold, whether anything was committed ({@code PRAGMA data_version}), and
 * now and then a row set up behind the node's back. Not thread-safe; close it.
 */
final class DatabasePeek implements AutoCloseable {

    private final Connection c;

    DatabasePeek(TestNode node) {
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + DataFolder.open(node.data()).database());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Changes whenever another connection commits to the file, and only then. */
    long dataVersion() {
        return longOf("PRAGMA data_version");
    }

    /**
     * {@link #contents()} without the outbox's own bookkeeping (its keys, what followers were told,
     * its place in the change sequence), which it writes in the background after an earlier post.
     */
    Map<String, String> contentsButTheOutboxs() {
        Map<String, String> all = contents();
        all.keySet().removeAll(Set.of("actor_key", "federated_post", "federation_cursor"));
        return all;
    }

    /** Every table with its row count and a digest of all its rows, in rowid order. */
    Map<String, String> contents() {
        Map<String, String> out = new TreeMap<>();
        for (String table : tables()) {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT * FROM \"" + table + "\" ORDER BY rowid")) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                int columns = r.getMetaData().getColumnCount();
                long rows = 0;
                while (r.next()) {
                    rows++;
                    for (int i = 1; i <= columns; i++) {
                        digest.update(String.valueOf(r.getObject(i)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        digest.update((byte) 0);
                    }
                    digest.update((byte) '\n');
                }
                out.put(table, rows + " rows " + HexFormat.of().formatHex(digest.digest()));
            } catch (Exception e) {
                throw new IllegalStateException("cannot read table " + table, e);
            }
        }
        return out;
    }

    List<String> tables() {
        return strings("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    }

    List<String> columns(String table) {
        return strings("SELECT name FROM pragma_table_info('" + table.replace("'", "''") + "')");
    }

    long longOf(String sql, Object... args) {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> strings(String sql, Object... args) {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            List<String> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    int update(String sql, Object... args) {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }

    @Override
    public void close() {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing left to release
        }
    }
}
