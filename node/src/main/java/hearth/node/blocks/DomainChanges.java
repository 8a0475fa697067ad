package hearth.node.blocks;

import hearth.federation.blocklist.DomainBlock;
import hearth.node.moderation.ModLog;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One change to the blocks, with what must go with it in the same transaction: its line in the
 * public modlog (naming an obfuscated domain only by its obfuscated form) and, for a shared
 * domain entry, the feed's history. Each returns false when nothing changed (and then writes
 * nothing). Stateless.
 */
final class DomainChanges {

    static final String BLOCK = "block-domain";
    static final String CHANGE = "change-block";
    static final String LIFT = "lift-block";
    static final String BLOCK_ACTOR = "block-actor";
    static final String LIFT_ACTOR = "lift-actor-block";

    private DomainChanges() {
    }

    static boolean put(Connection c, DomainBlock block, boolean shared, String moderatorId, long now)
            throws SQLException {
        Optional<DomainEntry> old = BlockStore.domain(c, block.domain());
        if (old.isPresent() && old.get().block().equals(block) && old.get().shared() == shared) {
            return false;
        }
        BlockStore.putDomain(c, new DomainEntry(block, shared, old.map(DomainEntry::createdAt).orElse(now), now));
        String reason = block.severity().wire() + (block.publicComment().isEmpty() ? "" : ": " + block.publicComment());
        ModLog.record(c, now, null, old.isPresent() ? CHANGE : BLOCK, reason, shownName(block), moderatorId);
        if (shared && !block.obfuscate()) {
            FeedHistory.publish(c, block, now);
        } else {
            // No longer shared, or now obfuscated: say so to subscribers rather than go quiet.
            FeedHistory.retract(c, block.domain(), now);
        }
        return true;
    }

    /** As {@link #put}, keeping what the file cannot say: the private comment, and that the entry was shared. */
    static boolean importOne(Connection c, DomainBlock block, boolean shared, String moderatorId, long now)
            throws SQLException {
        Optional<DomainEntry> old = BlockStore.domain(c, block.domain());
        DomainBlock merged = block;
        if (old.isPresent() && block.privateComment().isEmpty()) {
            merged = new DomainBlock(block.domain(), block.severity(), block.rejectMedia(), block.rejectReports(),
                    block.publicComment(), old.get().block().privateComment(), block.obfuscate());
        }
        return put(c, merged, shared || old.map(DomainEntry::shared).orElse(false), moderatorId, now);
    }

    static boolean lift(Connection c, String domain, String moderatorId, String reason, long now) throws SQLException {
        Optional<DomainEntry> old = BlockStore.domain(c, domain);
        if (old.isEmpty()) {
            return false;
        }
        BlockStore.deleteDomain(c, domain);
        ModLog.record(c, now, null, LIFT, reason == null ? "" : reason.strip(), shownName(old.get().block()), moderatorId);
        FeedHistory.retract(c, domain, now);
        return true;
    }

    static boolean putActor(Connection c, ActorBlock block, String moderatorId) throws SQLException {
        Optional<ActorBlock> old = BlockStore.actors(c).stream().filter(a -> a.actor().equals(block.actor())).findFirst();
        if (old.isPresent() && old.get().severity() == block.severity() && old.get().comments().equals(block.comments())) {
            return false;
        }
        BlockStore.putActor(c, old.map(o -> new ActorBlock(o.actor(), block.severity(), block.comments(), o.createdAt()))
                .orElse(block));
        ModLog.record(c, block.createdAt(), null, BLOCK_ACTOR, block.severity().wire(), block.actor().toString(),
                moderatorId);
        return true;
    }

    static boolean liftActor(Connection c, URI actor, String moderatorId, String reason, long now) throws SQLException {
        if (!BlockStore.deleteActor(c, actor)) {
            return false;
        }
        ModLog.record(c, now, null, LIFT_ACTOR, reason == null ? "" : reason.strip(), actor.toString(), moderatorId);
        return true;
    }

    /** The domain as the public modlog may name it. */
    static String shownName(DomainBlock block) {
        return block.obfuscate() ? obfuscated(block.domain()) : block.domain();
    }

    /**
     * Mastodon's obfuscation: the first and last quarter of the name stay, the letters in between
     * become {@code *} (dots stay), so those who know the name recognise it and others cannot read it.
     */
    static String obfuscated(String domain) {
        int length = domain.length();
        int visible = length / 4;
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            char ch = domain.charAt(i);
            out.append(i > visible && i < length - visible && ch != '.' ? '*' : ch);
        }
        return out.toString();
    }
}
