package hearth.federation.blocklist;

import java.util.Locale;

/** What a feed entry blocks: a domain with its subdomains, or one remote actor by its id. */
public enum TargetKind {
    DOMAIN, ACTOR;

    /** The word written in the feed. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@link #wire()}'s word; anything else is refused with {@link IllegalArgumentException}. */
    public static TargetKind parse(String text) {
        for (TargetKind kind : values()) {
            if (kind.wire().equals(text)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown target kind: " + text);
    }
}
