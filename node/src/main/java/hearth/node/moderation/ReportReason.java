package hearth.node.moderation;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a reader reports a post. "Someone may be at risk" goes to the top of the queue.
 * {@link #label()} is the English word other servers receive; pages show {@link #key()}'s text.
 */
public enum ReportReason {
    AT_RISK("at-risk", "Someone may be at risk", "moderation.reason.atRisk"),
    HARASSMENT("harassment", "Harassment", "moderation.reason.harassment"),
    HARMFUL_ADVICE("harmful-advice", "Harmful advice", "moderation.reason.harmfulAdvice"),
    IDENTIFYING("identifying", "It identifies someone", "moderation.reason.identifying"),
    SPAM("spam", "Spam", "moderation.reason.spam"),
    OTHER("other", "Something else", "moderation.reason.other");

    private final String wire;
    private final String label;
    private final String key;

    ReportReason(String wire, String label, String key) {
        this.wire = wire;
        this.label = label;
        this.key = key;
    }

    /** The bundle key of the words a reader or moderator sees. */
    public String key() {
        return key;
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
