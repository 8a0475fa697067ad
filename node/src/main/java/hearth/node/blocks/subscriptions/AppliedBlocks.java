package hearth.node.blocks.subscriptions;

import hearth.federation.blocklist.DomainBlock;
import hearth.node.blocks.Blocks;
import hearth.node.blocks.DomainEntry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The node's domain blocks as the subscriptions see them: read them, apply one, lift one. The
 * only door to {@link Blocks}, so the rest of this package does not depend on its shape.
 * Blocks applied from subscriptions are not shared in this node's own feed: passing on what
 * others published would echo lists between nodes that follow each other.
 */
interface AppliedBlocks {

    /** Every domain block in force now, by normalized domain. */
    Map<String, DomainBlock> current();

    /** @param moderatorId null when applied automatically */
    void put(DomainBlock block, String moderatorId);

    void lift(String domain, String reason);

    static AppliedBlocks of(Blocks blocks) {
        return new AppliedBlocks() {
            @Override
            public Map<String, DomainBlock> current() {
                Map<String, DomainBlock> out = new LinkedHashMap<>();
                for (DomainEntry e : blocks.list()) {
                    out.put(e.domain(), e.block());
                }
                return out;
            }

            @Override
            public void put(DomainBlock block, String moderatorId) {
                blocks.put(block, false, moderatorId);
            }

            @Override
            public void lift(String domain, String reason) {
                blocks.lift(domain, null, reason);
            }
        };
    }
}
