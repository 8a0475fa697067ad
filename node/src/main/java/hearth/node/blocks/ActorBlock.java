package hearth.node.blocks;

import hearth.federation.blocklist.Severity;
import java.net.URI;
import java.util.Objects;

/**
 * One remote actor's block, whatever its domain's entry says: {@code suspend} refuses her
 * activities, {@code filter} holds her posts for review, {@code silence} keeps them out of
 * listings. {@code comments} are for this node's moderators only. Immutable.
 */
public record ActorBlock(URI actor, Severity severity, String comments, long createdAt) {

    public ActorBlock {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(severity, "severity");
        if (!"https".equals(actor.getScheme()) && !"http".equals(actor.getScheme()) || actor.getHost() == null) {
            throw new IllegalArgumentException("an actor is an http(s) address, got: " + actor);
        }
        comments = comments == null ? "" : comments.strip();
        if (comments.length() > 2000) {
            throw new IllegalArgumentException("comments are at most 2000 characters");
        }
    }
}
