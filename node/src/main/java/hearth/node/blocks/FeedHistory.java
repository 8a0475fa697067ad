package hearth.node.blocks;

import hearth.federation.blocklist.DomainBlock;
import hearth.federation.blocklist.FeedEntry;
import hearth.federation.blocklist.Severity;
import hearth.federation.blocklist.TargetKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The published feed's history: every target it has published, as last published, each with the
 * feed sequence number of its last change. A change to a published entry, or its lift, takes the
 * next number; a lift is kept as a retraction so a subscriber asking for "what changed since N"
 * hears about it. Stateless; every method runs on the caller's connection.
 */
final class FeedHistory {

    private static final String COLUMNS = "target, kind, severity, flags, labels, public_reason, first_changed,"
            + " last_changed, sequence, retracted";

    private FeedHistory() {
    }

    /** Publishes {@code block} (or its change); nothing happens when it is already published as it is. */
    static boolean publish(Connection c, DomainBlock block, long now) throws SQLException {
        Optional<FeedEntry> old = entry(c, block.domain());
        String flags = flags(block.rejectMedia(), block.rejectReports());
        if (old.isPresent() && !old.get().retracted() && old.get().severity() == block.severity()
                && flags.equals(flags(old.get().rejectMedia(), old.get().rejectReports()))
                && old.get().publicReason().equals(block.publicComment())) {
            return false;
        }
        long sequence = nextSequence(c);
        if (old.isPresent()) {
            try (PreparedStatement s = c.prepareStatement("""
                    UPDATE blocklist_published SET severity = ?, flags = ?, public_reason = ?, last_changed = ?,
                           sequence = ?, retracted = ? WHERE target = ?""")) {
                s.setString(1, block.severity().wire());
                s.setString(2, flags);
                s.setString(3, block.publicComment());
                s.setLong(4, now);
                s.setLong(5, sequence);
                s.setBoolean(6, false);
                s.setString(7, block.domain());
                s.executeUpdate();
            }
            return true;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO blocklist_published (" + COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, block.domain());
            s.setString(2, TargetKind.DOMAIN.name().toLowerCase(java.util.Locale.ROOT));
            s.setString(3, block.severity().wire());
            s.setString(4, flags);
            s.setString(5, "");
            s.setString(6, block.publicComment());
            s.setLong(7, now);
            s.setLong(8, now);
            s.setLong(9, sequence);
            s.setBoolean(10, false);
            s.executeUpdate();
        }
        return true;
    }

    /** Turns a published entry into a retraction; nothing happens if it was never published or is retracted. */
    static boolean retract(Connection c, String target, long now) throws SQLException {
        Optional<FeedEntry> old = entry(c, target);
        if (old.isEmpty() || old.get().retracted()) {
            return false;
        }
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE blocklist_published SET retracted = ?, last_changed = ?, sequence = ? WHERE target = ?")) {
            s.setBoolean(1, true);
            s.setLong(2, now);
            s.setLong(3, nextSequence(c));
            s.setString(4, target);
            s.executeUpdate();
        }
        return true;
    }

    static Optional<FeedEntry> entry(Connection c, String target) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM blocklist_published WHERE target = ?")) {
            s.setString(1, target);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        }
    }

    /** Entries changed after sequence {@code since}, in sequence order. */
    static List<FeedEntry> since(Connection c, long since) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                + " FROM blocklist_published WHERE sequence > ? ORDER BY sequence")) {
            s.setLong(1, since);
            List<FeedEntry> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(read(r));
                }
            }
            return out;
        }
    }

    static long sequence(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT feed_sequence FROM block_counter WHERE id = 1");
             ResultSet r = s.executeQuery()) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    private static long nextSequence(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE block_counter SET feed_sequence = feed_sequence + 1 WHERE id = 1")) {
            s.executeUpdate();
        }
        return sequence(c);
    }

    private static FeedEntry read(ResultSet r) throws SQLException {
        List<String> flags = split(r.getString(4));
        return new FeedEntry(r.getString(1), TargetKind.valueOf(r.getString(2).toUpperCase(java.util.Locale.ROOT)),
                Severity.parse(r.getString(3)), flags.contains("reject_media"), flags.contains("reject_reports"),
                split(r.getString(5)), r.getString(6), Instant.ofEpochMilli(r.getLong(7)),
                Instant.ofEpochMilli(r.getLong(8)), r.getLong(9), r.getBoolean(10));
    }

    private static String flags(boolean rejectMedia, boolean rejectReports) {
        List<String> flags = new ArrayList<>();
        if (rejectMedia) {
            flags.add("reject_media");
        }
        if (rejectReports) {
            flags.add("reject_reports");
        }
        return String.join(",", flags);
    }

    private static List<String> split(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
    }
}
