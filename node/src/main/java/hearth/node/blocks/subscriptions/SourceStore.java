package hearth.node.blocks.subscriptions;

import hearth.federation.blocklist.DomainBlock;
import hearth.federation.blocklist.Severity;
import hearth.node.store.Ids;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The subscription tables for sources, what each lists now, and the policy. Every method works
 * inside the caller's connection (and transaction). Stateless.
 */
final class SourceStore {

    private static final String COLUMNS = "id, url, kind, trust, last_sequence, last_fetched_at, last_error, created_at";

    private SourceStore() {
    }

    static List<Source> sources(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM blocklist_source ORDER BY created_at, id");
             ResultSet r = s.executeQuery()) {
            List<Source> out = new ArrayList<>();
            while (r.next()) {
                out.add(source(r));
            }
            return out;
        }
    }

    static Optional<Source> source(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM blocklist_source WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(source(r)) : Optional.empty();
            }
        }
    }

    static boolean hasUrl(Connection c, URI url) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM blocklist_source WHERE url = ?")) {
            s.setString(1, url.toString());
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    static int count(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM blocklist_source");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getInt(1);
        }
    }

    static String insert(Connection c, URI url, SourceKind kind, double trust, long now) throws SQLException {
        String id = Ids.next();
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO blocklist_source (id, url, kind, trust, last_sequence, created_at) VALUES (?, ?, ?, ?, 0, ?)")) {
            s.setString(1, id);
            s.setString(2, url.toString());
            s.setString(3, kind.wire());
            s.setDouble(4, trust);
            s.setLong(5, now);
            s.executeUpdate();
        }
        return id;
    }

    static void delete(Connection c, String id) throws SQLException {
        update(c, "DELETE FROM blocklist_source WHERE id = ?", id);
    }

    static void setTrust(Connection c, String id, double trust) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE blocklist_source SET trust = ? WHERE id = ?")) {
            s.setDouble(1, trust);
            s.setString(2, id);
            s.executeUpdate();
        }
    }

    /** Records an attempt: its time, its error (null when it went well) and, when accepted, the new sequence. */
    static void fetched(Connection c, String id, long at, String error, Long sequence) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE blocklist_source SET last_fetched_at = ?, last_error = ?,"
                + " last_sequence = COALESCE(?, last_sequence) WHERE id = ?")) {
            s.setLong(1, at);
            s.setString(2, error == null ? null : cut(error, 500));
            if (sequence == null) {
                s.setNull(3, java.sql.Types.BIGINT);
            } else {
                s.setLong(3, sequence);
            }
            s.setString(4, id);
            s.executeUpdate();
        }
    }

    /** Every source's current entries: source id to (domain to block). */
    static Map<String, Map<String, DomainBlock>> entries(Connection c) throws SQLException {
        Map<String, Map<String, DomainBlock>> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT source_id, domain, severity, reject_media, reject_reports,"
                + " public_comment FROM blocklist_source_entry ORDER BY source_id, domain");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.computeIfAbsent(r.getString(1), k -> new LinkedHashMap<>()).put(r.getString(2),
                        new DomainBlock(r.getString(2), Severity.parse(r.getString(3)), r.getBoolean(4),
                                r.getBoolean(5), r.getString(6), "", false));
            }
        }
        return out;
    }

    static void clearEntries(Connection c, String sourceId) throws SQLException {
        update(c, "DELETE FROM blocklist_source_entry WHERE source_id = ?", sourceId);
    }

    static void removeEntry(Connection c, String sourceId, String domain) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "DELETE FROM blocklist_source_entry WHERE source_id = ? AND domain = ?")) {
            s.setString(1, sourceId);
            s.setString(2, domain);
            s.executeUpdate();
        }
    }

    static void putEntry(Connection c, String sourceId, DomainBlock b) throws SQLException {
        removeEntry(c, sourceId, b.domain());
        try (PreparedStatement s = c.prepareStatement("INSERT INTO blocklist_source_entry (source_id, domain, severity,"
                + " reject_media, reject_reports, public_comment) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, sourceId);
            s.setString(2, b.domain());
            s.setString(3, b.severity().wire());
            s.setBoolean(4, b.rejectMedia());
            s.setBoolean(5, b.rejectReports());
            s.setString(6, cut(b.publicComment() == null ? "" : b.publicComment(), 1000));
            s.executeUpdate();
        }
    }

    static Policy policy(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT threshold_kind, threshold_value, merge, max_new_blocks FROM blocklist_policy WHERE id = 1");
             ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                throw new SQLException("the blocklist policy row is missing");
            }
            return Policy.of(r.getString(1), r.getDouble(2), r.getString(3), r.getInt(4));
        }
    }

    static void setPolicy(Connection c, Policy p) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE blocklist_policy SET threshold_kind = ?,"
                + " threshold_value = ?, merge = ?, max_new_blocks = ? WHERE id = 1")) {
            s.setString(1, p.thresholdKind());
            s.setDouble(2, p.thresholdValue());
            s.setString(3, p.merge().name().toLowerCase(java.util.Locale.ROOT));
            s.setInt(4, p.maxNewBlocks());
            s.executeUpdate();
        }
    }

    private static Source source(ResultSet r) throws SQLException {
        long fetched = r.getLong(6);
        Long fetchedAt = r.wasNull() ? null : fetched;
        return new Source(r.getString(1), URI.create(r.getString(2)), SourceKind.parse(r.getString(3)), r.getDouble(4),
                r.getLong(5), fetchedAt, r.getString(7), r.getLong(8));
    }

    private static void update(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            s.executeUpdate();
        }
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
