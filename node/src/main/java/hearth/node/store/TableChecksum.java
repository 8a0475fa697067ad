package hearth.node.store;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * A table's row count and a checksum of its contents that comes out the same on SQLite and on
 * PostgreSQL when they hold the same rows: each value is read as the target column's type
 * (so SQLite's 0/1 and PostgreSQL's booleans agree), each row is hashed with SHA-256, and the row
 * hashes are added up, so the order rows come back in (collations differ) does not matter.
 *
 * <p>Not thread-safe: one instance sums one table.
 */
final class TableChecksum {

    private final List<String> columns;
    private final List<Integer> types;
    private final MessageDigest sha;
    private BigInteger sum = BigInteger.ZERO;
    private long rows;

    TableChecksum(List<String> columns, List<Integer> types) {
        this.columns = List.copyOf(columns);
        this.types = List.copyOf(types);
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds the current row of {@code r}, whose columns are this checksum's, in order. */
    void add(ResultSet r) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            Object value = Values.read(r, i + 1, types.get(i));
            // Length-prefixed, so ("ab", "c") and ("a", "bc") differ.
            byte[] bytes = value == null ? new byte[] {0} : ("v" + value).getBytes(StandardCharsets.UTF_8);
            sha.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
                    (byte) (bytes.length >>> 8), (byte) bytes.length});
            sha.update(bytes);
        }
        sum = sum.add(new BigInteger(1, sha.digest())).mod(BigInteger.TWO.pow(256));
        rows++;
    }

    long rows() {
        return rows;
    }

    /** The checksum as 64 hex digits. */
    String hex() {
        return String.format("%064x", sum);
    }

    /** Reads every row of {@code table} on one side and returns its checksum. */
    static TableChecksum of(java.sql.Connection c, String table, List<String> columns, List<Integer> types)
            throws SQLException {
        TableChecksum checksum = new TableChecksum(columns, types);
        try (java.sql.Statement s = c.createStatement()) {
            s.setFetchSize(2_000);
            try (ResultSet r = s.executeQuery("SELECT " + Values.columnList(columns) + " FROM " + Values.quoted(table))) {
                while (r.next()) {
                    checksum.add(r);
                }
            }
        }
        return checksum;
    }

}
