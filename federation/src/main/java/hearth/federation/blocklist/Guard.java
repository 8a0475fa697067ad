package hearth.federation.blocklist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Checks that keep a subscribed feed, wrong or hostile, from cutting the node off: a block that
 * would cover the node itself or a partner it federates with on purpose, or too many new blocks
 * at once. The node holds such decisions for a moderator's review instead of applying them.
 *
 * <pre>{@code
 * List<String> reasons = Guard.reasonsToHold(decision, "hearth.example", allowListed);
 * if (!reasons.isEmpty()) queueForReview(decision, String.join("; ", reasons));
 * if (Guard.tooMany(agreed.size(), policy.maxNewBlocks())) queueAllForReview(agreed);
 * }</pre>
 * Stateless and thread-safe.
 */
public final class Guard {

    private Guard() {
    }

    /**
     * Why this decision must not be applied automatically; empty when nothing stands against it.
     * A block is held when it covers the node or a partner ({@code example} covers
     * {@code hearth.example}) or lies inside one ({@code sub.hearth.example}), so that neither a
     * broad entry nor a narrow one cuts a part of the node off.
     *
     * @param ownHost the node's authority (host, or host:port)
     * @param partners allow-listed domains
     * @throws IllegalArgumentException if {@code ownHost} or a partner is not a domain name
     */
    public static List<String> reasonsToHold(Decision d, String ownHost, Collection<String> partners) {
        Objects.requireNonNull(d, "d");
        Objects.requireNonNull(partners, "partners");
        List<String> reasons = new ArrayList<>();
        String self = Domains.normalize(ownHost);
        if (overlaps(d.domain(), self)) {
            reasons.add("it would block this node (" + self + ")");
        }
        for (String partner : partners) {
            String p = Domains.normalize(partner);
            if (overlaps(d.domain(), p)) {
                reasons.add("it would block the partner " + p);
            }
        }
        return List.copyOf(reasons);
    }

    /** True if {@code newBlocks} applied in one refresh exceed the {@code limit} (0 or more). */
    public static boolean tooMany(int newBlocks, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("the limit cannot be negative");
        }
        return newBlocks > limit;
    }

    private static boolean overlaps(String blocked, String authority) {
        return Domains.covers(blocked, authority) || Domains.covers(authority, blocked);
    }
}
