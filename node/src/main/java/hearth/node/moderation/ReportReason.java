package hearth.node.moderation;

import java.util.Locale;
import java.util.Optional;

/** Why a reader reports a post. "Someone may be at risk" goes to the top of the queue. */
public enum ReportReason {
    AT_RISK("at-risk", "Someone may be at risk"),
    HARASSMENT("harassment", "Harassment"),
    HARMFUL_ADVICE("harmful-advice", "Harmful advice"),
    IDENTIFYING("identifying", "It identifies someone"),
    SPAM("spam", "Spam"),
    OTHER("other", "Something else");

    private final String wire;
    private final String label;

    ReportReason(String wire, String label) {
        this.wire = wire;
        this.label = label;
    }

    public String wire() {
        return wire;
    }

    public String label() {
        return label;
    }

    public static Optional<ReportReason> parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (ReportReason r : values()) {
            if (r.wire.equals(t)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
