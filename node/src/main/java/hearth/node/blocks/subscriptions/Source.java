package hearth.node.blocks.subscriptions;

import hearth.node.federation.Urls;
import java.net.URI;

/**
 * A subscribed blocklist, as stored. {@code lastFetchedAt} is the last attempt (null before the
 * first), {@code lastError} why it failed or was refused (null when it went well),
 * {@code lastSequence} the feed's change number at the last accepted fetch. Immutable.
 */
public record Source(String id, URI url, SourceKind kind, double trust, long lastSequence, Long lastFetchedAt,
                     String lastError, long createdAt) {

    /** How the source is named in reasons and the log: the host that serves it. */
    public String label() {
        return Urls.authorityOf(url);
    }
}
