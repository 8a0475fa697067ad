package hearth.node.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Copies a node's SQLite store into an empty PostgreSQL database and checks the copy: every
 * table, parents before children, in batches, all in one PostgreSQL transaction (a failed copy
 * leaves the target as it was), then the row count and a checksum of each table on both sides
 * ({@link TableChecksum}).
 *
 * <p>Stop the node first: the copy reads one consistent snapshot of the SQLite file, and writes
 * made after it would be missing from PostgreSQL. Not thread-safe; one copy at a time.
 *
 * <pre>{@code
 * PostgresCopy.Report report = PostgresCopy.run(dataFolder.database(), StorageUrl.parse(url), System.out::println);
 * if (!report.verified()) { ... }
 * }</pre>
 */
public final class PostgresCopy {

    /** One table: rows and checksum on each side. */
    public record TableResult(String table, long sourceRows, long targetRows, String sourceChecksum,
                              String targetChecksum) {
        public boolean matches() {
            return sourceRows == targetRows && sourceChecksum.equals(targetChecksum);
        }
    }

    /** What was copied; {@link #verified()} is true only if every table matches. */
    public record Report(List<TableResult> tables, long millis) {
        public boolean verified() {
            return tables.stream().allMatch(TableResult::matches);
        }

        public long rows() {
            return tables.stream().mapToLong(TableResult::sourceRows).sum();
        }
    }

    /** The target already holds a node's data; nothing was copied. */
    public static final class TargetNotEmpty extends RuntimeException {
        TargetNotEmpty(String table) {
            super("the target database already has data (table " + table + " is not empty); copy only into a new database");
        }
    }

    // Single-row tables the migrations themselves fill (counters, the blocklist policy): on the target
    // they hold only those seeds, which the copy replaces with the source's rows.
    static final Set<String> SEEDED = Set.of("change_counter", "federation_cursor", "block_counter", "blocklist_policy");

    private static final int BATCH = 1_000;

    private PostgresCopy() {
    }

