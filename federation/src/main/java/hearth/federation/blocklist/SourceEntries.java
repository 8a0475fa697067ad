package hearth.federation.blocklist;

import java.util.Map;
import java.util.Objects;

/**
 * What one subscribed source lists now, and how much this node trusts it.
 *
 * <pre>{@code
 * new SourceEntries("https://a.example/blocklist.json", 2.0, feed.domainBlocks());
 * }</pre>
 *
 * <p>A source's retracted entries are simply absent. Keys must be the normalized domains of
 * their blocks; trust must be a positive finite number; anything else is refused with
 * {@link IllegalArgumentException}. Immutable and thread-safe.
 *
 * @param sourceId how the node names the source (its URL, or its row id)
 * @param trust this source's weight; with all weights 1, a count threshold counts sources
 */
public record SourceEntries(String sourceId, double trust, Map<String, DomainBlock> blocks) {

    public SourceEntries {
        Objects.requireNonNull(sourceId, "sourceId");
        if (sourceId.isBlank()) {
            throw new IllegalArgumentException("a source needs an id");
        }
        if (!(trust > 0) || Double.isInfinite(trust)) {
            throw new IllegalArgumentException("trust must be a positive number, not " + trust);
        }
        blocks = Map.copyOf(blocks);
        blocks.forEach((domain, block) -> {
            if (!domain.equals(block.domain())) {
                throw new IllegalArgumentException("the key " + domain + " holds a block for " + block.domain());
            }
        });
    }
}
