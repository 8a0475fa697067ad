package hearth.node.reactions;

import java.util.Optional;

/**
 * The kinds of support reaction, in the order pages show them. There are no negative kinds and no
 * scores. {@link #wire()} is the form value and the stored value; {@link #labelKey()} the text.
 */
public enum ReactionKind {
    SUPPORT("support", "reactions.kind.support"),
    METOO("metoo", "reactions.kind.metoo"),
    THANKS("thanks", "reactions.kind.thanks");

    private final String wire;
    private final String labelKey;

    ReactionKind(String wire, String labelKey) {
        this.wire = wire;
        this.labelKey = labelKey;
    }

    public String wire() {
        return wire;
    }

    /** The message key of its label ("Sending support"). */
    public String labelKey() {
        return labelKey;
    }

    /** The kind a form sent, or empty for anything else. */
    public static Optional<ReactionKind> fromWire(String value) {
        for (ReactionKind kind : values()) {
            if (kind.wire.equals(value)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
