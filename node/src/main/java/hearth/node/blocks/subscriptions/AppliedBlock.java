package hearth.node.blocks.subscriptions;

import hearth.federation.blocklist.Severity;
import java.util.List;

/**
 * A block in force because of subscriptions: its severity, the sources behind it, since when
 * (the first of them), and whether a moderator applied it from the review queue. Immutable.
 */
public record AppliedBlock(String domain, Severity severity, List<String> sourceIds, long since, boolean approved) {

    public AppliedBlock {
        sourceIds = List.copyOf(sourceIds);
    }
}