    public static Report run(Path sqliteFile, StorageUrl target, Consumer<String> progress) {
        if (!Files.isRegularFile(sqliteFile)) {
            throw new IllegalArgumentException("no Hearth database at " + sqliteFile);
        }
        long started = System.nanoTime();
        // Brings an older file up to the schema the target gets, as starting the node would.
        Database.sqlite(sqliteFile).close();
        try (Connection source = DriverManager.getConnection("jdbc:sqlite:" + sqliteFile.toAbsolutePath());
             Database pg = Database.postgres(target)) {
            // One read transaction: every table comes from the same snapshot of the file.
            source.setAutoCommit(false);
            Map<String, List<String>> tables = Tables.inForeignKeyOrder(source);
            pg.read(c -> {
                refuseIfNotEmpty(c, tables.keySet());
                return null;
            });
            pg.write(c -> {
                for (Map.Entry<String, List<String>> table : tables.entrySet()) {
                    long rows = copyTable(source, c, table.getKey(), table.getValue());
                    progress.accept(String.format(Locale.ROOT, "copied %-24s %,10d rows", table.getKey(), rows));
                }
                resetSequences(c);
                return null;
            });
            List<TableResult> results = compare(source, pg, tables);
            source.rollback();
            return new Report(results, (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** Compares a SQLite store with a PostgreSQL one, table by table, without changing either. */
    public static Report compare(Path sqliteFile, StorageUrl target) {
        long started = System.nanoTime();
        try (Connection source = DriverManager.getConnection("jdbc:sqlite:" + sqliteFile.toAbsolutePath());
             Database pg = Database.postgres(target)) {
            source.setAutoCommit(false);
            List<TableResult> results = compare(source, pg, Tables.inForeignKeyOrder(source));
            source.rollback();
            return new Report(results, (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static List<TableResult> compare(Connection source, Database pg, Map<String, List<String>> tables)
            throws SQLException {
        List<TableResult> results = new ArrayList<>();
        for (Map.Entry<String, List<String>> table : tables.entrySet()) {
            results.add(verify(source, pg, table.getKey(), table.getValue()));
        }
        return List.copyOf(results);
    }

    private static void refuseIfNotEmpty(Connection c, Set<String> tables) throws SQLException {
        for (String table : tables) {
            if (SEEDED.contains(table)) {
                continue;
            }
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT 1 FROM " + Values.quoted(table) + " LIMIT 1")) {
                if (r.next()) {
                    throw new TargetNotEmpty(table);
                }
            }
        }
    }

    private static long copyTable(Connection source, Connection target, String table, List<String> columns)
            throws SQLException {
        List<Integer> types = typesOn(target, table, columns);
        if (SEEDED.contains(table)) {
            try (Statement s = target.createStatement()) {
                s.executeUpdate("DELETE FROM " + Values.quoted(table));
            }
        }
        String marks = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
        long rows = 0;
        try (Statement read = source.createStatement();
             PreparedStatement insert = target.prepareStatement("INSERT INTO " + Values.quoted(table)
                     + " (" + Values.columnList(columns) + ") VALUES (" + marks + ")")) {
            read.setFetchSize(BATCH);
            try (ResultSet r = read.executeQuery("SELECT " + Values.columnList(columns) + " FROM " + Values.quoted(table))) {
                while (r.next()) {
                    for (int i = 0; i < columns.size(); i++) {
                        Values.write(insert, i + 1, types.get(i), Values.read(r, i + 1, types.get(i)));
                    }
                    insert.addBatch();
                    if (++rows % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
            }
            if (rows % BATCH != 0) {
                insert.executeBatch();
            }
        }
        return rows;
    }

    private static List<Integer> typesOn(Connection target, String table, List<String> columns) throws SQLException {
        Map<String, Integer> known = Tables.targetTypes(target, table);
        List<Integer> types = new ArrayList<>();
        for (String column : columns) {
            Integer type = known.get(column.toLowerCase(Locale.ROOT));
            if (type == null) {
                throw new IllegalStateException("the target has no column " + table + "." + column
                        + "; are both on the same Hearth version?");
            }
            types.add(type);
        }
        return types;
    }

    // Hearth makes its ids itself and keeps its counters in rows, so there are no sequences today;
    // any a later migration adds continues after the highest copied value.
    private static void resetSequences(Connection c) throws SQLException {
        List<String[]> owned = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                SELECT seq.relname, tab.relname, col.attname
                FROM pg_class seq
                JOIN pg_depend d ON d.objid = seq.oid AND d.deptype IN ('a', 'i')
                JOIN pg_class tab ON tab.oid = d.refobjid
                JOIN pg_attribute col ON col.attrelid = tab.oid AND col.attnum = d.refobjsubid
                JOIN pg_namespace n ON n.oid = seq.relnamespace
                WHERE seq.relkind = 'S' AND n.nspname = current_schema()""")) {
            while (r.next()) {
                owned.add(new String[] {r.getString(1), r.getString(2), r.getString(3)});
            }
        }
        for (String[] o : owned) {
            if (o[1].equals("flyway_schema_history")) {
                continue;
            }
            try (Statement s = c.createStatement()) {
                s.execute("SELECT setval('" + Values.quoted(o[0]).replace("'", "''") + "', COALESCE(MAX("
                        + Values.quoted(o[2]) + "), 0) + 1, false) FROM " + Values.quoted(o[1]));
            }
        }
    }

    private static TableResult verify(Connection source, Database pg, String table, List<String> columns)
            throws SQLException {
        List<Integer> types = pg.read(c -> typesOn(c, table, columns));
        TableChecksum here = TableChecksum.of(source, table, columns, types);
        TableChecksum there = pg.read(c -> {
            // PostgreSQL streams rows with a fetch size only inside a transaction.
            c.setAutoCommit(false);
            try {
                return TableChecksum.of(c, table, columns, types);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        });
        return new TableResult(table, here.rows(), there.rows(), here.hex(), there.hex());
    }
}
