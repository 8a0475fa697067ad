package hearth.federation.blocklist;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A node's blocklist feed: its entries with the change number of each one's last change.
 *
 * <pre>{@code
 * Feed all = new Feed(id, nodeActor, 42, updated, entries);
 * Feed answer = all.since(requestedSince);    // for GET /blocklist.json?since=N
 * ObjectNode json = FeedDocument.sign(answer, keyId, privateKey, now);
 * }</pre>
 *
 * <p>{@code sequence} is the feed's latest change number (0 for a node that never published);
 * a subscriber remembers it and asks for what came after. No entry may carry a higher number,
 * and a target appears at most once per kind. {@code updated} is kept to the second. Anything
 * else is refused with {@link IllegalArgumentException}. Immutable and thread-safe.
 *
 * @param id the feed's URL
 * @param issuer the actor whose key signs the feed (the node actor)
 */
public record Feed(URI id, URI issuer, long sequence, Instant updated, List<FeedEntry> entries) {

    public Feed {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuer, "issuer");
        updated = Objects.requireNonNull(updated, "updated").truncatedTo(ChronoUnit.SECONDS);
        entries = List.copyOf(entries);
        if (sequence < 0) {
            throw new IllegalArgumentException("a feed's sequence cannot be negative");
        }
        Set<String> seen = new HashSet<>();
        for (FeedEntry entry : entries) {
            if (entry.sequence() > sequence) {
                throw new IllegalArgumentException(entry.target() + " has sequence " + entry.sequence()
                        + ", beyond the feed's " + sequence);
            }
            if (!seen.add(entry.kind().wire() + " " + entry.target())) {
                throw new IllegalArgumentException(entry.target() + " is listed twice");
            }
        }
    }

    /** The same feed with only the entries changed after change number {@code n}. */
    public Feed since(long n) {
        return new Feed(id, issuer, sequence, updated,
                entries.stream().filter(e -> e.sequence() > n).toList());
    }

    /** The domain blocks this feed asks for now (retractions and actor entries left out), by domain. */
    public Map<String, DomainBlock> domainBlocks() {
        Map<String, DomainBlock> blocks = new LinkedHashMap<>();
        for (FeedEntry entry : entries) {
            if (entry.kind() == TargetKind.DOMAIN && !entry.retracted()) {
                blocks.put(entry.target(), entry.toDomainBlock());
            }
        }
        return Collections.unmodifiableMap(blocks);
    }
}
