package hearth.node.blocks.subscriptions;

import hearth.federation.blocklist.DomainBlock;
import java.util.List;

/**
 * A block proposed by the subscriptions and held for a moderator: what would be applied, which
 * sources list it, and why it was held. Immutable.
 */
public record Review(String id, DomainBlock proposed, List<String> sourceIds, String reason, long createdAt,
                     State state) {

    public Review {
        sourceIds = List.copyOf(sourceIds);
    }

    /** Where a review stands. */
    public enum State {
        PENDING, APPROVED, REJECTED, WITHDRAWN;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static State parse(String word) {
            return valueOf(word.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public String domain() {
        return proposed.domain();
    }
}
