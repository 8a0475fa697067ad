package hearth.node.federation;

import hearth.node.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every row of the tables a hostile activity could change, read straight from a node's store:
 * circles (with their posting policy), threads (locked, hidden), posts (held, removed, deleted,
 * silenced), pseudonyms, followers and followed circles, moderators and their circles, reports,
 * bans, the moderation log, and blocks. Two snapshots are equal when none of these changed.
 *
 * <p>Left out, because they change for reasons of their own: the inbox queue, the cache of
 * remote actors, deliveries and what followers were told, and the followers of circle
 * {@code everyday}, which {@link InboxBed#settle()} uses as its marker. Immutable.
 */
record StoreSnapshot(Map<String, List<String>> tables) {

    private static final Map<String, String> QUERIES = queries();

    private static Map<String, String> queries() {
        Map<String, String> queries = new LinkedHashMap<>();
        for (String table : List.of("circle", "thread", "post", "pseudonym", "followed_circle", "moderator",
                "moderator_circle", "report", "ban", "modlog", "domain_block", "actor_block")) {
            queries.put(table, "SELECT * FROM " + table);
        }
        queries.put("circle_follower", "SELECT * FROM circle_follower WHERE circle_name <> 'everyday'");
        return Map.copyOf(queries);
    }

    static StoreSnapshot of(Database db) {
        return db.read(c -> {
            Map<String, List<String>> tables = new java.util.TreeMap<>();
            for (Map.Entry<String, String> query : QUERIES.entrySet()) {
                List<String> rows = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement(query.getValue()); ResultSet r = s.executeQuery()) {
                    ResultSetMetaData columns = r.getMetaData();
                    while (r.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            row.append(i == 1 ? "" : " | ").append(columns.getColumnName(i)).append('=')
                                    .append(r.getString(i));
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                tables.put(query.getKey(), List.copyOf(rows));
            }
            return new StoreSnapshot(java.util.Collections.unmodifiableMap(tables));
        });
    }

    /** The rows that differ from {@code later}'s, table by table, for a failure message. */
    String changesTo(StoreSnapshot later) {
        StringBuilder out = new StringBuilder();
        for (String table : tables.keySet()) {
            List<String> gone = new ArrayList<>(tables.get(table));
            gone.removeAll(later.tables.get(table));
            List<String> added = new ArrayList<>(later.tables.get(table));
            added.removeAll(tables.get(table));
            gone.forEach(row -> out.append("\n  ").append(table).append(" - ").append(row));
            added.forEach(row -> out.append("\n  ").append(table).append(" + ").append(row));
        }
        return out.isEmpty() ? "no change" : "the store changed:" + out;
    }
}
