package hearth.node.blocks.subscriptions;

import hearth.federation.blocklist.DomainBlock;
import hearth.federation.blocklist.Severity;
import hearth.node.store.Ids;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The subscription tables for what was done: provenance of applied blocks and the review queue.
 * Every method works inside the caller's connection (and transaction). Stateless.
 */
final class Ledger {

    /** A block the subscriptions applied: the form applied, the sources behind it, and whether a moderator approved it. */
    record Applied(String domain, Severity severity, boolean rejectMedia, boolean rejectReports, Set<String> sources,
                   boolean approved) {

        /** True while the block is still as applied (a moderator's edit makes it hers). */
        boolean matches(DomainBlock now) {
            return now.severity() == severity && now.rejectMedia() == rejectMedia && now.rejectReports() == rejectReports;
        }
    }

    private static final String REVIEW_COLUMNS = "id, domain, severity, reject_media, reject_reports, public_comment,"
            + " sources, reason, created_at, state";

    private Ledger() {
    }

    static Map<String, Applied> applied(Connection c) throws SQLException {
        Map<String, Applied> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT domain, source_id, severity, reject_media, reject_reports,"
                + " approved FROM block_provenance ORDER BY domain, applied_at, source_id");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                String domain = r.getString(1);
                Applied known = out.get(domain);
                Set<String> sources = known == null ? new LinkedHashSet<>() : known.sources();
                sources.add(r.getString(2));
                if (known == null) {
                    out.put(domain, new Applied(domain, Severity.parse(r.getString(3)), r.getBoolean(4),
                            r.getBoolean(5), sources, r.getBoolean(6)));
                }
            }
        }
        return out;
    }

    /** Replaces a domain's provenance; a source that was already behind it keeps its first time. */
    static void setProvenance(Connection c, DomainBlock applied, Collection<String> sources, boolean approved, long now)
            throws SQLException {
        Map<String, Long> since = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT source_id, applied_at FROM block_provenance WHERE domain = ?")) {
            s.setString(1, applied.domain());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    since.put(r.getString(1), r.getLong(2));
                }
            }
        }
        forget(c, applied.domain());
        try (PreparedStatement s = c.prepareStatement("INSERT INTO block_provenance (domain, source_id, applied_at,"
                + " severity, reject_media, reject_reports, approved) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (String source : new LinkedHashSet<>(sources)) {
                s.setString(1, applied.domain());
                s.setString(2, source);
                s.setLong(3, since.getOrDefault(source, now));
                s.setString(4, applied.severity().wire());
                s.setBoolean(5, applied.rejectMedia());
                s.setBoolean(6, applied.rejectReports());
                s.setBoolean(7, approved);
                s.executeUpdate();
            }
        }
    }

    static void forget(Connection c, String domain) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM block_provenance WHERE domain = ?")) {
            s.setString(1, domain);
            s.executeUpdate();
        }
    }

    /** Every block the subscriptions applied, by domain, for the console. */
    static List<AppliedBlock> appliedBlocks(Connection c) throws SQLException {
        Map<String, AppliedBlock> out = new java.util.TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT domain, source_id, applied_at, severity, approved"
                + " FROM block_provenance ORDER BY domain, applied_at, source_id");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                AppliedBlock known = out.get(r.getString(1));
                List<String> sources = new ArrayList<>(known == null ? List.of() : known.sourceIds());
                sources.add(r.getString(2));
                out.put(r.getString(1), new AppliedBlock(r.getString(1), Severity.parse(r.getString(4)), sources,
                        known == null ? r.getLong(3) : known.since(), r.getBoolean(5)));
            }
        }
        return List.copyOf(out.values());
    }

    /** Per source id, when each source caused the domain's block (for the console). */
    static Map<String, Long> provenance(Connection c, String domain) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT source_id, applied_at FROM block_provenance WHERE domain = ?")) {
            s.setString(1, domain);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), r.getLong(2));
                }
            }
        }
        return out;
    }

    static List<Review> reviews(Connection c, Review.State state) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + REVIEW_COLUMNS
                + " FROM blocklist_review WHERE state = ? ORDER BY created_at, domain")) {
            s.setString(1, state.wire());
            return list(s);
        }
    }

    static Optional<Review> review(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + REVIEW_COLUMNS + " FROM blocklist_review WHERE id = ?")) {
            s.setString(1, id);
            return list(s).stream().findFirst();
        }
    }

    /** The newest review of each domain: whether it waits, or what a moderator decided. */
    static Map<String, Review> latestByDomain(Connection c) throws SQLException {
        Map<String, Review> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + REVIEW_COLUMNS
                + " FROM blocklist_review ORDER BY created_at, id")) {
            for (Review review : list(s)) {
                out.put(review.domain(), review);
            }
        }
        return out;
    }

    static String insertReview(Connection c, DomainBlock proposed, Collection<String> sources, String reason,
                               Review.State state, long now) throws SQLException {
        String id = Ids.next();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO blocklist_review (" + REVIEW_COLUMNS
                + ", decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, id);
            s.setString(2, proposed.domain());
            s.setString(3, proposed.severity().wire());
            s.setBoolean(4, proposed.rejectMedia());
            s.setBoolean(5, proposed.rejectReports());
            s.setString(6, SourceStore.cut(proposed.publicComment(), 1000));
            s.setString(7, SourceStore.cut(String.join(",", sources), 2000));
            s.setString(8, SourceStore.cut(reason, 500));
            s.setLong(9, now);
            s.setString(10, state.wire());
            if (state == Review.State.PENDING) {
                s.setNull(11, java.sql.Types.BIGINT);
            } else {
                s.setLong(11, now);
            }
            s.executeUpdate();
        }
        return id;
    }

    /** Brings a waiting review up to date with what the sources now propose. */
    static void updatePending(Connection c, String id, DomainBlock proposed, Collection<String> sources, String reason)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE blocklist_review SET severity = ?, reject_media = ?,"
                + " reject_reports = ?, public_comment = ?, sources = ?, reason = ? WHERE id = ? AND state = 'pending'")) {
            s.setString(1, proposed.severity().wire());
            s.setBoolean(2, proposed.rejectMedia());
            s.setBoolean(3, proposed.rejectReports());
            s.setString(4, SourceStore.cut(proposed.publicComment(), 1000));
            s.setString(5, SourceStore.cut(String.join(",", sources), 2000));
            s.setString(6, SourceStore.cut(reason, 500));
            s.setString(7, id);
            s.executeUpdate();
        }
    }

    /** Closes a waiting review; false if it was no longer waiting. */
    static boolean decide(Connection c, String id, Review.State state, long now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE blocklist_review SET state = ?, decided_at = ? WHERE id = ? AND state = 'pending'")) {
            s.setString(1, state.wire());
            s.setLong(2, now);
            s.setString(3, id);
            return s.executeUpdate() == 1;
        }
    }

    private static List<Review> list(PreparedStatement s) throws SQLException {
        List<Review> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                String sources = r.getString(7);
                out.add(new Review(r.getString(1),
                        new DomainBlock(r.getString(2), Severity.parse(r.getString(3)), r.getBoolean(4), r.getBoolean(5),
                                r.getString(6), "", false),
                        sources.isEmpty() ? List.of() : Arrays.asList(sources.split(",")), r.getString(8), r.getLong(9),
                        Review.State.parse(r.getString(10))));
            }
        }
        return out;
    }
}
