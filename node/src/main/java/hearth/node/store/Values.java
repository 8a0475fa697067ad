package hearth.node.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.stream.Collectors;

/** Reading and writing a column's value by the target's type, the same way on both stores. */
final class Values {

    private Values() {
    }

    /** The value in column {@code i} as a Boolean, Long, Double or String (null for SQL NULL). */
    static Object read(ResultSet r, int i, int type) throws SQLException {
        Object value = switch (type) {
            case Types.BOOLEAN, Types.BIT -> r.getBoolean(i);
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> r.getLong(i);
            case Types.DOUBLE, Types.FLOAT, Types.REAL, Types.NUMERIC, Types.DECIMAL -> r.getDouble(i);
            default -> r.getString(i);
        };
        return r.wasNull() ? null : value;
    }

    static void write(PreparedStatement s, int i, int type, Object value) throws SQLException {
        if (value == null) {
            s.setNull(i, type);
            return;
        }
        switch (type) {
            case Types.BOOLEAN, Types.BIT -> s.setBoolean(i, (Boolean) value);
            case Types.BIGINT -> s.setLong(i, (Long) value);
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> s.setInt(i, Math.toIntExact((Long) value));
            case Types.DOUBLE, Types.FLOAT, Types.REAL, Types.NUMERIC, Types.DECIMAL -> s.setDouble(i, (Double) value);
            default -> s.setString(i, (String) value);
        }
    }

    static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String columnList(List<String> columns) {
        return columns.stream().map(Values::quoted).collect(Collectors.joining(", "));
    }
}
