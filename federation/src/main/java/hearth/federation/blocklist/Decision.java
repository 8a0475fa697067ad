package hearth.federation.blocklist;

import java.util.List;
import java.util.Objects;

/**
 * What the subscribed sources say about one domain: the block merged from every source listing
 * it, which sources those are (in the order they were given), and whether they reached the
 * threshold. A decision that is not {@code agreed} goes to a moderator's review. Immutable and
 * thread-safe.
 */
public record Decision(String domain, DomainBlock merged, List<String> sources, boolean agreed) {

    public Decision {
        Objects.requireNonNull(merged, "merged");
        sources = List.copyOf(sources);
        if (!merged.domain().equals(domain)) {
            throw new IllegalArgumentException("a decision for " + domain + " holds a block for " + merged.domain());
        }
    }
}
