package hearth.node.blocks;

import hearth.federation.blocklist.DomainBlock;

/**
 * A domain block as this node keeps it: the block, whether it is published in the feed
 * ({@code shared}), and when it was made and last changed (ms). Immutable.
 */
public record DomainEntry(DomainBlock block, boolean shared, long createdAt, long updatedAt) {

    public String domain() {
        return block.domain();
    }
}
