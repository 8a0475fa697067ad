package hearth.node.reactions;

/**
 * Why a reaction was refused. The web layer turns each into a calm page; none carries a stack trace.
 */
public abstract sealed class ReactionsProblem extends RuntimeException
        permits ReactionsProblem.NotFound, ReactionsProblem.Removed {

    ReactionsProblem(String message) {
        super(message, null, false, false);
    }

    /** No such post in that thread, or readers cannot see it (deleted, waiting for a moderator). */
    public static final class NotFound extends ReactionsProblem {
        public NotFound() {
            super("no post to react to");
        }
    }

    /** Moderators removed the post: readers see only the reason, and it takes no reactions. */
    public static final class Removed extends ReactionsProblem {
        public Removed() {
            super("the post was removed by moderators");
        }
    }
}
