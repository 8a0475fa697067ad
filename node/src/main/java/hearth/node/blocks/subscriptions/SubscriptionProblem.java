package hearth.node.blocks.subscriptions;

import hearth.ui.i18n.Text;

/**
 * A request the subscriptions cannot carry out; {@link #text()} tells the moderator why, in her
 * language once the web layer says it.
 */
public final class SubscriptionProblem extends RuntimeException {

    private final transient Text text;

    public SubscriptionProblem(Text text) {
        super(text.key(), null, false, false);
        this.text = text;
    }

    public Text text() {
        return text;
    }
}
