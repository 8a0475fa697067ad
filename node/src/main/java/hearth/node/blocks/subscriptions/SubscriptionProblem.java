package hearth.node.blocks.subscriptions;

/** A request the subscriptions cannot carry out; the message is written for a moderator. */
public final class SubscriptionProblem extends RuntimeException {

    public SubscriptionProblem(String message) {
        super(message, null, false, false);
    }
}
