package hearth.federation.blocklist;

import java.util.Locale;

/**
 * How hard a block holds, weakest first, with Mastodon's names and Hearth's {@code filter}.
 * {@code noop} records an opinion without acting; {@code silence} keeps a domain out of public
 * listings but reachable by follow; {@code filter} holds its content for a moderator's review;
 * {@code suspend} refuses everything and deletes what was stored.
 */
public enum Severity {
    NOOP, SILENCE, FILTER, SUSPEND;

    /** Reads a severity as written in Mastodon's CSV or Hearth's feed; blank means Mastodon's default, suspend. */
    public static Severity parse(String text) {
        if (text == null || text.isBlank()) {
            return SUSPEND;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "noop", "none" -> NOOP;
            case "silence", "limit" -> SILENCE;
            case "filter" -> FILTER;
            case "suspend" -> SUSPEND;
            default -> throw new IllegalArgumentException("unknown severity: " + text.strip());
        };
    }

    /** The word written to CSV and feeds. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
