package hearth.node.blocks;

import hearth.federation.blocklist.DomainBlock;
import hearth.federation.blocklist.Severity;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL of domain and actor blocks, one method per statement, on a connection the caller owns
 * (so a change, its modlog line and its feed entry share one transaction). Portable SQL only.
 * Stateless.
 */
final class BlockStore {

    private static final String DOMAIN_COLUMNS = "domain, severity, reject_media, reject_reports, public_comment,"
            + " private_comment, obfuscate, shared, created_at, updated_at";

    private BlockStore() {
    }

    static List<DomainEntry> domains(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + DOMAIN_COLUMNS + " FROM domain_block ORDER BY domain");
             ResultSet r = s.executeQuery()) {
            List<DomainEntry> out = new ArrayList<>();
            while (r.next()) {
                out.add(readDomain(r));
            }
            return out;
        }
    }

    static Optional<DomainEntry> domain(Connection c, String domain) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + DOMAIN_COLUMNS + " FROM domain_block WHERE domain = ?")) {
            s.setString(1, domain);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(readDomain(r)) : Optional.empty();
            }
        }
    }

    private static DomainEntry readDomain(ResultSet r) throws SQLException {
        DomainBlock block = new DomainBlock(r.getString(1), Severity.parse(r.getString(2)), r.getBoolean(3),
                r.getBoolean(4), r.getString(5), r.getString(6), r.getBoolean(7));
        return new DomainEntry(block, r.getBoolean(8), r.getLong(9), r.getLong(10));
    }

    /** Inserts or replaces the entry for {@code entry.domain()}, keeping its first creation time. */
    static void putDomain(Connection c, DomainEntry entry) throws SQLException {
        DomainBlock b = entry.block();
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE domain_block SET severity = ?, reject_media = ?, reject_reports = ?, public_comment = ?,
                       private_comment = ?, obfuscate = ?, shared = ?, updated_at = ?
                WHERE domain = ?""")) {
            bindDomain(s, b, entry.shared());
            s.setLong(8, entry.updatedAt());
            s.setString(9, b.domain());
            if (s.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO domain_block (severity, reject_media, reject_reports, public_comment, private_comment,
                       obfuscate, shared, created_at, updated_at, domain)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            bindDomain(s, b, entry.shared());
            s.setLong(8, entry.createdAt());
            s.setLong(9, entry.updatedAt());
            s.setString(10, b.domain());
            s.executeUpdate();
        }
    }

    private static void bindDomain(PreparedStatement s, DomainBlock b, boolean shared) throws SQLException {
        s.setString(1, b.severity().wire());
        s.setBoolean(2, b.rejectMedia());
        s.setBoolean(3, b.rejectReports());
        s.setString(4, b.publicComment());
        s.setString(5, b.privateComment());
        s.setBoolean(6, b.obfuscate());
        s.setBoolean(7, shared);
    }

    static boolean deleteDomain(Connection c, String domain) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM domain_block WHERE domain = ?")) {
            s.setString(1, domain);
            return s.executeUpdate() > 0;
        }
    }

    static List<ActorBlock> actors(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT actor_uri, severity, comments, created_at FROM actor_block ORDER BY actor_uri");
             ResultSet r = s.executeQuery()) {
            List<ActorBlock> out = new ArrayList<>();
            while (r.next()) {
                out.add(new ActorBlock(URI.create(r.getString(1)), Severity.parse(r.getString(2)), r.getString(3),
                        r.getLong(4)));
            }
            return out;
        }
    }

    static void putActor(Connection c, ActorBlock block) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE actor_block SET severity = ?, comments = ? WHERE actor_uri = ?")) {
            s.setString(1, block.severity().wire());
            s.setString(2, block.comments());
            s.setString(3, block.actor().toString());
            if (s.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO actor_block (actor_uri, severity, comments, created_at) VALUES (?, ?, ?, ?)")) {
            s.setString(1, block.actor().toString());
            s.setString(2, block.severity().wire());
            s.setString(3, block.comments());
            s.setLong(4, block.createdAt());
            s.executeUpdate();
        }
    }

    static boolean deleteActor(Connection c, URI actor) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM actor_block WHERE actor_uri = ?")) {
            s.setString(1, actor.toString());
            return s.executeUpdate() > 0;
        }
    }

    // ---- the change counter a running node watches

    static long version(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT version FROM block_counter WHERE id = 1");
             ResultSet r = s.executeQuery()) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    static void bumpVersion(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE block_counter SET version = version + 1 WHERE id = 1")) {
            s.executeUpdate();
        }
    }

    /** Everything, read in the caller's transaction so the view matches what was just written. */
    static Snapshot snapshot(Connection c, boolean allowlist, Set<String> allow) throws SQLException {
        long version = version(c);
        Map<String, DomainBlock> domains = new LinkedHashMap<>();
        for (DomainEntry entry : domains(c)) {
            domains.put(entry.domain(), entry.block());
        }
        Map<URI, Severity> actors = new LinkedHashMap<>();
        for (ActorBlock block : actors(c)) {
            actors.put(block.actor(), block.severity());
        }
        return new Snapshot(version, domains, actors, allowlist, allow);
    }
}
