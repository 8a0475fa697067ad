package hearth.node.blocks.subscriptions;

import hearth.federation.blocklist.DomainBlock;
import hearth.node.moderation.ModLog;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Stores what one fetch of a source brought, inside the caller's transaction: the entries it
 * lists now, or why it failed. A source removed while it was being fetched is left alone. Stateless.
 */
final class FetchResults {

    private FetchResults() {
    }

    /** A feed's changes are applied to what it listed before; a CSV replaces it. */
    static void accepted(Connection c, Source source, SourceReader.Fetched fetched, long now) throws SQLException {
        if (SourceStore.source(c, source.id()).isEmpty()) {
            return;
        }
        switch (fetched) {
            case SourceReader.Changes changes -> {
                for (String domain : changes.retracted()) {
                    SourceStore.removeEntry(c, source.id(), domain);
                }
                for (DomainBlock b : changes.listed()) {
                    SourceStore.putEntry(c, source.id(), b);
                }
                SourceStore.fetched(c, source.id(), now, null, changes.sequence());
            }
            case SourceReader.WholeList whole -> {
                SourceStore.clearEntries(c, source.id());
                for (DomainBlock b : whole.listed()) {
                    SourceStore.putEntry(c, source.id(), b);
                }
                SourceStore.fetched(c, source.id(), now, null, null);
            }
        }
    }

    /**
     * The source keeps its last entries. A refusal is a warning for the moderators, so it goes to
     * the modlog too, once per distinct reason (an hourly schedule must not flood the log).
     */
    static void failed(Connection c, Source source, String error, boolean refused, long now) throws SQLException {
        if (SourceStore.source(c, source.id()).isEmpty()) {
            return;
        }
        SourceStore.fetched(c, source.id(), now, error, null);
        if (refused && !error.equals(source.lastError())) {
            ModLog.record(c, now, null, "blocklist-refused", error, source.label(), null);
        }
    }
}
