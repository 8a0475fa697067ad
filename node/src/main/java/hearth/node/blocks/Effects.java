package hearth.node.blocks;

import hearth.federation.blocklist.DomainBlock;
import hearth.federation.blocklist.Severity;
import hearth.node.forum.FederatedPosts;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * What a change to the blocks does to content already stored, worked out by comparing the
 * blocks before and after it: a server that has just become suspended loses everything kept
 * from it; when silences may have moved, the silenced marks are recomputed. Stateless.
 */
final class Effects {

    private static final Logger LOG = Logger.getLogger(Effects.class.getName());

    private Effects() {
    }

    /** Returns true when posts changed in a way the search index must hear about. */
    static boolean apply(Connection c, FederatedPosts posts, Snapshot before, Snapshot after, long now)
            throws SQLException {
        boolean touched = false;
        if (newlySuspended(before, after)) {
            Suspension.Erased erased = Suspension.apply(c, posts,
                    a -> after.severityFor(a) == Severity.SUSPEND && before.severityFor(a) != Severity.SUSPEND, now);
            touched = erased.posts() > 0;
            if (touched || erased.followers() + erased.follows() + erased.actors() > 0) {
                LOG.info("suspension applied: " + erased.posts() + " posts erased, " + erased.followers()
                        + " followers and " + erased.actors() + " remote actors forgotten");
            }
        }
        if (mentionsSilence(before) || mentionsSilence(after)) {
            posts.markSilenced(c, actor -> after.severityFor(actor) == Severity.SILENCE);
        }
        return touched;
    }

    private static boolean newlySuspended(Snapshot before, Snapshot after) {
        for (Map.Entry<String, DomainBlock> e : after.domains().entrySet()) {
            DomainBlock old = before.domains().get(e.getKey());
            if (e.getValue().severity() == Severity.SUSPEND && (old == null || old.severity() != Severity.SUSPEND)) {
                return true;
            }
        }
        // Lifting or weakening a more specific entry can put a subdomain under a parent's suspension.
        for (Map.Entry<String, DomainBlock> e : before.domains().entrySet()) {
            DomainBlock now = after.domains().get(e.getKey());
            if (now == null || !Objects.equals(now.severity(), e.getValue().severity())) {
                if (after.severityFor(e.getKey()) == Severity.SUSPEND) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean mentionsSilence(Snapshot snapshot) {
        return snapshot.domains().values().stream().anyMatch(b -> b.severity() == Severity.SILENCE)
                || snapshot.actors().containsValue(Severity.SILENCE);
    }
}
