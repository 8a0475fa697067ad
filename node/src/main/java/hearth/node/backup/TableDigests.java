package hearth.node.backup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Row counts and content checksums of every table of a SQLite database: rows are read sorted by
 * all their columns and each value is hashed with its type and length, so two databases with the
 * same rows have the same checksums whatever their file layout. Stateless.
 */
public final class TableDigests {

    private TableDigests() {
    }

    /** Every user table of the database on {@code c}, by name. Reads only. */
    public static Map<String, Manifest.Table> of(Connection c) throws SQLException {
        Map<String, Manifest.Table> tables = new TreeMap<>();
        for (String table : tables(c)) {
            tables.put(table, digest(c, table));
        }
        return tables;
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }

    private static Manifest.Table digest(Connection c, String table) throws SQLException {
        MessageDigest sha = sha256();
        long rows = 0;
        String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
        int columns;
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM " + quoted + " LIMIT 0")) {
            columns = s.executeQuery().getMetaData().getColumnCount();
        }
        StringBuilder order = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
            order.append(i == 1 ? "" : ", ").append(i);
        }
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM " + quoted + " ORDER BY " + order);
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows++;
                for (int i = 1; i <= columns; i++) {
                    hash(sha, r.getObject(i));
                }
            }
        }
        return new Manifest.Table(rows, HexFormat.of().formatHex(sha.digest()));
    }

    private static void hash(MessageDigest sha, Object value) {
        switch (value) {
            case null -> sha.update((byte) 0);
            case Integer i -> number(sha, (byte) 1, i.longValue());
            case Long l -> number(sha, (byte) 1, l);
            case Double d -> number(sha, (byte) 2, Double.doubleToLongBits(d));
            case Float f -> number(sha, (byte) 2, Double.doubleToLongBits(f.doubleValue()));
            case byte[] bytes -> bytes(sha, (byte) 4, bytes);
            default -> bytes(sha, (byte) 3, value.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void number(MessageDigest sha, byte type, long value) {
        sha.update(type);
        for (int shift = 56; shift >= 0; shift -= 8) {
            sha.update((byte) (value >>> shift));
        }
    }

    private static void bytes(MessageDigest sha, byte type, byte[] bytes) {
        number(sha, type, bytes.length);
        sha.update(bytes);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
