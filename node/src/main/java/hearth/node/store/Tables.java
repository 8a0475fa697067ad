package hearth.node.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tables of a SQLite store as a copy needs them: names in foreign-key order (a table after
 * every table it refers to) and their columns. Read once from the source; not thread-safe.
 */
final class Tables {

    private Tables() {
    }

    /** Hearth's tables (not Flyway's history, not SQLite's own) with their columns, parents first. */
    static Map<String, List<String>> inForeignKeyOrder(Connection sqlite) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = sqlite.createStatement(); ResultSet r = s.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                        + " AND name <> 'flyway_schema_history' ORDER BY name")) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String name : names) {
            Set<String> refs = new LinkedHashSet<>();
            try (PreparedStatement s = sqlite.prepareStatement("SELECT \"table\" FROM pragma_foreign_key_list(?)")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        if (!r.getString(1).equals(name)) {
                            refs.add(r.getString(1));
                        }
                    }
                }
            }
            parents.put(name, refs);
        }
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        while (ordered.size() < names.size()) {
            int before = ordered.size();
            for (String name : names) {
                if (!ordered.containsKey(name) && ordered.keySet().containsAll(parents.get(name))) {
                    ordered.put(name, columns(sqlite, name));
                }
            }
            if (ordered.size() == before) {
                throw new IllegalStateException("the tables' foreign keys form a cycle; cannot order the copy");
            }
        }
        return ordered;
    }

    private static List<String> columns(Connection sqlite, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = sqlite.prepareStatement("SELECT name FROM pragma_table_info(?) ORDER BY cid")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    columns.add(r.getString(1));
                }
            }
        }
        return columns;
    }

    /** The SQL type (java.sql.Types) of each column of {@code table} on the target, by lower-case name. */
    static Map<String, Integer> targetTypes(Connection target, String table) throws SQLException {
        Map<String, Integer> types = new LinkedHashMap<>();
        try (ResultSet r = target.getMetaData().getColumns(null, null, table, null)) {
            while (r.next()) {
                types.put(r.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT), r.getInt("DATA_TYPE"));
            }
        }
        return types;
    }
}
